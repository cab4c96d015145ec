/**
 * Purpose clauses without "so that": "… to locate needed resources", "… for ease of browsing",
 * "… because I travel a lot", "… since I forget passwords", "… due to an error", "… in order research …".
 * A coach reads them as the story's benefit; the template parser calls `findPurpose` on a goal that
 * has no benefit indicator.
 *
 * A "to" starts a purpose only when what precedes it does not take an infinitive itself: "a tool to
 * check" (a noun that takes one), "able to", "how to" (catenatives), "allows me to" (a control verb
 * and its object), "I want the system to send" (the goal's own complement) stay in the goal.
 * Word lists are data (lexicons/purpose-terms.json); the verbs are the shared verb lexicon.
 */
import terms from './lexicons/purpose-terms.json';
import verbs from './lexicons/verbs.json';
import stopwords from './lexicons/stopwords.json';
import { phraseWords, tokenize, type Tokens } from './tokens';
import { singularize } from './backlog/singularize';
import type { Span } from './story';

const VERBS: ReadonlySet<string> = new Set(verbs.verbs);
const AMBIGUOUS: ReadonlySet<string> = new Set(stopwords.ambiguousNouns);
const FOLLOWERS: ReadonlySet<string> = new Set(stopwords.verbFollowers);
const COMPLEMENT_NOUNS: ReadonlySet<string> = new Set(terms.complementNouns);
const CATENATIVES: ReadonlySet<string> = new Set(terms.catenatives);
const CONTROL_VERBS: ReadonlySet<string> = new Set(terms.controlVerbs);
const SUBJECTS: ReadonlySet<string> = new Set(terms.subjects);
const REASON_AFTER_AS: ReadonlySet<string> = new Set(terms.reasonAfterAs);
const FOR_PHRASES: readonly string[][] = terms.forPhrases.map(phraseWords).sort((a, b) => b.length - a.length);
/** Words after "in order" that keep it a phrase about sorting ("in order of date"), not a purpose. */
const NOT_AFTER_IN_ORDER: ReadonlySet<string> = new Set(['of', 'by', 'for', 'from', 'to', 'that', 'and', 'or', 'with', 'as', 'the', 'a', 'an', 'their', 'its', 'my', 'our']);
const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'my', 'our', 'their', 'his', 'her', 'its', 'your', 'this', 'that', 'these', 'those', 'some', 'any', 'each', 'every', 'all']);
const MEANS_VERBS: ReadonlySet<string> = new Set(terms.meansVerbs);
const INQUIRY_VERBS: readonly string[][] = terms.inquiryVerbs.map(phraseWords);
const QUESTION_STARTS: readonly string[][] = terms.questionStarts.map(phraseWords);
const COORDINATORS: ReadonlySet<string> = new Set(['and', 'or', 'but', 'also', 'then', 'nor']);
const PREPOSITIONS: ReadonlySet<string> = new Set(['to', 'in', 'on', 'at', 'of', 'from', 'with', 'by', 'into', 'onto']);

/** A verb by the lexicon or by its suffix ("operationalize", "prioritise", "simplify"). */
export function looksLikeVerb(word: string): boolean {
  return VERBS.has(word) || (word.length > 6 && /(?:ize|ise|ify)$/.test(word));
}

/** Base-form candidates of an inflected word: "allows" → "allow", "forcing" → "force", "prompted" → "prompt". */
function bases(word: string): string[] {
  const out = [word];
  const strip = (suffix: string) => (word.endsWith(suffix) && word.length > suffix.length + 2 ? word.slice(0, -suffix.length) : null);
  for (const suffix of ['s', 'es', 'ed', 'd', 'ing']) {
    const stem = strip(suffix);
    if (stem === null) continue;
    out.push(stem);
    if (suffix === 'ing' || suffix === 'ed') {
      out.push(`${stem}e`);
      if (/(.)\1$/.test(stem)) out.push(stem.slice(0, -1)); // "letting" → "let"
    }
  }
  return out;
}

const isIn = (set: ReadonlySet<string>, word: string) => bases(word).some((b) => set.has(b));

/** Index of the verb after `to` at `k` (skipping "-ly" adverbs), or -1 when no verb follows. */
function verbAfter(t: Tokens, k: number): number {
  let v = k + 1;
  while (v < t.words.length && t.words[v]!.endsWith('ly') && t.words[v]!.length > 4) v++;
  const w = t.words[v];
  if (w === undefined || w === 'be' || !looksLikeVerb(w)) return -1;
  // "move the files to archive", "a link to report in": a noun-like verb needs something after it.
  if (AMBIGUOUS.has(w)) {
    const next = t.words[v + 1];
    if (next === undefined || (!FOLLOWERS.has(next) && PREPOSITIONS.has(next))) return -1;
  }
  return v;
}

/** Does the "to" at `k` belong to what precedes it ("a tool to", "able to", "allows me to", "and to")? */
function complementOfPrevious(t: Tokens, k: number, goalIsInfinitive: boolean): boolean {
  const prev = t.words[k - 1]!;
  if (COORDINATORS.has(prev) || isIn(CATENATIVES, prev) || isIn(CONTROL_VERBS, prev) || COMPLEMENT_NOUNS.has(singularize(prev))) return true;
  // "allows me to", "enable customers to", "have ALFRED to": a control verb and a short object.
  for (let back = 2; back <= 3 && k - back >= 0; back++) {
    if (isIn(CONTROL_VERBS, t.words[k - back]!)) return true;
  }
  // "to add …, to set … and to have …": one of a series of the goal's own infinitives.
  for (let i = k + 2; i < t.words.length - 1; i++) if (t.words[i] === 'to' && COORDINATORS.has(t.words[i - 1]!)) return true;
  // "I want the system to send …": without a verb of its own before the "to", it is the goal's complement.
  if (!goalIsInfinitive) {
    let verbBefore = false;
    for (let i = 0; i < k && !verbBefore; i++) verbBefore = VERBS.has(t.words[i]!) && !AMBIGUOUS.has(t.words[i]!);
    if (!verbBefore) return true;
  }
  return false;
}

function spanFrom(text: string, t: Tokens, first: number, last: number): Span {
  const start = t.starts[first]!;
  const end = t.ends[last]!;
  return { text: text.slice(start, end), range: [start, end] };
}

/**
 * The first purpose cue in `text[from, to)` (the goal without a benefit indicator) at least two
 * words into it: the indicator span ("to", "for", "because", "since", "as", "due to", "in order").
 * `goalIsInfinitive`: the goal indicator ended in "to" ("I want to …"), so the goal starts with a verb.
 */
export function findPurpose(text: string, from: number, to: number, goalIsInfinitive: boolean): Span | null {
  const t = tokenize(text.slice(from, to), from);
  const n = t.words.length;
  // "use ALFRED to manage my agenda", "go to the dashboard to manage members": the infinitive is the goal.
  let meansFirst = goalIsInfinitive && MEANS_VERBS.has(t.words[0] ?? '');
  for (let k = 2; k < n - 1; k++) {
    const w = t.words[k]!;
    const next = t.words[k + 1]!;
    if (w === 'to') {
      const v = verbAfter(t, k);
      if (v < 0 || complementOfPrevious(t, k, goalIsInfinitive) || asksQuestion(t, v)) continue;
      if (meansFirst) {
        meansFirst = false;
        continue;
      }
      return spanFrom(text, t, k, k);
    }
    if (w === 'because') return spanFrom(text, t, k, k);
    if (w === 'due' && next === 'to' && t.words[k + 2] !== 'be' && t.words[k + 2] !== undefined) return spanFrom(text, t, k, k + 1);
    if (w === 'since' && SUBJECTS.has(next)) return spanFrom(text, t, k, k);
    if (w === 'in' && next === 'order' && t.words[k + 2] !== undefined && !NOT_AFTER_IN_ORDER.has(t.words[k + 2]!)) return spanFrom(text, t, k, k + 1);
    if (w === 'as' && isReasonAs(text, t, k)) return spanFrom(text, t, k, k);
    if (w === 'for') {
      const phrase = FOR_PHRASES.find((p) => p.every((pw, j) => t.words[k + j] === pw));
      // "for clarity" is whole; "for ease of" needs what it eases.
      if (phrase && (k + phrase.length < n || (k + phrase.length === n && phrase[phrase.length - 1] !== 'of'))) return spanFrom(text, t, k, k);
      if (t.words[k + 2] === 'purposes' && !DETERMINERS.has(next)) return spanFrom(text, t, k, k);
    }
  }
  return null;
}

/** "… to find the most effective approach", "… to see if it works": the question the goal investigates. */
function asksQuestion(t: Tokens, v: number): boolean {
  const at = (phrase: readonly string[], i: number) => phrase.every((w, j) => t.words[i + j] === w);
  const verb = INQUIRY_VERBS.find((p) => at(p, v));
  if (!verb) return false;
  const next = v + verb.length + (t.words[v + verb.length] === 'out' ? 1 : 0);
  return QUESTION_STARTS.some((q) => at(q, next));
}

/** "as I get bored easily", "…, as the constant change motivates me": a reason, not a comparison or a role. */
function isReasonAs(text: string, t: Tokens, k: number): boolean {
  const next = t.words[k + 1]!;
  const after = t.words[k + 2];
  if ((next === 'i' || next === 'we') && after !== undefined && REASON_AFTER_AS.has(after)) return true;
  const gap = text.slice(t.ends[k - 1]!, t.starts[k]!);
  return gap.includes(',') && SUBJECTS.has(next) && after !== undefined && !/^(?:well|soon|long|much|far|follows|such)$/.test(after);
}
