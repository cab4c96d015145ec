import type { FetchLike } from '../../../src/jira';
import { readOnlyTransport } from '../../../src/preview/host/read-only';
import { siteBackend } from '../../../src/preview/host/site-backend';
import type { JiraRequest, JiraResponse } from '../../../src/jira/types';

function fakeSite(): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push(`${init.method} ${new URL(url).pathname}`);
    const path = new URL(url).pathname;
    const json = (status: number, body: unknown) => ({ status, headers: new Headers({ 'content-type': 'application/json' }), text: async () => JSON.stringify(body) });
    if (path === '/rest/api/3/myself') return json(200, { accountId: 'acc-me', displayName: 'Me' });
    if (path === '/rest/api/3/project/SHOP') return json(200, { id: '10100', key: 'SHOP', name: 'Shop' });
    if (path === '/rest/api/3/project/search') return json(200, { values: [{ id: '1', key: 'A', name: 'Alpha' }] });
    if (path.startsWith('/rest/api/3/issue/')) return init.method === 'PUT' ? { status: 204, headers: new Headers(), text: async () => '' } : json(200, { id: '1', key: 'SHOP-1', fields: {} });
    return json(404, { errorMessages: ['nope'] });
  };
  return { fetch, calls };
}

describe('read-only site', () => {
  it('lets reads through and refuses writes without sending them, naming --allow-writes', async () => {
    const seen: string[] = [];
    const inner = async (r: JiraRequest): Promise<JiraResponse> => {
      seen.push(`${r.method} ${r.path}`);
      return { status: 200, headers: {}, text: '{}' };
    };
    const transport = readOnlyTransport(inner, 'https://acme.atlassian.net');
    await transport({ method: 'GET', path: '/rest/api/3/issue/SHOP-1' });
    await transport({ method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = SHOP' } });
    // Bulk fetch is a POST that only reads (the report checks visibility with it).
    await transport({ method: 'POST', path: '/rest/api/3/issue/bulkfetch', body: { issueIdsOrKeys: ['SHOP-1'] } });
    const refused = await transport({ method: 'PUT', path: '/rest/api/3/issue/SHOP-1', body: {} });
    expect(refused.status).toBe(403);
    expect(refused.text).toMatch(/read-only: PUT \/rest\/api\/3\/issue\/SHOP-1 would change https:\/\/acme\.atlassian\.net.*--allow-writes/);
    for (const r of [
      { method: 'POST' as const, path: '/rest/api/3/issue' },
      { method: 'DELETE' as const, path: '/rest/api/3/issue/SHOP-1/properties/storyHealth' },
      { method: 'POST' as const, path: '/rest/api/3/issueLink' },
    ]) {
      expect((await transport(r)).status).toBe(403);
    }
    expect(seen).toEqual(['GET /rest/api/3/issue/SHOP-1', 'POST /rest/api/3/search/jql', 'POST /rest/api/3/issue/bulkfetch']);
  });

  it('siteBackend: the token owner is the one user; edits fail with the flag named unless writes are allowed', async () => {
    const site = fakeSite();
    const backend = await siteBackend({ site: 'https://acme.atlassian.net', email: 'me@acme.com', apiToken: 't', allowWrites: false, project: 'SHOP', fetch: site.fetch });
    expect(backend.users).toEqual([expect.objectContaining({ accountId: 'acc-me', displayName: 'Me' })]);
    expect(backend.projects).toEqual([{ key: 'SHOP', id: '10100', name: 'Shop' }]);
    expect(backend.readOnlyReason).toMatch(/--allow-writes/);
    await expect(backend.asUser('acc-me').editIssue('SHOP-1', { fields: { summary: 'x' } })).rejects.toThrow(/--allow-writes/);
    expect(site.calls.filter((c) => c.startsWith('PUT'))).toEqual([]);

    const writable = await siteBackend({ site: 'https://acme.atlassian.net', email: 'me@acme.com', apiToken: 't', allowWrites: true, fetch: site.fetch });
    expect(writable.readOnlyReason).toBeNull();
    expect(writable.projects).toEqual([{ key: 'A', id: '1', name: 'Alpha' }]);
    await writable.asUser('acc-me').editIssue('SHOP-1', { fields: { summary: 'x' } });
    expect(site.calls).toContain('PUT /rest/api/3/issue/SHOP-1');
  });
});
