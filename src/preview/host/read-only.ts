/**
 * Read-only Jira for `story-health preview --site` without `--allow-writes`: the resolvers that
 * change issues are refused before they run, and as a second line any request that would write is
 * refused at the transport, so nothing reaches the site.
 */
import { RESOLVER_KEYS } from '../../contract/keys';
import type { JiraRequest, JiraResponse, Transport } from '../../jira/types';

/** Resolvers that change Jira (issues, links, issue properties). */
export const WRITING_RESOLVERS: ReadonlySet<string> = new Set([
  RESOLVER_KEYS.panelApply,
  RESOLVER_KEYS.panelUndo,
  RESOLVER_KEYS.panelCreateSplit,
  RESOLVER_KEYS.panelMakeTask,
  RESOLVER_KEYS.panelMarkSplit,
  RESOLVER_KEYS.reportStart,
]);

export const ALLOW_WRITES_FLAG = '--allow-writes';

/** Requests that read although they are POSTs. */
function isRead(request: JiraRequest): boolean {
  if (request.method === 'GET') return true;
  return request.method === 'POST' && /^\/rest\/api\/3\/(?:search\/jql|issue\/bulkfetch)(\?|$)/.test(request.path);
}

export function readOnlyMessage(site: string, what: string): string {
  return `The preview is read-only: ${what} would change ${site}. Restart it with ${ALLOW_WRITES_FLAG} to allow writes.`;
}

export function readOnlyTransport(inner: Transport, site: string): Transport {
  return async (request: JiraRequest): Promise<JiraResponse> => {
    if (isRead(request)) return inner(request);
    const message = readOnlyMessage(site, `${request.method} ${request.path.split('?')[0]}`);
    return { status: 403, headers: { 'content-type': 'application/json' }, text: JSON.stringify({ errorMessages: [message], errors: {} }) };
  };
}
