/** One tokenizer for every rule: lower-cased words with their `[start, end)` offsets. Linear time. */

export interface Tokens {
  /** Lower-cased words (letters, digits, inner apostrophes, hyphens, dots and slashes kept: "add/view", "node.js"). */
  words: string[];
  starts: number[];
  ends: number[];
}

const WORD = /[\p{L}\p{N}]+(?:['’.\-/+#][\p{L}\p{N}]+)*[+#]*/gu;

export function tokenize(text: string, offset = 0): Tokens {
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
  return tokenize(phrase).words;
}
