/**
 * Generic existence check over word lists (Vale's `existence`, retext's data-driven rules):
 * phrases are compiled once into a first-word index, then matched against tokens in one pass.
 *
 * Entry syntax (all optional; plain words match whole words, case-insensitive):
 * - a trailing `*` on an entry's last word matches any word that starts with it ("refactor*");
 * - a `*` standing alone matches exactly one word ("and other *");
 * - `...` standing alone matches a gap of up to three words ("as ... as possible").
 * An entry must start with a word; one that starts with `*` or `...` is ignored.
 */
import { phraseWords, type Tokens } from '../tokens';
import { textPattern } from './text-pattern';

export interface PhraseMatch {
  /** The lexicon entry that matched, as written in the list. */
  entry: string;
  /** Token indexes `[first, last]` inclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
}

/** The longest gap `...` stands for, in words. */
const MAX_GAP = 3;

type Step = { kind: 'word'; word: string } | { kind: 'any' } | { kind: 'gap' };

interface Compiled {
  entry: string;
  words: string[];
  prefixLast: boolean;
  /** Only for entries with `*` or `...` standing alone. */
  steps: Step[] | null;
  /** Words an entry fixes (longest first wins). */
  weight: number;
}

export interface PhraseMatcher {
  find(tokens: Tokens, from?: number, to?: number): readonly PhraseMatch[];
  /** May an entry start with this word? False means `find` matches nothing that starts there. */
  mayStartWith(word: string): boolean;
  size: number;
  /**
   * Where in raw text an entry may match, before any tokenizing: every place `find` would match is
   * matched here too (a gap or `*` entry by its first word), so text it does not match holds no match.
   * A match may start one character early, at an underscore glued to the word (see text-pattern.ts).
   */
  pattern: RegExp;
}

/** A matcher over named groups of entries: each match can say which group its entry came from. */
export interface GroupedMatcher<G extends string = string> extends PhraseMatcher {
  groupOf(entry: string): G;
}

function parseSteps(entry: string): Step[] | null {
  const parts = entry.trim().split(/\s+/);
  if (!parts.some((p) => p === '*' || p === '...' || p === '…')) return null;
  const steps: Step[] = [];
  for (const p of parts) {
    if (p === '*') steps.push({ kind: 'any' });
    else if (p === '...' || p === '…') steps.push({ kind: 'gap' });
    else for (const word of phraseWords(p)) steps.push({ kind: 'word', word });
  }
  return steps;
}

function compileEntry(entry: string): Compiled | null {
  const steps = parseSteps(entry);
  if (steps) {
    const first = steps[0];
    if (!first || first.kind !== 'word') return null;
    return { entry, words: [first.word], prefixLast: false, steps, weight: steps.filter((s) => s.kind !== 'gap').length };
  }
  const prefixLast = entry.endsWith('*');
  const words = phraseWords(prefixLast ? entry.slice(0, -1) : entry);
  if (!words.length) return null;
  return { entry, words, prefixLast, steps: null, weight: words.length };
}

/** Last token index of a step pattern matched at `i` (within `[i, to)`), or -1. Gaps are bounded, so this is constant work per start. */
function matchSteps(steps: readonly Step[], k: number, tokens: Tokens, i: number, to: number): number {
  if (k === steps.length) return i - 1;
  const step = steps[k]!;
  if (step.kind === 'gap') {
    for (let skip = 0; skip <= MAX_GAP; skip++) {
      if (i + skip > to) break;
      const end = matchSteps(steps, k + 1, tokens, i + skip, to);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (i >= to) return -1;
  if (step.kind === 'word' && tokens.words[i] !== step.word) return -1;
  return matchSteps(steps, k + 1, tokens, i + 1, to);
}

/**
 * A quick, exact "no" before a map lookup: the length and the first and last letters of a set of
 * words. Most words of a text start no entry of a small lexicon, and this rejects them without
 * hashing the word; what passes is looked up as before. Bit `(length mod 16) * 128 + (code mod 128)`,
 * for the first letter and for the last.
 */
interface WordShapes {
  first: Uint32Array;
  last: Uint32Array;
}

function shapeBit(length: number, code: number): number {
  return ((length & 15) << 7) | (code & 127);
}

function hasBit(bits: Uint32Array, n: number): boolean {
  return (bits[n >>> 5]! & (1 << (n & 31))) !== 0;
}

function setBit(bits: Uint32Array, n: number): void {
  bits[n >>> 5]! |= 1 << (n & 31);
}

function wordShapes(words: Iterable<string>): WordShapes {
  const shapes = { first: new Uint32Array(64), last: new Uint32Array(64) };
  for (const w of words) {
    setBit(shapes.first, shapeBit(w.length, w.charCodeAt(0)));
    setBit(shapes.last, shapeBit(w.length, w.charCodeAt(w.length - 1)));
  }
  return shapes;
}

function mayBe(shapes: WordShapes, w: string): boolean {
  const n = w.length;
  return n > 0 && hasBit(shapes.first, shapeBit(n, w.charCodeAt(0))) && hasBit(shapes.last, shapeBit(n, w.charCodeAt(n - 1)));
}

/**
 * One matcher's tables. The functions that match are module functions taking them (one function
 * for every matcher, not a closure each), so the engine inlines them into `find`'s loop.
 */
interface Tables {
  /** Entries by their first word, longest first. */
  exact: Map<string, Compiled[]>;
  shapes: WordShapes;
  /** Single-word prefix entries ("refactor*"), indexed by their first three letters. */
  prefixSingles: Map<string, Compiled[]>;
  /** Prefixes shorter than three letters ("ui*"), which a word's first three cannot find. */
  shortPrefixes: Compiled[];
  /** First letters of the prefix entries (mod 128): a word starting otherwise needs no lookup. */
  prefixFirst: Uint32Array;
  hasPrefixes: boolean;
}

/** Last token index of `c` matched at `i`, or -1. */
function matchAt(c: Compiled, tokens: Tokens, i: number, to: number): number {
  if (c.steps) return matchSteps(c.steps, 0, tokens, i, to);
  const n = c.words.length;
  if (i + n > to) return -1;
  for (let k = 0; k < n; k++) {
    const w = tokens.words[i + k]!;
    const want = c.words[k]!;
    if (k === n - 1 && c.prefixLast ? !w.startsWith(want) : w !== want) return -1;
  }
  return i + n - 1;
}

/** A single-word prefix entry that `word` starts with. */
function prefixHit(t: Tables, word: string): Compiled | undefined {
  if (!t.hasPrefixes || !hasBit(t.prefixFirst, word.charCodeAt(0) & 127)) return undefined;
  const list = t.prefixSingles.get(word.slice(0, 3));
  if (list) for (const c of list) if (word.startsWith(c.words[0]!)) return c;
  for (const c of t.shortPrefixes) if (word.startsWith(c.words[0]!)) return c;
  return undefined;
}

function mayStartWith(t: Tables, word: string): boolean {
  return (mayBe(t.shapes, word) && t.exact.has(word)) || prefixHit(t, word) !== undefined;
}

/** What `find` gives when nothing matches (most calls): one list, never changed. */
const NO_MATCHES: readonly PhraseMatch[] = Object.freeze([]);

function findIn(t: Tables, tokens: Tokens, from: number, to: number): readonly PhraseMatch[] {
  let out: PhraseMatch[] | null = null;
  const words = tokens.words;
  // A window past the last word (an empty goal asked for its first word) matches nothing.
  const end = Math.min(to, words.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const w = words[i]!;
    let hit: Compiled | undefined;
    let last = -1;
    const candidates = mayBe(t.shapes, w) ? t.exact.get(w) : undefined;
    if (candidates) {
      for (const c of candidates) {
        last = matchAt(c, tokens, i, end);
        if (last >= 0) {
          hit = c;
          break;
        }
      }
    }
    if (!hit) {
      hit = prefixHit(t, w);
      last = i;
    }
    if (hit) {
      (out ??= []).push({ entry: hit.entry, first: i, last, start: tokens.starts[i]!, end: tokens.ends[last]! });
      i = last;
    }
  }
  return out ?? NO_MATCHES;
}

export function compilePhrases(entries: readonly string[]): PhraseMatcher {
  const exact = new Map<string, Compiled[]>();
  const prefixSingles = new Map<string, Compiled[]>();
  const shortPrefixes: Compiled[] = [];
  for (const entry of entries) {
    const compiled = compileEntry(entry);
    if (!compiled) continue;
    const { words, prefixLast } = compiled;
    if (prefixLast && words.length === 1) {
      if (words[0]!.length < 3) {
        shortPrefixes.push(compiled);
        continue;
      }
      const list = prefixSingles.get(words[0]!.slice(0, 3)) ?? [];
      list.push(compiled);
      prefixSingles.set(words[0]!.slice(0, 3), list);
      continue;
    }
    const list = exact.get(words[0]!) ?? [];
    list.push(compiled);
    exact.set(words[0]!, list);
  }
  // Longest phrases first so "database table" wins over "table".
  for (const list of exact.values()) list.sort((a, b) => b.weight - a.weight);
  const prefixFirst = new Uint32Array(4);
  for (const key of [...prefixSingles.keys(), ...shortPrefixes.map((c) => c.words[0]!)]) setBit(prefixFirst, key.charCodeAt(0) & 127);
  const tables: Tables = {
    exact,
    shapes: wordShapes(exact.keys()),
    prefixSingles,
    shortPrefixes,
    prefixFirst,
    hasPrefixes: prefixSingles.size > 0 || shortPrefixes.length > 0,
  };
  let pattern: RegExp | undefined;
  return {
    size: entries.length,
    mayStartWith: (word) => mayStartWith(tables, word),
    get pattern() {
      return (pattern ??= textPattern([...exact.values(), ...prefixSingles.values(), shortPrefixes].flat().map((c) => ({ words: c.steps ? c.words.slice(0, 1) : c.words, open: c.prefixLast && !c.steps }))));
    },
    find: (tokens, from = 0, to = tokens.words.length) => findIn(tables, tokens, from, to),
  };
}

/**
 * Compiles named groups into one matcher (so the longest phrase wins across groups) that can tell
 * each match's group. An entry listed in two groups belongs to the first.
 */
export function compileGroups<G extends string>(groups: Readonly<Record<G, readonly string[]>>): GroupedMatcher<G> {
  const groupOf = new Map<string, G>();
  const entries: string[] = [];
  for (const group of Object.keys(groups) as G[]) {
    for (const entry of groups[group]) {
      if (groupOf.has(entry)) continue;
      groupOf.set(entry, group);
      entries.push(entry);
    }
  }
  const matcher = compilePhrases(entries);
  return {
    size: matcher.size,
    find: matcher.find,
    mayStartWith: matcher.mayStartWith,
    get pattern() {
      return matcher.pattern;
    },
    groupOf: (entry) => groupOf.get(entry)!,
  };
}
