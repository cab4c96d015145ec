/**
 * What a story is about, for finding the story a piece of work serves: its topical concepts —
 * content words (stopwords and numbers left out), reduced to their meaning
 * (lemma or synonym head: "photos" and "images" are both "picture").
 */
import { concept } from '../lemma';
import type { Lexicons } from '../lexicons';

export function topicalConcepts(words: readonly string[], lex: Lexicons): string[] {
  const out = new Set<string>();
  for (const w of words) {
    if (w.length < 3 || lex.stopwords.has(w) || /^\d/.test(w)) continue;
    out.add(concept(w));
  }
  return [...out];
}
