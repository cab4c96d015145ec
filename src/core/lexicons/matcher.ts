/**
 * Generic existence check over word lists (Vale's `existence`, retext's data-driven rules):
 * phrases are compiled once into a first-word index, then matched against tokens in one pass.
 * A trailing `*` on an entry's last word matches any word that starts with it ("refactor*").
 */
import { phraseWords, type Tokens } from '../tokens';

export interface PhraseMatch {
  /** The lexicon entry that matched, as written in the list. */
  entry: string;
  /** Token indexes `[first, last]` inclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
}

interface Compiled {
  entry: string;
  words: string[];
  prefixLast: boolean;
}

export interface PhraseMatcher {
  find(tokens: Tokens, from?: number, to?: number): PhraseMatch[];
  size: number;
}

export function compilePhrases(entries: readonly string[]): PhraseMatcher {
  const exact = new Map<string, Compiled[]>();
  /** Single-word prefix entries, indexed by their first three letters. */
  const prefixSingles = new Map<string, Compiled[]>();
  for (const entry of entries) {
    const prefixLast = entry.endsWith('*');
    const words = phraseWords(prefixLast ? entry.slice(0, -1) : entry);
    if (!words.length) continue;
    const compiled = { entry, words, prefixLast };
    if (prefixLast && words.length === 1) {
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
  for (const list of exact.values()) list.sort((a, b) => b.words.length - a.words.length);

  function matchesAt(c: Compiled, tokens: Tokens, i: number, to: number): boolean {
    const n = c.words.length;
    if (i + n > to) return false;
    for (let k = 0; k < n; k++) {
      const w = tokens.words[i + k]!;
      const want = c.words[k]!;
      if (k === n - 1 && c.prefixLast ? !w.startsWith(want) : w !== want) return false;
    }
    return true;
  }

  return {
    size: entries.length,
    find(tokens, from = 0, to = tokens.words.length) {
      const out: PhraseMatch[] = [];
      // A window past the last word (an empty goal asked for its first word) matches nothing.
      const end = Math.min(to, tokens.words.length);
      for (let i = Math.max(0, from); i < end; i++) {
        const w = tokens.words[i]!;
        let hit: Compiled | undefined;
        for (const c of exact.get(w) ?? []) {
          if (matchesAt(c, tokens, i, end)) {
            hit = c;
            break;
          }
        }
        if (!hit) hit = prefixSingles.get(w.slice(0, 3))?.find((c) => w.startsWith(c.words[0]!));
        if (hit) {
          const last = i + hit.words.length - 1;
          out.push({ entry: hit.entry, first: i, last, start: tokens.starts[i]!, end: tokens.ends[last]! });
          i = last;
        }
      }
      return out;
    },
  };
}
