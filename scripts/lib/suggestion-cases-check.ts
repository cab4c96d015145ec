/**
 * Inner consistency of a golden-case project (keys, links, grounding of the expected words in the
 * story text) and the counts per expectation kind and split pattern that the README reports.
 */
import {
  CASE_REWRITE_KINDS,
  CASE_SPLIT_PATTERNS,
  type CaseExpectation,
  type CaseIssue,
  type LoadedProject,
  type SuggestionProject,
} from './suggestion-cases';

function issueText(i: CaseIssue): string {
  return `${i.summary}\n${i.description ?? ''}`.toLowerCase();
}

/** Expected words come from the story itself (loosely: a plain substring of its lower-cased text). */
function ungrounded(words: readonly string[], text: string): string[] {
  return words.filter((w) => !text.includes(w));
}

function checkIssues(p: SuggestionProject, problems: string[]): Map<string, CaseIssue> {
  const byKey = new Map<string, CaseIssue>();
  for (const i of p.issues) {
    if (byKey.has(i.key)) problems.push(`${i.key}: duplicate issue key`);
    byKey.set(i.key, i);
    if (!i.key.startsWith(`${p.project}-`)) problems.push(`${i.key}: key is not in project ${p.project}`);
  }
  for (const i of p.issues) {
    if (i.parent !== undefined && !byKey.has(i.parent)) problems.push(`${i.key}: parent ${i.parent} is not in the project`);
    if (i.parent === i.key) problems.push(`${i.key}: is its own parent`);
    for (const l of i.links ?? []) {
      const other = byKey.get(l.key);
      if (!other) {
        problems.push(`${i.key}: link to ${l.key}, which is not in the project`);
        continue;
      }
      // Jira shows a link on both issues, in opposite directions.
      const back = l.direction === 'inward' ? 'outward' : 'inward';
      if (!(other.links ?? []).some((m) => m.key === i.key && m.type === l.type && m.direction === back)) {
        problems.push(`${i.key}: link "${l.type}" ${l.direction} ${l.key} has no ${back} twin on ${l.key}`);
      }
    }
  }
  return byKey;
}

function checkExpectation(e: CaseExpectation, byKey: Map<string, CaseIssue>, problems: string[]): void {
  const it = byKey.get(e.key);
  if (!it) {
    problems.push(`${e.key}: expectation for an issue that is not in the project`);
    return;
  }
  const text = issueText(it);
  const kinds = [e.rewrite, e.split, e.acDraft, e.finding, e.none].filter((x) => x !== undefined).length;
  if (kinds === 0) problems.push(`${e.key}: expectation expects nothing`);
  if (e.none && kinds > 1) problems.push(`${e.key}: "none" cannot be combined with other expectations`);
  const r = e.rewrite;
  if (r?.kind === 'task') {
    if (r.servedKey === e.key) problems.push(`${e.key}: serves itself`);
    else if (!byKey.has(r.servedKey)) problems.push(`${e.key}: served story ${r.servedKey} is not in the project`);
  }
  if (r?.kind === 'user-story' && !text.includes(r.beneficiary)) problems.push(`${e.key}: beneficiary "${r.beneficiary}" is not named in the story`);
  if (r && 'mustMention' in r && r.mustMention) {
    for (const w of ungrounded(r.mustMention, text)) problems.push(`${e.key}: must-mention word "${w}" is not in the story`);
  }
  if (r && e.split !== undefined && e.split !== 'none') problems.push(`${e.key}: a story with a rewrite gets no split (only "none")`);
  if (typeof e.split === 'object') {
    const s = e.split;
    if (s.ordered && s.pattern !== 'workflow-steps') problems.push(`${e.key}: "ordered" is only for workflow steps`);
    for (const w of ungrounded(s.slices.flat(), text)) problems.push(`${e.key}: slice word "${w}" is not in the story`);
    for (const w of s.forbidden ?? []) if (s.slices.flat().includes(w)) problems.push(`${e.key}: "${w}" is both required and forbidden`);
  }
  if (e.finding && !text.includes(e.finding.evidence.toLowerCase())) problems.push(`${e.key}: evidence "${e.finding.evidence}" is not in the story`);
}

/** Problems in one project, as readable lines; empty when the project is consistent. */
export function checkSuggestionProject(p: SuggestionProject): string[] {
  const problems: string[] = [];
  const byKey = checkIssues(p, problems);
  const seen = new Set<string>();
  for (const e of p.expect) {
    if (seen.has(e.key)) problems.push(`${e.key}: more than one expectation entry (combine them in one)`);
    seen.add(e.key);
    checkExpectation(e, byKey, problems);
  }
  return problems;
}

export interface SuggestionCaseCounts {
  projects: number;
  issues: number;
  /** Distinct stories with an expectation (one entry per story). */
  stories: number;
  /** Expectations: every rewrite, split, AC draft, finding and "none" counts once. */
  expectations: number;
  rewrite: Record<string, number>;
  /** Tasks whose served story is their parent, a linked issue or named in the description, and tasks served only "obviously". */
  taskServedBy: { link: number; parent: number; described: number; obvious: number };
  split: Record<string, number>;
  acDraft: number;
  finding: number;
  none: number;
}

export function countSuggestionCases(projects: readonly LoadedProject[]): SuggestionCaseCounts {
  const c: SuggestionCaseCounts = {
    projects: projects.length,
    issues: 0,
    stories: 0,
    expectations: 0,
    rewrite: Object.fromEntries(CASE_REWRITE_KINDS.map((k) => [k, 0])),
    taskServedBy: { link: 0, parent: 0, described: 0, obvious: 0 },
    split: Object.fromEntries([...CASE_SPLIT_PATTERNS, 'epic', 'none'].map((k) => [k, 0])),
    acDraft: 0,
    finding: 0,
    none: 0,
  };
  for (const { project: p } of projects) {
    c.issues += p.issues.length;
    c.stories += new Set(p.expect.map((e) => e.key)).size;
    const byKey = new Map(p.issues.map((i) => [i.key, i]));
    for (const e of p.expect) {
      if (e.rewrite) {
        c.rewrite[e.rewrite.kind] = (c.rewrite[e.rewrite.kind] ?? 0) + 1;
        if (e.rewrite.kind === 'task') {
          const it = byKey.get(e.key);
          const served = e.rewrite.servedKey;
          if (it?.parent === served) c.taskServedBy.parent += 1;
          else if ((it?.links ?? []).some((l) => l.key === served)) c.taskServedBy.link += 1;
          else if (new RegExp(`\\b${served}\\b`).test(it?.description ?? '')) c.taskServedBy.described += 1;
          else c.taskServedBy.obvious += 1;
        }
      }
      if (e.split !== undefined) {
        const name = typeof e.split === 'string' ? e.split : e.split.pattern;
        c.split[name] = (c.split[name] ?? 0) + 1;
      }
      if (e.acDraft) c.acDraft += 1;
      if (e.finding) c.finding += 1;
      if (e.none) c.none += 1;
      c.expectations += [e.rewrite, e.split, e.acDraft, e.finding, e.none].filter((x) => x !== undefined).length;
    }
  }
  return c;
}

/** What the issue asks of the golden cases as a whole; each unmet minimum is one line. */
export function coverageGaps(c: SuggestionCaseCounts): string[] {
  const gaps: string[] = [];
  const atLeast = (what: string, have: number, want: number) => {
    if (have < want) gaps.push(`${what}: ${have}, want at least ${want}`);
  };
  atLeast('projects', c.projects, 6);
  atLeast('expectations', c.expectations, 80);
  atLeast('stories with an expectation', c.stories, 80);
  atLeast('tasks served through a link or parent', c.taskServedBy.link + c.taskServedBy.parent, 7);
  atLeast('tasks served only by shared domain phrases', c.taskServedBy.obvious, 1);
  for (const k of CASE_REWRITE_KINDS) atLeast(`rewrite ${k}`, c.rewrite[k] ?? 0, 3);
  for (const p of CASE_SPLIT_PATTERNS) atLeast(`split ${p}`, c.split[p] ?? 0, 3);
  atLeast('split epic', c.split.epic ?? 0, 3);
  atLeast('split none', c.split.none ?? 0, 3);
  atLeast('good stories (none)', c.none, 15);
  atLeast('AC drafts', c.acDraft, 3);
  atLeast('findings', c.finding, 3);
  return gaps;
}

/** The README's counts as Markdown lines (the test keeps the README in step with the files). */
export function countsMarkdown(c: SuggestionCaseCounts): string[] {
  const row = (what: string, n: number) => `| ${what} | ${n} |`;
  return [
    `${c.projects} projects, ${c.issues} issues; ${c.stories} stories carry ${c.expectations} expectations.`,
    '',
    '| expectation | count |',
    '|---|---|',
    ...CASE_REWRITE_KINDS.flatMap((k) => [
      row(`rewrite: ${k}`, c.rewrite[k] ?? 0),
      ...(k === 'task'
        ? [
            row('&nbsp;&nbsp;… served through a link', c.taskServedBy.link),
            row('&nbsp;&nbsp;… served through its parent', c.taskServedBy.parent),
            row('&nbsp;&nbsp;… named in its description', c.taskServedBy.described),
            row('&nbsp;&nbsp;… served only by shared domain phrases', c.taskServedBy.obvious),
          ]
        : []),
    ]),
    ...CASE_SPLIT_PATTERNS.map((p) => row(`split: ${p}`, c.split[p] ?? 0)),
    row('split: epic (slices exist)', c.split.epic ?? 0),
    row('split: none (a coach would not split)', c.split.none ?? 0),
    row('AC draft', c.acDraft),
    row('finding', c.finding),
    row('none (good story)', c.none),
  ];
}
