/**
 * Text → comparable tokens for near-duplicate detection.
 *
 * Normalization: Unicode compatibility form without accents, lower-case, apostrophes dropped
 * ("don't" → "dont"), every other run of non-letters/digits becomes one space.
 * Content tokens: the normalized words minus the user-story template's indicator words
 * ("as a …, I want to …, so that I can …", "in order to", "when") and a few function words,
 * so two stories never look alike only because both follow the template.
 * Negations ("not", "no", "never") are content and stay. Words are compared by meaning: lemma and synonym group (lemma.ts).
 */
import matchWords from '../lexicons/match-words.json';
import { concept } from '../lemma';

/** Anything but printable ASCII, tab and newlines: such text takes the slower Unicode path. */
const NOT_PLAIN_ASCII = /[^\t\n\r -~]/;
const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['\u2019\u02bc]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const ASCII_APOSTROPHES = /'/g;
const ASCII_NON_WORD = /[^a-z0-9]+/g;

export function normalizeForMatch(text: string): string {
  if (!NOT_PLAIN_ASCII.test(text)) {
    return text.toLowerCase().replace(ASCII_APOSTROPHES, '').replace(ASCII_NON_WORD, ' ').trim();
  }
  const t = text.normalize('NFKD').replace(COMBINING_MARKS, '');
  return t.toLowerCase().replace(APOSTROPHES, '').replace(NON_WORD, ' ').trim();
}

/** Template indicator words and function words that carry no story-specific meaning (lexicons/match-words.json). */
export const NON_CONTENT_WORDS: ReadonlySet<string> = new Set([...matchWords.templateWords, ...matchWords.functionWords]);

/**
 * The content word a normalized word stands for — its meaning: lemma and synonym group ("photos" and
 * "image", "view" and "see", "published" and "publish" are one) — or `null` for a template/function word.
 */
export function contentWord(word: string): string | null {
  return word === '' || NON_CONTENT_WORDS.has(word) ? null : concept(word);
}
