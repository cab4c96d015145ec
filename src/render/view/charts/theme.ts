/**
 * What the charts share: colours as Atlassian design tokens with light-theme fallbacks (the Custom
 * UI loads the token sheets for light and dark; the static HTML report defines the same variables
 * for both schemes), number clamping, the visually hidden style and ids for aria-labelledby.
 * Nothing here touches the DOM: the charts render with `renderToStaticMarkup` and in the browser.
 */
import { grade } from '../../../contract/ui';
import { useId, type CSSProperties } from 'react';

export const COLORS = {
  text: 'var(--ds-text, #172b4d)',
  textSubtle: 'var(--ds-text-subtle, #44546f)',
  grid: 'var(--ds-border, #091e4224)',
  track: 'var(--ds-background-neutral, #091e420f)',
  brand: 'var(--ds-background-brand-bold, #0c66e4)',
  focus: 'var(--ds-border-focused, #388bff)',
  danger: 'var(--ds-background-danger-bold, #c9372c)',
  warning: 'var(--ds-chart-warning-bold, #b65c02)',
  success: 'var(--ds-background-success-bold, #1f845a)',
} as const;

export const FONT: CSSProperties = { fontFamily: 'inherit', fontSize: 12 };

/** A finite number within [min, max]; anything else (NaN, ±Infinity, not a number) is `min`. */
export function clamp(value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, value));
}

/** Off screen, still read by screen readers (the data-table fallback of a chart). */
export const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** A stable base id for title/desc references: the caller's, or React's own (valid in HTML ids). */
export function useChartId(id: string | undefined, kind: string): string {
  const auto = useId().replace(/[^A-Za-z0-9_-]/g, '');
  return id ?? `sh-${kind}-${auto}`;
}

/** Colour of a score (or score bucket starting at `score`) by its grade: fail danger, needs work warning, pass success. */
export function scoreColor(score: number): string {
  return { fail: COLORS.danger, warn: COLORS.warning, pass: COLORS.success }[grade(score)];
}

/** `ISO date-time` → `YYYY-MM-DD` (UTC), the same on the server and in every browser locale. */
export function dayLabel(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso.slice(0, 10) : new Date(t).toISOString().slice(0, 10);
}
