/**
 * Pure helpers behind <Highlighted>: split a string into plain and highlighted segments from
 * `[start, end)` ranges (the engine's one location model), and cut an excerpt around them.
 */
export interface HighlightRange {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  highlighted: boolean;
}

/** Clamps ranges to the text, drops empty and invalid ones, merges overlaps. */
export function normalizeRanges(length: number, ranges: readonly HighlightRange[]): HighlightRange[] {
  const valid = ranges
    .filter((r) => Number.isFinite(r.start) && Number.isFinite(r.end))
    .map((r) => ({ start: Math.max(0, Math.min(length, Math.floor(r.start))), end: Math.max(0, Math.min(length, Math.floor(r.end))) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: HighlightRange[] = [];
  for (const r of valid) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

export function segments(text: string, ranges: readonly HighlightRange[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const r of normalizeRanges(text.length, ranges)) {
    if (r.start > at) out.push({ text: text.slice(at, r.start), highlighted: false });
    out.push({ text: text.slice(r.start, r.end), highlighted: true });
    at = r.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), highlighted: false });
  return out;
}

export interface Excerpt {
  text: string;
  ranges: HighlightRange[];
  clippedStart: boolean;
  clippedEnd: boolean;
}

/** At most about `context` characters either side of the ranges (whole text when short). */
export function excerpt(text: string, ranges: readonly HighlightRange[], context = 80): Excerpt {
  const rs = normalizeRanges(text.length, ranges);
  if (!rs.length || text.length <= context * 3) return { text, ranges: rs, clippedStart: false, clippedEnd: false };
  let from = Math.max(0, rs[0]!.start - context);
  let to = Math.min(text.length, rs[rs.length - 1]!.end + context);
  // Prefer word boundaries, and never cut a surrogate pair.
  const space = text.lastIndexOf(' ', rs[0]!.start);
  if (from > 0 && space > from) from = space + 1;
  const after = text.indexOf(' ', to);
  if (to < text.length && after !== -1 && after - to < 20) to = after;
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text.charAt(from))) from -= 1;
  if (to < text.length && /[\uD800-\uDBFF]/.test(text.charAt(to - 1))) to += 1;
  return {
    text: text.slice(from, to),
    ranges: rs.map((r) => ({ start: r.start - from, end: r.end - from })),
    clippedStart: from > 0,
    clippedEnd: to < text.length,
  };
}
