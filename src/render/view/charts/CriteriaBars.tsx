/**
 * Pass rate per criterion (INVEST letters and the story template) as horizontal bars with % labels.
 * With `onSelect` each bar is a keyboard-focusable button; with `href` (the static HTML report) each
 * bar is a link; otherwise the chart is one image with a visually hidden data table.
 */
import { ChartSvg } from './ChartSvg';
import { ChartDataTable } from './ChartDataTable';
import { useState, type KeyboardEvent, type ReactElement } from 'react';
import { CRITERIA, CRITERION_NAMES, CRITERION_SHORT, type Criterion } from '../criteria';
import { clamp, COLORS, FONT, useChartId } from './theme';

export interface CriteriaBarsProps {
  /** Share of stories passing each criterion, 0..1 (Snapshot.passRates). Missing criteria are not drawn. */
  passRates: Partial<Record<Criterion, number>>;
  /** Stories failing each criterion, for the bars' labels. */
  failing?: Partial<Record<Criterion, number>>;
  /** Makes each bar a button (click, Enter, Space). */
  onSelect?: (criterion: Criterion) => void;
  /** Makes each bar a link (used when there is no `onSelect`). */
  href?: (criterion: Criterion) => string;
  title?: string;
  /** Base of the element ids (default: React's useId). */
  id?: string;
  width?: number;
}

const ROW = 34;
const BAR = 18;
const TOP = 6;
const AXIS = 22;
const LABEL_W = 150;
const VALUE_W = 52;

export function percent(rate: number): number {
  return Math.round(clamp(rate, 0, 1) * 100);
}

function barLabel(c: Criterion, pct: number, failing: number | undefined, action: boolean): string {
  const fails = failing === undefined ? '' : `, ${failing} ${failing === 1 ? 'story fails' : 'stories fail'}`;
  const someFail = failing === undefined ? pct < 100 : failing > 0;
  return `${CRITERION_NAMES[c]}: ${pct}% of stories pass${fails}${action && someFail ? '. Show the failing stories.' : '.'}`;
}

export function CriteriaBars({ passRates, failing, onSelect, href, title = 'Pass rate per criterion', id, width = 600 }: CriteriaBarsProps): ReactElement {
  const base = useChartId(id, 'criteria');
  const [focused, setFocused] = useState<Criterion | null>(null);
  const rows = CRITERIA.filter((c) => passRates[c] !== undefined);
  const interactive = onSelect !== undefined || href !== undefined;
  const x0 = LABEL_W + 8;
  const span = Math.max(40, width - x0 - VALUE_W);
  const height = TOP + rows.length * ROW + AXIS;
  const titleId = `${base}-title`;
  const descId = `${base}-desc`;
  const summary = rows.map((c) => `${CRITERION_NAMES[c]} ${percent(passRates[c] ?? 0)}%`).join(', ');

  const bar = (c: Criterion, i: number): ReactElement => {
    const pct = percent(passRates[c] ?? 0);
    const y = TOP + i * ROW;
    const by = y + (ROW - BAR) / 2;
    const content = (
      <>
        <rect x={0} y={y} width={width} height={ROW} fill="transparent" />
        <rect className="sh-focus-ring" x={1} y={y + 1} width={width - 2} height={ROW - 2} rx={4} fill="none" strokeWidth={2} opacity={focused === c ? 1 : 0} style={{ stroke: COLORS.focus }} />
        <text x={LABEL_W} y={y + ROW / 2} dy="0.35em" textAnchor="end" style={{ ...FONT, fill: COLORS.text }}>
          {CRITERION_NAMES[c]}
          {CRITERION_SHORT[c] ? <tspan style={{ fill: COLORS.textSubtle }}>{` (${CRITERION_SHORT[c]})`}</tspan> : null}
        </text>
        {/* Keeps the name and the value apart in the row's text ("Story template 86%", not "Story template86%"). */}{' '}
        <rect x={x0} y={by} width={span} height={BAR} rx={3} style={{ fill: COLORS.track }} />
        <rect className="sh-bar" data-criterion={c} x={x0} y={by} width={(span * pct) / 100} height={BAR} rx={3} style={{ fill: COLORS.brand }} />
        <text x={width - 4} y={y + ROW / 2} dy="0.35em" textAnchor="end" style={{ ...FONT, fontWeight: 600, fill: COLORS.text }}>
          {`${pct}%`}
        </text>
      </>
    );
    const label = barLabel(c, pct, failing?.[c], interactive);
    if (onSelect) {
      const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(c);
        }
      };
      return (
        <g
          key={c}
          className="sh-bar-row"
          role="button"
          tabIndex={0}
          aria-label={label}
          style={{ cursor: 'pointer', outline: 'none' }}
          onClick={() => onSelect(c)}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(c)}
          onBlur={() => setFocused((f) => (f === c ? null : f))}
        >
          {content}
        </g>
      );
    }
    if (href) {
      return (
        <a key={c} className="sh-bar-row" href={href(c)} aria-label={label}>
          {content}
        </a>
      );
    }
    return (
      <g key={c} className="sh-bar-row">
        {content}
      </g>
    );
  };

  const ticks = [0, 25, 50, 75, 100];
  const axisY = TOP + rows.length * ROW;
  const svg = (
    <ChartSvg
      role={interactive ? 'group' : 'img'}
      titleId={titleId}
      descId={descId}
      title={title}
      description={rows.length ? `Share of stories that pass each criterion (score 80 or more): ${summary}.` : 'No criteria to show.'}
      width={width}
      height={height}
    >
      {ticks.map((t) => {
        const x = x0 + (span * t) / 100;
        return (
          <g key={t} aria-hidden="true">
            <line x1={x} x2={x} y1={TOP} y2={axisY} strokeDasharray={t === 0 ? undefined : '2 3'} style={{ stroke: COLORS.grid }} />
            <text x={x} y={axisY + 15} textAnchor="middle" style={{ ...FONT, fontSize: 11, fill: COLORS.textSubtle }}>
              {`${t}%`}
            </text>
          </g>
        );
      })}
      {rows.map(bar)}
    </ChartSvg>
  );
  if (interactive) return <div className="sh-chart sh-criteria-bars">{svg}</div>;
  return (
    <div className="sh-chart sh-criteria-bars" style={{ position: 'relative' }}>
      {svg}
      <ChartDataTable
        title={title}
        columns={failing ? ['Criterion', 'Stories passing', 'Stories failing'] : ['Criterion', 'Stories passing']}
        rows={rows.map((c) => ({
          key: c,
          header: CRITERION_NAMES[c],
          cells: failing ? [`${percent(passRates[c] ?? 0)}%`, failing[c] ?? ''] : [`${percent(passRates[c] ?? 0)}%`],
        }))}
      />
    </div>
  );
}
