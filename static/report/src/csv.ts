/** The CSV export's rows: one per story, as `report/issues` returns it to the viewing user. */
import { CRITERIA } from '../../../src/contract/ui';
import type { ReportIssue } from '../../../src/contract/report';

export const CSV_HEADER: readonly string[] = ['key', 'summary', 'score', ...CRITERIA, 'technical', 'rules'];

/** One row; unknown scores (a story the scan has not annotated yet) are empty cells. */
export function csvRow(issue: ReportIssue): string[] {
  return [
    issue.key,
    issue.summary,
    issue.score === null ? '' : String(issue.score),
    ...CRITERIA.map((c) => {
      const v = issue.criteria?.[c];
      return typeof v === 'number' ? String(v) : '';
    }),
    issue.technical ? 'yes' : 'no',
    issue.ruleIds.join(' '),
  ];
}
