/** What every formatter takes, and small helpers they share. */
import type { ActiveSeverity, AnalysisReport, EpicSlices, Finding, RuleCriterion, StoryReport } from '../../core/story';
import { truncationMessage } from '../../core/locales/en';
import type { ReadError, SourceLocation } from '../readers/types';
import type { SkippedIssue } from '../input';
import { oneLine, plural } from '../../render/view/text';

export interface FormatOptions {
  /** ANSI colors (text format only). */
  color?: boolean;
  /** Where each story came from, by story key (first occurrence wins). */
  locations?: ReadonlyMap<string, SourceLocation>;
  /** What could not be read; SARIF and Markdown carry them, text leaves them to stderr. */
  errors?: readonly ReadError[];
  /** Directory SARIF artifact URIs are relative to (default: `process.cwd()`). */
  cwd?: string;
  /** Issues left out because the settings do not check their type; every format lists them. */
  skipped?: readonly SkippedIssue[];
  /** The issue types the settings check (to say why the skipped were skipped). */
  checkedTypes?: readonly string[];
  /** Columns to wrap text output to (default 100). */
  width?: number;
}

export type Formatter = (report: AnalysisReport, opts?: FormatOptions) => string;

const SEVERITY_RANK: Record<ActiveSeverity, number> = { error: 0, warn: 1, info: 2 };

/** Findings most severe first, stable otherwise. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

export function topFinding(story: StoryReport): Finding | undefined {
  return bySeverity(story.findings)[0];
}

/** `summary:4-12`, `description`, or '' when the finding is about the whole story. */
export function findingLocation(f: Finding): string {
  if (!f.field) return '';
  return f.range ? `${f.field}:${f.range[0]}-${f.range[1]}` : f.field;
}

/** Findings of every kind: story-level (scored) and backlog findings (reported beside, not scored). */
export function countSeverities(report: AnalysisReport): Record<ActiveSeverity, number> {
  const counts: Record<ActiveSeverity, number> = { error: 0, warn: 0, info: 0 };
  for (const story of report.stories) for (const f of [...story.findings, ...story.backlogFindings]) counts[f.severity]++;
  return counts;
}

// Text from the input files goes to terminals and documents: one line, no control characters.
export { oneLine, plural, truncate } from '../../render/view/text';

/**
 * Word-wraps `text` (made one line first): the first line gets `first` columns, the others `rest`.
 * A word longer than a line is kept whole on its own line, never cut.
 */
export function wrap(text: string, first: number, rest: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of oneLine(text).split(' ')) {
    if (!word) continue;
    const width = Math.max(10, lines.length ? rest : first);
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

const CRITERION_LABEL: Record<RuleCriterion, string> = {
  independent: 'INVEST Independent',
  negotiable: 'INVEST Negotiable',
  valuable: 'INVEST Valuable',
  estimable: 'INVEST Estimable',
  small: 'INVEST Small',
  testable: 'INVEST Testable',
  template: 'user-story template',
  backlog: 'backlog',
  engine: 'engine error, not a verdict',
};

/** `vague-term` → "Vague term (INVEST Testable)": the engine has no rule catalogue to ask yet. */
export function ruleDescription(ruleId: string, criterion: RuleCriterion): string {
  const words = ruleId.replace(/[-_]+/g, ' ').trim();
  const label = CRITERION_LABEL[criterion] ?? criterion;
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} (${label})`;
}

/** "2 stories could not be analyzed", or '' when every story was. */
export function notAnalyzed(report: AnalysisReport): string {
  const n = report.backlog.failed.length;
  return n ? `${plural(n, 'story', 'stories')} could not be analyzed` : '';
}

/** What the engine did not read of a story, one sentence each. */
export function truncationNotes(story: StoryReport): string[] {
  return (story.truncated ?? []).map(truncationMessage);
}

/** Set-level checks that could not run, one sentence each. */
export function failedCheckNotes(report: AnalysisReport): string[] {
  const names = { 'backlog-context': 'duplicates, uniformity and personas', dependencies: 'the dependency graph' } as const;
  return (report.backlog.failedChecks ?? []).map((c) => `Story Health could not compute ${names[c.check]} for this set (${c.message}).`);
}

/** "checked" when the engine's self-check confirmed a suggestion as it stands, else "draft". */
export function suggestionStatus(x: { appliable?: boolean }): 'checked' | 'draft' {
  return x.appliable === true ? 'checked' : 'draft';
}

/** 'under ZONE-2 "Zone model editor" (12 stories) and ZONE-3 "Cutting uploaded pictures" (6 stories)': where a spanning story's slices are. */
export function slicedUnderText(epics: readonly EpicSlices[], escape: (s: string) => string): string {
  const named = epics.map((e) => `${escape(e.key)} "${escape(oneLine(e.summary))}" (${plural(e.stories, 'story', 'stories')})`);
  const list = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named.join('');
  return `under ${list}`;
}
