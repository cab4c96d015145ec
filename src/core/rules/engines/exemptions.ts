/**
 * Exemptions: reasons a listed word found in a story is not what the list is about. Each reads the
 * words around the match (its part of speech, what bounds it, whose it is) or the backlog's
 * context (the product's own domain). The existence engine drops a match when any exemption of its
 * group says so. Rules pick exemptions per lexicon group; the words they look for are lexicon data.
 */
import type { PhraseMatch, PhraseMatcher } from '../../lexicons/matcher';
import type { Lexicons } from '../../lexicons';
import type { Story } from '../../story';
import type { RuleContext } from '../types';
import { memoized, type Region } from './regions';

export interface Hit {
  match: PhraseMatch;
  group: string;
  region: Region;
}

export interface Env {
  story: Story;
  ctx: RuleContext;
}

/** True when the hit is not what its list means here. */
export type Exemption = (hit: Hit, env: Env) => boolean;

const NUMBER = /^\d/;

function wordBefore(hit: Hit, back = 1): string | undefined {
  const i = hit.match.first - back;
  return i >= 0 ? hit.region.tokens.words[i] : undefined;
}

function wordAfter(hit: Hit, ahead = 1): string | undefined {
  return hit.region.tokens.words[hit.match.last + ahead];
}

/** Text between the match and the next word (punctuation, a line break), or null at the end. */
function gapAfter(hit: Hit): string | null {
  const { tokens, text } = hit.region;
  const next = hit.match.last + 1;
  return next < tokens.words.length ? text.slice(tokens.ends[hit.match.last]!, tokens.starts[next]!) : null;
}

function gapBefore(hit: Hit): string | null {
  const { tokens, text } = hit.region;
  const prev = hit.match.first - 1;
  return prev >= 0 ? text.slice(tokens.ends[prev]!, tokens.starts[hit.match.first]!) : null;
}

/** Does any phrase of `matcher` occur in the hit's region (before the match when `before`)? Found once per region. */
export function regionHas(hit: Hit, matcher: PhraseMatcher, before = false): boolean {
  const { region, match } = hit;
  const all = memoized(region, matcher, () => matcher.find(region.tokens, region.from, region.to));
  return before ? all.length > 0 && all[0]!.last < match.first : all.length > 0;
}

/** "how many rows", "how secure is", "how interesting or appealing": a question asks for the measure, it does not leave it open. */
export const asQuestion: Exemption = (hit) => {
  let back = 1;
  while (['or', 'and'].includes(wordBefore(hit, back) ?? '') && back < 7) back += 2;
  return wordBefore(hit, back) === 'how';
};

/** "a minimum of 3 clicks", "at least 2": a number makes the amount precise. */
export const beforeNumber: Exemption = (hit) => NUMBER.test(wordAfter(hit) ?? '');

/** "{1, 2, 3, 5, 8, etc.}": the sequence says how it goes on. */
export const afterNumberSequence: Exemption = (hit) => NUMBER.test(wordBefore(hit) ?? '') && NUMBER.test(wordBefore(hit, 2) ?? '');

/**
 * The word is a verb here: the goal starts with it after "I want to" ("secure remote access"), a
 * title or a title's part after a colon starts with it ("Clean up …"), "to", a modal or a negation
 * precedes it ("should clear"), or an object follows it ("clean the data").
 */
export const asVerb: Exemption = (hit, { ctx }) => {
  const { region, match } = hit;
  if (match.first === region.from && region.startsWithVerb) return true;
  // "should clear the cache", "does not clear", "Admin: Clear registered services".
  if (ctx.lexicons.verbPreceders.has(wordBefore(hit) ?? '')) return true;
  if (region.startsWithVerb && /[:|]\s*$/.test(gapBefore(hit) ?? '')) return true;
  const next = wordAfter(hit);
  const gap = gapAfter(hit);
  return next !== undefined && gap !== null && /^\s+$/.test(gap) && ctx.lexicons.determiners.has(next);
};

/** "the things I need", "something I request", "everything in my workspace", "things like …": a clause or an example bounds it. */
export const boundedByWhatFollows: Exemption = (hit, { ctx }) => {
  const next = wordAfter(hit);
  const gap = gapAfter(hit);
  if (next === undefined || gap === null || /[,.;:()]/.test(gap)) return false;
  return ctx.lexicons.boundingWords.has(next);
};

/** "without having to use my browser's back button", "instead of a dropdown": the user wants to avoid it (in the same clause). */
export const avoided: Exemption = (hit, { ctx }) => {
  const { tokens, text, from } = hit.region;
  for (let i = hit.match.first - 1; i >= Math.max(from, hit.match.first - 8); i--) {
    if (ctx.lexicons.avoidingWords.has(tokens.words[i]!)) return true;
    if (/[,;.:()]/.test(text.slice(tokens.ends[i]!, tokens.starts[i + 1]!))) return false;
  }
  return false;
};

/** "authenticate using LDAP", "embed it via iframe": the goal names the means, whatever the product. */
export const namedAsMeans: Exemption = (hit, { ctx }) => ctx.lexicons.meansMarkers.has(wordBefore(hit) ?? '');

/** "systems such as LDAP", "e.g. Shibboleth": an example of something that exists, not a choice. */
export const asExample: Exemption = (hit, { ctx }) => {
  const { region, match } = hit;
  return ctx.lexicons.exampleMarkers.find(region.tokens, Math.max(region.from, match.first - 3), match.first).length > 0;
};

/** The product's users use these words in their goals (two stories or more): it is their domain. */
export const inUserVocabulary: Exemption = (hit, { ctx }) => {
  for (let i = hit.match.first; i <= hit.match.last; i++) if (!ctx.project.userWord(hit.region.tokens.words[i]!)) return false;
  return true;
};

/** The backlog's product serves builders (an SDK, a CLI, a data tool): their technologies are the domain. */
export const builderDomain: Exemption = (_hit, { ctx }) => ctx.project.builderProduct();

/** "my CSV file", "my database": the user's own thing, which the product works with. */
export const owned: Exemption = (hit) => wordBefore(hit) === 'my' || (wordBefore(hit, 2) === 'my' && gapBefore(hit) === ' ');

/** Words written in lower case are the common word, not the technology ("the rest of my profile" is not REST). */
export const notCapitalized: Exemption = (hit) => {
  const text = hit.region.text.slice(hit.match.start, hit.match.end);
  return text === text.toLowerCase();
};

/** Exemption when a phrase of a lexicon occurs in the hit's region (before the match when `before`). */
export function whenRegionHas(pick: (lex: Lexicons) => PhraseMatcher, before = false): Exemption {
  return (hit, { ctx }) => regionHas(hit, pick(ctx.lexicons), before);
}

/** Exemption unless a phrase of a lexicon occurs in the hit's region (before the match when `before`). */
export function unlessRegionHas(pick: (lex: Lexicons) => PhraseMatcher, before = false): Exemption {
  return (hit, { ctx }) => !regionHas(hit, pick(ctx.lexicons), before);
}

/** Exemption when the word right after the match is in a lexicon's set ("Python client", "JSON file"). */
export function whenFollowedBy(pick: (lex: Lexicons) => ReadonlySet<string>): Exemption {
  return (hit, { ctx }) => {
    const gap = gapAfter(hit);
    return gap !== null && /^[\s-]+$/.test(gap) && pick(ctx.lexicons).has(wordAfter(hit)!);
  };
}
