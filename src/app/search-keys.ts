/**
 * Searching for a list of issue keys: Jira rejects a whole `key in (…)` query that names an issue the
 * caller may not see (or that no longer exists), in the caller's language. So the keys are first
 * narrowed to the visible ones by a bulk fetch (which leaves hidden and missing keys out without an
 * error), decided by structure, never by message wording.
 */
import { isJiraError } from '../jira';
import type { JiraClient, SearchPage, SearchParams } from '../jira/types';
import { visibleKeys } from './visibility';

/**
 * Searches for explicit keys as the user: Jira rejects a whole `key in (…)` query that names an
 * issue they may not see, so the keys are first narrowed to the visible ones (bulk fetch). An
 * issue that vanishes in between makes Jira refuse once more: then visibility is asked again.
 */
export async function searchKeys(jira: JiraClient, keys: readonly string[], query: (keys: string[]) => SearchParams): Promise<{ page: SearchPage; jql: string }> {
  for (let attempt = 1; ; attempt++) {
    const visible = await visibleKeys(jira, keys);
    const shown = keys.filter((k) => visible.has(k));
    const params = query(shown);
    if (!shown.length) return { page: { issues: [], isLast: true }, jql: params.jql };
    try {
      return { page: await jira.searchJql(params), jql: params.jql };
    } catch (error) {
      if (attempt >= 2 || !isJiraError(error, 'bad-request')) throw error;
    }
  }
}
