/**
 * Pure measurement helpers for `npm run eval` and `npm run bench`: confusion counts, precision and
 * recall with explicit conventions for empty denominators, span comparison and percentiles.
 */

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function emptyConfusion(): Confusion {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

/** Adds one observation (expected label, predicted label) to `c` and returns it. */
export function observe(c: Confusion, expected: boolean, got: boolean): Confusion {
  if (expected && got) c.tp++;
  else if (!expected && got) c.fp++;
  else if (expected && !got) c.fn++;
  else c.tn++;
  return c;
}

export function addConfusion(a: Confusion, b: Confusion): Confusion {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn };
}

export interface Rate {
  value: number;
  /** True when the denominator was 0 and `value` is the convention (1), not a measurement. */
  vacuous: boolean;
}

/** Precision = TP / (TP + FP); by convention 1 (vacuous) when the rule flagged nothing. */
export function precision(c: Confusion): Rate {
  const d = c.tp + c.fp;
  return d === 0 ? { value: 1, vacuous: true } : { value: c.tp / d, vacuous: false };
}

/** Recall = TP / (TP + FN); by convention 1 (vacuous) when there was nothing to find. */
export function recall(c: Confusion): Rate {
  const d = c.tp + c.fn;
  return d === 0 ? { value: 1, vacuous: true } : { value: c.tp / d, vacuous: false };
}

/** F1 of precision and recall values; 0 when both are 0. */
export function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export function accuracy(c: Confusion): number {
  const n = c.tp + c.fp + c.fn + c.tn;
  return n === 0 ? 1 : (c.tp + c.tn) / n;
}

/**
 * Cohen's kappa of two binary raters given as a confusion matrix (rater A = expected,
 * rater B = got). 1 when both raters are constant and agree.
 */
export function cohenKappa(c: Confusion): number {
  const n = c.tp + c.fp + c.fn + c.tn;
  if (n === 0) return 1;
  const po = (c.tp + c.tn) / n;
  const pe = ((c.tp + c.fn) / n) * ((c.tp + c.fp) / n) + ((c.fp + c.tn) / n) * ((c.fn + c.tn) / n);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

/** Lower-cases, collapses whitespace and trims leading/trailing punctuation and whitespace. */
export function normalizeSpanText(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
}

/** Words for overlap scoring: runs of letters and digits, lower-cased. Independent of the engine's tokenizer. */
export function spanWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Token-overlap F1 (SQuAD-style, bag of words) between an expected and a predicted span.
 * Both missing or both empty: 1. Exactly one missing: 0.
 */
export function tokenF1(expected: string | null, got: string | null): number {
  const a = expected == null ? [] : spanWords(expected);
  const b = got == null ? [] : spanWords(got);
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let overlap = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      overlap++;
      counts.set(w, n - 1);
    }
  }
  if (overlap === 0) return 0;
  return f1(overlap / b.length, overlap / a.length);
}

/** The value at quantile `q` (0..1) of an ascending-sorted array, nearest-rank method. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(q * sorted.length);
  const i = Math.min(sorted.length - 1, Math.max(0, rank - 1));
  return sorted[i] as number;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((s, v) => s + v, 0) / values.length;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return percentile(s, 0.5);
}
