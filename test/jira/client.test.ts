/** The Jira client end to end against the emulator, over real HTTP. */
import { JiraError } from '../../src/jira/errors';
import type { JiraClient } from '../../src/jira/types';
import { clientAs, FIXTURE, fileHash, rejection, startEmulator, type Harness } from '../preview/emulator/harness';

let h: Harness;
let alice: JiraClient;
let bob: JiraClient;
let app: JiraClient;
const sampleHash = fileHash(FIXTURE);

beforeAll(async () => {
  h = await startEmulator();
  alice = clientAs(h.emulator, 'alice');
  bob = clientAs(h.emulator, 'bob');
  app = clientAs(h.emulator, 'app');
});

afterAll(async () => {
  await h.stop();
  expect(fileHash(FIXTURE)).toBe(sampleHash);
});

async function allKeys(client: JiraClient, jql: string, maxResults = 3): Promise<string[]> {
  const keys: string[] = [];
  let nextPageToken: string | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const page = await client.searchJql({ jql, maxResults, ...(nextPageToken ? { nextPageToken } : {}) });
    keys.push(...page.issues.map((i) => i.key));
    if (page.isLast) return keys;
    nextPageToken = page.nextPageToken;
    expect(nextPageToken).toEqual(expect.any(String));
  }
  throw new Error('too many pages');
}

describe('search', () => {
  it('pages through results with nextPageToken until isLast', async () => {
    const first = await alice.searchJql({ jql: 'project = FOOD ORDER BY key ASC', maxResults: 3 });
    expect(first.issues.map((i) => i.key)).toEqual(['FOOD-1', 'FOOD-2', 'FOOD-3']);
    expect(first.isLast).toBe(false);
    expect(await allKeys(alice, 'project = FOOD ORDER BY key ASC')).toEqual(['FOOD-1', 'FOOD-2', 'FOOD-3', 'FOOD-4', 'FOOD-5', 'FOOD-6', 'FOOD-7', 'FOOD-8']);
  });

  it('returns no fields unless asked (search/jql default is id), and the asked ones when asked', async () => {
    const bare = await alice.searchJql({ jql: 'key = FOOD-2' });
    expect(bare.issues[0]).toMatchObject({ id: expect.any(String), key: 'FOOD-2', fields: {} });
    expect(bare.isLast).toBe(true);
    expect(bare.nextPageToken).toBeUndefined();
    const some = await alice.searchJql({ jql: 'key = FOOD-2', fields: ['summary', 'customfield_10016'] });
    expect(Object.keys(some.issues[0]?.fields ?? {}).sort()).toEqual(['customfield_10016', 'summary']);
    expect(some.issues[0]?.fields.customfield_10016).toBe(3);
  });

  it('rejects a token of another query, a malformed token and a tampered one with a clear 400', async () => {
    const page = await alice.searchJql({ jql: 'project = FOOD', maxResults: 2 });
    const token = page.nextPageToken as string;
    const other = (await rejection(alice.searchJql({ jql: 'project = OPS', nextPageToken: token }))) as JiraError;
    expect(other).toBeInstanceOf(JiraError);
    expect(other).toMatchObject({ status: 400, code: 'bad-request' });
    expect(other.message).toMatch(/different JQL query/);
    const malformed = (await rejection(alice.searchJql({ jql: 'project = FOOD', nextPageToken: 'garbage' }))) as JiraError;
    expect(malformed.message).toMatch(/malformed/);
    const tampered = (await rejection(alice.searchJql({ jql: 'project = FOOD', nextPageToken: `x${token}` }))) as JiraError;
    expect(tampered.message).toMatch(/malformed/);
  });

  it('returns properties when asked and finds them through the manifest aliases', async () => {
    const page = await alice.searchJql({ jql: 'storyHealthScore < 60 ORDER BY storyHealthScore ASC', properties: ['storyHealth'] });
    expect(page.issues.map((i) => i.key)).toEqual(['FOOD-4', 'FOOD-5', 'FOOD-7']);
    expect(page.issues[0]?.properties?.storyHealth).toMatchObject({ score: 35, technical: true });
    expect(await allKeys(alice, 'issue.property[storyHealth].score < 60')).toEqual(['FOOD-4', 'FOOD-5', 'FOOD-7']);
    expect(await allKeys(alice, 'storyHealthRule = "missing-benefit"')).toEqual(['FOOD-4']);
    expect(await allKeys(alice, 'storyHealthTechnical = true')).toEqual(['FOOD-4']);
    expect(await allKeys(alice, 'issue.property[storyHealth].criteria.valuable <= 70')).toEqual(['FOOD-4', 'FOOD-5', 'FOOD-7']);
  });

  it('carries Jira’s message for malformed JQL and unknown fields', async () => {
    const syntax = (await rejection(alice.searchJql({ jql: 'project = FOOD AND (' }))) as JiraError;
    expect(syntax).toMatchObject({ status: 400, code: 'bad-request' });
    expect(syntax.errorMessages[0]).toMatch(/^Error in the JQL Query: /);
    expect(syntax.message).toContain(syntax.errorMessages[0]);
    const unknown = (await rejection(alice.searchJql({ jql: 'flavour = spicy' }))) as JiraError;
    expect(unknown.errorMessages).toEqual(["Field 'flavour' does not exist or you do not have permission to view it."]);
    const unbounded = (await rejection(alice.searchJql({ jql: 'ORDER BY key' }))) as JiraError;
    expect(unbounded.message).toMatch(/Unbounded JQL/);
  });
});

describe('issues', () => {
  it('reads an issue with a fields filter and properties', async () => {
    const issue = await alice.getIssue('FOOD-2', { fields: ['summary', 'status'], properties: ['storyHealth', 'nothing'] });
    expect(Object.keys(issue.fields).sort()).toEqual(['status', 'summary']);
    expect(issue.fields.status).toMatchObject({ name: 'To Do', statusCategory: { key: 'new' } });
    expect(issue.properties).toEqual({ storyHealth: expect.objectContaining({ score: 82 }) });
    const all = await alice.getIssue('FOOD-2');
    expect(all.fields).toMatchObject({ labels: ['ordering'], parent: { key: 'FOOD-1' }, project: { key: 'FOOD' }, reporter: { accountId: 'alice' } });
    expect(all.properties).toBeUndefined();
  });

  it('reports an unknown issue as not-found with a helpful message', async () => {
    const error = (await rejection(alice.getIssue('FOOD-999'))) as JiraError;
    expect(error).toMatchObject({ status: 404, code: 'not-found' });
    expect(error.message).toBe('Could not read issue FOOD-999: issue FOOD-999 does not exist or you cannot see it (404).');
  });

  it('edits fields and update operations', async () => {
    await alice.editIssue('FOOD-3', {
      fields: { summary: 'As a diner, I want to see my order history so that I can reorder', customfield_10016: 2 },
      update: { labels: [{ add: 'reorder' }, { remove: 'history' }] },
    });
    const issue = await alice.getIssue('FOOD-3', { fields: ['summary', 'labels', 'customfield_10016', 'updated'] });
    expect(issue.fields).toMatchObject({ summary: 'As a diner, I want to see my order history so that I can reorder', labels: ['ordering', 'reorder'], customfield_10016: 2 });
    expect(issue.fields.updated).not.toBe('2024-01-04T10:00:00.000+0000');
  });

  it('refuses an edit with an unknown field and writes nothing', async () => {
    const before = await alice.getIssue('FOOD-6');
    const error = (await rejection(alice.editIssue('FOOD-6', { fields: { summary: 'Changed', flavour: 'spicy' } }))) as JiraError;
    expect(error).toMatchObject({ status: 400, code: 'bad-request' });
    expect(error.fieldErrors).toEqual({ flavour: "Field 'flavour' cannot be set. It is not on the appropriate screen, or unknown." });
    expect(error.errorMessages).toEqual(["flavour: Field 'flavour' cannot be set. It is not on the appropriate screen, or unknown."]);
    expect(await alice.getIssue('FOOD-6')).toEqual(before);
  });

  it('creates an issue with the next key of its project', async () => {
    const created = await bob.createIssue({
      fields: { project: { key: 'FOOD' }, issuetype: { name: 'Story' }, summary: 'As a diner, I want to rate a meal', parent: { key: 'FOOD-1' }, labels: ['rating'] },
    });
    expect(created.key).toBe('FOOD-9');
    const issue = await bob.getIssue(created.key);
    expect(issue.id).toBe(created.id);
    expect(issue.fields).toMatchObject({ status: { name: 'To Do' }, reporter: { accountId: 'bob' }, parent: { key: 'FOOD-1' }, labels: ['rating'] });
  });

  it('links two issues and shows the link on both sides', async () => {
    await alice.createIssueLink({ type: { name: 'Blocks' }, inwardIssue: { key: 'FOOD-6' }, outwardIssue: { key: 'FOOD-7' } });
    // The call is idempotent, as on Jira.
    await alice.createIssueLink({ type: { name: 'Blocks' }, inwardIssue: { key: 'FOOD-6' }, outwardIssue: { key: 'FOOD-7' } });
    const blocker = await alice.getIssue('FOOD-6', { fields: ['issuelinks'] });
    const blocked = await alice.getIssue('FOOD-7', { fields: ['issuelinks'] });
    expect(blocker.fields.issuelinks).toEqual([expect.objectContaining({ type: expect.objectContaining({ name: 'Blocks' }), outwardIssue: expect.objectContaining({ key: 'FOOD-7' }) })]);
    expect(blocked.fields.issuelinks).toEqual([expect.objectContaining({ inwardIssue: expect.objectContaining({ key: 'FOOD-6' }) })]);
  });
});

describe('comments', () => {
  it('comments as the caller, moves updated, and refuses someone who cannot see the issue', async () => {
    const before = await app.getIssue('FOOD-6', { fields: ['updated'] });
    const body = { type: 'doc' as const, version: 1 as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Split into FOOD-8 and FOOD-9.' }] }] };
    const { id } = await bob.addComment('FOOD-6', body);
    expect(id).toMatch(/^\d+$/);
    const stored = h.emulator.store.find('FOOD-6')!;
    expect(stored.comments?.at(-1)).toMatchObject({ id, author: 'bob', body });
    expect(stored.updated).not.toBe(before.fields.updated);
    const hidden = (await rejection(clientAs(h.emulator, 'carol').addComment('FOOD-6', body))) as JiraError;
    expect(hidden).toMatchObject({ code: 'not-found' });
    await expect(bob.addComment('FOOD-6', { type: 'paragraph' } as never)).rejects.toThrow(/Atlassian Document/);
  });
});

describe('properties', () => {
  it('sets, reads and deletes a property; a missing one is null and deleting it again is fine', async () => {
    expect(await alice.getIssueProperty('FOOD-6', 'storyHealth')).toBeNull();
    await alice.setIssueProperty('FOOD-6', 'storyHealth', { score: 12, technical: false, ruleIds: ['missing-role'] });
    expect(await alice.getIssueProperty('FOOD-6', 'storyHealth')).toEqual({ score: 12, technical: false, ruleIds: ['missing-role'] });
    expect(await allKeys(alice, 'storyHealthRule = "missing-role"')).toEqual(['FOOD-6']);
    expect(await allKeys(alice, 'storyHealthScore < 13')).toEqual(['FOOD-6']);
    await alice.deleteIssueProperty('FOOD-6', 'storyHealth');
    expect(await alice.getIssueProperty('FOOD-6', 'storyHealth')).toBeNull();
    await expect(alice.deleteIssueProperty('FOOD-6', 'storyHealth')).resolves.toBeUndefined();
  });

  it('treats a property of a missing issue as a missing issue', async () => {
    const error = (await rejection(alice.getIssueProperty('FOOD-999', 'storyHealth'))) as JiraError;
    expect(error).toMatchObject({ code: 'not-found' });
    expect(error.message).toMatch(/issue FOOD-999 does not exist or you cannot see it/);
  });
});

describe('permissions and visibility', () => {
  it('answers mypermissions per project and issue', async () => {
    const keys = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'CREATE_ISSUES', 'ADMINISTER_PROJECTS', 'LINK_ISSUES'];
    expect(await alice.myPermissions({ projectKey: 'FOOD', permissions: keys })).toEqual({
      BROWSE_PROJECTS: true,
      EDIT_ISSUES: true,
      CREATE_ISSUES: true,
      ADMINISTER_PROJECTS: true,
      LINK_ISSUES: true,
    });
    expect(await bob.myPermissions({ issueKey: 'FOOD-2', permissions: keys })).toMatchObject({ BROWSE_PROJECTS: true, EDIT_ISSUES: true, ADMINISTER_PROJECTS: false });
    expect(await alice.myPermissions({ projectKey: 'OPS', permissions: ['ADMINISTER_PROJECTS'] })).toEqual({ ADMINISTER_PROJECTS: false });
    const hidden = (await rejection(clientAs(h.emulator, 'carol').myPermissions({ projectKey: 'FOOD', permissions: ['BROWSE_PROJECTS'] }))) as JiraError;
    expect(hidden.code).toBe('not-found');
  });

  it('hides restricted issues from users without the level, exactly as missing ones', async () => {
    const seen = await bob.getIssue('FOOD-5').catch((e: unknown) => e);
    const missing = await bob.getIssue('FOOD-998').catch((e: unknown) => e);
    expect(seen).toMatchObject({ status: 404, code: 'not-found', errorMessages: (missing as JiraError).errorMessages });
    expect(await allKeys(bob, 'project = FOOD AND labels = finance')).toEqual([]);
    expect(await allKeys(alice, 'project = FOOD AND labels = finance')).toEqual(['FOOD-5']);
    expect(await allKeys(app, 'labels = finance')).toEqual(['FOOD-5']);
    expect((await rejection(bob.getIssueProperty('FOOD-5', 'storyHealth'))) as JiraError).toMatchObject({ code: 'not-found' });
    expect((await rejection(bob.setIssueProperty('FOOD-5', 'storyHealth', { score: 1 }))) as JiraError).toMatchObject({ code: 'not-found' });
    expect((await rejection(bob.editIssue('FOOD-5', { fields: { summary: 'x' } }))) as JiraError).toMatchObject({ code: 'not-found' });
    const link = (await rejection(bob.createIssueLink({ type: { name: 'Relates' }, inwardIssue: { key: 'FOOD-5' }, outwardIssue: { key: 'FOOD-3' } }))) as JiraError;
    expect(link).toMatchObject({ code: 'not-found' });
    // The link from FOOD-5 to FOOD-2 shows for Alice only.
    const forBob = await bob.getIssue('FOOD-2', { fields: ['issuelinks'] });
    const forAlice = await alice.getIssue('FOOD-2', { fields: ['issuelinks'] });
    expect((forBob.fields.issuelinks as unknown[]).length + 1).toBe((forAlice.fields.issuelinks as unknown[]).length);
    // A key in JQL that the user cannot see is an error, as on Jira.
    const jql = (await rejection(bob.searchJql({ jql: 'key = FOOD-5' }))) as JiraError;
    expect(jql.errorMessages).toEqual(["An issue with key 'FOOD-5' does not exist for field 'key'."]);
  });

  it('sees nothing of projects without a role', async () => {
    const carol = clientAs(h.emulator, 'carol');
    expect(await allKeys(carol, 'project in (OPS) ORDER BY key')).toEqual(['OPS-1', 'OPS-2']);
    const error = (await rejection(carol.searchJql({ jql: 'project = FOOD' }))) as JiraError;
    expect(error.errorMessages).toEqual(["The value 'FOOD' does not exist for the field 'project'."]);
    expect((await rejection(carol.getIssue('FOOD-2'))) as JiraError).toMatchObject({ code: 'not-found' });
  });
});

describe('arguments are checked before any request', () => {
  it.each([
    ['a path', '../FOOD-1'],
    ['spaces', 'FOOD 1'],
    ['empty', ''],
    ['a query', 'FOOD-1?fields=x'],
  ])('rejects an issue key with %s', async (_, key) => {
    const before = h.emulator.requests.length;
    const error = (await rejection(alice.getIssue(key))) as JiraError;
    expect(error).toMatchObject({ status: 0, code: 'bad-request' });
    expect(error.message).toMatch(/Invalid issue key/);
    expect(h.emulator.requests.length).toBe(before);
  });

  it('rejects bad property keys and permission keys', async () => {
    await expect(alice.getIssueProperty('FOOD-1', 'x'.repeat(256))).rejects.toThrow(/Invalid property key/);
    await expect(alice.setIssueProperty('FOOD-1', '', 1)).rejects.toThrow(/Invalid property key/);
    await expect(alice.myPermissions({ permissions: ['edit issues'] })).rejects.toThrow(/Invalid permission key/);
  });

  it('encodes path components', async () => {
    await alice.setIssueProperty('FOOD-1', 'a/b c?d', { ok: true });
    expect(await alice.getIssueProperty('FOOD-1', 'a/b c?d')).toEqual({ ok: true });
    expect(h.emulator.requests.at(-1)?.path).toBe('/rest/api/3/issue/FOOD-1/properties/a%2Fb%20c%3Fd');
  });
});
