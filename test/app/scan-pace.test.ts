/**
 * A scan keeps to its share of Jira's hourly points quota: it pauses (a delayed queue event) when
 * its share is spent or Jira's headers say the quota is running low, waits out a quota refusal
 * instead of spending Forge's retries, and finishes with every story.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterPage, ASSUMED_HOURLY_QUOTA, delaySeconds, pagePoints, SCAN_SHARE } from '../../src/app/scan-pace';
import { runScanChunk, type ScanEvent } from '../../src/app/scan';
import { stateKey, type ScanState } from '../../src/app/scan-state';
import type { Deps } from '../../src/app/ports';
import { createJiraClient, emulatorTransport } from '../../src/jira';
import { createRateLimitMonitor } from '../../src/jira/rate-limit';
import type { SampleProjectFile } from '../../src/preview/sample/schema';
import { ALICE, startHarness, type Harness } from './harness';

const T0 = Date.parse('2026-12-06T04:00:00Z');

describe('afterPage', () => {
  test('goes on while the scan is under its share of the assumed quota', () => {
    const d = afterPage(undefined, 201, new Date(T0));
    expect(d).toEqual({ pace: { windowStart: new Date(T0).toISOString(), points: 201 }, resumeAt: null });
  });

  test('pauses until the window ends once the share is spent, and starts the next window empty', () => {
    const share = ASSUMED_HOURLY_QUOTA * SCAN_SHARE;
    const d = afterPage({ windowStart: new Date(T0).toISOString(), points: share - 100 }, 201, new Date(T0 + 20 * 60_000));
    expect(d.resumeAt?.toISOString()).toBe(new Date(T0 + 3_600_000).toISOString());
    expect(d.pace).toEqual({ windowStart: new Date(T0 + 3_600_000).toISOString(), points: 0 });
    expect(delaySeconds(d.resumeAt!, new Date(T0 + 20 * 60_000))).toBe(900);
  });

  test("uses the quota Jira reports, and pauses until its reset when less than the scan's share is left", () => {
    const seen = { quota: false, nearLimit: false, quotaLimit: 1000, quotaRemaining: 450, quotaResetMs: 120_000 };
    const d = afterPage(undefined, 10, new Date(T0), seen);
    expect(d.resumeAt?.getTime()).toBe(T0 + 120_000);
    expect(d.reason).toMatch(/450 of the app's 1000 points/);
    expect(afterPage(undefined, 10, new Date(T0), { ...seen, quotaRemaining: 600 }).resumeAt).toBeNull();
    // The reported quota also sets the share: 500 of 1000.
    expect(afterPage({ windowStart: new Date(T0).toISOString(), points: 495 }, 10, new Date(T0 + 1000), { quota: false, nearLimit: false, quotaLimit: 1000 }).resumeAt).not.toBeNull();
  });

  test('a page costs its search (1 + issues) and its writes', () => {
    expect(pagePoints(100, 100)).toBe(201);
    expect(pagePoints(0, 0)).toBe(1);
  });
});

/** A project of `size` distinct stories (original text), for a scan of several pages. */
function bigProject(size: number): SampleProjectFile {
  const sample = JSON.parse(readFileSync(join(__dirname, '..', '..', 'src', 'preview', 'sample', 'project.json'), 'utf8')) as SampleProjectFile;
  const things = ['cuisine', 'price range', 'distance', 'opening hours', 'rating', 'dietary need', 'noise level'];
  return {
    ...sample,
    projects: [{ id: '10090', key: 'BIG', name: 'Big backlog' }],
    users: sample.users.map((u) => ({ ...u, projects: { BIG: u.accountId === ALICE ? 'admin' : 'member' } })),
    issues: Array.from({ length: size }, (_, i) => ({
      key: `BIG-${i + 1}`,
      issueType: 'Story',
      summary: `As a diner, I want to filter restaurants by ${things[i % things.length]} in list ${i + 1}, so that I find a place that suits me`,
      description: { type: 'doc', version: 1, content: [] },
      status: 'To Do',
      storyPoints: 3,
      labels: [],
      links: [],
      reporter: ALICE,
      created: '2026-10-01T09:00:00.000Z',
      updated: '2026-10-01T09:00:00.000Z',
      properties: {},
    })),
  } as SampleProjectFile;
}

describe('a scan of 250 stories against an hourly quota of 420 points', () => {
  let h: Harness;
  let t = T0;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'story-health-pace-'));
    const file = join(dir, 'project.json');
    writeFileSync(file, JSON.stringify(bigProject(250)));
    h = await startHarness(() => new Date(t), file, { now: () => t });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function pacedDeps(): Deps {
    const monitor = createRateLimitMonitor(() => t);
    return {
      ...h.deps(),
      asApp: () => createJiraClient(emulatorTransport(h.emulator.url, { asApp: true }), { retry: { budgetMs: 5_000, baseDelayMs: 20, onRateLimit: monitor.record, now: () => t } }),
      appRateLimits: monitor,
    };
  }

  test('pauses between pages, never takes more than its share of an hour, and finishes', async () => {
    h.emulator.faults.set({ quota: { pointsPerHour: 420 } });
    const start = await h.call<{ status: string }>('report/start', { projectKey: 'BIG' });
    expect(start.ok).toBe(true);
    const delays: number[] = [];
    let early = 0;
    for (let runs = 0; h.events.length && runs < 200; runs++) {
      const event = h.events.shift() as unknown as ScanEvent;
      const delay = h.delays.shift() ?? 0;
      delays.push(delay);
      // The queue delivers a delayed event after its delay, not before.
      t += delay * 1000;
      const before = await h.store.get<ScanState>(stateKey('BIG'));
      const pausedUntil = before?.pausedUntil ? Date.parse(before.pausedUntil) : 0;
      const pagesBefore = before?.pages ?? 0;
      const state = await runScanChunk(event, pacedDeps());
      if (pausedUntil > t) {
        // Still paused: nothing read, delayed again.
        early++;
        expect(state?.pages).toBe(pagesBefore);
      }
      t += 1000;
    }
    const state = await h.store.get<ScanState>(stateKey('BIG'));
    expect(state).toMatchObject({ status: 'done', done: 250, pages: 3, backfilled: 250 });
    const stats = h.emulator.faults.stats();
    expect(stats.rateLimited).toBe(0);
    // Each clock hour: at most the quota. Page 1 (201 points) spends nearly the scan's share of
    // 210, so it waits for the next hour, where pages 2 and 3 fit; all at once would be over 420.
    for (const [hour, points] of Object.entries(stats.pointsByHour)) expect([hour, points <= 420]).toEqual([hour, true]);
    expect(Object.keys(stats.pointsByHour).length).toBeGreaterThanOrEqual(2);
    // Each page read once: resuming after a pause continues after the last saved key (Jira's page tokens expire).
    expect(Object.values(stats.pointsByHour).reduce((a, b) => a + b, 0)).toBeLessThan(3 * 201 + 100);
    // Pauses are delayed events of at most 900 s, several in a row for an hour's pause.
    expect(delays.filter((d) => d > 0).length).toBeGreaterThanOrEqual(4);
    for (const d of delays) expect(d).toBeLessThanOrEqual(900);
    expect(early).toBeGreaterThan(0);
  });

  test("a quota refusal mid-page pauses the scan for as long as Jira says, keeping its checkpoint", async () => {
    h.emulator.faults.set({ quota: { pointsPerHour: 150 } });
    t = Date.parse('2026-12-06T12:10:00Z');
    await h.store.delete(stateKey('BIG'));
    h.events.length = 0;
    h.delays.length = 0;
    const start = await h.call('report/start', { projectKey: 'BIG' });
    expect(start.ok).toBe(true);
    // Something else used up this hour's points: the scan's first request is refused.
    h.emulator.faults.charge(150, t);
    const state = await runScanChunk(h.events.shift() as unknown as ScanEvent, pacedDeps());
    h.delays.shift();
    expect(state).toMatchObject({ status: 'running', pages: 0 });
    // 50 minutes to the next hour: the pause says so, and the next event is delayed the 900 s Forge allows.
    expect(state?.pausedUntil).toBe('2026-12-06T13:00:00.000Z');
    expect(h.delays).toEqual([900]);
    expect(h.emulator.faults.stats().rateLimited).toBe(1);
    expect(state?.pausedBecause).toBe('Jira is rate-limiting the app');
    // The report page says so (the quota lifted for its own requests).
    h.emulator.faults.clear();
    const status = await h.call<{ status: string; pausedUntil?: string; pausedBecause?: string }>('report/status', { projectKey: 'BIG' });
    expect(status.ok && status.data).toMatchObject({ status: 'running', pausedUntil: '2026-12-06T13:00:00.000Z', pausedBecause: 'Jira is rate-limiting the app' });
  });
});
