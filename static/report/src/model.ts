/**
 * What the report page computes from the resolvers' answers, kept pure (no React, no bridge) so it
 * is tested directly: scan progress, grades, the counts and the live filter behind each, and the
 * top-finding messages of "fix these first" (the locale table only, not the engine).
 */
import type { IssueFilter, ScanStatus, Snapshot } from '../../../src/contract';
import { COUNTED_RULES, CRITERIA, formatMessage, grade, type Criterion, type Grade } from '../../../src/contract/ui';
import { COUNT_ROWS as COUNTS } from '../../../src/render/view/criteria';
import { num, plural } from '../../../src/render/view/text';

/** The one grading of every surface (src/core/grade.ts): a backlog passes at 80, needs work from 50. */
export { grade };
/** How the page names a backlog's grade. */
export const GRADE_LABEL: Record<Grade, string> = { pass: 'healthy', warn: 'needs work', fail: 'poor' };

/** Is a scan moving right now (running and not stalled)? */
export function isActive(status: ScanStatus | null | undefined): boolean {
  return status?.status === 'running' && !status.stalled;
}

export interface Progress {
  /** 0..100, or null when the total is not known yet (a first scan still reading pages). */
  percent: number | null;
  /** What the bar says, also its aria-valuetext. */
  text: string;
}

/** Analyzing fills the bar up to here; aggregating and done fill the rest. */
const ANALYZING_SHARE = 90;

/**
 * Progress of a scan. Jira's search does not tell the total up front, so while pages are read the
 * total is the last scan's count (when there is one and it is not already passed); once the last
 * page is read the total is exact and the bar moves to aggregating, then to 100 % when done.
 */
export function progressOf(status: ScanStatus, expectedTotal: number | null): Progress {
  const done = status.done;
  if (status.status === 'done' || status.phase === 'done') return { percent: 100, text: `Scan complete: ${plural(done, 'story', 'stories')} analyzed.` };
  if (status.phase === 'aggregating') return { percent: 95, text: `${done === 1 ? 'The story is' : `All ${plural(done, 'story', 'stories')}`} analyzed; aggregating the report…` };
  if (expectedTotal !== null && expectedTotal > 0 && expectedTotal >= done) {
    return {
      percent: Math.min(ANALYZING_SHARE, Math.floor((done / expectedTotal) * ANALYZING_SHARE)),
      text: `Analyzing: ${num(done)} of about ${plural(expectedTotal, 'story', 'stories')} (the last scan's count)…`,
    };
  }
  return { percent: null, text: done ? `Analyzing: ${plural(done, 'story', 'stories')} so far…` : 'Analyzing: reading the first page of stories…' };
}

/** Stories failing each criterion in the snapshot (from its pass rates). */
export function failingCounts(s: Pick<Snapshot, 'count' | 'passRates'>): Record<Criterion, number> {
  return Object.fromEntries(CRITERIA.map((c) => [c, Math.round((1 - (s.passRates[c] ?? 1)) * s.count)])) as Record<Criterion, number>;
}

export interface CountRow {
  id: (typeof COUNTS)[number]['id'];
  label: string;
  hint: string;
  filter: IssueFilter;
}

/** The live list behind each count (the same JQL the scan's issue property is indexed for). */
const COUNT_FILTERS: Record<CountRow['id'], IssueFilter> = {
  technical: { technical: true },
  ...(Object.fromEntries(Object.entries(COUNTED_RULES).map(([id, ruleId]) => [id, { ruleId }])) as Record<keyof typeof COUNTED_RULES, IssueFilter>),
};

/** The counts (named as every report names them) and the live list behind each. */
export const COUNT_ROWS: readonly CountRow[] = COUNTS.map((row) => ({ ...row, filter: COUNT_FILTERS[row.id] }));

/** Score ranges of the histogram that can be listed. */
export const SCORE_RANGES: readonly { id: string; label: string; filter: IssueFilter }[] = [
  { id: 'below-50', label: 'below 50', filter: { maxScore: 50 } },
  { id: '50-79', label: '50–79', filter: { minScore: 50, maxScore: 80 } },
  { id: '80-100', label: '80–100', filter: { minScore: 80 } },
];

/**
 * The message of a story's top finding from the locale table, with the data the snapshot kept
 * (quoted text is cut short). Placeholders without data (older snapshots) become "…".
 */
export function findingMessage(ruleId: string | null, messageId: string | null, data: Record<string, string | number> = {}): string | null {
  if (!ruleId || !messageId) return null;
  return formatMessage(ruleId, messageId, data)
    .replace(/"\{\w+\}"|\{\w+\}/g, '…')
    .replace(/…(?:\s*…)+/g, '…') // "{first}" {joiner} "{second}": one gap, not three
    .replace(/…\./g, '…');
}

/** A file name: `FOOD-story-health-2024-05-01.csv`. */
export function exportName(projectKey: string, when: Date, ext: 'csv' | 'json'): string {
  const safe = projectKey.replace(/[^A-Za-z0-9_-]/g, '');
  return `${safe}-story-health-${when.toISOString().slice(0, 10)}.${ext}`;
}
