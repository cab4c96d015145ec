/**
 * One odd story never breaks the others, at every surface of the app (panel, draft box, checks on
 * save, backlog scan) over the Jira emulator. The engine is made to fail on stories whose summary
 * carries a marker, through the engine's own seam (`ENGINE_PARTS.prepare`), exactly as a bug in
 * the engine would: everything between the handler and the engine is the real code.
 */
import { ENGINE_PARTS } from '../../src/core/engine-parts';
import { callHandler } from '../../src/app';
import { onIssueSaved } from '../../src/app/on-save';
import { runScanChunk, type ScanEvent } from '../../src/app/scan';
import { HEALTH_PROPERTY, type StoredHealth } from '../../src/app/health-property';
import type { DraftResult, PanelAnalysis } from '../../src/contract/panel';
import type { ReportIssuesPage, ReportView, ScanStatus } from '../../src/contract/report';
import type { Envelope } from '../../src/contract/envelope';
import { startHarness, type Harness } from './harness';

const MARKER = 'POISON-PILL';
const ERROR = 'RangeError: the engine tripped over this story';

let h: Harness;
let spy: jest.SpyInstance;
beforeEach(async () => {
  h = await startHarness();
  const prepare = ENGINE_PARTS.prepare;
  spy = jest.spyOn(ENGINE_PARTS, 'prepare').mockImplementation((input, index, lex) => {
    const summary = (input as { summary?: unknown }).summary;
    if (typeof summary === 'string' && summary.includes(MARKER)) throw new RangeError('the engine tripped over this story');
    return prepare(input, index, lex);
  });
});
afterEach(async () => {
  spy.mockRestore();
  await h.close();
});

async function poison(key: string): Promise<void> {
  await h.deps().asUser().editIssue(key, { fields: { summary: `As a diner, I want to ${MARKER} the menu, so that I can choose` } });
}

function expectNoStack(value: unknown): void {
  expect(JSON.stringify(value)).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
}

describe('panel', () => {
  test('a neighbour the engine cannot analyze does not fail this story\'s panel', async () => {
    await poison('FOOD-22');
    const r = await h.call<PanelAnalysis>('panel/analyze', { issueKey: 'FOOD-8' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.report.failed).toBeUndefined();
    expect(r.data.report.findings.map((f) => f.ruleId)).toContain('technical-story');
    expect(r.data.report.findings.map((f) => f.ruleId)).not.toContain('engine-error');
  });

  test('this story\'s own engine failure is a clear error naming it, not a resolver crash', async () => {
    await poison('FOOD-23');
    const r = await h.call<PanelAnalysis>('panel/analyze', { issueKey: 'FOOD-23' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('engine-error');
    expect(r.error.message).toContain('FOOD-23');
    expect(r.error.message).toContain(ERROR);
    expectNoStack(r);
    // The neighbours are unaffected: their panels still work.
    expect((await h.call<PanelAnalysis>('panel/analyze', { issueKey: 'FOOD-22' })).ok).toBe(true);
  });

  test('a draft the engine cannot analyze is an error naming the draft and the issue', async () => {
    const r = (await callHandler('panel/draft', { issueKey: 'FOOD-23', summary: `As a diner, I want ${MARKER}` }, { accountId: 'x', projectKey: 'FOOD' }, h.deps())) as Envelope<DraftResult>;
    expect(r).toEqual({ ok: false, error: { code: 'engine-error', message: expect.stringContaining(`this draft of FOOD-23 (${ERROR})`) } });
  });
});

describe('checks on save', () => {
  test('the engine error is recorded on that issue (no score, found by JQL); the next issue is written as usual', async () => {
    await poison('FOOD-23');
    const out = await onIssueSaved({ issue: { key: 'FOOD-23' } }, h.deps());
    expect(out).toEqual({ status: 'engine-error', key: 'FOOD-23', message: ERROR });
    const jira = h.deps().asApp();
    const property = await jira.getIssueProperty<StoredHealth>('FOOD-23', HEALTH_PROPERTY);
    expect(property).toMatchObject({ technical: false, ruleIds: ['engine-error'], engineError: ERROR });
    expect(property).not.toHaveProperty('score');
    expect(property).not.toHaveProperty('criteria');
    expect((await onIssueSaved({ issue: { key: 'FOOD-22' } }, h.deps())).status).toBe('written');

    const failing = await jira.searchJql({ jql: 'project = FOOD AND storyHealthRule = "engine-error"', fields: ['summary'] });
    expect(failing.issues.map((i) => i.key)).toEqual(['FOOD-23']);
    const scored = await jira.searchJql({ jql: 'project = FOOD AND storyHealthScore <= 100', fields: ['summary'] });
    expect(scored.issues.map((i) => i.key)).toEqual(['FOOD-22']);
    // Same content, same engine: the event again writes nothing.
    expect((await onIssueSaved({ issue: { key: 'FOOD-23' } }, h.deps())).status).toBe('unchanged');
  });
});

describe('backlog scan', () => {
  async function drain(): Promise<void> {
    for (let runs = 0; h.events.length && runs < 100; runs++) await runScanChunk(h.events.shift() as unknown as ScanEvent, h.deps());
  }

  test('one story\'s engine error is recorded for it; the scan finishes, says how many failed, and scores the rest', async () => {
    await poison('FOOD-23');
    const started = await h.call<ScanStatus>('report/start', { projectKey: 'FOOD' });
    expect(started.ok).toBe(true);
    await drain();
    const r = await h.call<ReportView>('report/snapshot', { projectKey: 'FOOD' });
    if (!r.ok) throw new Error(r.error.message);
    const { status, snapshot } = r.data;
    expect(status).toMatchObject({ status: 'done', phase: 'done', failed: 1 });
    expect(snapshot).toMatchObject({ failedCount: 1, failed: [{ key: 'FOOD-23', error: ERROR }], count: status.done - 1 });
    expect(snapshot!.fixFirst.map((f) => f.key)).not.toContain('FOOD-23');
    expect(snapshot!.personas.flatMap((p) => p.keys)).not.toContain('FOOD-23');
    // Every story got its property (a story re-scored with the context the scan built is written twice).
    expect(status.backfilled).toBeGreaterThanOrEqual(status.done);

    const property = await h.deps().asApp().getIssueProperty<StoredHealth>('FOOD-23', HEALTH_PROPERTY);
    expect(property).toMatchObject({ ruleIds: ['engine-error'], engineError: ERROR });
    const list = await h.call<ReportIssuesPage>('report/issues', { projectKey: 'FOOD', filter: { ruleId: 'engine-error' } });
    expect(list.ok && list.data.issues).toEqual([expect.objectContaining({ key: 'FOOD-23', score: null, criteria: null })]);
  });
});
