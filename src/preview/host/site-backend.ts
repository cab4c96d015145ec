/**
 * The preview's Jira for `story-health preview --site`: a real Jira Cloud site with Basic auth
 * (email + API token). One person, the token's owner, is both "the user" and "the app". Read-only
 * unless writes are allowed.
 */
import { createJiraClient, fetchTransport, type FetchLike } from '../../jira';
import { errorFromResponse } from '../../jira/errors';
import type { Transport } from '../../jira/types';
import type { PreviewBackend, PreviewProject } from './backend';
import { ALLOW_WRITES_FLAG, readOnlyTransport } from './read-only';

export interface SiteBackendOptions {
  site: string;
  email: string;
  apiToken: string;
  allowWrites: boolean;
  /** Show only this project (default: the first 50 the user can see). */
  project?: string;
  fetch?: FetchLike;
}

async function getJson(transport: Transport, path: string, operation: string): Promise<unknown> {
  let response;
  try {
    response = await transport({ method: 'GET', path });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`could not ${operation}: the site is not reachable (${cause?.code ?? cause?.message ?? (error as Error).message}).`, { cause: error });
  }
  if (response.status !== 200) throw errorFromResponse(response, { operation });
  return JSON.parse(response.text) as unknown;
}

function str(value: unknown, name: string): string {
  const v = (value as Record<string, unknown> | null)?.[name];
  return typeof v === 'string' ? v : '';
}

export async function siteBackend(options: SiteBackendOptions): Promise<PreviewBackend> {
  const raw = fetchTransport({ baseUrl: options.site, email: options.email, apiToken: options.apiToken, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const site = new URL(options.site).origin;
  const transport = options.allowWrites ? raw : readOnlyTransport(raw, site);
  const client = createJiraClient(transport);

  const me = await getJson(transport, '/rest/api/3/myself', 'read your Jira profile');
  const accountId = str(me, 'accountId');
  if (!accountId) throw new Error(`${site} did not say who the token belongs to (no accountId in /myself).`);

  let projects: PreviewProject[];
  if (options.project) {
    const p = await getJson(transport, `/rest/api/3/project/${encodeURIComponent(options.project)}`, `read project ${options.project}`);
    projects = [{ key: str(p, 'key'), id: str(p, 'id'), name: str(p, 'name') }];
  } else {
    const page = await getJson(transport, '/rest/api/3/project/search?maxResults=50&orderBy=key', 'list projects');
    const values = (page as { values?: unknown[] } | null)?.values ?? [];
    projects = values.map((p) => ({ key: str(p, 'key'), id: str(p, 'id'), name: str(p, 'name') })).filter((p) => p.key);
    if (!projects.length) throw new Error(`You cannot see any project on ${site}.`);
  }

  return {
    mode: 'site',
    description: site,
    users: [{ accountId, displayName: str(me, 'displayName') || options.email, summary: 'the API token’s owner, also acting as the app' }],
    projects,
    asUser: () => client,
    asApp: () => client,
    readOnlyReason: options.allowWrites ? null : `restart with ${ALLOW_WRITES_FLAG} to change issues`,
    close: async () => undefined,
  };
}
