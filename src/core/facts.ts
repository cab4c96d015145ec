/**
 * Facts derived once per story and shared by rules and suggestions: the goal's actions (verbs joined
 * by conjunctions), the benefit's subject, domain words. Keeps every rule a small pure function.
 */
import type { Lexicons } from './lexicons';
import type { Range, Span, TemplateParse } from './story';
import { tokenize, type Tokens } from './tokens';

export interface GoalAction {
  verb: string;
  /** Range of the verb in the template's field. */
  range: Range;
  /** The conjunction or marker that introduced this action (absent for the first). */
  joiner?: { text: string; range: Range; sequence: boolean };
}

export interface Facts {
  /** Text of the field the story sentence was found in. */
  fieldText: string;
  goalTokens: Tokens;
  benefitTokens: Tokens;
  actions: GoalAction[];
  /** True when two actions are joined by "then"/"after that" (a workflow, not a list). */
  sequential: boolean;
  /** Words of the benefit's subject ("users", "other reviewers", "I"), or null. */
  benefitSubject: string | null;
  /** Content words of the goal and benefit (lower-case, stopwords removed), for relatedness. */
  domainWords: string[];
}

const CONJUNCTIONS = new Set(['and', 'or', '&', 'and/or', 'plus']);

function tokensOf(span: Span | null): Tokens {
  return span ? tokenize(span.text, span.range[0]) : { words: [], starts: [], ends: [] };
}

function isVerbAt(t: Tokens, i: number, lex: Lexicons, prevIsVerb: boolean): boolean {
  const w = t.words[i];
  if (!w) return false;
  let base = w;
  if (!lex.verbs.has(base) && base.endsWith('ing')) {
    const stem = base.slice(0, -3);
    base = lex.verbs.has(stem) ? stem : lex.verbs.has(stem + 'e') ? stem + 'e' : base;
    if (base === w) return false;
    return prevIsVerb; // "adding and removing": gerunds only after a gerund
  }
  if (!lex.verbs.has(base)) return false;
  if (!lex.ambiguousNouns.has(base) || prevIsVerb) return true;
  // An ambiguous word ("map", "review") reads as a verb when an object or particle follows it.
  const next = t.words[i + 1];
  return next !== undefined && lex.verbFollowers.has(next);
}

/** "add/edit reviews": verbs joined by a slash are two capabilities. Adds them and returns true. */
function slashVerbs(t: Tokens, i: number, lex: Lexicons, actions: GoalAction[]): boolean {
  const parts = t.words[i]!.split('/');
  if (parts.length < 2 || !parts.every((p) => lex.verbs.has(p))) return false;
  if (i > 0 && t.words[i - 1] !== 'to' && !actions.length) return false;
  let at = t.starts[i]!;
  if (actions.length && actions[actions.length - 1]!.range[0] === at) actions.pop();
  parts.forEach((verb, k) => {
    const range: Range = [at, at + verb.length];
    actions.push(k === 0 && !actions.length ? { verb, range } : { verb, range, joiner: { text: '/', range: [at - 1, at], sequence: false } });
    at += verb.length + 1;
  });
  return true;
}

/** Verbs in the goal joined by conjunctions, commas in a verb list, or sequence markers. */
function goalActions(t: Tokens, text: string, lex: Lexicons): { actions: GoalAction[]; sequential: boolean } {
  const actions: GoalAction[] = [];
  let sequential = false;
  const n = t.words.length;
  if (!n) return { actions, sequential };
  // Words inside a fixed pair ("drag and drop"), marked once: a lookup per word stays linear.
  const fixed = lex.fixedPairs.find(t);
  let fixedWord: Uint8Array | null = null;
  if (fixed.length) {
    fixedWord = new Uint8Array(n);
    for (const f of fixed) fixedWord.fill(1, f.first, f.last + 1);
  }
  const inFixed = (i: number) => fixedWord !== null && fixedWord[i] === 1;
  const firstIsVerb = lex.verbs.has(t.words[0]!) || (t.words[0] === 'be' && n > 1);
  if (firstIsVerb) actions.push({ verb: t.words[0]!, range: [t.starts[0]!, t.ends[0]!] });
  for (let i = 0; i < n; i++) {
    if (inFixed(i)) continue;
    const w = t.words[i]!;
    if (w.includes('/') && slashVerbs(t, i, lex, actions)) continue;
    if (i === 0) continue;
    let joinerEnd = i;
    let seq = false;
    if (CONJUNCTIONS.has(w)) {
      if (t.words[i + 1] === 'then') {
        joinerEnd = i + 1;
        seq = true;
      } else if (t.words[i + 1] === 'also') joinerEnd = i + 1;
    } else if (w === 'then' || w === 'afterwards') {
      // ", then cut …": a sequence marker after a comma.
      const between = text.slice(t.ends[i - 1]! - t.starts[0]!, t.starts[i]! - t.starts[0]!);
      if (!between.includes(',')) continue;
      seq = true;
    } else {
      // A comma between two verbs in a list: "see, validate and edit".
      const between = text.slice(t.ends[i - 1]! - t.starts[0]!, t.starts[i]! - t.starts[0]!);
      if (!between.includes(',')) continue;
      const prevVerb = actions.length > 0 && actions[actions.length - 1]!.range[0] === t.starts[i - 1];
      if (!prevVerb || !isVerbAt(t, i, lex, true)) continue;
      actions.push({ verb: w, range: [t.starts[i]!, t.ends[i]!], joiner: { text: ',', range: [t.ends[i - 1]!, t.starts[i]!], sequence: false } });
      continue;
    }
    // "a mechanism to store and retrieve images": the coordination starts at the verb after "to";
    // the verb before it ("develop") frames the work and is not one of the joined capabilities.
    const last = actions[actions.length - 1];
    if (CONJUNCTIONS.has(w) && i >= 2 && t.words[i - 2] === 'to' && lex.verbs.has(t.words[i - 1]!) && last && last.range[0] !== t.starts[i - 1] && actions.length === 1) {
      actions[0] = { verb: t.words[i - 1]!, range: [t.starts[i - 1]!, t.ends[i - 1]!] };
    }
    let vi = joinerEnd + 1;
    if (t.words[vi] === 'to') vi++; // "and to delete"
    if (vi >= n || inFixed(vi)) continue;
    // After "then" a known verb is a verb; after "and" an ambiguous word needs more evidence.
    const prevIsVerb = seq || (actions.length > 0 && actions[actions.length - 1]!.range[0] === t.starts[i - 1]);
    if (!isVerbAt(t, vi, lex, prevIsVerb)) continue;
    actions.push({
      verb: t.words[vi]!,
      range: [t.starts[vi]!, t.ends[vi]!],
      joiner: { text: t.words.slice(i, joinerEnd + 1).join(' '), range: [t.starts[i]!, t.ends[joinerEnd]!], sequence: seq },
    });
    if (seq) sequential = true;
    i = vi;
  }
  if (actions.length === 1 && lex.lightVerbs.has(actions[0]!.verb)) nominalActions(t, actions);
  return { actions, sequential };
}

const NOMINALIZATION = /(?:tion|sion|ment|sis|ance|ence)s?$/;

/** "perform segmentation or localization": two actions named as nouns after a light verb. */
function nominalActions(t: Tokens, actions: GoalAction[]): void {
  for (let i = 2; i < t.words.length - 1; i++) {
    if (!CONJUNCTIONS.has(t.words[i]!)) continue;
    const before = t.words[i - 1]!;
    const after = t.words[i + 1]!;
    if (NOMINALIZATION.test(before) && NOMINALIZATION.test(after)) {
      actions.push({ verb: after, range: [t.starts[i + 1]!, t.ends[i + 1]!], joiner: { text: t.words[i]!, range: [t.starts[i]!, t.ends[i]!], sequence: false } });
      return;
    }
  }
}

/** The subject of the benefit clause: "users can view" -> "users"; "I can" -> "i". */
function benefitSubject(t: Tokens, lex: Lexicons): string | null {
  const words: string[] = [];
  for (let i = 0; i < t.words.length && i < 5; i++) {
    const w = t.words[i]!;
    if (['can', 'could', 'will', 'would', 'may', 'might', 'should', 'must', 'are', 'is', 'get', 'gets', 'have', 'has', 'do', 'does', "don't", "doesn't", "won't", "can't"].includes(w)) {
      return words.length ? words.join(' ') : null;
    }
    if (i === 0 && lex.pronouns.has(w)) return w;
    words.push(w);
  }
  return null;
}

export function deriveFacts(fieldText: string, template: TemplateParse, lex: Lexicons): Facts {
  const goalTokens = tokensOf(template.goal);
  const benefitTokens = tokensOf(template.benefit);
  const { actions, sequential } = goalActions(goalTokens, template.goal?.text ?? '', lex);
  const seen = new Set<string>();
  const domainWords: string[] = [];
  for (const token of [...goalTokens.words, ...benefitTokens.words]) {
    for (const w of token.split('/')) {
      if (w.length < 3 || lex.stopwords.has(w) || seen.has(w)) continue;
      seen.add(w);
      domainWords.push(w);
    }
  }
  return {
    fieldText,
    goalTokens,
    benefitTokens,
    actions,
    sequential,
    benefitSubject: benefitSubject(benefitTokens, lex),
    domainWords,
  };
}
