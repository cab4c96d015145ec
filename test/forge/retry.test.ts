/** The save trigger and the scan consumer turn Jira errors into retries one way (src/forge/retry.ts). */
const runScanChunk = jest.fn();
const onIssueSaved = jest.fn();
jest.mock('../../src/app/scan', () => ({ runScanChunk: (...args: unknown[]) => runScanChunk(...args) }));
jest.mock('../../src/app/on-save', () => ({ onIssueSaved: (...args: unknown[]) => onIssueSaved(...args) }));
jest.mock('../../src/forge/runtime', () => ({ forgeDeps: () => ({}) }));
jest.mock('@forge/resolver', () => class {
  define() {}
  getDefinitions() {
    return {};
  }
});

import { InvocationErrorCode } from '@forge/events';
import { consumeScanEvent } from '../../src/forge/consumers/scan';
import { retryLater } from '../../src/forge/retry';
import { handler as onSaveTrigger } from '../../src/forge/triggers/on-issue-saved';
import { JiraError, type JiraErrorCode } from '../../src/jira/errors';

const jiraError = (code: JiraErrorCode, retryAfterMs?: number) =>
  new JiraError(`Jira said ${code}`, { status: code === 'rate-limited' ? 429 : 500, code, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

beforeEach(() => {
  runScanChunk.mockReset();
  onIssueSaved.mockReset();
});

describe('retryLater', () => {
  it.each(['rate-limited', 'server', 'timeout', 'network'] as const)('retries a %s error', (code) => {
    expect(retryLater(jiraError(code))?.retryOptions.retryAfter).toBe(30);
  });

  it("waits as long as Jira's Retry-After says, in whole seconds, at least one", () => {
    expect(retryLater(jiraError('rate-limited', 4_200))?.retryOptions.retryAfter).toBe(5);
    expect(retryLater(jiraError('rate-limited', 10))?.retryOptions.retryAfter).toBe(1);
  });

  it.each(['bad-request', 'unauthorized', 'forbidden', 'not-found', 'conflict'] as const)('does not retry a %s error', (code) => {
    expect(retryLater(jiraError(code))).toBeNull();
  });

  it('does not retry what only looks like a JiraError, or any other error', () => {
    expect(retryLater({ name: 'JiraError', code: 'server' })).toBeNull();
    expect(retryLater(new Error('boom'))).toBeNull();
  });
});

describe.each([
  ['the save trigger', (fail: unknown) => (onIssueSaved.mockRejectedValue(fail), onSaveTrigger({ issue: { key: 'FOOD-1' } } as never))],
  ['the scan consumer', (fail: unknown) => (runScanChunk.mockRejectedValue(fail), consumeScanEvent({ projectKey: 'FOOD', jobId: 'j1' }))],
])('%s', (_, run) => {
  it('answers a transient Jira error with an InvocationError', async () => {
    // What Forge reads: InvocationError's constructor returns its JSON form.
    expect(await run(jiraError('server', 2_000))).toEqual({ _retry: true, retryOptions: { retryAfter: 2, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED } });
  });

  it('lets any other error through', async () => {
    await expect(run(jiraError('conflict'))).rejects.toThrow('Jira said conflict');
    await expect(run(new Error('storage down'))).rejects.toThrow('storage down');
  });
});
