/**
 * A goal stated outside the story template: an issue without a story sentence still says what is
 * wanted when its title or the opening of its description
 * - leads with a verb: "Export news to PDF", "[Editor] Add …", "appcd-response: Add i18n system",
 *   "When the user runs an empty query, pop up a warning" (after a topic prefix, brackets or a condition);
 * - names a capability: "Ability to have …", "Support for …";
 * - says what someone wants or what should be: "Parser should remove …", "User wants to configure …",
 *   "There should be …", "It would be great to …", "This task is to create …", "… I want to …".
 * A topic title ("Restaurant reviews", "Testing of the cooler", "Release notes") states none.
 *
 * The verbs are the engine's shared verb lexicons; the words around them are data
 * (lexicons/goal-statements.json). Bounded: the title and at most OPENING characters (MAX_SENTENCES
 * sentences) of the description are read, a few words of each.
 */
import words from './lexicons/goal-statements.json';
import coordination from './lexicons/coordination.json';
import type { Lexicons } from './lexicons';
import type { PhraseMatcher } from './lexicons/matcher';
import { phraseWords, tokenize, type Tokens } from './tokens';
import type { Range } from './story';

/** Where a goal outside the template was found. */
export interface StatedGoal {
  field: 'summary' | 'description';
  /** The words that state it (the verb, the capability phrase or the wish). */
  range: Range;
}

/** Sentences of a description that may state its goal: they start within the first OPENING characters. */
const OPENING = 400;
const MAX_SENTENCES = 5;
/** How much of one sentence (or title) is read. */
const SEGMENT = 200;
/** A topic prefix ("Ledger simple provenance:") has at most this many characters and words. */
const PREFIX_CHARS = 60;
const PREFIX_WORDS = 6;
/** A wish follows its subject within this many words ("The ListView parser should …"). */
const SUBJECT_WORDS = 6;

/** Phrases by their first word, longest first: `phraseAt` looks up only the phrases a word can start. */
type Phrases = ReadonlyMap<string, readonly string[][]>;

function phrases(list: readonly string[]): Phrases {
  const out = new Map<string, string[][]>();
  for (const p of list.map(phraseWords).sort((a, b) => b.length - a.length)) {
    if (!p.length) continue;
    const bucket = out.get(p[0]!) ?? [];
    bucket.push(p);
    out.set(p[0]!, bucket);
  }
  return out;
}

const CAPABILITY_OPENERS = phrases(words.capabilityOpeners);
const WISH_WORDS = phrases(words.wishWords);
const FIRST_PERSON_WISHES = phrases(words.firstPersonWishes);
const FIRST_PERSON: ReadonlySet<string> = new Set(words.firstPersonSubjects);
const NOT_BEFORE_WISH: ReadonlySet<string> = new Set(words.notBeforeWish);
const WISH_ADJECTIVES: ReadonlySet<string> = new Set(words.wishAdjectives);
const TASK_SUBJECTS: ReadonlySet<string> = new Set(words.taskSubjects);
const REFERENCE_VERBS: ReadonlySet<string> = new Set(words.referenceVerbs);
const POLITE: ReadonlySet<string> = new Set(words.politeOpeners);
const CONDITIONS: ReadonlySet<string> = new Set(words.conditionOpeners);
const FIRST_WORD = /^(\w+)\s/;
/** A condition clause up to its comma. */
const CONDITION = /^\w+\s[^,\n]{1,120}?,\s*/;
const COMPOUND_HEADS: ReadonlySet<string> = new Set(words.compoundHeads);
const STOP_MARKERS = phrases(words.stopMarkers);
const STEPS: ReadonlySet<string> = new Set(words.stepsHeadings);
const MODALS: ReadonlySet<string> = new Set([...coordination.modals, ...coordination.beForms]);
const STATEMENT_WORDS: ReadonlySet<string> = new Set(words.statementWords);
const CLAUSE_BREAKS: ReadonlySet<string> = new Set(words.clauseBreaks);
const ADVERBS = /^(?:really|also|just|only|still|then|\w{3,}ly)$/;

/** Length of the phrase of `list` that starts at token `i`, or 0. */
function phraseAt(t: Tokens, i: number, list: Phrases): number {
  const candidates = list.get(t.words[i] ?? '');
  if (!candidates) return 0;
  for (const p of candidates) {
    let k = 1;
    while (k < p.length && t.words[i + k] === p[k]) k++;
    if (k === p.length) return p.length;
  }
  return 0;
}

/** Verb lexicons besides verbs.json whose entries name acts (implement, refactor, investigate, migrate …). */
const actionMatcherLists = new WeakMap<Lexicons, PhraseMatcher[]>();

function actionMatchers(lex: Lexicons): PhraseMatcher[] {
  let list = actionMatcherLists.get(lex);
  if (!list) {
    list = [lex.constructionVerbs, lex.internalChangeVerbs, lex.weakInternalChangeVerbs, lex.systemOperations, lex.versionChangeVerbs, lex.spikeVerbs, lex.learnVerbs, lex.buildVerbs];
    actionMatcherLists.set(lex, list);
  }
  return list;
}

/** Is token `i` a verb by an action lexicon, in its base form ("implement*" takes "implement", not "implementation")? */
function actionVerbAt(t: Tokens, i: number, lex: Lexicons): boolean {
  const w = t.words[i]!;
  if (/(?:ing|ed)$/.test(w)) return false;
  for (const m of actionMatchers(lex)) {
    // Only an entry that starts at `i` counts: a lexicon none of whose entries starts with the word has none.
    if (!m.mayStartWith(w)) continue;
    for (const hit of m.find(t, i, Math.min(t.words.length, i + 4))) {
      if (hit.first !== i) break;
      if (!hit.entry.endsWith('*')) return true;
      const stem = phraseWords(hit.entry.slice(0, -1)).pop() ?? '';
      const last = t.words[hit.last]!;
      if (last === stem || last === `${stem}e`) return true;
    }
  }
  return false;
}

/** An acronym ("REST", "TMA") is a name, not a verb, unless the whole text shouts. */
function isAcronym(text: string, t: Tokens, i: number): boolean {
  const raw = text.slice(t.starts[i]!, t.ends[i]!);
  return raw.length > 1 && raw === raw.toUpperCase() && text !== text.toUpperCase();
}

/**
 * Does a word that is also a noun ("fix", "update", "release") lead as a verb? At the start of a title
 * or sentence it does ("Fix the sphinx build", "Update icons in …", "Export to PDF") unless what follows
 * makes it a noun: "of"/"for" ("Review of …", "Support for" is a capability phrase), a participle
 * ("Work involved in …"), or a head it forms a compound with ("Release notes", "Test plan", "Design
 * document", "Schedule job …").
 */
function leadsAsVerb(t: Tokens, i: number, lex: Lexicons): boolean {
  const next = t.words[i + 1];
  if (next === undefined) return false;
  if (lex.verbFollowers.has(next) && next !== 'for') return true;
  if (/ed$/.test(next) || next === 'of' || next === 'for' || COMPOUND_HEADS.has(next)) return false;
  const compound = { words: t.words.slice(i, i + 2), starts: t.starts.slice(i, i + 2), ends: t.ends.slice(i, i + 2) };
  return !(lex.teamObjects.find(compound).length || lex.technicalArtefacts.find(compound).length || lex.internalArtefacts.find(compound).length);
}

/**
 * "Browse UI sort order is case sensitive", "Export to Word fails when …": a predicate right after the
 * first words makes them a subject, and the title a statement about behaviour.
 */
function predicateFollows(t: Tokens, i: number, lex: Lexicons): boolean {
  for (let k = i + 1; k <= i + 4 && k < t.words.length; k++) {
    const w = t.words[k]!;
    if (CLAUSE_BREAKS.has(w)) return false;
    // "Fix the broken link", "Restore a lost password": after a determiner it describes a noun.
    if (STATEMENT_WORDS.has(w) && lex.determiners.has(t.words[k - 1]!)) continue;
    if (MODALS.has(w) || STATEMENT_WORDS.has(w)) return true;
  }
  return false;
}

/** Does the text at token `i` lead with a verb that acts on something ("Add i18n system")? */
function imperativeAt(text: string, t: Tokens, i: number, lex: Lexicons): boolean {
  const w = t.words[i];
  const next = t.words[i + 1];
  if (w === undefined || next === undefined || REFERENCE_VERBS.has(w) || !/^[a-z][a-z-]*$/.test(w)) return false;
  // "run_check_dbhash aborts …", "parser.update": part of a name in code, not a word.
  if (predicateFollows(t, i, lex) || /^[_.([]/.test(text.slice(t.ends[i]!, t.ends[i]! + 1))) return false;
  // "Spike: …", "Update: …": a label, not an act.
  if (/^\s*:/.test(text.slice(t.ends[i]!, t.starts[i + 1]!))) return false;
  if (isAcronym(text, t, i)) return false;
  if (lex.verbs.has(w)) return !lex.ambiguousNouns.has(w) ? next !== 'of' : leadsAsVerb(t, i, lex);
  if (/^\w{4,}(?:ize|ify)$/.test(w)) return next !== 'of';
  return actionVerbAt(t, i, lex) && next !== 'of';
}

/** "The ListView parser should remove …", "User wants to configure …", "There should be …", "Customer requests that …". */
function wishAfterSubject(text: string, t: Tokens, i: number, lex: Lexicons): boolean {
  // "When the user wants to …, pop up …": a wish inside a condition is the situation, not the goal.
  if (CONDITIONS.has(t.words[i]!)) return false;
  const last = Math.min(t.words.length - 1, i + SUBJECT_WORDS);
  for (let k = i + 1; k <= last; k++) {
    // The subject is one phrase: a comma, colon or full stop before the wish ends it.
    if (/[,;:.!?]/.test(text.slice(t.ends[k - 1]!, t.starts[k]!))) return false;
    const n = phraseAt(t, k, WISH_WORDS);
    if (!n || t.words[k + n] === undefined || t.words.slice(i, k).some((w) => NOT_BEFORE_WISH.has(w))) continue;
    // "a request is received": a noun after a determiner; "has to do with": not an obligation.
    if (lex.determiners.has(t.words[k - 1]!) || (t.words[k + n] === 'do' && t.words[k + n + 1] === 'with')) continue;
    return true;
  }
  return false;
}

/** "It would be great to …", "It'd be nice if …", "This task is to create …". */
function wishfulCopula(t: Tokens, i: number): boolean {
  const last = Math.min(t.words.length - 2, i + SUBJECT_WORDS + 2);
  for (let k = i + 1; k <= last; k++) {
    const w = t.words[k]!;
    const prev = t.words[k - 1]!;
    if (w === 'be' && (prev === 'would' || /['’]d$/.test(prev)) && WISH_ADJECTIVES.has(t.words[k + 1]!)) return true;
    if (w === 'is' && t.words[k + 1] === 'to' && TASK_SUBJECTS.has(prev)) return true;
  }
  return false;
}

/** "… I want to be able to view …", "we would like …": a wish in the first person anywhere in the sentence. */
function firstPersonWish(t: Tokens, from: number): number {
  for (let k = from; k < t.words.length - 1; k++) {
    const w = t.words[k]!;
    let j = k + 1;
    if (w.length <= 4 && /^(?:i|we)['’]d$/.test(w)) {
      if (['like', 'love', 'prefer'].includes(t.words[j]!)) return k;
      continue;
    }
    if (!FIRST_PERSON.has(w)) continue;
    while (j < k + 3 && ADVERBS.test(t.words[j] ?? '')) j++;
    if (phraseAt(t, j, FIRST_PERSON_WISHES) && t.words[j + 2] !== undefined) return k;
  }
  return -1;
}

/**
 * After a condition the main clause has a subject ("When …, the page stays blank") or gives an order:
 * a word that is no determiner or pronoun, followed by a particle or determiner ("When …, pop up a warning").
 */
function orderAfterCondition(t: Tokens, i: number, lex: Lexicons): boolean {
  const w = t.words[i]!;
  const next = t.words[i + 1];
  return next !== undefined && /^[a-z]+$/.test(w) && !lex.stopwords.has(w) && !lex.pronouns.has(w) && lex.verbFollowers.has(next);
}

/** The goal stated by the words from token `from` of a sentence (a title, or a sentence of a description), or null. */
function goalAt(text: string, t: Tokens, from: number, lex: Lexicons, afterCondition: boolean): Range | null {
  let i = from;
  while (POLITE.has(t.words[i] ?? '')) i++;
  if (t.words[i] === undefined) return null;
  const n = phraseAt(t, i, CAPABILITY_OPENERS);
  if (n && t.words[i + n] !== undefined) return [t.starts[i]!, t.ends[i + n - 1]!];
  if (imperativeAt(text, t, i, lex) || (afterCondition && orderAfterCondition(t, i, lex))) return [t.starts[i]!, t.ends[i]!];
  if (wishAfterSubject(text, t, i, lex) || wishfulCopula(t, i)) return [t.starts[i]!, t.ends[Math.min(t.words.length - 1, i + 2)]!];
  const k = firstPersonWish(t, i);
  return k >= 0 ? [t.starts[k]!, t.ends[k + 1]!] : null;
}

const BULLET = /^[\s>*#•·\-–—]*(?:\d{1,2}[.)]\s+)?/;
const BRACKETS = /^(?:[[(][^\])\n]{1,40}[\])][\s:\-–—]*)+/;
const LABEL = /^([^:\n]{1,60}?)(?::\s+|\s[-–—|]\s+)/;

/**
 * Where the goal may start in the sentence `[start, end)`: its start, after bracketed tags
 * ("[p2] serve …"), after a topic prefix ("appcd-response: Add …"), after a leading condition
 * ("When …, pop up …").
 */
function starts(text: string, start: number, end: number): { at: number; afterCondition: boolean }[] {
  const line = text.slice(start, end);
  let at = BULLET.exec(line)![0].length;
  const out = [at];
  const tags = BRACKETS.exec(line.slice(at));
  if (tags) out.push((at += tags[0].length));
  // A topic prefix ends at a colon or a spaced dash or bar within its first characters.
  const head = line.slice(at, at + PREFIX_CHARS + 2);
  const label = /[:\-–—|]/.test(head) ? LABEL.exec(line.slice(at)) : null;
  if (label && label[1]!.length <= PREFIX_CHARS && label[1]!.trim().split(/\s+/).length <= PREFIX_WORDS) out.push((at += label[0].length));
  const found = out.map((o) => ({ at: start + o, afterCondition: false }));
  // A leading condition ("When …, …"): its opener is looked up before the clause is read to its comma.
  const rest = line.slice(at);
  const opener = FIRST_WORD.exec(rest);
  const condition = opener && CONDITIONS.has(opener[1]!.toLowerCase()) ? CONDITION.exec(rest) : null;
  if (condition) found.push({ at: start + at + condition[0].length, afterCondition: true });
  return found;
}

/** The words of a sentence (its first SEGMENT characters), offsets into `text`. */
function sentenceTokens(text: string, [start, end]: Range): Tokens {
  return tokenize(text.slice(start, Math.min(end, start + SEGMENT)), start);
}

function goalInSentence(text: string, [start, end]: Range, t: Tokens, lex: Lexicons): Range | null {
  // Each possible start is a token index into the sentence's one tokenization.
  let i = 0;
  for (const { at, afterCondition } of starts(text, start, end)) {
    while (i < t.words.length && t.starts[i]! < at) i++;
    const r = goalAt(text, t, i, lex, afterCondition);
    if (r) return r;
  }
  return null;
}

/** Sentence boundaries: a line break, an end mark before a capital or digit, a bullet lost with its line break. */
const BREAK = /\n|[.!?]+\s+(?=["“(]?[A-Z0-9])|\s[-*•]\s/g;

/** The `[start, end)` of the first sentences of `text` that start before `opening`. */
function sentences(text: string, opening: number, max: number): Range[] {
  const bound = Math.min(text.length, opening + SEGMENT);
  const head = text.slice(0, bound);
  const out: Range[] = [];
  let start = 0;
  BREAK.lastIndex = 0;
  while (start < Math.min(text.length, opening) && out.length < max) {
    const m = BREAK.exec(head);
    const end = m ? m.index : bound;
    if (end > start) out.push([start, end]);
    if (!m) break;
    start = m.index + m[0].length;
    BREAK.lastIndex = start;
  }
  return out;
}

/**
 * Does the sentence open a part of a report that states no wish ("… Steps to reproduce: 1. Open …",
 * "Steps: …", "Actual result …")? What follows it is the reporter's steps, not what is wanted.
 */
function stops(text: string, [start, end]: Range, t: Tokens): boolean {
  if (STEPS.has(t.words[0] ?? '') && /^\W*\w+\s*:/.test(text.slice(start, end))) return true;
  for (let i = 0; i < t.words.length; i++) if (phraseAt(t, i, STOP_MARKERS)) return true;
  return false;
}

/** The goal a title states outside the template ("Export news to PDF"), or null for a topic title. */
export function titleGoal(summary: string, lex: Lexicons): StatedGoal | null {
  for (const s of sentences(summary, SEGMENT, 3)) {
    const range = goalInSentence(summary, s, sentenceTokens(summary, s), lex);
    if (range) return { field: 'summary', range };
  }
  return null;
}

/** The goal the opening sentences of a description state in prose ("Add an option to …"), or null. */
export function descriptionGoal(description: string, lex: Lexicons): StatedGoal | null {
  for (const s of sentences(description, OPENING, MAX_SENTENCES)) {
    const t = sentenceTokens(description, s);
    if (stops(description, s, t)) return null;
    // A question asks, it does not state: "Should the export include drafts?"
    if (description[s[1]] === '?') continue;
    const range = goalInSentence(description, s, t, lex);
    if (range) return { field: 'description', range };
  }
  return null;
}
