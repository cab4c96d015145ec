/** Writing `storyHealth` properties in bulk (the scan): a few at a time, an issue deleted meanwhile skipped. */
import type { JiraClient } from '../jira/types';
import { isJiraError } from '../jira';
import { HEALTH_PROPERTY, type StoredHealth } from './health-property';

/** Property writes in flight at once: fast enough, and gentle on Jira's rate limits. */
export const WRITE_CONCURRENCY = 8;

/** Runs `fn` over `items` with at most `limit` in flight; the first error rejects after in-flight work settles. */
export async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== null) throw failure;
}

/** Writes every property; returns the ids (or keys, when no id was given) of the issues written. An issue deleted while we worked is skipped. */
export async function writeProperties(jira: JiraClient, writes: readonly { id?: string; key: string; value: StoredHealth }[]): Promise<string[]> {
  const written: string[] = [];
  await forEachLimit(writes, WRITE_CONCURRENCY, async ({ id, key, value }) => {
    try {
      await jira.setIssueProperty(key, HEALTH_PROPERTY, value);
      written.push(id ?? key);
    } catch (error) {
      if (!isJiraError(error, 'not-found')) throw error;
    }
  });
  return written;
}
