/** Small helpers shared by rules. */
import type { Range, TemplateParse } from '../story';

/** The story sentence's range, or the empty range at 0 when there is no text. */
export function sentenceRange(template: TemplateParse): Range {
  return template.sentence ? template.sentence.range : [0, 0];
}

/** Content words of a phrase, lower-case, without the given stopwords. */
export function contentWords(words: readonly string[], stopwords: ReadonlySet<string>): string[] {
  return words.filter((w) => w.length > 2 && !stopwords.has(w));
}

/** Crude stem so "stored" ~ "store" ~ "storing" and "photos" ~ "photo" compare equal. */
export function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s|e)$/, '');
}
