/**
 * What a real site does that the default fixture does not: a project whose sub-task type is
 * "Sub-task", two story points fields assigned per project, a browse-only user, the spec's 404s,
 * bulk fetch, error messages in another language, and a search index that lags behind writes.
 */
import path from 'node:path';
import { raw, startEmulator, type Harness } from './harness';

const REAL_SITE = path.join(__dirname, '..', '..', 'fixtures', 'app', 'real-site.json');

let h: Harness;
afterEach(async () => {
  await h.stop();
});

const json = (body: unknown) => JSON.stringify(body);
const start = (options: Parameters<typeof startEmulator>[0] = {}) => startEmulator({ projectFile: REAL_SITE, ...options });

describe('issue types per project', () => {
  beforeEach(async () => {
    h = await start();
  });

  it('names the sub-task type as the project does, and pages the create metadata', async () => {
    const corp = await raw(h.emulator, 'GET', '/rest/api/3/issue/createmeta/CORP/issuetypes', { user: 'eli' });
    expect(corp.status).toBe(200);
    const types = (corp.json as { issueTypes: { id: string; name: string; subtask: boolean }[]; total: number }).issueTypes;
    expect(types.filter((t) => t.subtask).map((t) => t.name)).toEqual(['Sub-task']);
    const team = await raw(h.emulator, 'GET', '/rest/api/3/issue/createmeta/TEAM/issuetypes?startAt=4&maxResults=1', { user: 'eli' });
    expect(team.json).toMatchObject({ issueTypes: [{ name: 'Subtask', subtask: true }], startAt: 4, maxResults: 1, total: 5 });
  });

  it('gives a browse-only user no types to create, and 404 for a project one cannot browse', async () => {
    const viewer = await raw(h.emulator, 'GET', '/rest/api/3/issue/createmeta/CORP/issuetypes', { user: 'finn' });
    expect(viewer.json).toMatchObject({ issueTypes: [], total: 0 });
    expect((await raw(h.emulator, 'GET', '/rest/api/3/issue/createmeta/TEAM/issuetypes', { user: 'finn' })).status).toBe(404);
    expect((await raw(h.emulator, 'GET', '/rest/api/3/project/TEAM', { user: 'finn' })).status).toBe(404);
    const project = await raw(h.emulator, 'GET', '/rest/api/3/project/CORP', { user: 'finn' });
    expect(project.json).toMatchObject({ key: 'CORP', style: 'classic', issueTypes: expect.arrayContaining([expect.objectContaining({ name: 'Sub-task', subtask: true })]) });
  });

  it('creates a sub-task only under the name the project uses (or its id)', async () => {
    const create = (issuetype: unknown) =>
      raw(h.emulator, 'POST', '/rest/api/3/issue', { user: 'eli', body: json({ fields: { project: { key: 'CORP' }, issuetype, parent: { key: 'CORP-1' }, summary: 'Wire the scanner' } }) });
    const wrong = await create({ name: 'Subtask' });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({ errors: { issuetype: expect.any(String) } });
    expect((await create({ name: 'Sub-task' })).status).toBe(201);
    const types = (await raw(h.emulator, 'GET', '/rest/api/3/issue/createmeta/CORP/issuetypes', { user: 'eli' })).json as { issueTypes: { id: string; subtask: boolean }[] };
    const id = types.issueTypes.find((t) => t.subtask)!.id;
    const byId = await create({ id });
    expect(byId.status).toBe(201);
    const created = await raw(h.emulator, 'GET', `/rest/api/3/issue/${(byId.json as { key: string }).key}?fields=issuetype`, { user: 'eli' });
    expect(created.json).toMatchObject({ fields: { issuetype: { name: 'Sub-task', subtask: true } } });
  });
});

describe('story points per project', () => {
  beforeEach(async () => {
    h = await start();
  });

  it('keeps each project’s estimates in its own field; the other field is empty and cannot be set', async () => {
    const fields = (await raw(h.emulator, 'GET', '/rest/api/3/field', { user: 'eli' })).json as { id: string; name: string }[];
    expect(fields.filter((f) => /story point/i.test(f.name)).map((f) => f.id)).toEqual(['customfield_10016', 'customfield_10028']);
    const corp = await raw(h.emulator, 'GET', '/rest/api/3/issue/CORP-1?fields=customfield_10016,customfield_10028', { user: 'eli' });
    expect(corp.json).toMatchObject({ fields: { customfield_10016: null, customfield_10028: 3 } });
    const team = await raw(h.emulator, 'GET', '/rest/api/3/issue/TEAM-1?fields=customfield_10016,customfield_10028', { user: 'eli' });
    expect(team.json).toMatchObject({ fields: { customfield_10016: 2, customfield_10028: null } });
    const wrongField = await raw(h.emulator, 'PUT', '/rest/api/3/issue/CORP-1', { user: 'eli', body: json({ fields: { customfield_10016: 8 } }) });
    expect(wrongField.status).toBe(400);
    expect(wrongField.json).toMatchObject({ errors: { customfield_10016: expect.stringContaining('cannot be set') } });
    expect((await raw(h.emulator, 'PUT', '/rest/api/3/issue/CORP-1', { user: 'eli', body: json({ fields: { customfield_10028: 8 } }) })).status).toBe(204);
    const search = await raw(h.emulator, 'POST', '/rest/api/3/search/jql', { user: 'eli', body: json({ jql: '"Story Points" = 8' }) });
    expect((search.json as { issues: { key: string }[] }).issues.map((i) => i.key)).toEqual(['CORP-1']);
  });

  it('lists the project’s own story points field on its create screen', async () => {
    const fieldsOf = async (project: string) => {
      const r = await raw(h.emulator, 'GET', `/rest/api/3/issue/createmeta/${project}/issuetypes/10001`, { user: 'eli' });
      return (r.json as { fields: { fieldId: string }[] }).fields.map((f) => f.fieldId);
    };
    expect(await fieldsOf('CORP')).toContain('customfield_10028');
    expect(await fieldsOf('CORP')).not.toContain('customfield_10016');
    expect(await fieldsOf('TEAM')).toContain('customfield_10016');
    expect((await raw(h.emulator, 'GET', '/rest/api/3/issue/createmeta/TEAM/issuetypes/999', { user: 'eli' })).status).toBe(404);
  });
});

describe('a browse-only user, and the statuses the spec gives', () => {
  beforeEach(async () => {
    h = await start();
  });

  it('may read, and gets 400 / 403 / 404 exactly where the spec says for what they may not do', async () => {
    expect((await raw(h.emulator, 'GET', '/rest/api/3/issue/CORP-1', { user: 'finn' })).status).toBe(200);
    const perms = await raw(h.emulator, 'GET', '/rest/api/3/mypermissions?projectKey=CORP&permissions=BROWSE_PROJECTS,EDIT_ISSUES,LINK_ISSUES,CREATE_ISSUES', { user: 'finn' });
    expect(perms.json).toMatchObject({
      permissions: { BROWSE_PROJECTS: { havePermission: true }, EDIT_ISSUES: { havePermission: false }, LINK_ISSUES: { havePermission: false }, CREATE_ISSUES: { havePermission: false } },
    });
    // Edit issue: 400, the fields "cannot be set".
    const edit = await raw(h.emulator, 'PUT', '/rest/api/3/issue/CORP-1', { user: 'finn', body: json({ fields: { summary: 'x' } }) });
    expect(edit.status).toBe(400);
    expect(edit.json).toMatchObject({ errors: { summary: expect.any(String) } });
    // Set property: 403; delete property: 404; link: 404; create: 400.
    expect((await raw(h.emulator, 'PUT', '/rest/api/3/issue/CORP-1/properties/p', { user: 'finn', body: json({ a: 1 }) })).status).toBe(403);
    await raw(h.emulator, 'PUT', '/rest/api/3/issue/CORP-1/properties/p', { user: 'eli', body: json({ a: 1 }) });
    expect((await raw(h.emulator, 'DELETE', '/rest/api/3/issue/CORP-1/properties/p', { user: 'finn' })).status).toBe(404);
    expect((await raw(h.emulator, 'GET', '/rest/api/3/issue/CORP-1/properties/p', { user: 'finn' })).status).toBe(200);
    const link = await raw(h.emulator, 'POST', '/rest/api/3/issueLink', { user: 'finn', body: json({ type: { name: 'Relates' }, inwardIssue: { key: 'CORP-1' }, outwardIssue: { key: 'CORP-4' } }) });
    expect(link.status).toBe(404);
    const create = await raw(h.emulator, 'POST', '/rest/api/3/issue', { user: 'finn', body: json({ fields: { project: { key: 'CORP' }, issuetype: { name: 'Story' }, summary: 'x' } }) });
    expect(create.status).toBe(400);
  });
});

describe('bulk fetch', () => {
  beforeEach(async () => {
    h = await start();
  });

  it('returns the issues the caller may see, in id order, and silently leaves out the rest', async () => {
    const fetch = (user: string, keys: string[]) => raw(h.emulator, 'POST', '/rest/api/3/issue/bulkfetch', { user, body: json({ issueIdsOrKeys: keys, fields: ['summary'] }) });
    const eli = await fetch('eli', ['CORP-4', 'CORP-3', 'CORP-1', 'CORP-99', 'corp-1']);
    expect(eli.status).toBe(200);
    expect(eli.json).toMatchObject({ issueErrors: [] });
    expect((eli.json as { issues: { key: string; fields: object }[] }).issues.map((i) => i.key)).toEqual(['CORP-1', 'CORP-4']);
    const dana = await fetch('dana', ['CORP-4', 'CORP-3']);
    expect((dana.json as { issues: { key: string }[] }).issues.map((i) => i.key)).toEqual(['CORP-3', 'CORP-4']);
    expect((await fetch('eli', [])).status).toBe(400);
    expect((await fetch('eli', Array.from({ length: 101 }, (_, i) => `CORP-${i + 1}`))).status).toBe(400);
  });
});

describe('error messages in the caller’s language', () => {
  it('answers in German: no English sentence reaches the client, the structure stays', async () => {
    h = await start({ language: 'de' });
    const missing = await raw(h.emulator, 'GET', '/rest/api/3/issue/CORP-99', { user: 'eli' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-language')).toBe('de');
    expect(missing.json).toEqual({ errorMessages: ['Der Vorgang existiert nicht, oder Sie haben keine Berechtigung, ihn anzuzeigen.'], errors: {} });
    const property = await raw(h.emulator, 'GET', '/rest/api/3/issue/CORP-1/properties/nothing', { user: 'eli' });
    expect(property.status).toBe(404);
    expect(property.text).not.toMatch(/does not exist|property with key/i);
    const jql = await raw(h.emulator, 'POST', '/rest/api/3/search/jql', { user: 'eli', body: json({ jql: 'key in (CORP-1, CORP-3)' }) });
    expect(jql.status).toBe(400);
    expect(jql.text).toContain('CORP-3');
    expect(jql.text).not.toMatch(/does not exist/);
    const fields = await raw(h.emulator, 'PUT', '/rest/api/3/issue/CORP-1', { user: 'eli', body: json({ fields: { flavour: 'x' } }) });
    expect(fields.json).toMatchObject({ errors: { flavour: expect.stringMatching(/^Das Feld 'flavour'/) } });
    expect((await raw(h.emulator, 'GET', '/rest/api/3/nothing', { user: 'eli' })).text).not.toMatch(/No resource/);
  });
});

describe('search lags behind writes', () => {
  const keys = async (body: unknown, user = 'eli') => ((await raw(h.emulator, 'POST', '/rest/api/3/search/jql', { user, body: json(body) })).json as { issues: { key: string; id: string; fields: { summary?: string } }[] }).issues;

  it('misses a change for N searches unless reconcileIssues names the issue', async () => {
    h = await start({ indexLag: { searches: 2 } });
    await raw(h.emulator, 'PUT', '/rest/api/3/issue/TEAM-2', { user: 'eli', body: json({ fields: { summary: 'As a team lead, I want to share a holiday calendar, so that planning is easy.' } }) });
    const id = (await raw(h.emulator, 'GET', '/rest/api/3/issue/TEAM-2', { user: 'eli' })).json as { id: string };
    expect(h.emulator.searchIndex.lagging()).toEqual(['TEAM-2']);
    // Stale: matched and shown as it was.
    const stale = await keys({ jql: 'project = TEAM AND summary ~ "export"', fields: ['summary'] });
    expect(stale.map((i) => i.fields.summary)).toEqual(['As a team lead, I want to export approved leave to my calendar, so that I see who is away.']);
    // Reconciled: as it is now.
    expect(await keys({ jql: 'project = TEAM AND summary ~ "export"', reconcileIssues: [Number(id.id)] })).toEqual([]);
    expect((await keys({ jql: 'project = TEAM AND summary ~ "share"' })).map((i) => i.key)).toEqual(['TEAM-2']);
    expect(h.emulator.searchIndex.lagging()).toEqual([]);
  });

  it('does not find a new issue until the lag has passed (by the emulator clock)', async () => {
    let t = 1_700_000_000_000;
    h = await start({ indexLag: { ms: 1000 }, now: () => t });
    const created = await raw(h.emulator, 'POST', '/rest/api/3/issue', { user: 'eli', body: json({ fields: { project: { key: 'TEAM' }, issuetype: { name: 'Story' }, summary: 'As a team member, I want to cancel my leave, so that I can work.' } }) });
    const { key, id } = created.json as { key: string; id: string };
    expect((await keys({ jql: 'project = TEAM' })).map((i) => i.key)).not.toContain(key);
    expect((await keys({ jql: 'project = TEAM', reconcileIssues: [Number(id)] })).map((i) => i.key)).toContain(key);
    t += 1000;
    expect((await keys({ jql: 'project = TEAM' })).map((i) => i.key)).toContain(key);
    expect((await raw(h.emulator, 'POST', '/rest/api/3/search/jql', { user: 'eli', body: json({ jql: 'project = TEAM', reconcileIssues: Array.from({ length: 51 }, (_, i) => i + 1) }) })).status).toBe(400);
  });
});
