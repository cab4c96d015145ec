/** Retries, Retry-After, the per-attempt timeout and the total budget, against the emulator's faults. */
import { JiraError } from '../../src/jira/errors';
import { backoffDelay, retrySettings } from '../../src/jira/retry';
import { parseRetryAfter } from '../../src/jira/retry-after';
import { clientAs, fakeClock, rejection, startEmulator, type Harness } from '../preview/emulator/harness';

let h: Harness;

beforeAll(async () => {
  h = await startEmulator();
});

afterEach(() => h.emulator.faults.clear());

afterAll(async () => {
  await h.stop();
});

describe('429', () => {
  it('waits as Retry-After says, then succeeds', async () => {
    const clock = fakeClock();
    const client = clientAs(h.emulator, 'alice', { ...clock, budgetMs: 20_000 });
    h.emulator.faults.set({ rateLimit: { every: 1, retryAfterSeconds: 3, count: 3 } });
    const issue = await client.getIssue('FOOD-2', { fields: ['summary'] });
    expect(issue.key).toBe('FOOD-2');
    expect(h.emulator.faults.stats()).toMatchObject({ rateLimited: 3 });
    // Each wait is at least the 3 s Jira asked for.
    expect(clock.slept).toHaveLength(3);
    for (const ms of clock.slept) expect(ms).toBeGreaterThanOrEqual(3000);
  });

  it('retries a POST too: a 429 means Jira did not process it', async () => {
    const clock = fakeClock();
    const client = clientAs(h.emulator, 'alice', clock);
    h.emulator.faults.set({ rateLimit: { every: 1, retryAfterSeconds: 1, count: 2 } });
    const created = await client.createIssue({ fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'Created through a 429 storm' } });
    expect(created.key).toMatch(/^OPS-\d+$/);
    expect(h.emulator.store.current.issues.filter((i) => i.summary === 'Created through a 429 storm')).toHaveLength(1);
  });

  it('gives up when the storm outlasts the budget: rate-limited with retryAfterMs, nothing written', async () => {
    const clock = fakeClock();
    const client = clientAs(h.emulator, 'alice', { ...clock, budgetMs: 10_000 });
    h.emulator.faults.set({ rateLimit: { every: 1, retryAfterSeconds: 4 } });
    const before = h.emulator.store.snapshot();
    const error = (await rejection(client.editIssue('FOOD-7', { fields: { summary: 'Never applied' } }))) as JiraError;
    expect(error).toBeInstanceOf(JiraError);
    expect(error).toMatchObject({ status: 429, code: 'rate-limited', retryAfterMs: 4000 });
    expect(error.message).toMatch(/rate-limiting.*try again in 4 s/);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeLessThan(10_000);
    expect(h.emulator.store.snapshot()).toEqual(before);
  });
});

describe('5xx', () => {
  it('retries a burst of server errors on a GET', async () => {
    const clock = fakeClock();
    const client = clientAs(h.emulator, 'alice', clock);
    h.emulator.faults.set({ status5xx: { count: 2, status: 502 } });
    await expect(client.getIssue('FOOD-1')).resolves.toMatchObject({ key: 'FOOD-1' });
    expect(h.emulator.faults.stats().failed).toBe(2);
    expect(clock.slept).toHaveLength(2);
  });

  it('retries the read-only search POST', async () => {
    const client = clientAs(h.emulator, 'alice', fakeClock());
    h.emulator.faults.set({ status5xx: { count: 1 } });
    await expect(client.searchJql({ jql: 'project = OPS' })).resolves.toMatchObject({ isLast: true });
  });

  it('never sends an issue create twice after a 5xx', async () => {
    const client = clientAs(h.emulator, 'alice', fakeClock());
    h.emulator.faults.set({ status5xx: { count: 1, status: 500 } });
    const error = (await rejection(client.createIssue({ fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'x' } }))) as JiraError;
    expect(error).toMatchObject({ status: 500, code: 'server' });
    expect(h.emulator.faults.stats()).toMatchObject({ requests: 1, failed: 1 });
  });

  it('reports the last server error with retryAfterMs when retries run out', async () => {
    const client = clientAs(h.emulator, 'alice', { ...fakeClock(), maxAttempts: 3 });
    h.emulator.faults.set({ status5xx: { count: 10, status: 503 } });
    const error = (await rejection(client.getIssue('FOOD-1'))) as JiraError;
    expect(error).toMatchObject({ status: 503, code: 'server', retryAfterMs: expect.any(Number) });
    expect(h.emulator.faults.stats().failed).toBe(3);
  });
});

describe('a server that hangs', () => {
  it('times out within the budget', async () => {
    const client = clientAs(h.emulator, 'alice', { attemptTimeoutMs: 150, budgetMs: 600, baseDelayMs: 20 });
    h.emulator.faults.set({ hang: { count: 100 } });
    const started = Date.now();
    const error = (await rejection(client.getIssue('FOOD-1'))) as JiraError;
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({ status: 0, code: 'timeout', retryAfterMs: expect.any(Number) });
    expect(error.message).toMatch(/did not answer within \d+ ms/);
    expect(elapsed).toBeLessThan(600 + 400);
    expect(h.emulator.faults.stats().hung).toBeGreaterThanOrEqual(2);
  });

  it('recovers when only the first attempt hangs', async () => {
    const client = clientAs(h.emulator, 'alice', { attemptTimeoutMs: 150, budgetMs: 2000, baseDelayMs: 10 });
    h.emulator.faults.set({ hang: { count: 1 } });
    await expect(client.getIssue('FOOD-1')).resolves.toMatchObject({ key: 'FOOD-1' });
  });

  it('does not resend a create that timed out: it may have been applied', async () => {
    const client = clientAs(h.emulator, 'alice', { attemptTimeoutMs: 100, budgetMs: 2000 });
    h.emulator.faults.set({ hang: { count: 1 } });
    const error = (await rejection(client.createIssue({ fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'x' } }))) as JiraError;
    expect(error).toMatchObject({ code: 'timeout' });
    expect(error.message).toMatch(/not retried/);
    expect(h.emulator.faults.stats().requests).toBe(1);
  });
});

describe('slow answers', () => {
  it('still succeed under the attempt timeout', async () => {
    const client = clientAs(h.emulator, 'alice', { attemptTimeoutMs: 2000 });
    h.emulator.faults.set({ delayMs: 50 });
    await expect(client.getIssue('FOOD-1')).resolves.toMatchObject({ key: 'FOOD-1' });
  });
});

describe('retry parts', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2024-06-01T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('0.25', now)).toBe(250);
    expect(parseRetryAfter('Sat, 01 Jun 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 01 Jun 2024 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter, capped', () => {
    const s = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 };
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, s))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, { ...s, random: () => 0 })).toBe(0);
  });

  it('has defaults below the Forge resolver limit', () => {
    const s = retrySettings();
    expect(s.budgetMs).toBeLessThan(25_000);
    expect(s.attemptTimeoutMs).toBeLessThanOrEqual(s.budgetMs);
  });
});
