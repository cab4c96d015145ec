/**
 * Small text helpers: the one `plural`, `oneLine` and `truncate` of the report renderers, the CLI's
 * formatters and the report page. Story text is untrusted input.
 */

/** One line, no control characters. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

export function truncate(text: string, max: number): string {
  const t = oneLine(text);
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/** 1234 → "1,234": counts read the same in every browser locale and on the command line. */
export function num(n: number): string {
  return n.toLocaleString('en-US');
}

/** "1 story", "2 stories", "1,234 stories". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${num(n)} ${n === 1 ? one : many}`;
}

/** "and 3 more stories" when a list of `total` shows only `shown`; '' when it shows them all. */
export function andMore(shown: number, total: number, one = 'story', many = 'stories'): string {
  const n = total - shown;
  return n > 0 ? `and ${n} more ${n === 1 ? one : many}` : '';
}

/** 0.734 → "73%". */
export function pct(share: number): string {
  return `${Math.round((Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0) * 100)}%`;
}

/** Part of a count as a percentage, "" when the whole is 0. */
export function shareOf(part: number, whole: number): string {
  return whole > 0 ? pct(part / whole) : '';
}

/** `2024-05-01T10:20:30.000Z` → `2024-05-01 10:20 UTC`. */
export function dateTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)} UTC`;
}

/** The maximum length of a story summary in lists. */
export const SUMMARY_MAX = 160;
