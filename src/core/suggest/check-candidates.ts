/**
 * Checks suggestions written elsewhere (the AI assist's model) with the same engine that judges
 * stories: each candidate story sentence is analyzed like any story, with the original's settings
 * and project context, and kept only if it is right as it stands. Returns every candidate with
 * `appliable` and `checks` set; the caller drops what failed.
 */
import { analyzeStory } from '../analyze';
import type { ProjectContext } from '../backlog/project-context';
import type { Settings } from '../config';
import { concept } from '../lemma';
import type { Criterion, Rewrite, Split, StoryInput, StoryReport } from '../story';
import { tokenize } from '../tokens';

export interface Candidates {
  rewrites: Rewrite[];
  splits: Split[];
}

const PLACEHOLDER = /<[^<>]{1,80}>/;
/** Words too common to show that a suggestion kept the story's subject. */
const COMMON = new Set(['want', 'able', 'that', 'this', 'with', 'from', 'have', 'into', 'when', 'user', 'users', 'story', 'system']);

function domainConcepts(report: StoryReport): Set<string> {
  const text = [report.template.goal, report.template.benefit].filter(Boolean).join(' ') || report.summary;
  return new Set(tokenize(text).words.filter((w) => w.length > 3 && !COMMON.has(w)).map(concept));
}

/** Problems of one candidate sentence (none: it passes), and what it passed. */
function checkSentence(summary: string, original: StoryInput, originalReport: StoryReport, fixes: Criterion, settings: Settings, context: ProjectContext) {
  const problems: string[] = [];
  const passed: string[] = [];
  if (PLACEHOLDER.test(summary)) problems.push('has placeholders to fill in');
  const r = analyzeStory({ key: original.key ?? 'candidate', summary, source: original.source ?? 'issue' }, settings, context);
  if (r.failed) return { problems: ['could not be analyzed'], passed };
  const t = r.template;
  if (!t.role || !t.goal || !t.benefit) problems.push('is not a complete "As a …, I want …, so that …" sentence');
  else passed.push('reads as a complete story sentence');
  const ids = new Set(r.findings.map((f) => f.ruleId));
  if (ids.has('not-atomic')) problems.push('asks for more than one thing');
  else passed.push('asks for one thing');
  if (r.kind !== 'user') problems.push(`reads as ${r.kind === 'technical' ? 'technical work' : r.kind === 'team' ? "the team's work" : 'a spike'}`);
  else passed.push('reads as a user story');
  if (r.findings.some((f) => f.ruleId === 'weak-benefit')) problems.push('has a weak benefit');
  if (ids.has('horizontal-slice')) problems.push('is a layer of the system, not a slice a user sees');
  if (ids.has('implementation-detail')) problems.push('prescribes a technology');
  if (ids.has('vague-term')) problems.push('uses a vague term');
  const own = domainConcepts(originalReport);
  const mine = new Set(tokenize(summary).words.map(concept));
  if (own.size && ![...own].some((c) => mine.has(c))) problems.push("loses the story's domain words");
  else passed.push("keeps the story's domain words");
  if (r.criteria[fixes] < originalReport.criteria[fixes]) problems.push(`scores lower on ${fixes}`);
  return { problems, passed };
}

/** Every candidate with `appliable` and `checks` set by analyzing it like any story. */
export function checkCandidates(original: StoryInput, originalReport: StoryReport, settings: Settings, context: ProjectContext, candidates: Candidates): Candidates {
  const rewrites = candidates.rewrites.map((w): Rewrite => {
    const { problems, passed } = checkSentence(w.summary, original, originalReport, 'valuable', settings, context);
    return { ...w, appliable: problems.length === 0, checks: problems.length ? problems.map((p) => `The rewrite ${p}.`) : passed };
  });
  const splits = candidates.splits.map((s): Split => {
    const problems: string[] = [];
    const seen = new Set<string>();
    s.stories.forEach((part, i) => {
      const key = part.summary.toLowerCase();
      if (seen.has(key)) problems.push(`Part ${i + 1} repeats another part.`);
      seen.add(key);
      for (const p of checkSentence(part.summary, original, originalReport, 'small', settings, context).problems) problems.push(`Part ${i + 1} ${p}.`);
    });
    if (s.stories.length < 2) problems.push('A split needs at least two parts.');
    const checks = problems.length ? problems : [`Each of the ${s.stories.length} parts reads as a complete, atomic user story that keeps the story's domain words.`];
    return { ...s, appliable: problems.length === 0, checks };
  });
  return { rewrites, splits };
}
