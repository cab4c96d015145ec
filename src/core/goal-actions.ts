/**
 * The capabilities a goal asks for: its verbs joined by "and", "or", "then", commas or slashes
 * ("create and delete zones", "see, validate and edit", "view/upload"). Counts capabilities, not
 * conjunctions: these are one capability —
 * - nouns or adjectives joined inside one object ("terms and conditions", "accurate and complete data");
 * - fixed pairs ("drag and drop", "search and discover", "approve or reject");
 * - verbs inside a clause about something in the goal ("forms that students fill in and submit",
 *   "questions the user can ask and perform", "when I deploy … and update …");
 * - what the first act brings about ("… and have it stored in CKAN", "… and be assured …",
 *   "browse … and see which …");
 * - slash words that are not in a verb's place ("a custom query/report").
 * Two verbs with their own objects ("upload a file and put a licence on it", "modify or branch a
 * protocol", "… and ALFRED should also use sensors") are two.
 */
import coordination from './lexicons/coordination.json';
import type { Lexicons } from './lexicons';
import { looksLikeVerb } from './purpose';
import type { Range } from './story';
import type { Tokens } from './tokens';

export interface GoalAction {
  verb: string;
  /** Range of the verb in the template's field. */
  range: Range;
  /** The conjunction or marker that introduced this action (absent for the first). */
  joiner?: { text: string; range: Range; sequence: boolean };
}

const CONJUNCTIONS = new Set(['and', 'or', '&', 'and/or', 'plus']);
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(coordination.clauseOpeners);
const MODALS: ReadonlySet<string> = new Set(coordination.modals);
const BE_FORMS: ReadonlySet<string> = new Set(coordination.beForms);
const AMBIGUOUS_ADJECTIVES: ReadonlySet<string> = new Set(coordination.ambiguousAdjectives);
const STATES_AFTER_BE: ReadonlySet<string> = new Set(coordination.stateAfterBe);
const RESULT_STATES: ReadonlySet<string> = new Set(coordination.resultStates);
const PARTICLES: ReadonlySet<string> = new Set(coordination.particles);
const OUTCOME_VERBS: ReadonlySet<string> = new Set(coordination.outcomeVerbs);
const QUERY_INPUTS: ReadonlySet<string> = new Set(coordination.queryInputs);
const QUERY_RESULTS: ReadonlySet<string> = new Set(coordination.queryResults);
const QUESTION_WORDS: ReadonlySet<string> = new Set(coordination.questionWords);
const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'my', 'our', 'their', 'his', 'her', 'its', 'your', 'this', 'that', 'these', 'those', 'each', 'every', 'both']);
/** Words that may stand before the goal's first verb: "successfully conduct", "also see". */
const LEADING = /^(?:also|just|only|really|then|still|first|quickly|easily|either|both|\w{3,}ly)$/;

const isVerb = (w: string, lex: Lexicons) => lex.verbs.has(w) || looksLikeVerb(w);

export function isVerbAt(t: Tokens, i: number, lex: Lexicons, prevIsVerb: boolean): boolean {
  const w = t.words[i];
  if (!w) return false;
  let base = w;
  if (!lex.verbs.has(base) && base.endsWith('ing')) {
    const stem = base.slice(0, -3);
    base = lex.verbs.has(stem) ? stem : lex.verbs.has(stem + 'e') ? stem + 'e' : base;
    if (base === w) return false;
    return prevIsVerb; // "adding and removing": gerunds only after a gerund
  }
  if (!isVerb(base, lex)) return false;
  const ambiguous = lex.ambiguousNouns.has(base) || AMBIGUOUS_ADJECTIVES.has(base);
  if (!ambiguous || prevIsVerb) return true;
  // An ambiguous word ("map", "review", "complete") reads as a verb when an object or particle follows it.
  const next = t.words[i + 1];
  return next !== undefined && lex.verbFollowers.has(next);
}

/** A slash word stands where a verb stands: at the start, after "to", "and"/"or" or an adverb. */
function inVerbPlace(t: Tokens, i: number, start: number): boolean {
  if (i <= start) return true;
  const prev = t.words[i - 1]!;
  return prev === 'to' || CONJUNCTIONS.has(prev) || /\w{3,}ly$/.test(prev);
}

/** "add/edit reviews": verbs joined by a slash are two capabilities. Adds them and returns true. */
function slashVerbs(t: Tokens, i: number, start: number, lex: Lexicons, actions: GoalAction[]): boolean {
  const parts = t.words[i]!.split('/');
  if (parts.length < 2 || !parts.every((p) => isVerb(p, lex)) || !inVerbPlace(t, i, start)) return false;
  let at = t.starts[i]!;
  if (actions.length && actions[actions.length - 1]!.range[0] === at) actions.pop();
  parts.forEach((verb, k) => {
    const range: Range = [at, at + verb.length];
    actions.push(k === 0 && !actions.length ? { verb, range } : { verb, range, joiner: { text: '/', range: [at - 1, at], sequence: false } });
    at += verb.length + 1;
  });
  return true;
}

/**
 * Is the word before `i` inside a clause about something in the goal, opened after the last action?
 * "forms … that my students can fill in", "a date after which data will expire", "when I deploy …".
 * A clause whose verb is "is"/"are" only describes ("see who is standing at my door … and open …").
 */
function insideClause(t: Tokens, from: number, i: number): boolean {
  for (let k = from; k < i; k++) {
    const w = t.words[k]!;
    if (CLAUSE_OPENERS.has(w)) {
      if (BE_FORMS.has(t.words[k + 1] ?? '') || BE_FORMS.has(t.words[k + 2] ?? '')) continue;
      return true;
    }
    if (MODALS.has(w)) return true;
  }
  return false;
}

/**
 * What the first act brings about, said after the conjunction at `i`: "and have it stored …", "and be
 * assured …", "and see which …"; after a query's input ("enter my zip code", "select a date"), "and
 * get / see / receive …" is its answer.
 */
function consequence(t: Tokens, vi: number, lex: Lexicons, previous: string | undefined, joiner: string): boolean {
  const w = t.words[vi]!;
  if (joiner === 'and' && previous !== undefined && QUERY_INPUTS.has(previous) && QUERY_RESULTS.has(w)) return true;
  if (w === 'have') {
    for (let k = vi + 2; k <= vi + 5 && k < t.words.length; k++) {
      const x = t.words[k]!;
      if (/ed$/.test(x) || RESULT_STATES.has(x) || (isVerb(x, lex) && !lex.ambiguousNouns.has(x))) return true;
    }
    return false;
  }
  if (w === 'be') return STATES_AFTER_BE.has(t.words[vi + 1] ?? '');
  return OUTCOME_VERBS.has(w) && QUESTION_WORDS.has(t.words[vi + 1] ?? '');
}

/** "recorded in metadata and displayed alongside the item": two past participles, each with its own phrase. */
function participlePair(t: Tokens, i: number, from: number, lex: Lexicons): number {
  const vi = i + 1;
  const after = t.words[vi];
  const next = t.words[vi + 1] ?? '';
  if (!after || !/ed$/.test(after) || !participleVerb(after, lex) || !(PARTICLES.has(next) || next === 'alongside')) return -1;
  for (let k = from; k < i; k++) {
    const w = t.words[k]!;
    if (/ed$/.test(w) && participleVerb(w, lex) && participleVerb(w, lex) !== participleVerb(after, lex) && (PARTICLES.has(t.words[k + 1] ?? '') || t.words[k + 1] === 'from')) return vi;
  }
  return -1;
}

function participleVerb(w: string, lex: Lexicons): string | null {
  const stem = w.slice(0, -2);
  for (const c of [stem, `${stem}e`, w.slice(0, -1), stem.slice(0, -1)]) if (lex.verbs.has(c)) return c;
  return null;
}

/** "… and ALFRED should also use sensors": a second clause with its own subject asks for its own capability. */
function ownSubjectClause(t: Tokens, i: number, lex: Lexicons): number {
  for (let m = i + 2; m <= i + 3 && m < t.words.length; m++) {
    if (!MODALS.has(t.words[m]!)) continue;
    let v = m + 1;
    if (t.words[v] === 'also') v++;
    return t.words[v] !== undefined && lex.verbs.has(t.words[v]!) && t.words[v] !== 'be' ? v : -1;
  }
  return -1;
}

/** Verbs in the goal joined by conjunctions, commas in a verb list, slashes or sequence markers. */
export function goalActions(t: Tokens, text: string, lex: Lexicons, goalIsInfinitive: boolean): { actions: GoalAction[]; sequential: boolean } {
  const actions: GoalAction[] = [];
  let sequential = false;
  const n = t.words.length;
  if (!n) return { actions, sequential };
  // Words inside a fixed pair ("drag and drop"), marked once: a lookup per word stays linear.
  const fixed = lex.fixedPairs.find(t);
  let fixedWord: Uint8Array | null = null;
  if (fixed.length) {
    fixedWord = new Uint8Array(t.words.length);
    for (const f of fixed) fixedWord.fill(1, f.first, f.last + 1);
  }
  const inFixed = (i: number) => fixedWord !== null && fixedWord[i] === 1;
  let start = 0;
  while (start < n - 1 && LEADING.test(t.words[start]!) && !lex.verbs.has(t.words[start]!)) start++;
  const w0 = t.words[start]!;
  // After "I want to …" the first word is a verb by its place ("research requirements", "deposit datasets").
  const firstIsVerb = isVerb(w0, lex) || (w0 === 'be' && n > start + 1) || (goalIsInfinitive && !lex.stopwords.has(w0) && !DETERMINERS.has(w0) && !w0.includes('/') && /^[a-z][a-z-]*$/.test(w0));
  if (firstIsVerb) actions.push({ verb: w0, range: [t.starts[start]!, t.ends[start]!] });
  // "either keep it private or share it": alternatives of one need.
  const alternatives = t.words.slice(0, start).includes('either');
  const gap = (i: number) => text.slice(t.ends[i - 1]! - t.starts[0]!, t.starts[i]! - t.starts[0]!);
  let lastAt = start;
  for (let i = start; i < n; i++) {
    if (inFixed(i)) continue;
    const w = t.words[i]!;
    if (w.includes('/') && slashVerbs(t, i, start, lex, actions)) {
      lastAt = i;
      continue;
    }
    if (i === start) continue;
    let joinerEnd = i;
    let seq = false;
    if (CONJUNCTIONS.has(w)) {
      if (alternatives && w === 'or') continue;
      if (t.words[i + 1] === 'then') {
        joinerEnd = i + 1;
        seq = true;
      } else if (t.words[i + 1] === 'also') joinerEnd = i + 1;
    } else if (w === 'then' || w === 'afterwards') {
      // ", then cut …": a sequence marker after a comma.
      if (!gap(i).includes(',')) continue;
      seq = true;
    } else {
      // A comma before a verb in a list ("see, validate and edit") or before a verb with its object ("…, hide the bad data").
      if (!gap(i).includes(',') || !actions.length) continue;
      const lastStart = actions[actions.length - 1]!.range[0];
      const prevVerb = lastStart === t.starts[i - 1] || (lastStart === t.starts[i - 2] && PARTICLES.has(t.words[i - 1]!));
      const withObject = lex.verbs.has(w) && !lex.ambiguousNouns.has(w) && lex.verbFollowers.has(t.words[i + 1] ?? '') && !PARTICLES.has(t.words[i + 1] ?? '');
      if (!(prevVerb && isVerbAt(t, i, lex, true)) && !withObject) continue;
      actions.push({ verb: w, range: [t.starts[i]!, t.ends[i]!], joiner: { text: ',', range: [t.ends[i - 1]!, t.starts[i]!], sequence: false } });
      lastAt = i;
      continue;
    }
    // "alias (or map) an item": an alternative word in brackets.
    if (CONJUNCTIONS.has(w) && gap(i).includes('(')) continue;
    // Inside a clause about something in the goal, joined verbs are that clause's, unless a comma closes it.
    if (!seq && actions.length && insideClause(t, lastAt + 1, i) && !gap(i).includes(',')) continue;
    // "a mechanism to store and retrieve images": the coordination starts at the verb after "to";
    // the verb before it ("develop") frames the work and is not one of the joined capabilities.
    const last = actions[actions.length - 1];
    if (CONJUNCTIONS.has(w) && i >= 2 && t.words[i - 2] === 'to' && lex.verbs.has(t.words[i - 1]!) && last && last.range[0] !== t.starts[i - 1] && actions.length === 1) {
      actions[0] = { verb: t.words[i - 1]!, range: [t.starts[i - 1]!, t.ends[i - 1]!] };
    }
    // "the read and edit views": a verb used as a noun after a determiner, and its pair.
    if (CONJUNCTIONS.has(w) && i >= 2 && DETERMINERS.has(t.words[i - 2]!) && lex.verbs.has(t.words[i - 1]!) && last?.range[0] !== t.starts[i - 1] && isVerb(t.words[i + 1] ?? '', lex) && !lex.verbFollowers.has(t.words[i + 2] ?? '')) continue;
    let vi = joinerEnd + 1;
    if (t.words[vi] === 'to') vi++; // "and to delete"
    if (vi >= n || inFixed(vi)) continue;
    const prevToken = t.words[i - 1]!;
    const lastNow = actions[actions.length - 1];
    // After "then" a known verb is a verb; after "and" an ambiguous word needs more evidence. A particle
    // right after the last verb keeps it a verb pair: "search for and download", "prepare for and support".
    const lastIdx = lastNow ? t.starts.indexOf(lastNow.range[0]) : -1;
    const prevIsVerb = seq || (lastNow !== undefined && (lastNow.range[0] === t.starts[i - 1] || (lastIdx === i - 2 && PARTICLES.has(prevToken))));
    let verbAt = -1;
    // "and to have …" is another goal of the series, not a result of the first act.
    if (isVerbAt(t, vi, lex, prevIsVerb) && (vi > joinerEnd + 1 || !consequence(t, vi, lex, lastNow?.verb, w))) verbAt = vi;
    else if (CONJUNCTIONS.has(w)) verbAt = participlePair(t, i, lastAt, lex);
    if (verbAt < 0 && CONJUNCTIONS.has(w)) verbAt = ownSubjectClause(t, i, lex);
    if (verbAt < 0) continue;
    actions.push({
      verb: t.words[verbAt]!,
      range: [t.starts[verbAt]!, t.ends[verbAt]!],
      joiner: { text: t.words.slice(i, joinerEnd + 1).join(' '), range: [t.starts[i]!, t.ends[joinerEnd]!], sequence: seq },
    });
    if (seq) sequential = true;
    lastAt = verbAt;
    i = verbAt;
  }
  return { actions, sequential };
}

/**
 * "… and I want it to be backed up", "… and need an easy way to watch …": a second goal indicator
 * after "and" asks for a second capability. Returns the range from the conjunction to the indicator.
 */
export function secondGoal(t: Tokens): { text: string; range: Range } | null {
  for (let i = 1; i < t.words.length - 1; i++) {
    if (t.words[i] !== 'and') continue;
    let k = i + 1;
    if (t.words[k] === 'i' || t.words[k] === 'we') k++;
    const w = t.words[k];
    const two = `${w} ${t.words[k + 1] ?? ''}`;
    const hit = coordination.secondGoals.find((g) => g === w || g === two);
    if (hit && t.words[k + hit.split(' ').length] !== undefined) {
      const end = k + hit.split(' ').length - 1;
      return { text: t.words.slice(i, end + 1).join(' '), range: [t.starts[i]!, t.ends[end]!] };
    }
  }
  return null;
}
