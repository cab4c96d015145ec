/**
 * The one page iterator of `search/jql`: Jira gives no total and a token for the next page, so every
 * caller (the scan, the CLI's `report --site`, the preview host's backlog) reads pages through this.
 */
import type { JiraClient, JiraIssue, SearchPage, SearchParams } from './types';

/** A page of results and the token of the page after it (null after the last page). */
export interface ResultPage {
  issues: JiraIssue[];
  nextPageToken: string | null;
}

/** The token of the page after `page`, or null when it is the last. */
export function tokenAfter(page: SearchPage): string | null {
  return page.isLast ? null : (page.nextPageToken ?? null);
}

/**
 * The pages of one query, in order, from `params.nextPageToken` (to resume where a run stopped) or
 * the first page, to the last. A page is read only when the caller asks for it, so breaking out of
 * the loop reads no more.
 */
export async function* searchPages(client: Pick<JiraClient, 'searchJql'>, params: SearchParams): AsyncGenerator<ResultPage, void, undefined> {
  let token = params.nextPageToken;
  do {
    const page = await client.searchJql({ ...params, ...(token ? { nextPageToken: token } : {}) });
    const next = tokenAfter(page);
    yield { issues: page.issues, nextPageToken: next };
    token = next ?? undefined;
  } while (token);
}
