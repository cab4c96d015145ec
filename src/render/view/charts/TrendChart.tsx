/**
 * The backlog health score over past scans: a line on a 0–100 axis with date labels. No scan says
 * so; one scan is one dot (the trend appears with the next scan).
 */
import { ChartSvg } from './ChartSvg';
import { ChartDataTable } from './ChartDataTable';
import { GridLines } from './GridLines';
import type { ReactElement } from 'react';
import { clamp, COLORS, dayLabel, FONT, useChartId } from './theme';

export interface TrendPoint {
  /** ISO date-time of the scan. */
  createdAt: string;
  /** Health score 0..100. */
  score: number;
}

export interface TrendChartProps {
  /** Scans in any order; they are drawn oldest first. */
  points: readonly TrendPoint[];
  title?: string;
  id?: string;
  width?: number;
  height?: number;
}

const M = { left: 40, right: 36, top: 16, bottom: 30 };

/** Oldest first; unparseable dates keep their given order after the dated ones. */
function ordered(points: readonly TrendPoint[]): { t: number; label: string; score: number }[] {
  return points
    .map((p, i) => ({ t: Date.parse(p.createdAt), i, label: dayLabel(String(p.createdAt)), score: Math.round(clamp(p.score, 0, 100)) }))
    .sort((a, b) => (Number.isNaN(a.t) ? Infinity : a.t) - (Number.isNaN(b.t) ? Infinity : b.t) || a.i - b.i)
    .map(({ t, label, score }) => ({ t, label, score }));
}

/** Min distance between two date labels (a YYYY-MM-DD label is about 65 units wide at 11 px). */
const LABEL_GAP = 78;

/** Indices of the points that get a date label: the first, the last, and others where they fit, no repeats. */
function labelled(labels: string[], xs: number[]): number[] {
  const result: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const prev = result[result.length - 1];
    if (prev !== undefined && (labels[prev] === labels[i] || xs[i]! - xs[prev]! < LABEL_GAP)) {
      // The last point always gets its label, in place of a crowded neighbour (never of the first).
      if (i === labels.length - 1 && labels[prev] !== labels[i] && result.length > 1) result[result.length - 1] = i;
      continue;
    }
    result.push(i);
  }
  return result;
}

export function TrendChart({ points, title = 'Health score trend', id, width = 600, height = 220 }: TrendChartProps): ReactElement {
  const base = useChartId(id, 'trend');
  const data = ordered(points);
  const plotW = width - M.left - M.right;
  const plotH = height - M.top - M.bottom;
  const y = (score: number) => M.top + plotH * (1 - score / 100);
  const times = data.map((d) => d.t);
  const byTime = data.length > 1 && times.every((t) => !Number.isNaN(t)) && times[times.length - 1]! > times[0]!;
  const x = (i: number): number => {
    if (data.length <= 1) return M.left + plotW / 2;
    if (byTime) return M.left + (plotW * (times[i]! - times[0]!)) / (times[times.length - 1]! - times[0]!);
    return M.left + (plotW * i) / (data.length - 1);
  };
  const first = data[0];
  const last = data[data.length - 1];
  let description: string;
  if (!first || !last) description = 'No scans yet: the trend appears after the first scan.';
  else if (data.length === 1) description = `One scan: score ${first.score} on ${first.label}. The trend appears after the next scan.`;
  else description = `Health score over ${data.length} scans: ${first.score} on ${first.label}, ${last.score} on ${last.label}; lowest ${Math.min(...data.map((d) => d.score))}, highest ${Math.max(...data.map((d) => d.score))}.`;
  const titleId = `${base}-title`;
  const descId = `${base}-desc`;
  const path = data.map((d, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)} ${y(d.score).toFixed(1)}`).join(' ');

  return (
    <div className="sh-chart sh-trend" style={{ position: 'relative' }}>
      <ChartSvg titleId={titleId} descId={descId} title={title} description={description} width={width} height={height}>
        <GridLines ticks={[0, 25, 50, 75, 100]} y={y} left={M.left} right={width - M.right} />
        {data.length === 0 ? (
          <text x={M.left + plotW / 2} y={M.top + plotH / 2} textAnchor="middle" style={{ ...FONT, fill: COLORS.textSubtle }}>
            No scans yet
          </text>
        ) : null}
        {data.length > 1 ? <path d={path} fill="none" strokeWidth={2.5} strokeLinejoin="round" strokeLinecap="round" style={{ stroke: COLORS.brand }} /> : null}
        {data.map((d, i) => (
          <circle key={i} className="sh-point" cx={x(i)} cy={y(d.score)} r={data.length > 40 ? 2.5 : 4} style={{ fill: COLORS.brand }}>
            <title>{`${d.label}: ${d.score}`}</title>
          </circle>
        ))}
        {last ? (
          <text x={x(data.length - 1)} y={y(last.score) - 10} textAnchor="middle" style={{ ...FONT, fontWeight: 600, fill: COLORS.text }}>
            {last.score}
          </text>
        ) : null}
        {labelled(
          data.map((d) => d.label),
          data.map((_, i) => x(i)),
        ).map((i) => (
          <text
            key={i}
            className="sh-date"
            x={x(i)}
            y={height - M.bottom + 18}
            textAnchor="middle"
            style={{ ...FONT, fontSize: 11, fill: COLORS.textSubtle }}
          >
            {data[i]!.label}
          </text>
        ))}
      </ChartSvg>
      <ChartDataTable title={title} columns={['Scan date', 'Health score']} rows={data.map((d, i) => ({ key: i, header: d.label, cells: [d.score] }))} />
    </div>
  );
}
