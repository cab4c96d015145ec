/**
 * The report page's pure parts, without a browser: scan progress, the CSV rows (and their RFC 4180
 * quoting through csv-stringify, as the page does it), and the fix-first messages.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { ReportIssue, ScanStatus } from '../../src/contract/report';
import { CSV_HEADER, csvRow } from '../../static/report/src/csv';
import { COUNT_ROWS, exportName, failingCounts, findingMessage, grade, isActive, progressOf } from '../../static/report/src/model';

const status = (over: Partial<ScanStatus>): ScanStatus => ({
  status: 'running',
  phase: 'analyzing',
  done: 0,
  pages: 0,
  backfilled: 0,
  failed: 0,
  startedAt: '2024-05-01T10:00:00.000Z',
  updatedAt: '2024-05-01T10:00:00.000Z',
  error: null,
  stalled: false,
  ...over,
});

describe('progressOf', () => {
  test('a first scan has no total yet: the bar is indeterminate and says how many so far', () => {
    expect(progressOf(status({ done: 0 }), null)).toEqual({ percent: null, text: 'Analyzing: reading the first page of stories…' });
    expect(progressOf(status({ done: 1200, pages: 12 }), null)).toEqual({ percent: null, text: 'Analyzing: 1,200 stories so far…' });
  });
  test('with the last scan\'s count, analyzing fills up to 90 %', () => {
    expect(progressOf(status({ done: 500 }), 1000)).toMatchObject({ percent: 45, text: 'Analyzing: 500 of about 1,000 stories (the last scan\'s count)…' });
    expect(progressOf(status({ done: 1000 }), 1000).percent).toBe(90);
    // More stories than last time: the estimate is useless, not a bar past its end.
    expect(progressOf(status({ done: 1100 }), 1000).percent).toBeNull();
  });
  test('aggregating is 95 %, done is 100 %', () => {
    expect(progressOf(status({ phase: 'aggregating', done: 36 }), null)).toEqual({ percent: 95, text: 'All 36 stories analyzed; aggregating the report…' });
    expect(progressOf(status({ status: 'done', phase: 'done', done: 1 }), 36)).toEqual({ percent: 100, text: 'Scan complete: 1 story analyzed.' });
  });
  test('a stalled scan is not active (polling stops, Start restarts it)', () => {
    expect(isActive(status({}))).toBe(true);
    expect(isActive(status({ stalled: true }))).toBe(false);
    expect(isActive(status({ status: 'done' }))).toBe(false);
    expect(isActive(null)).toBe(false);
  });
});

describe('the CSV', () => {
  const issue = (over: Partial<ReportIssue>): ReportIssue => ({
    key: 'FOOD-1',
    summary: 'As a diner, I want to see menus, so that I can choose',
    score: 82,
    technical: false,
    ruleIds: ['vague-term', 'missing-estimate'],
    criteria: { independent: 100, negotiable: 100, valuable: 90, estimable: 65, small: 100, testable: 100, template: 100 },
    ...over,
  });
  // What the page does (download.ts), with csv-stringify's Node build.
  const toCsv = (issues: ReportIssue[]) => stringify([[...CSV_HEADER], ...issues.map(csvRow)], { bom: true, record_delimiter: 'windows', escape_formulas: true, quoted_match: /[\r\n]/ });

  test('one row per story: key, summary, score, each criterion, technical, rule ids', () => {
    expect(CSV_HEADER).toEqual(['key', 'summary', 'score', 'independent', 'negotiable', 'valuable', 'estimable', 'small', 'testable', 'template', 'technical', 'rules']);
    expect(csvRow(issue({}))).toEqual(['FOOD-1', 'As a diner, I want to see menus, so that I can choose', '82', '100', '100', '90', '65', '100', '100', '100', 'no', 'vague-term missing-estimate']);
    expect(csvRow(issue({ score: null, criteria: null, technical: true, ruleIds: [] }))).toEqual(['FOOD-1', 'As a diner, I want to see menus, so that I can choose', '', '', '', '', '', '', '', '', 'yes', '']);
  });

  test('hostile summaries survive quoting: commas, quotes, line breaks, markup; formulas are defused', () => {
    const nasty = [
      'Say "hi", then <script>alert(1)</script>',
      'Line one\nline two\r\nline three',
      '=HYPERLINK("http://evil.example","click")',
      '@SUM(A1)',
      '  spaces kept  ',
      'Ünïcödé — 日本語 🎉',
    ];
    const text = toCsv(nasty.map((summary, i) => issue({ key: `FOOD-${i + 1}`, summary })));
    expect(text.startsWith('\uFEFFkey,summary,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.summary)).toEqual([nasty[0], nasty[1], `'${nasty[2]}`, `'${nasty[3]}`, nasty[4], nasty[5]]);
    expect(rows.map((r) => r.key)).toEqual(['FOOD-1', 'FOOD-2', 'FOOD-3', 'FOOD-4', 'FOOD-5', 'FOOD-6']);
  });

  test('file names carry the project and the day', () => {
    expect(exportName('FOOD', new Date('2024-05-01T23:59:00Z'), 'csv')).toBe('FOOD-story-health-2024-05-01.csv');
    expect(exportName('../x', new Date('2024-05-01T00:00:00Z'), 'json')).toBe('x-story-health-2024-05-01.json');
  });
});

describe('numbers and messages', () => {
  test('failing counts come from the pass rates', () => {
    const passRates = { independent: 0.778, negotiable: 0.972, valuable: 0.722, estimable: 0.833, small: 0.861, testable: 0.833, template: 0.861 };
    expect(failingCounts({ count: 36, passRates })).toEqual({ independent: 8, negotiable: 1, valuable: 10, estimable: 6, small: 5, testable: 6, template: 5 });
  });
  test('each count opens the list the scan indexed it by', () => {
    expect(Object.fromEntries(COUNT_ROWS.map((r) => [r.id, r.filter]))).toEqual({
      technical: { technical: true },
      oversized: { ruleId: 'oversized' },
      noAcceptanceCriteria: { ruleId: 'missing-acceptance-criteria' },
      noEstimate: { ruleId: 'missing-estimate' },
      notAtomic: { ruleId: 'not-atomic' },
      dependent: { ruleId: 'dependency' },
    });
  });
  test('top-finding messages from the locale table, with "…" where the snapshot has no data', () => {
    expect(findingMessage('missing-estimate', 'missing')).toBe('The story has no estimate.');
    expect(findingMessage('oversized', 'points')).toBe('Estimated at … points, above the threshold of …: split it.');
    expect(findingMessage('not-atomic', 'conjunction')).toBe('The goal asks for more than one capability: … Split it into one story each.');
    expect(findingMessage('dependency', 'link')).toBe('The story is blocked by …: it cannot be developed independently.');
    expect(findingMessage(null, null)).toBeNull();
    for (const message of ['technical-story/technical', 'vague-term/vague', 'duplicate/duplicate', 'not-minimal/runOn'].map((id) => findingMessage(id.split('/')[0]!, id.split('/')[1]!))) {
      expect(message).not.toMatch(/[{}]/);
    }
  });
  test('grades', () => {
    expect([grade(100), grade(80), grade(79), grade(50), grade(49)]).toEqual(['pass', 'pass', 'warn', 'warn', 'fail']);
  });
});
