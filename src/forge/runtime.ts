/**
 * Production dependencies: Jira through Forge's `requestJira` (as the user or as the app), Forge
 * KVS for storage, the Forge events queue for scans. Loaded only inside Forge functions.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { Queue } from '@forge/events';
import { createJiraClient, forgeTransport } from '../jira';
import { createRateLimitMonitor } from '../jira/rate-limit';
import type { Deps, JobQueue, Store } from '../app/ports';
import { forgeLlm } from './llm';

export const SCAN_QUEUE = 'story-health-scan';

const forgeStore: Store = {
  async get<T>(key: string) {
    return (await kvs.get<T>(key)) ?? undefined;
  },
  async set(key, value) {
    await kvs.set(key, value);
  },
  async create(key, value) {
    try {
      await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' });
      return true;
    } catch (error) {
      // KVS answers 409 KEY_CONFLICT when the key exists.
      const e = error as { code?: string; responseDetails?: { status?: number } };
      if (e.responseDetails?.status === 409 || e.code === 'KEY_CONFLICT') return false;
      throw error;
    }
  },
  async delete(key) {
    await kvs.delete(key);
  },
  async list<T>(prefix: string, options: { limit?: number; cursor?: string } = {}) {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(Math.min(options.limit ?? 20, 100));
    if (options.cursor) query = query.cursor(options.cursor);
    const page = await query.getMany<T>();
    return { items: page.results.map((r) => ({ key: r.key, value: r.value })), ...(page.nextCursor ? { cursor: page.nextCursor } : {}) };
  },
};

const forgeQueue: JobQueue = {
  async push(events, options = {}) {
    const delay = options.delaySeconds ? { delayInSeconds: Math.min(900, Math.max(0, Math.round(options.delaySeconds))) } : {};
    // One consumer at a time per project: a scan's chunks run in order.
    await new Queue({ key: SCAN_QUEUE }).push(
      events.map((body) => ({ body, ...delay, ...(typeof body.projectKey === 'string' ? { concurrency: { key: `scan-${body.projectKey}`, limit: 1 } } : {}) })),
    );
  },
};

export function forgeDeps(): Deps {
  // Per invocation: what Jira's headers told this function's app requests.
  const appRateLimits = createRateLimitMonitor();
  return {
    asUser: () => createJiraClient(forgeTransport('user')),
    asApp: () => createJiraClient(forgeTransport('app'), { retry: { onRateLimit: appRateLimits.record } }),
    appRateLimits,
    store: forgeStore,
    queue: forgeQueue,
    now: () => new Date(),
    llm: forgeLlm,
  };
}
