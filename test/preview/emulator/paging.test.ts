/** search/jql page sizes on a generated backlog of 260 issues: default 50, 100 with fields, 5000 ids only. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createJiraClient } from '../../../src/jira/client';
import { emulatorTransport } from '../../../src/jira/transports';
import { createEmulator, type Emulator } from '../../../src/preview/emulator';
import type { SampleProjectFile } from '../../../src/preview/sample/schema';

let emulator: Emulator;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'story-health-paging-'));
  const project: SampleProjectFile = {
    fields: { storyPoints: { id: 'customfield_10028', name: 'Story Points' } },
    projects: [{ id: '20000', key: 'BIG', name: 'Big backlog' }],
    users: [
      { accountId: 'u1', displayName: 'One', emailAddress: 'one@example.test', projects: { BIG: 'member' }, securityLevels: [] },
      { accountId: 'u2', displayName: 'Two', emailAddress: 'two@example.test', projects: {}, securityLevels: [] },
    ],
    issues: Array.from({ length: 260 }, (_, i) => ({
      key: `BIG-${i + 1}`,
      issueType: 'Story' as const,
      summary: `As a user, I want feature ${i + 1}`,
      description: null,
      status: 'To Do' as const,
      storyPoints: i % 5,
      labels: [],
      links: [],
      reporter: 'u1',
      created: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      updated: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      properties: {},
    })),
  };
  const file = path.join(dir, 'project.json');
  await fs.writeFile(file, JSON.stringify(project));
  emulator = await createEmulator({ projectFile: file, workingCopy: path.join(dir, 'wc.json') });
});

afterAll(async () => {
  await emulator.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const client = () => createJiraClient(emulatorTransport(emulator.url, { accountId: 'u1' }));

it('defaults to 50 issues a page', async () => {
  expect((await client().searchJql({ jql: 'project = BIG' })).issues).toHaveLength(50);
});

it('caps a page with fields at 100', async () => {
  const page = await client().searchJql({ jql: 'project = BIG', fields: ['summary'], maxResults: 5000 });
  expect(page.issues).toHaveLength(100);
  expect(page.isLast).toBe(false);
});

it('returns up to 5000 when only ids are asked for', async () => {
  const page = await client().searchJql({ jql: 'project = BIG', maxResults: 5000 });
  expect(page.issues).toHaveLength(260);
  expect(page.isLast).toBe(true);
});

it('pages through everything exactly once, in order', async () => {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client().searchJql({ jql: 'project = BIG ORDER BY created DESC', fields: ['summary'], maxResults: 100, ...(token ? { nextPageToken: token } : {}) });
    keys.push(...page.issues.map((i) => i.key));
    token = page.isLast ? undefined : page.nextPageToken;
  } while (token);
  expect(keys).toHaveLength(260);
  expect(new Set(keys).size).toBe(260);
  expect(keys[0]).toBe('BIG-260');
  expect(keys.at(-1)).toBe('BIG-1');
});

it('finds the "Story Points" number field by its name in JQL', async () => {
  const page = await client().searchJql({ jql: '"Story Points" = 4', maxResults: 100 });
  expect(page.issues).toHaveLength(52);
});
