/** Small, seeded, deterministic 32-bit hashes (no Math.random, no crypto): the same input always hashes the same. */

/**
 * `Math.imul`, read once. Hot loops call this binding instead of the global: under a `vm` context
 * (jest's test environment) every global lookup goes through an interceptor and costs ~20×.
 */
export const imul = Math.imul;

/** MurmurHash3's 32-bit finalizer: a fast bijection on uint32 with good avalanche. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, finished with `mix32`. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = imul(h, 0x01000193);
  }
  return mix32(h);
}

/** Order-dependent combination of two hashes (hash of the pair `a b`). */
export function hashPair(a: number, b: number): number {
  return mix32((imul(a, 0x9e3779b1) ^ b) + 0x7f4a7c15);
}

/** `count` distinct-looking seeds derived from `seed` (a splitmix-style sequence). */
export function seeds(count: number, seed: number): Uint32Array {
  const out = new Uint32Array(count);
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (s + 0x9e3779b9) >>> 0;
    out[i] = mix32(s);
  }
  return out;
}
