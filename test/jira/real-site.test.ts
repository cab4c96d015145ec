/**
 * The client against what a real site does and the default emulator does not: error messages in
 * German (decisions come from status codes and structure only), the spec's 404s for a browse-only
 * user, bulk fetch, paged create metadata, and reconcileIssues for a lagging search index.
 */
import path from 'node:path';
import { createJiraClient } from '../../src/jira/client';
import { JiraError } from '../../src/jira/errors';
import type { JiraRequest, JiraResponse } from '../../src/jira/types';
import { clientAs, rejection, startEmulator, type Harness } from '../preview/emulator/harness';

const REAL_SITE = path.join(__dirname, '..', 'fixtures', 'app', 'real-site.json');

describe('against a site that answers in German', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startEmulator({ projectFile: REAL_SITE, language: 'de', indexLag: { searches: 1000 } });
  });
  afterAll(() => h.stop());

  it('tells a missing property (null) from a missing issue (not-found) without reading the message', async () => {
    const eli = clientAs(h.emulator, 'eli');
    expect(await eli.getIssueProperty('CORP-1', 'storyHealth')).toBeNull();
    const gone = (await rejection(eli.getIssueProperty('CORP-99', 'storyHealth'))) as JiraError;
    expect(gone).toMatchObject({ code: 'not-found', status: 404 });
    // A restricted issue is a missing issue to someone without the level.
    expect((await rejection(eli.getIssueProperty('CORP-3', 'storyHealth'))) as JiraError).toMatchObject({ code: 'not-found' });
    await expect(eli.deleteIssueProperty('CORP-1', 'storyHealth')).resolves.toBeUndefined();
    expect((await rejection(eli.deleteIssueProperty('CORP-99', 'storyHealth'))) as JiraError).toMatchObject({ code: 'not-found' });
  });

  it('a browse-only user: a delete the spec answers 404 is a permission problem when the property is still there', async () => {
    await clientAs(h.emulator, 'eli').setIssueProperty('CORP-6', 'note', { a: 1 });
    const finn = clientAs(h.emulator, 'finn');
    expect(await finn.getIssueProperty('CORP-6', 'note')).toEqual({ a: 1 });
    const refused = (await rejection(finn.deleteIssueProperty('CORP-6', 'note'))) as JiraError;
    expect(refused).toMatchObject({ code: 'forbidden', status: 404 });
    expect(refused.message).toMatch(/EDIT_ISSUES/);
    expect((await rejection(finn.setIssueProperty('CORP-6', 'note', 1))) as JiraError).toMatchObject({ code: 'forbidden' });
    const link = (await rejection(finn.createIssueLink({ type: { name: 'Relates' }, inwardIssue: { key: 'CORP-1' }, outwardIssue: { key: 'CORP-4' } }))) as JiraError;
    expect(link).toMatchObject({ code: 'not-found' });
    expect(link.message).toMatch(/LINK_ISSUES/);
    expect((await rejection(finn.editIssue('CORP-1', { fields: { summary: 'x' } }))) as JiraError).toMatchObject({ code: 'bad-request', fieldErrors: { summary: expect.any(String) } });
  });

  it('bulk fetch: the visible issues; hidden and missing keys are simply absent', async () => {
    const eli = clientAs(h.emulator, 'eli');
    const result = await eli.bulkFetchIssues(['CORP-3', 'CORP-1', 'CORP-99'], { fields: ['summary'], properties: ['storyHealth'] });
    expect(result.issues.map((i) => i.key)).toEqual(['CORP-1']);
    expect(result.issues[0]).toMatchObject({ fields: { summary: expect.any(String) }, properties: {} });
    expect(result.failed).toEqual([]);
    const before = h.emulator.requests.length;
    await expect(eli.bulkFetchIssues([])).rejects.toThrow(/1 to 100/);
    await expect(eli.bulkFetchIssues(Array.from({ length: 101 }, (_, i) => `CORP-${i + 1}`))).rejects.toThrow(/1 to 100/);
    await expect(eli.bulkFetchIssues(['../x'])).rejects.toThrow(/Invalid issue key/);
    expect(h.emulator.requests.length).toBe(before);
  });

  it('create metadata: the project’s sub-task type and create-screen fields', async () => {
    const eli = clientAs(h.emulator, 'eli');
    const types = await eli.createMetaIssueTypes('CORP');
    expect(types.filter((t) => t.subtask)).toEqual([{ id: '10004', name: 'Sub-task', subtask: true, hierarchyLevel: -1 }]);
    const story = types.find((t) => t.name === 'Story')!;
    expect((await eli.createMetaFields('CORP', story.id)).map((f) => f.fieldId)).toContain('customfield_10028');
    expect(await clientAs(h.emulator, 'finn').createMetaIssueTypes('CORP')).toEqual([]);
    expect((await rejection(clientAs(h.emulator, 'finn').createMetaIssueTypes('TEAM'))) as JiraError).toMatchObject({ code: 'not-found' });
  });

  it('reconcileIssues: a lagging search sees the named issues as they are', async () => {
    const eli = clientAs(h.emulator, 'eli');
    await eli.setIssueProperty('TEAM-3', 'storyHealth', { score: 12 });
    const id = Number((await eli.getIssue('TEAM-3', { fields: ['summary'] })).id);
    expect((await eli.searchJql({ jql: 'storyHealthScore < 20' })).issues).toEqual([]);
    expect((await eli.searchJql({ jql: 'storyHealthScore < 20', reconcileIssues: [id] })).issues.map((i) => i.key)).toEqual(['TEAM-3']);
    const before = h.emulator.requests.length;
    await expect(eli.searchJql({ jql: 'project = TEAM', reconcileIssues: Array.from({ length: 51 }, (_, i) => i + 1) })).rejects.toThrow(/reconcileIssues/);
    await expect(eli.searchJql({ jql: 'project = TEAM', reconcileIssues: [1.5] })).rejects.toThrow(/reconcileIssues/);
    expect(h.emulator.requests.length).toBe(before);
  });
});

describe('create metadata paging and Jira’s alternative shapes', () => {
  function pagedSite(pages: Record<string, unknown>): { client: ReturnType<typeof createJiraClient>; seen: string[] } {
    const seen: string[] = [];
    const transport = async (r: JiraRequest): Promise<JiraResponse> => {
      seen.push(r.path);
      const startAt = /startAt=(\d+)/.exec(r.path)?.[1] ?? '0';
      const body = pages[startAt];
      return body ? { status: 200, headers: {}, text: JSON.stringify(body) } : { status: 500, headers: {}, text: '' };
    };
    return { client: createJiraClient(transport, { retry: { budgetMs: 0 } }), seen };
  }

  it('reads every page of issue types, in either documented shape', async () => {
    const { client, seen } = pagedSite({
      '0': { issueTypes: [{ id: '1', name: 'Story', subtask: false }], startAt: 0, maxResults: 1, total: 2 },
      '1': { createMetaIssueType: [{ id: '2', name: 'Teilaufgabe', subtask: true }], startAt: 1, maxResults: 1, total: 2 },
    });
    expect(await client.createMetaIssueTypes('SHOP')).toEqual([
      { id: '1', name: 'Story', subtask: false },
      { id: '2', name: 'Teilaufgabe', subtask: true },
    ]);
    expect(seen).toEqual(['/rest/api/3/issue/createmeta/SHOP/issuetypes?startAt=0&maxResults=200', '/rest/api/3/issue/createmeta/SHOP/issuetypes?startAt=1&maxResults=200']);
  });

  it('reads create fields from `fields` or `results`, and stops at the total', async () => {
    const { client } = pagedSite({
      '0': { results: [{ fieldId: 'summary', name: 'Summary', required: true }, { fieldId: 'customfield_10028', schema: { type: 'number' } }], startAt: 0, total: 2 },
    });
    expect(await client.createMetaFields('SHOP', '10001')).toEqual([
      { fieldId: 'summary', name: 'Summary', required: true },
      { fieldId: 'customfield_10028', name: 'customfield_10028', required: false, schema: { type: 'number' } },
    ]);
    await expect(client.createMetaFields('SHOP', 'abc')).rejects.toThrow(/issue type id/);
  });

  it('a bulk fetch that Jira could not complete names the ids to retry', async () => {
    const transport = async (): Promise<JiraResponse> => ({ status: 200, headers: {}, text: JSON.stringify({ issues: [{ id: '7', key: 'SHOP-7', fields: {} }], issueErrors: [{ id: 8, errorMessage: 'Zeitüberschreitung' }] }) });
    const client = createJiraClient(transport);
    expect(await client.bulkFetchIssues(['SHOP-7', 'SHOP-8'])).toEqual({ issues: [{ id: '7', key: 'SHOP-7', fields: {} }], failed: ['8'] });
  });
});
