/**
 * Searching for a list of issue keys: Jira Cloud rejects a whole `key in (…)` query when one key no
 * longer exists or is not visible ("An issue with key 'X' does not exist for field 'key'"), so the
 * keys it names are dropped and the query asked again.
 */
import type { JiraClient, SearchPage, SearchParams } from '../jira/types';

/** Keys Jira names as not existing (or not visible) in a `key in (…)` query; the emulator answers as Jira Cloud does. */
export function missingKeys(error: unknown): string[] {
  const e = error as { name?: string; code?: string; errorMessages?: string[] };
  if (e?.name !== 'JiraError' || e.code !== 'bad-request') return [];
  return (e.errorMessages ?? []).flatMap((m) => [...m.matchAll(/key '([A-Z][A-Z0-9_]+-\d+)' does not exist/g)].map((x) => x[1]!));
}

/**
 * Searches with `query(keyList)` (keyList: the keys joined by ", "), dropping keys Jira says do not
 * exist or cannot be seen and asking again; returns the issues of one page (at most 100 keys per call).
 */
export async function searchVisible(jira: JiraClient, keys: readonly string[], query: (keyList: string) => SearchParams): Promise<SearchPage> {
  let remaining = [...new Set(keys)];
  for (let attempt = 0; attempt <= keys.length; attempt++) {
    if (!remaining.length) return { issues: [], isLast: true };
    try {
      return await jira.searchJql(query(remaining.join(', ')));
    } catch (error) {
      const missing = new Set(missingKeys(error));
      if (!missing.size) throw error;
      remaining = remaining.filter((k) => !missing.has(k));
    }
  }
  return { issues: [], isLast: true };
}
