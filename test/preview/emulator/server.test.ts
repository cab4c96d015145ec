/** The emulator over raw HTTP: callers, routing, bodies, edits, properties, paging limits, faults. */
import { createJiraClient } from '../../../src/jira/client';
import { emulatorTransport } from '../../../src/jira/transports';
import { FIXTURE, fileHash, raw, startEmulator, type Harness } from './harness';

let h: Harness;
const sampleHash = fileHash(FIXTURE);
let clock = Date.parse('2024-06-01T12:00:00Z');

beforeAll(async () => {
  h = await startEmulator({ now: () => clock });
});

afterEach(() => h.emulator.faults.clear());

afterAll(async () => {
  await h.stop();
  expect(fileHash(FIXTURE)).toBe(sampleHash);
});

const errorsOf = (json: unknown): { errorMessages: string[]; errors: Record<string, string> } => json as never;

describe('callers', () => {
  it('answers 401 with Jira’s error body to a request that names nobody', async () => {
    const response = await raw(h.emulator, 'GET', '/rest/api/3/issue/FOOD-1');
    expect(response.status).toBe(401);
    expect(errorsOf(response.json).errorMessages[0]).toMatch(/x-emulator-user/);
  });

  it('answers 401 to an unknown user and to a bad app header', async () => {
    expect((await raw(h.emulator, 'GET', '/rest/api/3/field', { user: 'mallory' })).status).toBe(401);
    expect((await raw(h.emulator, 'GET', '/rest/api/3/field', { headers: { 'x-emulator-app': 'yes' } })).status).toBe(401);
  });

  it('tells who is calling on /myself', async () => {
    expect((await raw(h.emulator, 'GET', '/rest/api/3/myself', { user: 'bob' })).json).toMatchObject({ accountId: 'bob', displayName: 'Bob Member' });
    expect((await raw(h.emulator, 'GET', '/rest/api/3/myself', { app: true })).json).toMatchObject({ accountType: 'app' });
  });
});

describe('routing and bodies', () => {
  it('404 for unknown paths, 405 for a wrong method, 410 for the removed search', async () => {
    expect((await raw(h.emulator, 'GET', '/rest/api/3/nothing', { app: true })).status).toBe(404);
    expect((await raw(h.emulator, 'GET', '/rest/api/2/issue/FOOD-1', { app: true })).status).toBe(404);
    const wrong = await raw(h.emulator, 'DELETE', '/rest/api/3/issue/FOOD-1', { app: true });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, PUT');
    const removed = await raw(h.emulator, 'POST', '/rest/api/3/search', { app: true, body: '{"jql":"project = FOOD"}' });
    expect(removed.status).toBe(410);
    expect(errorsOf(removed.json).errorMessages[0]).toMatch(/search\/jql/);
  });

  it('400 for a body that is not JSON', async () => {
    const response = await raw(h.emulator, 'PUT', '/rest/api/3/issue/FOOD-1', { app: true, body: '{"fields": ' });
    expect(response.status).toBe(400);
    expect(errorsOf(response.json).errorMessages[0]).toMatch(/not valid JSON/);
  });

  it('400 for a search payload Jira would not take', async () => {
    const response = await raw(h.emulator, 'POST', '/rest/api/3/search/jql', { app: true, body: '{"jql":"project = FOOD","startAt":5}' });
    expect(response.status).toBe(400);
    expect(errorsOf(response.json).errorMessages).toEqual(['Invalid request payload. Refer to the REST API documentation and try again.']);
  });

  it('answers GET search/jql with query parameters', async () => {
    const response = await raw(h.emulator, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = OPS ORDER BY key')}&fields=summary,status&maxResults=1`, { user: 'carol' });
    expect(response.status).toBe(200);
    const body = response.json as { issues: { key: string; fields: Record<string, unknown> }[]; isLast: boolean; nextPageToken: string };
    expect(body.issues.map((i) => i.key)).toEqual(['OPS-1']);
    expect(Object.keys(body.issues[0]?.fields ?? {}).sort()).toEqual(['status', 'summary']);
    expect(body.isLast).toBe(false);
    const next = await raw(h.emulator, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = OPS ORDER BY key')}&nextPageToken=${body.nextPageToken}`, { user: 'carol' });
    expect(next.json).toMatchObject({ issues: [{ key: 'OPS-2' }], isLast: true });
  });

  it('clamps maxResults: 0 reads as 1', async () => {
    const body = (await raw(h.emulator, 'POST', '/rest/api/3/search/jql', { app: true, body: '{"jql":"project = FOOD","maxResults":0}' })).json;
    expect(body).toMatchObject({ issues: [{ key: 'FOOD-1' }], isLast: false });
  });
});

describe('page tokens', () => {
  it('expire', async () => {
    const first = (await raw(h.emulator, 'POST', '/rest/api/3/search/jql', { app: true, body: JSON.stringify({ jql: 'project = FOOD', maxResults: 2 }) })).json as { nextPageToken: string };
    clock += 11 * 60 * 1000;
    const late = await raw(h.emulator, 'POST', '/rest/api/3/search/jql', { app: true, body: JSON.stringify({ jql: 'project = FOOD', maxResults: 2, nextPageToken: first.nextPageToken }) });
    expect(late.status).toBe(400);
    expect(errorsOf(late.json).errorMessages[0]).toMatch(/expired/);
  });

  it('reach the client as a JiraError 400', async () => {
    const client = createJiraClient(emulatorTransport(h.emulator.url, { asApp: true }));
    const page = await client.searchJql({ jql: 'project = FOOD', maxResults: 2 });
    clock += 11 * 60 * 1000;
    await expect(client.searchJql({ jql: 'project = FOOD', nextPageToken: page.nextPageToken as string })).rejects.toMatchObject({
      status: 400,
      code: 'bad-request',
      message: expect.stringMatching(/nextPageToken has expired/),
    });
  });
});

describe('edits', () => {
  const put = (key: string, body: unknown, user = 'alice') => raw(h.emulator, 'PUT', `/rest/api/3/issue/${key}`, { user, body: JSON.stringify(body) });

  // Each body pairs a valid change with an invalid one: neither may be applied.
  it.each([
    ['an empty summary', { fields: { summary: ' ', labels: ['fine'] } }, { summary: 'You must specify a summary of the issue.' }],
    ['a description that is not ADF', { fields: { summary: 'Fine', description: 'plain text' } }, { description: expect.stringMatching(/Atlassian Document/) }],
    ['a label with spaces', { fields: { summary: 'Fine', labels: ['two words'] } }, { labels: "The label 'two words' contains spaces which is invalid." }],
    ['story points as text', { fields: { summary: 'Fine', customfield_10016: 'five' } }, { customfield_10016: 'Operation value must be a number.' }],
    ['a status', { fields: { summary: 'Fine', status: { name: 'Done' } } }, { status: "Field 'status' cannot be set. It is not on the appropriate screen, or unknown." }],
    ['an unknown update operation', { fields: { summary: 'Fine' }, update: { labels: [{ add: 'ok' }, { rename: 'x' }] } }, { labels: expect.stringMatching(/not supported/) }],
    ['a field in fields and update', { fields: { labels: [] }, update: { labels: [{ add: 'x' }] } }, { labels: expect.stringMatching(/both/) }],
  ])('refuses %s and changes nothing', async (_, body, errors) => {
    const before = h.emulator.store.snapshot();
    const response = await put('FOOD-2', body);
    expect(response.status).toBe(400);
    expect(errorsOf(response.json).errors).toMatchObject(errors);
    expect(h.emulator.store.snapshot()).toEqual(before);
  });

  it('applies a valid edit and moves `updated`', async () => {
    const response = await put('FOOD-2', { fields: { description: { type: 'doc', version: 1, content: [] } }, update: { summary: [{ set: 'As a diner, I want to reorder' }] } });
    expect(response.status).toBe(204);
    const issue = h.emulator.store.find('FOOD-2');
    expect(issue).toMatchObject({ summary: 'As a diner, I want to reorder', description: { type: 'doc', version: 1, content: [] }, updated: new Date(clock).toISOString() });
  });

  it('leaves `updated` alone when nothing changes', async () => {
    const before = h.emulator.store.find('FOOD-6')?.updated;
    clock += 1000;
    expect((await put('FOOD-6', { fields: { labels: ['mobile'] } })).status).toBe(204);
    expect(h.emulator.store.find('FOOD-6')?.updated).toBe(before);
  });

  it('applies concurrent edits one after the other, losing none', async () => {
    const labels = Array.from({ length: 12 }, (_, i) => `concurrent-${i}`);
    const responses = await Promise.all([
      ...labels.map((label) => put('FOOD-4', { update: { labels: [{ add: label }] } })),
      put('FOOD-4', { fields: { summary: 'Cache the menu so that diners see it quickly' } }),
      raw(h.emulator, 'PUT', '/rest/api/3/issue/FOOD-4/properties/concurrent', { user: 'alice', body: '{"n": 1}' }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([...labels.map(() => 204), 204, 201]);
    const issue = h.emulator.store.find('FOOD-4');
    expect(issue?.labels).toEqual(expect.arrayContaining(['backend', 'tech-debt', ...labels]));
    expect(issue?.summary).toBe('Cache the menu so that diners see it quickly');
    expect(issue?.properties.concurrent).toEqual({ n: 1 });
  });
});

describe('creating issues', () => {
  const post = (body: unknown, user = 'bob') => raw(h.emulator, 'POST', '/rest/api/3/issue', { user, body: JSON.stringify(body) });

  it('answers 201 {id, key, self}', async () => {
    const response = await post({ fields: { project: { id: '10000' }, issuetype: { id: '10004' }, summary: 'Show the reorder button', parent: { key: 'FOOD-2' } } });
    expect(response.status).toBe(201);
    const body = response.json as { id: string; key: string; self: string };
    expect(body).toEqual({ id: expect.stringMatching(/^\d+$/), key: expect.stringMatching(/^FOOD-\d+$/), self: `${h.emulator.url}/rest/api/3/issue/${body.id}` });
    expect(h.emulator.store.find(body.key)).toMatchObject({ issueType: 'Subtask', parent: 'FOOD-2', reporter: 'bob', status: 'To Do' });
  });

  it.each([
    ['a project the user cannot see', { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'x' }, 'project'],
    ['no summary', { project: { key: 'FOOD' }, issuetype: { name: 'Task' } }, 'summary'],
    ['an unknown type', { project: { key: 'FOOD' }, issuetype: { name: 'Feature' }, summary: 'x' }, 'issuetype'],
    ['a subtask without parent', { project: { key: 'FOOD' }, issuetype: { name: 'Subtask' }, summary: 'x' }, 'parent'],
    ['a story under a story', { project: { key: 'FOOD' }, issuetype: { name: 'Story' }, summary: 'x', parent: { key: 'FOOD-3' } }, 'parent'],
    ['a restricted parent', { project: { key: 'FOOD' }, issuetype: { name: 'Subtask' }, summary: 'x', parent: { key: 'FOOD-5' } }, 'parent'],
    ['an unknown field', { project: { key: 'FOOD' }, issuetype: { name: 'Task' }, summary: 'x', priority: { name: 'High' } }, 'priority'],
  ])('refuses %s', async (_, fields, field) => {
    const count = h.emulator.store.issues().length;
    const response = await post({ fields });
    expect(response.status).toBe(400);
    expect(Object.keys(errorsOf(response.json).errors)).toContain(field);
    expect(h.emulator.store.issues().length).toBe(count);
  });
});

describe('links', () => {
  const link = (body: unknown) => raw(h.emulator, 'POST', '/rest/api/3/issueLink', { user: 'alice', body: JSON.stringify(body) });

  it('refuses an unknown type, a self link and a missing issue', async () => {
    expect((await link({ type: { name: 'Causes' }, inwardIssue: { key: 'FOOD-1' }, outwardIssue: { key: 'FOOD-2' } })).status).toBe(404);
    expect((await link({ type: { name: 'Relates' }, inwardIssue: { key: 'FOOD-1' }, outwardIssue: { key: 'FOOD-1' } })).status).toBe(400);
    expect((await link({ type: { name: 'Relates' }, inwardIssue: { key: 'FOOD-1' }, outwardIssue: { key: 'FOOD-404' } })).status).toBe(404);
  });
});

describe('properties', () => {
  const url = (key: string, property: string) => `/rest/api/3/issue/${key}/properties/${encodeURIComponent(property)}`;

  it('answers 201 when created, 200 when replaced, and lists keys', async () => {
    expect((await raw(h.emulator, 'PUT', url('OPS-1', 'p'), { user: 'carol', body: '"first"' })).status).toBe(201);
    expect((await raw(h.emulator, 'PUT', url('OPS-1', 'p'), { user: 'carol', body: '["second"]' })).status).toBe(200);
    expect((await raw(h.emulator, 'GET', url('OPS-1', 'p'), { user: 'carol' })).json).toEqual({ key: 'p', value: ['second'] });
    expect((await raw(h.emulator, 'GET', '/rest/api/3/issue/OPS-1/properties', { user: 'carol' })).json).toMatchObject({ keys: [{ key: 'p' }] });
  });

  it('refuses values over 32 KB and keys over 255 characters, as Jira does', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(33 * 1024) });
    const tooBig = await raw(h.emulator, 'PUT', url('OPS-1', 'big'), { user: 'carol', body: big });
    expect(tooBig.status).toBe(400);
    expect(errorsOf(tooBig.json).errorMessages[0]).toMatch(/too large/);
    const fits = JSON.stringify({ text: 'x'.repeat(32 * 1024 - 20) });
    expect((await raw(h.emulator, 'PUT', url('OPS-1', 'fits'), { user: 'carol', body: fits })).status).toBe(201);
    expect((await raw(h.emulator, 'PUT', url('OPS-1', 'k'.repeat(256)), { user: 'carol', body: '1' })).status).toBe(400);
    expect((await raw(h.emulator, 'PUT', url('OPS-1', 'empty'), { user: 'carol', body: '' })).status).toBe(400);
    expect(h.emulator.store.find('OPS-1')?.properties).not.toHaveProperty('big');
  });

  it('404 for a property that is not set', async () => {
    const response = await raw(h.emulator, 'GET', url('OPS-1', 'nothing'), { user: 'carol' });
    expect(response.status).toBe(404);
    expect(errorsOf(response.json).errorMessages).toEqual(["The property with key 'nothing' does not exist."]);
    expect((await raw(h.emulator, 'DELETE', url('OPS-1', 'nothing'), { user: 'carol' })).status).toBe(404);
  });
});

describe('fields', () => {
  it('lists system and custom fields in Jira’s shape', async () => {
    const fields = (await raw(h.emulator, 'GET', '/rest/api/3/field', { user: 'bob' })).json as { id: string; custom: boolean; schema: Record<string, unknown> }[];
    expect(fields.find((f) => f.id === 'summary')).toMatchObject({ custom: false, schema: { type: 'string', system: 'summary' } });
    expect(fields.find((f) => f.id === 'customfield_10016')).toMatchObject({
      name: 'Story point estimate',
      custom: true,
      schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', customId: 10016 },
    });
  });
});

describe('faults', () => {
  it('answers every n-th request 429 with Retry-After', async () => {
    h.emulator.faults.set({ rateLimit: { every: 2, retryAfterSeconds: 7 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await raw(h.emulator, 'GET', '/rest/api/3/field', { user: 'bob' });
      statuses.push(response.status);
      if (response.status === 429) expect(response.headers.get('retry-after')).toBe('7');
    }
    expect(statuses).toEqual([200, 429, 200, 429]);
  });

  it('answers a burst of 5xx, then recovers', async () => {
    h.emulator.faults.set({ status5xx: { count: 2, status: 504 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await raw(h.emulator, 'GET', '/rest/api/3/field', { user: 'bob' })).status);
    expect(statuses).toEqual([504, 504, 200]);
  });

  it('refuses nonsense configurations', () => {
    expect(() => h.emulator.faults.set({ rateLimit: { every: 0 } })).toThrow(/every/);
    expect(() => h.emulator.faults.set({ status5xx: { count: 1, status: 404 } })).toThrow(/5xx/);
  });
});
