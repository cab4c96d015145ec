/**
 * Backlog scans against the emulator: progress to done, the snapshot and its live lists, the
 * restricted user's view, a consumer killed mid-scan resuming to the same result, two Starts, cancel.
 */
import { JiraError } from '../../src/jira/errors';
import type { ReportIssuesPage, ReportView, ScanStatus } from '../../src/contract/report';
import { runScanChunk, type ScanEvent } from '../../src/app/scan';
import { callHandler } from '../../src/app';
import * as scan from '../../src/app/scan';
import { join } from 'node:path';
import { ALICE as ALICE_ID, BOB, startHarness, type Harness, killedOnSearch } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

/** Runs queued scan events until the queue is empty (what the Forge queue does). */
async function drain(limit = 100): Promise<number> {
  let runs = 0;
  while (h.events.length && runs < limit) {
    const event = h.events.shift() as unknown as ScanEvent;
    await runScanChunk(event, h.deps());
    runs++;
  }
  return runs;
}

async function start(user?: string): Promise<ScanStatus> {
  const r = await h.call<ScanStatus>('report/start', { projectKey: 'FOOD' }, user);
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

async function view(user?: string): Promise<ReportView> {
  const r = await h.call<ReportView>('report/snapshot', { projectKey: 'FOOD' }, user);
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

test('a scan runs to done and writes a snapshot and the issue properties', async () => {
  const s = await start();
  expect(s).toMatchObject({ status: 'running', phase: 'analyzing', done: 0 });
  await drain();
  const v = await view();
  expect(v.status).toMatchObject({ status: 'done', phase: 'done' });
  expect(v.snapshot!.count).toBe(v.status.done);
  expect(v.snapshot!.counts.technical).toBeGreaterThan(0);
  expect(v.snapshot!.dependencyCycles).toEqual([{ keys: ['FOOD-39', 'FOOD-40', 'FOOD-41'], size: 3 }]);
  expect(v.snapshot!.duplicates.map((c) => c.keys)).toEqual(expect.arrayContaining([['FOOD-21', 'FOOD-24']]));
  expect(v.history).toHaveLength(1);
  // Every list is live, by JQL on the indexed property: the technical stories.
  const list = await h.call<ReportIssuesPage>('report/issues', { projectKey: 'FOOD', filter: { technical: true } });
  expect(list.ok && list.data.issues.map((i) => i.key)).toContain('FOOD-8');
  const failing = await h.call<ReportIssuesPage>('report/issues', { projectKey: 'FOOD', filter: { criterion: 'valuable' } });
  expect(failing.ok && failing.data.issues.every((i) => (i.criteria?.valuable ?? 100) < 80)).toBe(true);
});

test('the restricted user sees the same counts but not the stories they may not browse', async () => {
  await start();
  await drain();
  const alice = await view();
  const bob = await view(BOB);
  expect(bob.snapshot!.count).toBe(alice.snapshot!.count);
  expect(bob.snapshot!.counts).toEqual(alice.snapshot!.counts);
  const aliceKeys = JSON.stringify(alice.snapshot);
  expect(aliceKeys).toContain('FOOD-45');
  expect(JSON.stringify(bob.snapshot)).not.toContain('FOOD-45');
  expect(bob.hiddenKeys).toBeGreaterThan(0);
  const list = await h.call<ReportIssuesPage>('report/issues', { projectKey: 'FOOD', filter: { keys: ['FOOD-45', 'FOOD-8'] } }, BOB);
  expect(list.ok && list.data.issues.map((i) => i.key)).toEqual(['FOOD-8']);
});

test('a consumer killed mid-scan resumes from its checkpoint to the same result', async () => {
  // Reference run.
  await start();
  await drain();
  const reference = (await view()).snapshot!;
  // Second run, smaller pages so there are several, killed after the first page.
  const pageSize = scan.PAGE_SIZE;
  Object.defineProperty(scan, 'PAGE_SIZE', { value: 10, configurable: true });
  try {
    h.events.length = 0;
    await h.store.delete('scan:FOOD:state');
    await start();
    const event = h.events.shift() as unknown as ScanEvent;
    // Kill the run while it reads the 2nd page (after the 1st page's checkpoint).
    await h.store.set('settings:FOOD', { rules: {} }); // a settings change makes every property stale again
    await expect(runScanChunk(event, killedOnSearch(h.deps(), 2))).rejects.toThrow('consumer killed');
    const state = await h.store.get<{ pages: number; done: number }>('scan:FOOD:state');
    expect(state).toMatchObject({ pages: 1, done: 10 });
    const mid = await h.call<ScanStatus>('report/status', { projectKey: 'FOOD' });
    expect(mid.ok && mid.data.status).toBe('running');
    // The platform re-delivers the event.
    h.events.unshift(event as unknown as Record<string, unknown>);
    await drain();
  } finally {
    Object.defineProperty(scan, 'PAGE_SIZE', { value: pageSize, configurable: true });
  }
  const resumed = (await view()).snapshot!;
  const strip = (s: typeof reference) => ({ ...s, createdAt: '', jobId: '' });
  expect(strip(resumed)).toEqual(strip(reference));
});

test('two users pressing Start at once get one scan; cancel stops it', async () => {
  const [a, b] = await Promise.all([start(), start(BOB)]);
  expect([a.joined, b.joined].filter(Boolean).length).toBeLessThanOrEqual(1);
  const again = await start(BOB);
  expect(again.joined).toBe(true);
  const cancelled = await h.call<ScanStatus>('report/cancel', { projectKey: 'FOOD' });
  expect(cancelled.ok && cancelled.data.status).toBe('cancelled');
  await drain();
  expect((await view()).snapshot).toBeNull();
});

test('a cancel that arrives while a page is being read is not overwritten by that page', async () => {
  await start();
  const deps = h.deps();
  const app = deps.asApp();
  const cancelling = {
    ...deps,
    asApp: () => ({
      ...app,
      searchJql: async (params: Parameters<typeof app.searchJql>[0]) => {
        const page = await app.searchJql(params);
        await h.call('report/cancel', { projectKey: 'FOOD' });
        return page;
      },
    }),
  };
  await runScanChunk(h.events.shift() as unknown as ScanEvent, cancelling);
  const status = await h.call<ScanStatus>('report/status', { projectKey: 'FOOD' });
  expect(status.ok && status.data.status).toBe('cancelled');
  await drain();
  expect((await view()).snapshot).toBeNull();
});

test('a project with no stories gives an empty snapshot, not an error', async () => {
  const empty = await startHarness(undefined, join(__dirname, '..', 'fixtures', 'app', 'empty-project.json'));
  try {
    const started = await empty.call<ScanStatus>('report/start', { projectKey: 'EMPTY' });
    expect(started.ok).toBe(true);
    for (let i = 0; empty.events.length && i < 10; i++) await runScanChunk(empty.events.shift() as unknown as ScanEvent, empty.deps());
    const v = await empty.call<ReportView>('report/snapshot', { projectKey: 'EMPTY' });
    expect(v.ok && v.data.status.status).toBe('done');
    expect(v.ok && v.data.snapshot!.count).toBe(0);
  } finally {
    await empty.close();
  }
});

test('a JQL error (an issue type the site does not have) ends the scan as failed, with Jira\'s reason', async () => {
  await h.call('settings/set', { projectKey: 'FOOD', settings: { issueTypes: ['Spike'] } });
  await start();
  await drain();
  const v = await view();
  expect(v.status.status).toBe('failed');
  expect(v.status.error).toMatch(/Spike/);
  expect(v.snapshot).toBeNull();
});

test('a 429 storm during the scan is retried (Retry-After honoured) and the scan completes', async () => {
  await start();
  h.emulator.faults.set({ rateLimit: { every: 3, retryAfterSeconds: 0, count: 20 } });
  try {
    await drain();
  } finally {
    h.emulator.faults.clear();
  }
  const v = await view();
  expect(v.status.status).toBe('done');
  expect(v.snapshot!.count).toBe(v.status.done);
});

test('an issue deleted during the scan ends quietly: its property write is skipped, the snapshot is still written', async () => {
  await start();
  const deps = h.deps();
  const app = deps.asApp();
  const written: string[] = [];
  const deleting = {
    ...deps,
    asApp: () => ({
      ...app,
      setIssueProperty: async (key: string, prop: string, value: unknown) => {
        if (key === 'FOOD-9') throw new JiraError('Issue does not exist or you do not have permission to see it.', { status: 404, code: 'not-found' });
        await app.setIssueProperty(key, prop, value);
        written.push(key);
      },
    }),
  };
  while (h.events.length) await runScanChunk(h.events.shift() as unknown as ScanEvent, deleting);
  const v = await view();
  expect(v.status.status).toBe('done');
  // Every write counts (a story the project context re-scores is written twice on a first scan).
  expect(v.status.backfilled).toBe(written.length);
  expect(new Set(written).size).toBe(v.status.done - 1);
  expect(written).not.toContain('FOOD-9');
});

test('bad payloads and unknown projects', async () => {
  const r = await h.call('report/start', { projectKey: 'food; DROP' });
  expect(!r.ok && r.error.code).toBe('invalid-payload');
  const unknown = await h.call('report/start', { projectKey: 'NOPE' });
  expect(!unknown.ok && unknown.error.code).toBe('not-found');
});

test('a running scan that has not moved for 20 minutes (by the handler clock) is reported stalled and can be restarted', async () => {
  await start();
  const later = new Date(Date.now() + 21 * 60 * 1000);
  const deps = { ...h.deps(), now: () => later };
  const status = await callHandler('report/status', { projectKey: 'FOOD' }, { accountId: ALICE_ID }, deps);
  expect(status.ok && (status.data as ScanStatus).stalled).toBe(true);
  const restarted = await callHandler('report/start', { projectKey: 'FOOD' }, { accountId: ALICE_ID }, deps);
  expect(restarted.ok && (restarted.data as ScanStatus).joined).toBeUndefined();
});
