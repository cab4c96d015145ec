/** One tokenizer for every rule: lower-cased words with their `[start, end)` offsets. Linear time. */

export interface Tokens {
  /** Lower-cased words (letters, digits, inner apostrophes, hyphens, dots and slashes kept: "add/view", "node.js"). */
  words: string[];
  starts: number[];
  ends: number[];
}

const WORD = /[\p{L}\p{N}]+(?:['’.\-/+#][\p{L}\p{N}]+)*[+#]*/gu;

/**
 * The last few texts tokenized, with their tokens: a story's summary and the opening of its
 * description are read by several rules, and a text asked for again gets the same tokens. Token lists
 * are never changed after they are made (nothing in the engine writes to them), so sharing is safe.
 */
const RECENT = 6;
const recent: { text: string; offset: number; tokens: Tokens }[] = [];

export function tokenize(text: string, offset = 0): Tokens {
  for (const r of recent) if (r.offset === offset && r.text === text) return r.tokens;
  const tokens = scan(text, offset);
  recent.push({ text, offset, tokens });
  if (recent.length > RECENT) recent.shift();
  return tokens;
}

function scan(text: string, offset: number): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    words.push(m[0].toLowerCase());
    starts.push(m.index + offset);
    ends.push(m.index + m[0].length + offset);
  }
  return { words, starts, ends };
}

/** The words of a phrase split on the same boundaries as `tokenize`, for lexicon entries. */
export function phraseWords(phrase: string): string[] {
  // A fresh list, not a remembered one: callers build tables from it and may change it.
  return scan(phrase, 0).words;
}

const SPACE = /\s/;
const KELVIN = '\u212a';

/**
 * The tokens of the stretches of `text` around each match of `pattern` (a global expression): from
 * `before` characters ahead of a match to `after` characters past it, widened to whitespace so no
 * word is cut, overlapping stretches joined. Offsets point into `text`. For rules that look at a few
 * words around rare phrases in long descriptions, this tokenizes a fraction of the text.
 */
export function tokenizeAround(text: string, pattern: RegExp, before: number, after: number): Tokens[] {
  // The Kelvin sign lower-cases to "k": a case-insensitive expression does not see it as one.
  if (text.includes(KELVIN)) return [tokenize(text)];
  const stretches: [number, number][] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    let from = Math.max(0, m.index - before);
    while (from > 0 && !SPACE.test(text[from - 1]!)) from--;
    let to = Math.min(text.length, m.index + m[0].length + after);
    while (to < text.length && !SPACE.test(text[to]!)) to++;
    const last = stretches[stretches.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else stretches.push([from, to]);
  }
  return stretches.map(([from, to]) => tokenize(text.slice(from, to), from));
}
