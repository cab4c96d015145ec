/**
 * Shrinks a failing JSON-like input to a small one that still fails the same way (delta debugging,
 * greedy): drop array items and object keys, empty or halve strings and cut chunks out of them,
 * zero numbers. Bounded by a number of tries, so a slow failure cannot hang the fuzzer.
 */

export interface ShrinkOptions {
  /** Most calls of `fails` (default 2,000). */
  maxTries?: number;
}

type Json = unknown;

/** Smaller variants of a value, most aggressive first. */
function* candidates(value: Json): Generator<Json> {
  if (typeof value === 'string') {
    if (value === '') return;
    yield '';
    const n = value.length;
    for (let size = n >> 1; size >= 1; size >>= 1) {
      for (let at = 0; at + size <= n; at += size) yield value.slice(0, at) + value.slice(at + size);
      if (n / size > 64) break; // fine-grained cuts of a long string cost too many tries
    }
    return;
  }
  if (typeof value === 'number') {
    if (value !== 0) yield 0;
    return;
  }
  if (Array.isArray(value)) {
    const n = value.length;
    for (let size = n >> 1; size >= 1; size >>= 1) {
      for (let at = 0; at + size <= n; at += size) yield [...value.slice(0, at), ...value.slice(at + size)];
    }
    return;
  }
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const copy = { ...(value as Record<string, Json>) };
      delete copy[key];
      yield copy;
    }
  }
}

/** The direct children of a value, with a way to put a replacement back. */
function children(value: Json): { get: () => Json; set: (v: Json) => Json }[] {
  if (Array.isArray(value)) return value.map((_, i) => ({ get: () => value[i], set: (v: Json) => value.map((x, j) => (j === i ? v : x)) }));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, Json>;
    return Object.keys(obj).map((k) => ({ get: () => obj[k], set: (v: Json) => ({ ...obj, [k]: v }) }));
  }
  return [];
}

/** The smallest variant of `input` found for which `fails` stays true. */
export function shrink(input: Json, fails: (candidate: Json) => boolean, options: ShrinkOptions = {}): { value: Json; tries: number } {
  let tries = 0;
  const budget = options.maxTries ?? 2_000;
  const attempt = (v: Json): boolean => {
    if (tries >= budget) return false;
    tries++;
    try {
      return fails(v);
    } catch {
      return false;
    }
  };

  const shrinkValue = (value: Json, rebuild: (v: Json) => Json): Json => {
    let current = value;
    // Whole-value reductions until none helps.
    for (let progress = true; progress && tries < budget; ) {
      progress = false;
      for (const c of candidates(current)) {
        if (attempt(rebuild(c))) {
          current = c;
          progress = true;
          break;
        }
        if (tries >= budget) break;
      }
    }
    // Then each child in place.
    for (let i = 0; i < children(current).length && tries < budget; i++) {
      const child = children(current)[i]!;
      const parent = current;
      const smaller = shrinkValue(child.get(), (v) => rebuild(children(parent)[i]!.set(v)));
      current = children(parent)[i]!.set(smaller);
    }
    return current;
  };

  return { value: shrinkValue(input, (v) => v), tries };
}
