/**
 * The self-check: every suggested story sentence is run back through the engine's scoring path
 * (prepare + rules, no suggestions; the caller passes it in, so this module imports no entry point)
 * and offered as `appliable` only if it is well-formed, atomic, not technical, not a tautology, not
 * a layer, keeps the original's domain objects, does not paste an acceptance criterion into the
 * goal, holds no placeholder, and scores higher than the original on the criterion it fixes.
 * `checks` says in plain words what was verified or what failed.
 */
import { concept } from '../lemma';
import type { Lexicons } from '../lexicons';
import type { CriteriaScores, Criterion, Finding, Rewrite, Split, TemplateParse, WorkKind } from '../story';
import { tokenize } from '../tokens';

/** What the scoring path tells about one sentence. */
export interface Scored {
  kind: WorkKind;
  criteria: CriteriaScores;
  findings: readonly Pick<Finding, 'ruleId' | 'messageId'>[];
  template: TemplateParse;
}

export type Scorer = (summary: string) => Scored;

/** The original story, as the check compares against it. */
export interface Original {
  criteria: CriteriaScores;
  /** Content words of the original's goal and benefit. */
  domainWords: readonly string[];
  /** The longer words (more than three letters) of each acceptance criterion, tokenized once. */
  criteriaWords: readonly (readonly string[])[];
}

/** The longer words of each criterion (the pasted-criterion check reads only those). */
export function criteriaWords(criteria: readonly string[]): string[][] {
  return criteria.map((ac) => tokenize(ac).words.filter((x) => x.length > 3));
}

const PLACEHOLDER = /<[^<>]{1,80}>/;

/** The word read as the verb of a "to" goal ("I want to add/view images": "add"), or null for another goal. */
export function infinitiveVerb(t: TemplateParse): string | null {
  if (!t.goal) return null;
  const indicator = t.goalIndicator?.text.toLowerCase().trim() ?? '';
  if (!/\bto$/.test(indicator) && !/^to\s/i.test(t.goal.text)) return null;
  // "add/view images": the first of a slash pair is the verb read.
  const first = tokenize(t.goal.text)
    .words.find((w) => w !== 'to' && w !== 'be' && w !== 'able')
    ?.split('/')[0];
  return first ?? null;
}

/** "I want to" + a word that is not a verb ("I want to images …") — the goal does not read. */
export function verbMissing(t: TemplateParse, lex: Lexicons): boolean {
  const first = infinitiveVerb(t);
  return !!first && !lex.verbs.has(first) && !lex.verbs.has(first.replace(/(?:s|ed|ing)$/, ''));
}

/** The goal holds most of an acceptance criterion's words: a criterion pasted into the story, not a slice. */
export function pastedCriterion(goal: string, criteria: readonly (readonly string[])[]): boolean {
  const goalWords = new Set(tokenize(goal).words);
  for (const w of criteria) {
    if (w.length >= 4 && w.filter((x) => goalWords.has(x)).length >= Math.max(4, Math.ceil(w.length * 0.8))) return true;
  }
  return false;
}

function keepsDomain(summary: string, original: Original, lex: Lexicons): boolean {
  const own = original.domainWords.filter((w) => !lex.verbs.has(w)).map(concept);
  if (!own.length) return true;
  const mine = new Set(tokenize(summary).words.map(concept));
  return own.some((c) => mine.has(c));
}

/** Problems of one story sentence (empty: it passes), and what passed. */
export function checkSentence(summary: string, original: Original, fixes: Criterion, score: Scorer, lex: Lexicons): { problems: string[]; passed: string[] } {
  const problems: string[] = [];
  const passed: string[] = [];
  if (PLACEHOLDER.test(summary)) problems.push('has placeholders to fill in');
  // A phrase cut short to name a slice ("(models can be listed per customer …)") is a label, not a story.
  if (summary.includes('…')) problems.push('has a phrase cut short (…)');
  const r = score(summary.replace(new RegExp(PLACEHOLDER.source, 'g'), 'something'));
  const t = r.template;
  if (!t.role || !t.goal || !t.benefit) problems.push('is not a complete "As a …, I want …, so that …" sentence');
  else if (verbMissing(t, lex)) problems.push('"I want to" is not followed by a verb');
  else passed.push('reads as a complete story sentence');
  const ids = new Set(r.findings.map((f) => f.ruleId));
  if (ids.has('not-atomic')) problems.push('still asks for more than one thing');
  else passed.push('asks for one thing');
  if (r.kind !== 'user') problems.push(`still reads as ${r.kind === 'technical' ? 'technical work' : r.kind === 'team' ? "the team's work" : 'a spike'}`);
  else passed.push('reads as a user story');
  if (r.findings.some((f) => f.ruleId === 'weak-benefit' && f.messageId === 'restates')) problems.push('its benefit restates its goal');
  if (ids.has('horizontal-slice')) problems.push('is a layer of the system, not a slice a user sees');
  if (t.goal && pastedCriterion(t.goal.text, original.criteriaWords)) problems.push('pastes an acceptance criterion into the goal');
  if (!keepsDomain(summary, original, lex)) problems.push("loses the original's domain objects");
  else passed.push("keeps the original's domain objects");
  if (r.criteria[fixes] <= original.criteria[fixes]) problems.push(`does not score higher on ${fixes}`);
  else passed.push(`scores higher on ${fixes} (${original.criteria[fixes]} → ${r.criteria[fixes]})`);
  return { problems, passed };
}

/** A rewrite with `appliable` and `checks` set. Story sentences are scored; tasks and spikes need no placeholder. */
export function checkRewrite(w: Rewrite, original: Original, score: Scorer, lex: Lexicons, fixes: Criterion = 'valuable'): Rewrite {
  if (w.doubt) return { ...w, appliable: false, checks: [w.doubt] };
  if (w.kind !== 'user-story') {
    const open = w.placeholders.length > 0;
    return { ...w, appliable: !open, checks: open ? [`Fill in ${w.placeholders.join(', ')} first.`] : ['Every fact in it comes from the story and the backlog: nothing to fill in.'] };
  }
  const { problems, passed } = checkSentence(w.summary, original, fixes, score, lex);
  return { ...w, appliable: problems.length === 0, checks: problems.length ? problems.map((p) => `The rewrite ${p}.`) : passed };
}

/** A split with `appliable` and `checks` set: appliable only when every story part passes. */
export function checkSplit(s: Split, original: Original, score: Scorer, lex: Lexicons): Split {
  const problems: string[] = [];
  const seen = new Set<string>();
  s.stories.forEach((part, i) => {
    if (seen.has(part.summary.toLowerCase())) problems.push(`Part ${i + 1} repeats another part.`);
    seen.add(part.summary.toLowerCase());
    if (s.pattern === 'spike' && i === 0) {
      if (PLACEHOLDER.test(part.summary)) problems.push('The spike has placeholders to fill in.');
      return;
    }
    const r = checkSentence(part.summary, original, 'small', score, lex);
    for (const p of r.problems) problems.push(`Part ${i + 1} ${p}.`);
  });
  const checks = problems.length ? problems : [`Each of the ${s.stories.length} parts reads as a complete, atomic user story that keeps the original's domain objects and scores higher on small.`];
  return { ...s, appliable: problems.length === 0, checks };
}
