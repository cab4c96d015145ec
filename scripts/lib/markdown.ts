/** Small Markdown builders for the generated docs (docs/quality.md, docs/performance.md). */
import type { Rate } from './metrics';

/** Makes arbitrary text safe inside a Markdown table cell (and inside HTML <details>). */
export function cell(text: string | number | null | undefined, max = 0): string {
  if (text == null) return '—';
  let s = String(text).replace(/\s+/g, ' ').trim();
  if (max > 0 && s.length > max) s = `${s.slice(0, max - 1)}…`;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/`/g, "'");
}

/** Quoted span for tables: `“text”`, or — for none. */
export function quoted(text: string | null | undefined, max = 0): string {
  return text == null ? '—' : `“${cell(text, max)}”`;
}

export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  const out = [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`];
  for (const r of rows) out.push(`| ${r.map((c) => String(c)).join(' | ')} |`);
  return out;
}

/** A collapsible block; the blank lines let GitHub render Markdown inside. */
export function details(summary: string, body: readonly string[]): string[] {
  return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>', ''];
}

export function fixed(v: number, digits = 2): string {
  return Number.isFinite(v) ? v.toFixed(digits) : '—';
}

export function pct(v: number, digits = 1): string {
  return Number.isFinite(v) ? `${(v * 100).toFixed(digits)} %` : '—';
}

/** A rate with a dagger when it is the empty-denominator convention rather than a measurement. */
export function rate(r: Rate, digits = 2): string {
  return r.vacuous ? `${r.value.toFixed(digits)}†` : r.value.toFixed(digits);
}

export function int(v: number): string {
  return Math.round(v).toLocaleString('en-US');
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export function mark(ok: boolean): string {
  return ok ? '✅' : '❌';
}
