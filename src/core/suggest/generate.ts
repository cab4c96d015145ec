/**
 * Rendering story frames to sentences with agreement: the article before the role ("an analyst"),
 * the benefit in the speaker's voice ("so that players get their chests" -> "so that I get my
 * chests": subject, verb form and pronouns agree), goal phrases from a head verb and its object,
 * participles ("payouts moved"). Every suggested sentence is built here from parts, never by
 * pasting one story's raw text into another's template.
 */
import type { BenefitFrame, GoalFrame, Person } from '../frame';
import { trimEnd } from '../frame';
import { article, pastParticiple } from './grammar';

/** A goal to render: a head verb (base form) with its object phrase, or a noun phrase (`verb` null). */
export interface GoalPhrase {
  verb: string | null;
  rest: string;
}

export function goalPhraseOf(g: GoalFrame): GoalPhrase {
  return { verb: g.verb, rest: g.rest };
}

/** "to store images" for a verb goal, the noun phrase itself otherwise. */
export function wantClause(g: GoalPhrase): string {
  if (!g.verb) return g.rest;
  return g.rest ? `to ${g.verb} ${g.rest}` : `to ${g.verb}`;
}

/** "As an analyst, I want to download a data set, so that I …." */
export function renderStory(role: string, goal: GoalPhrase | string, benefit: string | null): string {
  const want = typeof goal === 'string' ? goal : wantClause(goal);
  const b = benefit ? `, so that ${trimEnd(benefit)}` : '';
  return `As ${article(role)} ${role}, I want ${trimEnd(want)}${b}.`;
}

const TO_FIRST_SINGULAR: Record<string, string> = {
  is: 'am', are: 'am', was: 'was', were: 'was', has: 'have', does: 'do', "isn't": 'am not', "aren't": 'am not',
  "wasn't": "wasn't", "weren't": "wasn't", "doesn't": "don't", "hasn't": "haven't", "’s": "'m", "'re": "'m", "'s": "'m",
};
const POSSESSIVE_TO_MY: Record<string, string> = { their: 'my', theirs: 'mine', themselves: 'myself', themself: 'myself' };
const SINGULAR_POSSESSIVE_TO_MY: Record<string, string> = { his: 'my', her: 'my', its: 'its', himself: 'myself', herself: 'myself' };
const MODALS = new Set(['can', 'could', 'will', 'would', 'may', 'might', 'should', 'must', 'shall', "can't", "won't", "don't", 'do', 'did', "didn't", 'need', 'get', 'have', 'had']);

/** A finite verb agreeing with "I": "gets" -> "get", "is" -> "am", "are" -> "am"; others unchanged. */
export function firstPersonVerb(word: string, from: Person, isVerb: (w: string) => boolean): string {
  const lower = word.toLowerCase();
  if (TO_FIRST_SINGULAR[lower] !== undefined) return TO_FIRST_SINGULAR[lower]!;
  if (MODALS.has(lower)) return word;
  if (from === 'third-singular' && /s$/.test(lower)) {
    const base = lower.endsWith('ies') ? `${lower.slice(0, -3)}y` : /(?:sses|shes|ches|xes|zes|oes)$/.test(lower) ? lower.slice(0, -2) : lower.slice(0, -1);
    if (isVerb(base)) return base;
  }
  return word;
}

const WORD = /[\p{L}’']+/gu;

/**
 * The benefit in the voice of its subject: "players get their chests" -> "I get my chests", "the
 * fleet manager is warned" -> "I am warned". A benefit already in the first person, or one without a
 * subject we read, is returned as written. "them" stays: it rarely means the subject ("users can add
 * images and view them").
 */
export function benefitInFirstPerson(b: BenefitFrame, isVerb: (w: string) => boolean): string {
  if (!b.subject || !b.person || b.person === 'first-singular' || b.person === 'first-plural' || b.person === 'second') return b.text;
  // "my editor autocompletes …": the speaker's own thing is the subject; nothing to voice.
  if (/^(?:my|our|your)\b/i.test(b.subject)) return b.text;
  const from = b.person;
  let conjugateNext = true;
  const out = b.predicate.replace(WORD, (w) => {
    const lower = w.toLowerCase();
    if (conjugateNext) {
      conjugateNext = false;
      return firstPersonVerb(w, from, isVerb);
    }
    if ((from === 'third-plural' && lower === 'they') || (from === 'third-singular' && (lower === 'he' || lower === 'she'))) {
      conjugateNext = true;
      return 'I';
    }
    if (from === 'third-plural' && POSSESSIVE_TO_MY[lower]) return POSSESSIVE_TO_MY[lower]!;
    if (from === 'third-singular' && SINGULAR_POSSESSIVE_TO_MY[lower]) return SINGULAR_POSSESSIVE_TO_MY[lower]!;
    return w;
  });
  return `I ${out}`.replace(/\bI\s+'m\b/g, "I'm");
}

/** "move" + "restaurant payouts" + "to a daily job" -> "restaurant payouts moved to a daily job". */
export function passiveGoal(verb: string, object: string, qualifiers: string): string {
  return [object, pastParticiple(verb), qualifiers].filter(Boolean).join(' ');
}

/** Lower-cases the first letter unless the word looks like a name or an acronym ("iOS", "CSV", "Google"). */
export function lowerFirst(s: string): string {
  const first = /^\S+/.exec(s)?.[0] ?? '';
  if (first.length > 1 && (first.slice(1) !== first.slice(1).toLowerCase() || /^[A-Z]{2,}/.test(first))) return s;
  return s ? s[0]!.toLowerCase() + s.slice(1) : s;
}
