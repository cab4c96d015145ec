/**
 * Signals that a goal is an epic rather than a story (oversized), each with the words that show it:
 * - an epic verb ("manage", "maintain", "administer", "handle all") in a verb's place anywhere in the
 *   goal ("use the app to manage my agenda"), unless its object is one small thing ("manage my privacy settings");
 * - a whole feature area asked for or used ("have a billing system", "use it for navigation",
 *   "an app that acts as a match-making service"), or a bare title naming one ("Auditing & Reporting");
 * - an integration of two systems ("integrate the archive with the CRIS");
 * - a list of three or more platforms or interfaces ("on my computers, tablets and phone");
 * - a goal without a bound ("as much material as possible", "do all the other stuff");
 * - four or more kinds of data for one operation ("upload photos, videos, menus and receipts"): data variations.
 * A long list of fields, values, roles or examples is not a signal: one screen shows them all.
 * Word lists are data (lexicons/size-terms.json, verbs.json epicVerbs).
 */
import terms from './lexicons/size-terms.json';
import type { Lexicons } from './lexicons';
import { compilePhrases, type PhraseMatch } from './lexicons/matcher';
import { phraseWords, type Tokens } from './tokens';

const AREAS = compilePhrases(terms.featureAreas);
const AREA_VERBS = compilePhrases(terms.areaVerbs);
const INTEGRATIONS = compilePhrases(terms.integrations);
const PLATFORMS = compilePhrases(terms.platforms);
const UNBOUNDED = compilePhrases(terms.unbounded);
const SMALL = compilePhrases(terms.smallObjects);
const LIST_WORDS: ReadonlySet<string> = new Set(terms.listWords);
const PEOPLE: ReadonlySet<string> = new Set(terms.people);
const DATA_VERBS: ReadonlySet<string> = new Set(terms.dataVerbs);
const LIST_ENDERS: ReadonlySet<string> = new Set(terms.listEnders);
/** A data-variation list has this many kinds at least, each of at most MAX_ITEM_WORDS words. */
const MIN_KINDS = 4;
const MAX_ITEM_WORDS = 3;
const AREA_WORDS: ReadonlySet<string> = new Set(terms.featureAreas.flatMap(phraseWords));
/** How far into the goal a feature area may stand to be what the goal asks for. */
const AREA_REACH = 9;
/** How many words after an epic verb its object is looked for. */
const OBJECT_REACH = 5;

export interface Signal {
  /** The words that show it, as a token match. */
  match: PhraseMatch;
}

/** A word stands where a verb stands: the goal's start (after adverbs), after "to", "and"/"or". */
function inVerbPlace(t: Tokens, i: number): boolean {
  for (let k = 0; k < i; k++) if (!/\w{3,}ly$/.test(t.words[k]!)) return ['to', 'and', 'or'].includes(t.words[i - 1]!);
  return true;
}

/** "manage my agenda", "use ALFRED to maintain my contact list"; not "manage my privacy settings". */
export function epicVerb(t: Tokens, lex: Lexicons): Signal | null {
  for (const m of lex.epicVerbs.find(t)) {
    if (!inVerbPlace(t, m.first)) continue;
    if (SMALL.find(t, m.last + 1, Math.min(t.words.length, m.last + 1 + OBJECT_REACH)).length) continue;
    return { match: m };
  }
  return null;
}

/** The goal asks for, or to use, a whole feature area. `verbs`: the goal's verbs as facts found them (none for "I want a billing system"). */
export function featureArea(t: Tokens, verbs: readonly string[]): Signal | null {
  const first = verbs[0];
  const areaVerb = AREA_VERBS.find(t, 0, 2)[0];
  if (first !== undefined && !areaVerb) return null;
  for (const m of AREAS.find(t, 0, Math.min(t.words.length, AREA_REACH))) {
    // "use the chat to ask": what one uses is the means; "use ALFRED for navigation" names the area.
    if (areaVerb?.entry === 'use' && !['for', 'to', 'do', 'my'].some((w) => t.words.slice(areaVerb.last + 1, m.first).includes(w))) continue;
    // "have the accounting to be simple": a feature that exists already.
    if (areaVerb && t.words[m.first - 1] === 'the' && m.first === areaVerb.last + 2) continue;
    return { match: m };
  }
  return null;
}

/** A title that only names feature areas: "Auditing & Reporting", "Billing". */
export function areaTitle(t: Tokens): Signal | null {
  if (!t.words.length || t.words.length > 5) return null;
  if (!t.words.every((w) => AREA_WORDS.has(w) || w === 'and' || w === 'or')) return null;
  const m = AREAS.find(t)[0];
  return m ? { match: m } : null;
}

/** "integrate the archive with the CRIS", "… that is integrated with Wormbase", "bidirectionally communicate". */
export function integration(t: Tokens): Signal | null {
  for (const m of INTEGRATIONS.find(t)) {
    if (m.entry.startsWith('bi') || m.entry.startsWith('two-way')) return { match: m };
    if (t.words.slice(m.last + 1, m.last + 7).includes('with')) return { match: m };
  }
  return null;
}

/** Three or more platforms or interfaces in one list: "my computers, tablets and phone", "the CLI and REST or the UI". */
export function platformList(t: Tokens, min = 3): Signal | null {
  const hits = PLATFORMS.find(t);
  let runStart = 0;
  for (let k = 1; k <= hits.length; k++) {
    const prev = hits[k - 1]!;
    const next = hits[k];
    const joined = next !== undefined && t.words.slice(prev.last + 1, next.first).every((w) => LIST_WORDS.has(w));
    if (joined) continue;
    const run = hits.slice(runStart, k);
    if (new Set(run.map((h) => h.entry.replace(/s$/, ''))).size >= min) {
      const a = run[0]!;
      const b = run[run.length - 1]!;
      return { match: { entry: run.map((h) => h.entry).join(', '), first: a.first, last: b.last, start: a.start, end: b.end } };
    }
    runStart = k;
  }
  return null;
}

/** "as much archival material as possible", "do all the other stuffs". */
export function unbounded(t: Tokens): Signal | null {
  for (const m of UNBOUNDED.find(t)) {
    if (m.entry === 'as much' || m.entry === 'as many') {
      const rest = t.words.slice(m.last + 1);
      const at = rest.findIndex((w, k) => w === 'as' && rest[k + 1] === 'possible');
      // "as much material as possible" bounds nothing; "as much as possible" and "as many people as possible" measure, not scope.
      if (at < 1 || at > 6 || rest.slice(0, at).some((w) => PEOPLE.has(w))) continue;
      const last = m.last + 1 + at + 1;
      return { match: { ...m, last, end: t.ends[last]! } };
    }
    return { match: m };
  }
  return null;
}

/**
 * "upload photos, videos, menus, receipts and documents": a list of kinds right after a verb that
 * moves or handles data. Fields after "enter", "show" or "describe", and examples after "including"
 * or "such as", are one screen and do not count.
 */
export function dataKinds(t: Tokens, text: string, verbIndex: number, lex: Lexicons): { match: PhraseMatch; count: number } | null {
  if (verbIndex < 0 || !DATA_VERBS.has(t.words[verbIndex]!)) return null;
  const offset = t.starts[0]!;
  let itemWords = 0;
  let items = 1;
  let last = verbIndex;
  for (let i = verbIndex + 1; i < t.words.length; i++) {
    const w = t.words[i]!;
    // "… and approve or reject them": the list ends where a second act begins.
    if (LIST_ENDERS.has(w) || (i > verbIndex + 1 && lex.verbs.has(w) && !lex.ambiguousNouns.has(w) && ['and', 'or'].includes(t.words[i - 1]!))) break;
    const gap = text.slice(t.ends[i - 1]! - offset, t.starts[i]! - offset);
    if (i > verbIndex + 1 && (gap.includes(',') || w === 'and' || w === 'or')) {
      if (gap.includes(':') || gap.includes('(')) break;
      if (itemWords > 0) items++;
      itemWords = w === 'and' || w === 'or' ? 0 : 1;
    } else if (w !== 'and' && w !== 'or') itemWords++;
    if (itemWords > MAX_ITEM_WORDS) return null;
    last = i;
  }
  if (items < MIN_KINDS) return null;
  const first = verbIndex + 1;
  return { match: { entry: 'list', first, last, start: t.starts[first]!, end: t.ends[last]! }, count: items };
}
