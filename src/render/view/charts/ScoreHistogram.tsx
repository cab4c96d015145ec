/**
 * How many stories score in each 10-point range, 0–9 … 90–100, coloured below 50 / 50–79 / 80 and
 * up. Takes the snapshot's histogram (11 entries, the last one a perfect 100) and folds 100 into 90–100.
 */
import { ChartSvg } from './ChartSvg';
import { ChartDataTable } from './ChartDataTable';
import { GridLines } from './GridLines';
import type { ReactElement } from 'react';
import { clamp, COLORS, FONT, scoreColor, useChartId } from './theme';

export interface ScoreHistogramProps {
  /** Stories per bucket: index 0 = scores 0–9 … 9 = 90–99; entries past 9 (the snapshot's 100) count as 90–100. */
  histogram: readonly number[];
  title?: string;
  id?: string;
  width?: number;
  height?: number;
}

export const BUCKETS = 10;
const M = { left: 40, right: 8, top: 34, bottom: 28 };

/** Ten whole, non-negative counts. */
export function bucketCounts(histogram: readonly number[]): number[] {
  const counts = new Array<number>(BUCKETS).fill(0);
  histogram.forEach((v, i) => {
    counts[Math.min(BUCKETS - 1, i)]! += Math.round(clamp(v, 0, Number.MAX_SAFE_INTEGER));
  });
  return counts;
}

export function bucketLabel(i: number): string {
  return i === BUCKETS - 1 ? '90–100' : `${i * 10}–${i * 10 + 9}`;
}

/** A round axis maximum at or above `max` whose half is round too: 1, 2, 4, 6, 8, 10, 20, 30 … */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 3, 4, 5, 6, 8, 10]) if (step * power >= max && (step * power) % 2 === 0) return step * power;
  return 10 * power;
}

const LEGEND = [
  { label: 'below 50', score: 0 },
  { label: '50–79', score: 50 },
  { label: '80–100', score: 80 },
];

export function ScoreHistogram({ histogram, title = 'Stories per score range', id, width = 600, height = 240 }: ScoreHistogramProps): ReactElement {
  const base = useChartId(id, 'histogram');
  const counts = bucketCounts(histogram);
  const total = counts.reduce((a, b) => a + b, 0);
  const top = niceMax(Math.max(...counts));
  const plotW = width - M.left - M.right;
  const plotH = height - M.top - M.bottom;
  const slot = plotW / BUCKETS;
  const barW = slot * 0.72;
  const y = (n: number) => M.top + plotH * (1 - n / top);
  const ticks = top === 1 ? [0, 1] : [0, top / 2, top];
  const titleId = `${base}-title`;
  const descId = `${base}-desc`;
  const description = total
    ? `${total} ${total === 1 ? 'story' : 'stories'} by score: ${counts.map((n, i) => `${bucketLabel(i)}: ${n}`).join(', ')}.`
    : 'No stories.';

  return (
    <div className="sh-chart sh-histogram" style={{ position: 'relative' }}>
      <ChartSvg titleId={titleId} descId={descId} title={title} description={description} width={width} height={height}>
        <g className="sh-legend">
          {LEGEND.map((l, i) => (
            <g key={l.label} transform={`translate(${width - M.right - (LEGEND.length - i) * 92}, 4)`}>
              <rect width={10} height={10} y={1} rx={2} style={{ fill: scoreColor(l.score) }} />
              <text x={15} y={6} dy="0.35em" style={{ ...FONT, fontSize: 11, fill: COLORS.textSubtle }}>
                {l.label}
              </text>
            </g>
          ))}
        </g>
        <GridLines ticks={ticks} y={y} left={M.left} right={width - M.right} />
        {counts.map((n, i) => {
          const cx = M.left + slot * i + slot / 2;
          return (
            <g key={i}>
              <rect className="sh-bucket" data-bucket={bucketLabel(i)} x={cx - barW / 2} y={y(n)} width={barW} height={y(0) - y(n)} rx={2} style={{ fill: scoreColor(i * 10) }}>
                <title>{`${bucketLabel(i)}: ${n} ${n === 1 ? 'story' : 'stories'}`}</title>
              </rect>
              {n > 0 ? (
                <text x={cx} y={y(n) - 5} textAnchor="middle" style={{ ...FONT, fontSize: 11, fill: COLORS.text }}>
                  {n}
                </text>
              ) : null}
              <text x={cx} y={height - M.bottom + 16} textAnchor="middle" style={{ ...FONT, fontSize: 11, fill: COLORS.textSubtle }}>
                {bucketLabel(i)}
              </text>
            </g>
          );
        })}
      </ChartSvg>
      <ChartDataTable title={title} columns={['Score', 'Stories']} rows={counts.map((n, i) => ({ key: i, header: bucketLabel(i), cells: [n] }))} />
    </div>
  );
}
