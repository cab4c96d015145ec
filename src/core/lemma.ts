/**
 * Meaning of words, small and fast: a lemmatizer (the verb lexicon, irregular forms and inflection
 * rules: "published" → "publish", "integration" → "integrate", "copies" → "copy", "photos" → "photo")
 * and synonym groups as data ("view" ~ "see", "delete" ~ "remove"), so rules compare what a story
 * means, not how it is spelled. Words are lower-case tokens; results are cached per word.
 */
import verbs from './lexicons/verbs.json';
import lemmas from './lexicons/lemmas.json';
import synonyms from './lexicons/synonyms.json';
import { singularize } from './backlog/singularize';
import { phraseWords } from './tokens';

const VERBS: ReadonlySet<string> = new Set(verbs.verbs);
const IRREGULAR: ReadonlyMap<string, string> = new Map(Object.entries(lemmas.irregular));
const NOMINAL: ReadonlyMap<string, string> = new Map(Object.entries(lemmas.nominalizations));

/** Group head of every single word and phrase in the synonym table. */
const HEAD = new Map<string, string>();
/** Phrases of the synonym table by first word, longest first: "look", ["look", "for"]. */
const PHRASES = new Map<string, string[][]>();
for (const group of synonyms.groups) {
  const head = group[0]!;
  for (const entry of group) {
    const words = phraseWords(entry);
    HEAD.set(words.join(' '), head);
    if (words.length > 1) {
      const list = PHRASES.get(words[0]!) ?? [];
      list.push(words);
      list.sort((a, b) => b.length - a.length);
      PHRASES.set(words[0]!, list);
    }
  }
}
const KNOWN = (w: string) => VERBS.has(w) || HEAD.has(w);
/** Heads of synonym groups that name acts ("view", "log in"). */
const VERB_HEADS: ReadonlySet<string> = new Set(synonyms.groups.filter((g) => g.some((w) => VERBS.has(w))).map((g) => g[0]!));

/** Verb candidates of an inflected or nominal form, most likely first. */
function verbCandidates(w: string): string[] {
  const out: string[] = [];
  const cut = (n: number) => w.slice(0, w.length - n);
  if (w.endsWith('ies') || w.endsWith('ied')) out.push(`${cut(3)}y`);
  if (w.endsWith('es')) out.push(cut(2));
  if (w.endsWith('s') && !w.endsWith('ss')) out.push(cut(1));
  for (const suffix of ['ed', 'ing']) {
    if (!w.endsWith(suffix) || w.length < suffix.length + 3) continue;
    const stem = cut(suffix.length);
    out.push(stem, `${stem}e`);
    if (/([bdgklmnprt])\1$/.test(stem)) out.push(stem.slice(0, -1)); // "stopped", "logging"
  }
  if (w.endsWith('d') && w.endsWith('ed')) out.push(cut(1)); // "created" → "create" (also via "e")
  for (const suffix of ['ation', 'ition', 'ion', 'ment', 'al']) {
    if (!w.endsWith(suffix) || w.length < suffix.length + 3) continue;
    const stem = cut(suffix.length);
    out.push(stem, `${stem}e`, `${stem}ate`);
  }
  return out;
}

const lemmaCache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** The base form of a lower-case word: a verb's infinitive, a noun's singular, an action noun's verb. */
export function lemma(word: string): string {
  const cached = lemmaCache.get(word);
  if (cached !== undefined) return cached;
  const possessive = /^(.{2,})['’]s?$/.exec(word); // "group's" → "group", "users'" → "users"
  if (possessive) return lemma(possessive[1]!);
  let out = IRREGULAR.get(word) ?? NOMINAL.get(word);
  if (out === undefined) {
    if (KNOWN(word)) out = word;
    else {
      out = verbCandidates(word).find(KNOWN);
      if (out === undefined) {
        const singular = singularize(word);
        out = singular !== word ? lemma(singular) : singular; // "requirements" → "requirement" → "require"
      }
    }
  }
  if (lemmaCache.size >= CACHE_LIMIT) lemmaCache.clear();
  lemmaCache.set(word, out);
  return out;
}

/** The meaning of a word: its synonym group's head, or its lemma. */
export function concept(word: string): string {
  const l = lemma(word);
  return HEAD.get(l) ?? l;
}

export interface ConceptToken {
  concept: string;
  /** Token indexes `[first, last]` the concept covers ("look for" covers two). */
  first: number;
  last: number;
}

/** Concepts of a word sequence, multi-word synonyms first ("look for" → search, "sign up" → register). */
export function concepts(words: readonly string[]): ConceptToken[] {
  const out: ConceptToken[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const phrase = PHRASES.get(lemma(w))?.find((p) => p.every((pw, k) => k === 0 || (words[i + k] !== undefined && lemma(words[i + k]!) === pw)));
    if (phrase) {
      out.push({ concept: HEAD.get(phrase.join(' '))!, first: i, last: i + phrase.length - 1 });
      i += phrase.length - 1;
      continue;
    }
    out.push({ concept: concept(w), first: i, last: i });
  }
  return out;
}

/** Whether a concept (a lemma or a synonym group's head) is an act: "delete", "view", "publish". */
export function isAct(c: string): boolean {
  return VERBS.has(c) || VERB_HEADS.has(c);
}

/** Whether two words mean the same: same lemma or same synonym group. */
export function sameMeaning(a: string, b: string): boolean {
  return a === b || concept(a) === concept(b);
}
