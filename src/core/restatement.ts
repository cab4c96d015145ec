/**
 * Does a benefit say anything the goal does not? Compares meaning, not strings: lemmas and synonym
 * groups (lemma.ts), the benefit's act against the goal's acts, the benefit's words against the goal's
 * words (weak-benefit).
 *
 * - empty: the user gains nothing named ("so that I can use it", "… start using the application").
 * - restates, when the benefit has the goal's polarity (a goal to prevent may have a benefit that
 *   something does not happen; otherwise "… so that I don't have to …" names a gain) and any of:
 *   - its act is one of the goal's acts, said again or with a synonym ("delete" → "remove", "join" →
 *     "participate", "an SPSS integration" → "integrate", "search" → "find"); after "see"/"know" what is
 *     seen or known must be the goal's too ("know if I can use it" names something new);
 *   - it only says the thing now exists ("it is available and published", "it appears there");
 *   - at least 3/4 of its words are the goal's words or their synonyms ("change my details" → "keep my
 *     details up to date"); "other", "another", "different" things are not the goal's.
 */
import terms from './lexicons/benefit-terms.json';
import synonyms from './lexicons/synonyms.json';
import verbs from './lexicons/verbs.json';
import { concept, concepts, lemma, type ConceptToken } from './lemma';
import { singularize } from './backlog/singularize';
import type { Tokens } from './tokens';

const GENERIC: ReadonlySet<string> = new Set(terms.generic);
const EMPTY_WORDS: ReadonlySet<string> = new Set(terms.emptyWords);
const HOLLOW: ReadonlySet<string> = new Set(terms.hollowVerbs);
const EXISTENCE: ReadonlySet<string> = new Set(terms.existence);
const LIGHT: ReadonlySet<string> = new Set(terms.lightVerbs);
const PREVENTION: ReadonlySet<string> = new Set(terms.preventionVerbs);
const DIFFERENT: ReadonlySet<string> = new Set(terms.otherThings);
const OUTCOMES: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(synonyms.outcomes).map(([k, v]) => [k, v.map((w) => concept(w))]));
const VERBS: ReadonlySet<string> = new Set(verbs.verbs);
const VERB_CONCEPTS: ReadonlySet<string> = new Set(synonyms.groups.filter((g) => g.some((w) => VERBS.has(w))).map((g) => g[0]!));
/** Subjects, auxiliaries and modals that open a benefit clause: "I can", "we will be able to", "it is". */
const OPENERS: ReadonlySet<string> = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it', 'this', 'that', 'there', 'can', 'could', 'will', 'would', 'may', 'might', 'should', 'must', 'shall', 'be', 'am', 'is', 'are', 'was', 'were', 'been', 'able', 'to', 'do', 'does', 'so', 'then', 'also', 'easily', 'now', "i'm", "it's", "we're", "they're", "there's", 'get', 'gets']);
const FIRST_PERSON: ReadonlySet<string> = new Set(['i', 'we', "i'm", "we're", 'it', "it's", 'this', 'that', 'so', 'then', 'there', "there's"]);
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', "don't", "doesn't", "can't", 'cannot', "won't", "didn't", "isn't", "aren't", 'without', 'nobody', 'nothing', 'dont', 'cant', 'wont']);
const QUESTION_WORDS: ReadonlySet<string> = new Set(['if', 'whether', 'how', 'what', 'when', 'where', 'which', 'who', 'why', "what's", "who's", "how's", "where's"]);
const RELATIVES: ReadonlySet<string> = new Set(['that', 'which', 'who', 'whom', 'whose', 'where']);
/** In a goal, the verbs of a condition are not its acts: "upgrade … when I deploy … and update …". */
const CONDITIONS: ReadonlySet<string> = new Set(['when', 'while', 'if', 'once', 'after', 'before', 'until', 'whenever']);
/** "begin recruiting", "continue to work": the act is the verb that follows. */
const ASPECTUAL: ReadonlySet<string> = new Set(['start', 'begin', 'continue', 'try', 'keep', 'stop', 'finish']);
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['i', 'we', 'they', 'he', 'she', 'you', "i'm", "we're", "they're"]);
/** Words after which "that …" or "I …" is what they are about, not a description: "be sure that", "so that". */
const CLAUSE_TAKERS: ReadonlySet<string> = new Set(['sure', 'certain', 'aware', 'confident', 'clear', 'so', 'that', 'ensure', 'mean', 'means']);
const AUDIENCE: ReadonlySet<string> = new Set(['to', 'for', 'by']);
const BE: ReadonlySet<string> = new Set(['is', 'are', 'be', 'was', 'were', 'been', "it's", "'s", 'becomes', 'become']);
const EXIST_VERBS: ReadonlySet<string> = new Set(['appear', 'appears', 'exist', 'exists']);
const STATE_ADVERBS: ReadonlySet<string> = new Set(['now', 'again', 'back', 'clearly', 'also', 'still', 'then', 'always']);

export type BenefitJudgement = 'empty' | 'restates' | null;

const isVerbConcept = (c: string) => VERBS.has(c) || VERB_CONCEPTS.has(c);

/** Words split at slashes, with "up to date" joined into one. */
function normalized(words: readonly string[]): string[] {
  const split = words.flatMap((w) => w.split('/'));
  const out: string[] = [];
  for (let i = 0; i < split.length; i++) {
    if (split[i] === 'up' && split[i + 1] === 'to' && split[i + 2] === 'date') {
      out.push('up-to-date');
      i += 2;
    } else out.push(split[i]!);
  }
  return out;
}

/** Where a clause describing what came before starts ("data that I have found", "the game I'm looking for"), after the clause's first verb. */
function describedFrom(words: readonly string[], from: number, conditions = false): number {
  let sawVerb = false;
  for (let j = from; j < words.length; j++) {
    const w = words[j]!;
    const prev = words[j - 1];
    if (conditions && j > from && CONDITIONS.has(w)) return j;
    if (sawVerb && j > from && prev !== undefined && (RELATIVES.has(w) || SUBJECT_PRONOUNS.has(w)) && !isVerbConcept(concept(prev)) && !QUESTION_WORDS.has(prev) && !CLAUSE_TAKERS.has(prev)) return j;
    if (isVerbConcept(concept(w))) sawVerb = true;
  }
  return words.length;
}

interface Clause {
  /** The benefit after its subject and modals, up to a clause that describes its object. */
  words: string[];
  /** Negated before its first word of content ("I don't have to …", "there are no …"). */
  negated: boolean;
  /** Its subject is the user ("I", "we") or none; "others can read them" is someone else's gain. */
  firstPerson: boolean;
}

function clause(all: readonly string[]): Clause {
  let i = 0;
  let negated = false;
  while (i < all.length && (OPENERS.has(all[i]!) || NEGATIONS.has(all[i]!))) {
    if (NEGATIONS.has(all[i]!)) negated = true;
    i++;
  }
  // "I can …", "it is …", a bare verb ("locate needed files") or the product ("features can be made") is the user's own gain.
  const head = all[0] ?? '';
  const firstPerson = i > 0 ? FIRST_PERSON.has(head) : !head || isVerbConcept(concept(head)) || EMPTY_WORDS.has(head);
  return { words: all.slice(i, describedFrom(all, i)), negated, firstPerson };
}

/** The goal's meaning: every concept in it (with the outcomes its acts imply), and its acts. */
interface GoalMeaning {
  all: Set<string>;
  acts: Set<string>;
  /** The goal prevents or removes something ("prevent double publishing", "I don't want …"). */
  negative: boolean;
}

/**
 * The goal's acts: its verbs, the actions its nouns name ("an SPSS integration", "a payment"), and the
 * object of a light verb ("do a full-text search"); not the verbs of a clause about its object ("the
 * data I am about to publish").
 */
function goalMeaning(goalWords: readonly string[], goalVerbs: readonly string[], stopwords: ReadonlySet<string>): GoalMeaning {
  const words = normalized(goalWords);
  const all = new Set<string>();
  const acts = new Set<string>();
  const addAct = (c: string) => {
    if (LIGHT.has(c) || ASPECTUAL.has(c) || !isVerbConcept(c)) return;
    acts.add(c);
    for (const o of OUTCOMES.get(c) ?? []) acts.add(o);
  };
  for (const v of goalVerbs) addAct(concept(v));
  const mainIsLight = goalVerbs.length === 0 || LIGHT.has(concept(goalVerbs[0]!));
  const end = describedFrom(words, 0, true);
  const negative = NEGATIONS.has(words[0] ?? '') || goalVerbs.some((v) => PREVENTION.has(concept(v)));
  for (const c of concepts(words)) {
    const w = words[c.first]!;
    if (stopwords.has(c.concept)) continue;
    all.add(c.concept);
    for (const o of OUTCOMES.get(c.concept) ?? []) all.add(o);
    if (c.first >= end) continue;
    const singular = singularize(w);
    const nominal = c.last > c.first || (lemma(singular) !== singular && !/(?:ing|ed)$/.test(singular));
    // "a link to become a sponsor": an infinitive in the goal is one of its acts.
    if (nominal || mainIsLight || words[c.first - 1] === 'to') addAct(c.concept);
  }
  return { all, acts, negative };
}

/**
 * "it is available and published", "the deleted packages are now visible again", "it appears there":
 * the benefit says only that the thing exists. Its subject and whatever follows the existence word
 * (up to an audience: "to staff", "for visitors") must be the goal's words or say nothing.
 */
function onlyExists(words: readonly string[], goal: ReadonlySet<string>, stopwords: ReadonlySet<string>): boolean {
  let at = -1;
  for (let i = 0; i < words.length && at < 0; i++) {
    const w = words[i]!;
    if (EXIST_VERBS.has(w)) at = i;
    else if (BE.has(w)) {
      let j = i + 1;
      while (j < words.length && STATE_ADVERBS.has(words[j]!) && !EXISTENCE.has(words[j]!)) j++;
      if (EXISTENCE.has(words[j] ?? '')) at = i;
    }
  }
  if (at < 0) return false;
  const says = (w: string) => {
    const c = concept(w);
    return stopwords.has(w) || stopwords.has(c) || GENERIC.has(w) || EMPTY_WORDS.has(w) || EXISTENCE.has(w) || STATE_ADVERBS.has(w) || BE.has(w) || goal.has(c);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (i > at && AUDIENCE.has(w)) break;
    if (!says(w)) return false;
  }
  return true;
}

/**
 * The benefit's act: its clause's first word when that is a verb ("remove unwanted data"), with a second
 * one joined by "and"/"or" ("track and manage bonds", "pay for and become"). A light verb first
 * ("get a sense of …", "make better decisions") names no act of its own.
 */
function benefitActs(benefit: readonly ConceptToken[], words: readonly string[], stopwords: ReadonlySet<string>): ConceptToken[] {
  let k = 0;
  const skip = (c: ConceptToken) => {
    const w = words[c.first]!;
    return GENERIC.has(w) || /ly$/.test(w) || ASPECTUAL.has(c.concept) || w === 'to';
  };
  while (k < benefit.length && skip(benefit[k]!)) k++;
  const first = benefit[k];
  if (!first || !isVerbConcept(first.concept) || LIGHT.has(first.concept) || stopwords.has(first.concept)) return [];
  const out = [first];
  const joiner = benefit.findIndex((c, j) => j > k && j <= k + 2 && (words[c.first] === 'and' || words[c.first] === 'or'));
  const second = joiner > 0 ? benefit[joiner + 1] : undefined;
  if (second && isVerbConcept(second.concept)) out.push(second);
  return out;
}

/** Judges a benefit against its goal. `goalVerbs`: the goal's verbs as facts found them ("create", "delete"). */
export function judgeBenefit(goalTokens: Tokens, goalVerbs: readonly string[], benefitTokens: Tokens, stopwords: ReadonlySet<string>): BenefitJudgement {
  const all = normalized(benefitTokens.words);
  const { words, negated, firstPerson } = clause(all);
  const benefit = concepts(words);
  const content = benefit.filter((c) => {
    const w = words[c.first]!;
    if (DIFFERENT.has(w)) return true;
    return !stopwords.has(c.concept) && !GENERIC.has(w) && !GENERIC.has(c.concept) && !LIGHT.has(c.concept);
  });
  const says = (c: ConceptToken) => EMPTY_WORDS.has(words[c.first]!) || EMPTY_WORDS.has(c.concept) || HOLLOW.has(c.concept);
  if (firstPerson && content.every(says)) return 'empty';
  const goal = goalMeaning(goalTokens.words, goalVerbs, stopwords);
  if (!goal.all.size || negated !== goal.negative) return null;

  if (onlyExists(all, goal.all, stopwords)) return 'restates';

  for (const act of benefitActs(benefit, words, stopwords)) {
    if (!goal.acts.has(act.concept)) continue;
    // Seeing and knowing: what is seen or known must itself be the goal's ("view clips" → "see excerpts
    // of films"; "know how up-to-date the plan is"), else the benefit names what the user learns.
    if (act.concept === 'know' || act.concept === 'view') {
      const question = QUESTION_WORDS.has(words[act.last + 1] ?? '');
      const known = content.filter((c) => c.first > act.last);
      const inGoal = known.filter((c) => goal.all.has(c.concept)).length;
      // Nothing in particular ("find out more information") restates as well.
      if (question ? known.length > 0 && inGoal === known.length : known.length === 0 || inGoal * 2 > known.length) return 'restates';
      return null;
    }
    return 'restates';
  }

  // Words that only frame the gain ("facilitate my use of the collection") count neither way.
  const telling = content.filter((c) => !HOLLOW.has(c.concept));
  const matched = telling.filter((c) => goal.all.has(c.concept) && !DIFFERENT.has(words[c.first]!)).length;
  return telling.length > 0 && matched / telling.length >= 0.75 ? 'restates' : null;
}
