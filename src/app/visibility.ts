/**
 * Which issue keys a person may browse, asked of Jira as that person in batches: bulk fetch
 * returns exactly the issues they may see and leaves out missing and hidden ones, so nothing is
 * read from error wording and the cost is one request per 100 keys (8 000 keys: 80 requests, a
 * few at a time), not one search per hidden key.
 */
import type { JiraClient } from '../jira/types';

export const VISIBILITY_BATCH = 100;
export const VISIBILITY_CONCURRENCY = 4;

async function visibleIn(jira: JiraClient, batch: string[]): Promise<string[]> {
  let result = await jira.bulkFetchIssues(batch, { fields: ['summary'] });
  // Jira could not return some for a passing reason: ask once more; what it still cannot return stays hidden.
  if (result.failed.length) result = await jira.bulkFetchIssues(batch, { fields: ['summary'] });
  return result.issues.map((issue) => issue.key.toUpperCase());
}

/** The subset of `keys` (as given) that `jira`'s user may browse. */
export async function visibleKeys(jira: JiraClient, keys: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(keys)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += VISIBILITY_BATCH) batches.push(unique.slice(i, i + VISIBILITY_BATCH));
  const seen = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      for (const key of await visibleIn(jira, batch)) seen.add(key);
    }
  };
  await Promise.all(Array.from({ length: Math.min(VISIBILITY_CONCURRENCY, batches.length) }, worker));
  return new Set(unique.filter((k) => seen.has(k.toUpperCase())));
}
