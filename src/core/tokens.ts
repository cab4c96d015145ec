/** One tokenizer for every rule: lower-cased words with their `[start, end)` offsets. Linear time. */

export interface Tokens {
  /** Lower-cased words (letters, digits, inner apostrophes, hyphens, dots and slashes kept: "add/view", "node.js"). */
  words: string[];
  starts: number[];
  ends: number[];
}

/**
 * What a word is, as a regular expression: letters and digits, joined by an apostrophe, a dot, a
 * hyphen, a slash, a plus or a hash ("don't", "node.js", "add/view"), with trailing pluses or hashes
 * ("c++", "c#"). `scan` reads exactly this with a loop over the characters, which makes no match
 * objects (most of what tokenizing allocated); a property test holds the two to each other.
 */
export const WORD = /[\p{L}\p{N}]+(?:['’.\-/+#][\p{L}\p{N}]+)*[+#]*/gu;

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
/** Answers for the characters outside ASCII met so far (0 not asked, 1 no, 2 yes); astral ones are asked each time. */
const BMP_ANSWERS = new Uint8Array(0x10000);

/** Code units of the letter or digit at `i`: 0 when none is there, 2 for one outside the Basic Multilingual Plane. */
function letterOrNumberAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) return LETTER_OR_NUMBER.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  let known = BMP_ANSWERS[c]!;
  if (known === 0) {
    known = LETTER_OR_NUMBER.test(String.fromCharCode(c)) ? 2 : 1;
    BMP_ANSWERS[c] = known;
  }
  return known === 2 ? 1 : 0;
}

/** Characters that join two runs of letters and digits into one word: ' ’ . - / + #. */
function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 45 || c === 47 || c === 43 || c === 35;
}

/** The end of the run of letters and digits starting at `i` (`i` itself when none starts there). */
function runEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const units = letterOrNumberAt(text, i);
    if (units === 0) break;
    i += units;
  }
  return i;
}

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
  const n = text.length;
  let i = 0;
  while (i < n) {
    let end = runEnd(text, i);
    if (end === i) {
      // Not a letter or digit: one code unit on (a surrogate pair's second half is no letter either).
      i++;
      continue;
    }
    // Joined runs: a joiner counts only with letters or digits after it.
    while (end < n && isJoiner(text.charCodeAt(end))) {
      const next = runEnd(text, end + 1);
      if (next === end + 1) break;
      end = next;
    }
    while (end < n && (text.charCodeAt(end) === 43 || text.charCodeAt(end) === 35)) end++;
    words.push(text.slice(i, end).toLowerCase());
    starts.push(i + offset);
    ends.push(end + offset);
    i = end;
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
