/** Horizontal grid lines with their values on the left axis (the histogram and the trend share them). */
import type { ReactElement } from 'react';
import { COLORS, FONT } from './theme';

export function GridLines({ ticks, y, left, right }: { ticks: readonly number[]; y: (value: number) => number; left: number; right: number }): ReactElement {
  return (
    <>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={right} y1={y(t)} y2={y(t)} strokeDasharray={t === 0 ? undefined : '2 3'} style={{ stroke: COLORS.grid }} />
          <text x={left - 6} y={y(t)} dy="0.35em" textAnchor="end" style={{ ...FONT, fontSize: 11, fill: COLORS.textSubtle }}>
            {t}
          </text>
        </g>
      ))}
    </>
  );
}
