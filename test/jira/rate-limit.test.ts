/**
 * Jira's 2026 rate-limit headers: read into one shape, honoured on 429 (Retry-After,
 * Beta-Retry-After, X-RateLimit-Reset, the longest wait wins), reported to an observer, and the
 * emulator's points quota answering 429 with them.
 */
import { JiraError } from '../../src/jira/errors';
import { createRateLimitMonitor, hasRateLimitHeaders, readRateLimit, type RateLimitInfo } from '../../src/jira/rate-limit';
import { quotaPoints } from '../../src/preview/emulator/emulator';
import { clientAs, fakeClock, rejection, startEmulator, type Harness } from '../preview/emulator/harness';

const ALICE = 'alice';
const NOW = Date.parse('2026-12-06T04:10:00Z');

describe('readRateLimit', () => {
  test('the quota headers of a normal answer', () => {
    const info = readRateLimit({ 'beta-ratelimit-policy': '"tenant-app-quota";q=100100;w=3600', 'beta-ratelimit': '"tenant-app-quota";r=17842;t=2107', 'x-beta-ratelimit-nearlimit': 'true', 'x-ratelimit-limit': '350', 'x-ratelimit-remaining': '349' }, NOW);
    expect(info).toEqual({ quota: false, nearLimit: true, quotaLimit: 100100, quotaWindowSeconds: 3600, quotaRemaining: 17842, quotaResetMs: 2_107_000 });
  });

  test('the enforced names without the Beta- prefix (RateLimit-Policy, RateLimit) are read too, and win over the shadow ones', () => {
    // Jira's rate-limiting page: once a quota is enforced for an app, the headers drop the `Beta-` prefix.
    const info = readRateLimit({ 'ratelimit-policy': '"global-app-quota";q=65000;w=3600', ratelimit: '"global-app-quota";r=9000;t=600', 'beta-ratelimit': '"global-app-quota";r=40000;t=600' }, NOW);
    expect(info).toMatchObject({ quotaLimit: 65000, quotaWindowSeconds: 3600, quotaRemaining: 9000, quotaResetMs: 600_000 });
    expect(hasRateLimitHeaders({ ratelimit: '"global-app-quota";r=9000;t=600' })).toBe(true);
  });

  test('a quota refusal: Beta-Retry-After and the reason', () => {
    const info = readRateLimit({ 'beta-retry-after': '1200', 'ratelimit-reason': 'jira-quota-tenant-based', 'beta-ratelimit': '"tenant-app-quota";r=0;t=1200' }, NOW);
    expect(info).toMatchObject({ waitMs: 1_200_000, quota: true, reason: 'jira-quota-tenant-based', quotaRemaining: 0 });
  });

  test('a burst refusal: the longest of Retry-After and X-RateLimit-Reset (ISO, minutes) wins', () => {
    expect(readRateLimit({ 'retry-after': '2', 'x-ratelimit-reset': '2026-12-06T04:11Z', 'ratelimit-reason': 'jira-burst-based' }, NOW)).toMatchObject({ waitMs: 60_000, quota: false });
    expect(readRateLimit({ 'retry-after': '90', 'x-ratelimit-reset': '2026-12-06T04:10Z' }, NOW).waitMs).toBe(90_000);
  });

  test('X-RateLimit-Reset alone on a successful answer is not a wait; unreadable values are ignored', () => {
    expect(readRateLimit({ 'x-ratelimit-reset': '2026-12-06T05:00Z', 'x-ratelimit-remaining': '10' }, NOW).waitMs).toBeUndefined();
    expect(readRateLimit({ 'beta-retry-after': 'soon', 'beta-ratelimit': 'garbage' }, NOW)).toEqual({ quota: false, nearLimit: false });
  });

  test('the monitor keeps the last quota figures when a later answer has only burst headers', () => {
    const monitor = createRateLimitMonitor(() => NOW);
    monitor.record(readRateLimit({ 'beta-ratelimit-policy': '"tenant-app-quota";q=65000;w=3600', 'beta-ratelimit': '"tenant-app-quota";r=30000;t=600' }, NOW));
    monitor.record(readRateLimit({ 'retry-after': '1', 'ratelimit-reason': 'jira-burst-based' }, NOW));
    expect(monitor.latest()?.info).toMatchObject({ reason: 'jira-burst-based', quotaLimit: 65000, quotaRemaining: 30000 });
  });
});

describe('the client against the emulator answering 429 with headers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startEmulator();
  });
  afterEach(() => h.emulator.faults.clear());
  afterAll(() => h.stop());

  test('Beta-Retry-After without Retry-After: the client waits as long as it says', async () => {
    const clock = fakeClock();
    const client = clientAs(h.emulator, ALICE, { ...clock, budgetMs: 60_000 });
    h.emulator.faults.set({ rateLimit: { every: 1, count: 2, headers: { 'beta-retry-after': '7', 'ratelimit-reason': 'jira-quota-global-based' } } });
    expect((await client.getIssue('FOOD-2', { fields: ['summary'] })).key).toBe('FOOD-2');
    expect(clock.slept).toHaveLength(2);
    for (const ms of clock.slept) expect(ms).toBeGreaterThanOrEqual(7000);
  });

  test('X-RateLimit-Reset with a reason: the client waits until the reset', async () => {
    const clock = fakeClock(NOW);
    const client = clientAs(h.emulator, ALICE, { ...clock, budgetMs: 120_000 });
    h.emulator.faults.set({ rateLimit: { every: 1, count: 1, retryAfterSeconds: 1, headers: { 'x-ratelimit-reset': '2026-12-06T04:11Z', 'ratelimit-reason': 'jira-per-issue-on-write' } } });
    await client.editIssue('FOOD-7', { fields: { summary: 'Edited after the per-issue limit reset' } });
    expect(clock.slept).toEqual([60_000]);
  });

  test('the observer hears every answer that carries rate-limit headers', async () => {
    const seen: RateLimitInfo[] = [];
    const clock = fakeClock();
    const client = clientAs(h.emulator, ALICE, { ...clock, onRateLimit: (i) => seen.push(i) });
    h.emulator.faults.set({ rateLimit: { every: 1, count: 1, retryAfterSeconds: 2, headers: { 'ratelimit-reason': 'jira-burst-based' } } });
    await client.getIssue('FOOD-2', { fields: ['summary'] });
    expect(seen).toEqual([expect.objectContaining({ waitMs: 2000, reason: 'jira-burst-based' })]);
  });
});

describe("the emulator's hourly points quota", () => {
  let h: Harness;
  let t = Date.parse('2026-12-06T04:00:00Z');
  beforeAll(async () => {
    h = await startEmulator({ now: () => t });
  });
  afterAll(() => h.stop());

  test('costs 1 plus 1 per issue read; refuses with Beta-Retry-After to the next hour once spent; a new hour starts afresh', async () => {
    h.emulator.faults.set({ quota: { pointsPerHour: 12 } });
    const seen: RateLimitInfo[] = [];
    const client = clientAs(h.emulator, 'app', { now: () => t, sleep: async () => undefined, random: () => 0, budgetMs: 5_000, onRateLimit: (i) => seen.push(i) });
    const page = await client.searchJql({ jql: 'project = FOOD ORDER BY key', fields: ['summary'], maxResults: 5 });
    expect(page.issues).toHaveLength(5);
    expect(h.emulator.faults.stats().pointsByHour).toEqual({ '2026-12-06T04:00:00.000Z': 6 });
    expect(seen.at(-1)).toMatchObject({ quotaLimit: 12, quotaRemaining: 6, quotaResetMs: 3_600_000 });
    t += 10 * 60_000;
    await client.getIssue('FOOD-2', { fields: ['summary'] }); // 2 points
    await client.setIssueProperty('FOOD-2', 'probe', { at: 1 }); // 1 point
    await client.setIssueProperty('FOOD-2', 'probe', { at: 2 });
    await client.setIssueProperty('FOOD-2', 'probe', { at: 3 });
    expect(h.emulator.faults.stats().pointsByHour['2026-12-06T04:00:00.000Z']).toBe(11);
    await client.setIssueProperty('FOOD-2', 'probe', { at: 4 }); // the 12th point
    const error = (await rejection(client.getIssue('FOOD-2', { fields: ['summary'] }))) as JiraError;
    expect(error).toBeInstanceOf(JiraError);
    // 50 minutes to the next hour: far beyond the client's budget, so it stops at once and says how long.
    expect(error).toMatchObject({ code: 'rate-limited', retryAfterMs: 50 * 60_000 });
    expect(seen.at(-1)).toMatchObject({ quota: true, reason: 'jira-quota-tenant-based', waitMs: 50 * 60_000, quotaRemaining: 0 });
    t = Date.parse('2026-12-06T05:00:01Z');
    expect((await client.getIssue('FOOD-2', { fields: ['summary'] })).key).toBe('FOOD-2');
  });

  test('points of an answer', () => {
    expect(quotaPoints('POST', { status: 200, body: { issues: [{}, {}, {}] } })).toBe(4);
    expect(quotaPoints('GET', { status: 200, body: { key: 'FOOD-1' } })).toBe(2);
    expect(quotaPoints('PUT', { status: 204 })).toBe(1);
    expect(quotaPoints('GET', { status: 404, body: { errorMessages: ['x'] } })).toBe(1);
  });
});
