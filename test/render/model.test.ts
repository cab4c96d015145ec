import { PASS_SCORE } from '../../src/core/aggregate';
import { formatMessage } from '../../src/core/locales/en';
import { CRITERIA } from '../../src/core/story';
import { buildReport, reportStory, topMessage } from '../../src/render/model';
import { analyzeForScan } from '../../src/core/scan-record';
import { DEFAULT_SETTINGS } from '../../src/core/config';
import { BACKLOG, CREATED_AT, scan } from './helpers';

describe('buildReport', () => {
  const { snapshot, rows, records } = scan();
  const model = buildReport(snapshot, rows, { title: 'Kites', source: 'kites.json', toolVersion: '9.9.9' });

  it('carries the snapshot numbers unchanged', () => {
    expect(model.snapshot).toBe(snapshot);
    expect(model.score).toBe(snapshot.score);
    expect(model.count).toBe(6);
    expect(model.createdAt).toBe(CREATED_AT);
    expect(model.criteria.map((c) => c.passRate)).toEqual(CRITERIA.map((c) => snapshot.passRates[c]));
    expect(model.criteria.map((c) => c.meanScore)).toEqual(CRITERIA.map((c) => snapshot.criteria[c]));
    expect(model.counts.map((c) => [c.id, c.count])).toEqual([
      ['technical', snapshot.counts.technical],
      ['oversized', 2],
      ['noAcceptanceCriteria', 5],
      ['noEstimate', 1],
      ['notAtomic', 0],
      ['dependent', 3],
    ]);
  });

  it('lists the stories failing each criterion, consistent with the pass rates', () => {
    for (const c of model.criteria) {
      const failing = records.filter((r) => r.criteria[c.criterion] < PASS_SCORE);
      expect(c.failingCount).toBe(failing.length);
      expect(c.failingCount).toBe(Math.round((1 - c.passRate) * model.count));
      expect(c.failing.map((s) => s.key).sort()).toEqual(failing.map((r) => r.key).sort());
      expect(c.anchor).toBe(`failing-${c.criterion}`);
      const scores = c.failing.map((s) => s.score!);
      expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    }
    const testable = model.criteria.find((c) => c.criterion === 'testable')!;
    // All score 70 on Testable: the lowest overall score comes first.
    expect(testable.failing.map((s) => s.key)).toEqual(['KITE-4', 'KITE-6', 'KITE-5', 'KITE-3', 'KITE-2']);
    expect(testable.failing[4]).toEqual({ key: 'KITE-2', summary: BACKLOG[1]!.summary, score: 70 });
  });

  it('folds the histogram into ten buckets that sum to the count', () => {
    expect(model.histogram).toHaveLength(10);
    expect(model.histogram.reduce((a, b) => a + b.count, 0)).toBe(6);
    expect(model.histogram[9]).toEqual({ label: '90–100', count: 1 });
  });

  it('names the fix-first stories with their top finding rendered from the locale table', () => {
    expect(model.fixFirst.map((f) => f.key)).toEqual(snapshot.fixFirst.map((f) => f.key));
    const kite3 = model.fixFirst.find((f) => f.key === 'KITE-3')!;
    expect(kite3.message).toBe(formatMessage('dependency', 'link', { key: 'KITE-4' }));
    expect(kite3.message).toContain('KITE-4');
    expect(kite3.summary).toBe(BACKLOG[2]!.summary);
    for (const f of model.fixFirst) expect(f.message).not.toMatch(/\{\w+\}/);
  });

  it('joins duplicates, cycles, the chain and personas with summaries', () => {
    expect(model.duplicateClusters).toBe(1);
    expect(model.duplicates[0]!.stories.map((s) => s.key)).toEqual(['KITE-1', 'KITE-2']);
    expect(model.duplicates[0]!.stories[0]!.summary).toBe(BACKLOG[0]!.summary);
    expect(model.cycles).toEqual([
      {
        size: 2,
        stories: [
          { key: 'KITE-4', summary: 'Create the bookings database table', score: 32 },
          { key: 'KITE-5', summary: BACKLOG[4]!.summary, score: rows[4]!.score },
        ],
      },
    ]);
    expect(model.longestChain.map((s) => s.key)).toEqual(['KITE-3', 'KITE-4', 'KITE-5']);
    expect(model.longestChainLength).toBe(3);
    expect(model.personas.map((p) => p.persona)).toEqual(['kite surfer', 'instructor', 'school owner']);
    expect(model.servesNobody).toBe(2);
    expect(model.uniformity).toEqual({ dominantForm: 'role-goal-benefit', formName: 'As a …, I want …, so that …', share: 0.667 });
  });

  it('adds the snapshot to the history, oldest first, once', () => {
    const m = buildReport(snapshot, rows, {
      history: [
        { createdAt: '2024-05-01T00:00:00.000Z', score: 50 },
        { createdAt: CREATED_AT, score: 1 },
        { createdAt: '2024-04-01T00:00:00.000Z', score: 45 },
        { createdAt: '2024-04-15T00:00:00.000Z', score: Number.NaN },
      ],
    });
    expect(m.trend).toEqual([
      { createdAt: '2024-04-01T00:00:00.000Z', score: 45 },
      { createdAt: '2024-05-01T00:00:00.000Z', score: 50 },
      { createdAt: CREATED_AT, score: snapshot.score },
    ]);
    expect(model.trend).toEqual([{ createdAt: CREATED_AT, score: snapshot.score }]);
  });

  it('limits long lists', () => {
    const m = buildReport(snapshot, rows, { listLimit: 1 });
    const testable = m.criteria.find((c) => c.criterion === 'testable')!;
    expect(testable.failing).toHaveLength(1);
    expect(testable.failingCount).toBe(5);
    expect(m.personas).toHaveLength(1);
  });

  it('works from a snapshot alone (no story rows)', () => {
    const m = buildReport(snapshot, []);
    expect(m.criteria.find((c) => c.criterion === 'testable')!.failingCount).toBe(5);
    expect(m.criteria.every((c) => c.failing.length === 0)).toBe(true);
    expect(m.fixFirst[0]).toMatchObject({ key: 'KITE-4', summary: null, message: formatMessage('missing-role', 'missing', {}) });
  });

  it('handles an empty backlog', () => {
    const empty = scan([]);
    const m = buildReport(empty.snapshot, []);
    expect(m.count).toBe(0);
    expect(m.score).toBe(100);
    expect(m.fixFirst).toEqual([]);
    expect(m.criteria.every((c) => c.failingCount === 0)).toBe(true);
  });
});

describe('reportStory', () => {
  it('keeps the data of the top finding so its message can be rendered', () => {
    const scanned = analyzeForScan(BACKLOG[2]!, DEFAULT_SETTINGS);
    const row = reportStory(scanned);
    expect(row.top).toEqual({ ruleId: 'dependency', messageId: 'link', data: { key: 'KITE-4' } });
    const finding = scanned.report.findings.find((f) => f.ruleId === 'dependency')!;
    expect(topMessage(row.top)).toBe(finding.message);
    expect(topMessage(null)).toBeNull();
  });
});
