/**
 * MinHash signatures with LSH banding: finds candidate pairs of similar sets without comparing
 * all pairs. Each set is given as 32-bit feature hashes (CSR layout: `offsets`, `hashes`).
 * Candidates are only candidates: the caller verifies each with the exact Jaccard similarity.
 */
import { imul, mix32, seeds } from './hash';

export interface LshParams {
  /** MinHash values per band. */
  rows: number;
  bands: number;
}

/** Feature sets in compressed-row layout: set `d` is `hashes[offsets[d] .. offsets[d + 1])`. */
export interface FeatureSets {
  offsets: Int32Array;
  hashes: Uint32Array;
}

const MAX_ROWS = 8;

/**
 * The most selective banding (most rows per band) that still finds a pair of similarity
 * `threshold` with probability ≥ `recall`, using at most `budget` MinHash values.
 * A pair of similarity s shares at least one band with probability 1 − (1 − s^rows)^bands.
 */
export function lshParams(threshold: number, budget = 128, recall = 0.99): LshParams {
  const t = Math.min(1, Math.max(0.05, threshold));
  for (let rows = MAX_ROWS; rows >= 1; rows--) {
    const p = Math.pow(t, rows);
    if (p >= 1) return { rows, bands: 1 };
    const bands = Math.max(1, Math.ceil(Math.log(1 - recall) / Math.log(1 - p)));
    if (rows * bands <= budget) return { rows, bands };
  }
  return { rows: 1, bands: budget };
}

/**
 * Calls `visit(a, b)` once for each candidate pair `a < b`, grouped by `b` in increasing order
 * (all pairs of set b are visited before any pair of set b + 1): sets that agree on all rows of at
 * least one band. Within one bucket a set is paired with at most `window` earlier members, so a
 * huge bucket costs O(size · window), not O(size²), and the whole run O(n · bands · window).
 * Huge buckets come from features most sets share (a common phrase) or from many alike sets;
 * a near-duplicate pair also agrees on bands made of its own rarer features (small buckets),
 * and a crowd of alike sets stays connected through the chain of window pairs.
 */
export function lshCandidates(
  sets: FeatureSets,
  params: LshParams,
  visit: (a: number, b: number) => void,
  options: { seed?: number; window?: number } = {},
): void {
  const n = sets.offsets.length - 1;
  if (n < 2) return;
  const { rows, bands } = params;
  const k = rows * bands;
  const window = options.window ?? 8;
  const seed = seeds(k, options.seed ?? 0x5eed);
  const { offsets, hashes } = sets;

  // One open-addressing table per band (keys: 30-bit band hashes; values: last member seen),
  // in flat typed arrays: much faster than a Map for ~n × bands lookups.
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const tableKey = new Int32Array(bands * capacity).fill(-1);
  const tableLast = new Int32Array(bands * capacity);
  /** prev[b · n + d]: the previous member of d's bucket in band b, or -1. */
  const prev = new Int32Array(bands * n);
  /** visitedBy[p] = d + 1 once the pair (p, d) has been visited: dedupes pairs across bands without a pair set. */
  const visitedBy = new Int32Array(n);
  const sig = new Uint32Array(k);
  for (let d = 0; d < n; d++) {
    const end = offsets[d + 1]!;
    if (end === offsets[d]) continue; // an empty set has no MinHash; it is similar to nothing
    const start = offsets[d]!;
    for (let i = 0; i < k; i++) {
      const s = seed[i]!;
      let min = 0xffffffff;
      for (let f = start; f < end; f++) {
        // x → (x ^ seed) · odd → xorshift: a bijection on uint32 per seed, i.e. a random-looking permutation.
        let h = imul(hashes[f]! ^ s, 0x9e3779b1);
        h = (h ^ (h >>> 15)) >>> 0;
        if (h < min) min = h;
      }
      sig[i] = min;
    }
    for (let b = 0; b < bands; b++) {
      let h = b + 1;
      for (let r = 0; r < rows; r++) h = mix32(h + sig[b * rows + r]!);
      // 30 bits: a non-negative int32; a rare collision of two bands only adds a candidate.
      const key = h >>> 2;
      const base = b * capacity;
      let slot = key & mask;
      while (tableKey[base + slot] !== -1 && tableKey[base + slot] !== key) slot = (slot + 1) & mask;
      const head = tableKey[base + slot] === key ? tableLast[base + slot]! : -1;
      tableKey[base + slot] = key;
      tableLast[base + slot] = d;
      prev[b * n + d] = head;
      let p = head;
      for (let steps = 0; p >= 0 && steps < window; steps++) {
        if (visitedBy[p] !== d + 1) {
          visitedBy[p] = d + 1;
          visit(p, d);
        }
        p = prev[b * n + p]!;
      }
    }
  }
}
