/**
 * The preview runs the save trigger as Forge would: an edit by a person fires it, it stores the
 * `storyHealth` property, the JQL aliases find the issue; the app's own edits fire nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { startLocalPreview, type LocalPreview } from '../../../src/preview/host/local';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BOB = '5f3c9a1e7b2d4c0069a1e305';
let preview: LocalPreview;
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'story-health-triggers-'));
  preview = await startLocalPreview({ root: ROOT, workDir, port: 0, fresh: true, build: false });
});
afterAll(async () => {
  await preview.close();
  await rm(workDir, { recursive: true, force: true });
});

async function jira(method: string, pathname: string, who: Record<string, string>, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(new URL(pathname, preview.emulatorUrl), {
    method,
    headers: { ...who, 'content-type': 'application/json', accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

test('a person saving a story fires the trigger; the property and the JQL alias find it', async () => {
  const before = await jira('GET', '/rest/api/3/issue/FOOD-14/properties/storyHealth', { 'x-emulator-app': 'true' });
  expect(before.status).toBe(404);
  const edit = await jira('PUT', '/rest/api/3/issue/FOOD-14', { 'x-emulator-user': BOB }, { fields: { summary: 'Photo upload for reviews' } });
  expect(edit.status).toBe(204);
  await preview.triggersIdle();
  const property = await jira('GET', '/rest/api/3/issue/FOOD-14/properties/storyHealth', { 'x-emulator-app': 'true' });
  expect(property.status).toBe(200);
  expect((property.json as { value: { ruleIds: string[] } }).value.ruleIds).toContain('missing-role');
  const search = await jira('POST', '/rest/api/3/search/jql', { 'x-emulator-user': BOB }, { jql: 'project = FOOD AND storyHealthRule = "missing-role"', fields: ['summary'] });
  expect((search.json as { issues: { key: string }[] }).issues.map((i) => i.key)).toContain('FOOD-14');
});

test('the app\'s own edits do not fire it (ignoreSelf)', async () => {
  const edit = await jira('PUT', '/rest/api/3/issue/FOOD-15', { 'x-emulator-app': 'true' }, { fields: { summary: 'REST API for photo upload (edited by the app)' } });
  expect(edit.status).toBe(204);
  await preview.triggersIdle();
  const property = await jira('GET', '/rest/api/3/issue/FOOD-15/properties/storyHealth', { 'x-emulator-app': 'true' });
  expect(property.status).toBe(404);
});
