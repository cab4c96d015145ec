/** A preview server over a fake Jira and a throw-away static folder: no emulator, no Vite build. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JiraClient } from '../../../src/jira/types';
import type { PreviewBackend } from '../../../src/preview/host/backend';
import { startPreviewServer, type PreviewServer } from '../../../src/preview/host/server';
import { createInProcessQueue } from '../../../src/preview/queue/in-process';
import { createFileStore } from '../../../src/preview/store/file-store';

export const ALICE = 'acc-alice';
export const BOB = 'acc-bob';

export function fakeJira(accountId: string): JiraClient {
  const admin = accountId === ALICE;
  const notUsed = async (): Promise<never> => {
    throw new Error('not used in these tests');
  };
  return {
    searchJql: async () => ({ issues: [{ id: '1', key: 'FOOD-1', fields: { summary: '<b>not bold</b>', issuetype: { name: 'Story' }, status: { name: 'To Do' } } }], isLast: true }),
    bulkFetchIssues: notUsed,
    createMetaIssueTypes: notUsed,
    createMetaFields: notUsed,
    getIssue: async (key) => ({ id: '10007', key, fields: { issuetype: { name: 'Story', id: '10001' }, project: { key: 'FOOD' } } }),
    editIssue: notUsed,
    createIssue: notUsed,
    addComment: notUsed,
    getIssueProperty: async () => null,
    setIssueProperty: notUsed,
    getProjectProperty: async () => null,
    getTransitions: notUsed,
    transitionIssue: notUsed,
    setProjectProperty: async () => undefined,
    deleteIssueProperty: notUsed,
    getFields: async () => [],
    createIssueLink: notUsed,
    myPermissions: async () => ({ BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: admin, EDIT_ISSUES: admin }),
  };
}

export function fakeBackend(readOnlyReason: string | null = null): PreviewBackend {
  return {
    mode: readOnlyReason ? 'site' : 'emulator',
    description: readOnlyReason ? 'https://example.atlassian.net' : 'fake Jira',
    users: [
      { accountId: ALICE, displayName: 'Alice', summary: 'admin' },
      { accountId: BOB, displayName: 'Bob', summary: 'member' },
    ],
    projects: [{ key: 'FOOD', id: '10000', name: 'Food' }],
    asUser: (accountId) => fakeJira(accountId),
    asApp: () => fakeJira(ALICE),
    readOnlyReason,
    close: async () => undefined,
  };
}

export interface Fixture {
  dir: string;
  staticRoot: string;
  pageRoot: string;
  server: PreviewServer;
  url(p: string): string;
  stop(): Promise<void>;
}

export const APP_HTML =
  '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n    <title>Panel</title>\n    <script type="module" crossorigin src="./assets/index-abc.js"></script>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';

export async function startFixture(options: { readOnlyReason?: string | null; port?: number; onReset?: () => void } = {}): Promise<Fixture> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'story-health-host-'));
  const staticRoot = path.join(dir, 'static');
  const pageRoot = path.join(dir, 'page', 'dist');
  const dists = [...['panel', 'report', 'settings'].map((app) => path.join(staticRoot, app, 'dist')), pageRoot];
  for (const dist of dists) {
    await mkdir(path.join(dist, 'assets'), { recursive: true });
    await writeFile(path.join(dist, 'index.html'), dist === pageRoot ? '<!doctype html><title>Host</title>' : APP_HTML);
    await writeFile(path.join(dist, 'assets', 'index-abc.js'), 'console.log("app");');
    await writeFile(path.join(dist, 'assets', 'index-abc.css'), 'body{}');
    await writeFile(path.join(dist, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(path.join(dist, 'assets', 'data.bin'), 'raw');
  }
  await writeFile(path.join(staticRoot, 'panel', 'dist', '.env'), 'SECRET=1');
  await writeFile(path.join(dir, 'secret.txt'), 'top secret');
  await symlink(path.join(dir, 'secret.txt'), path.join(staticRoot, 'panel', 'dist', 'assets', 'escape.txt'));
  const store = await createFileStore(path.join(dir, 'store.json'));
  const backend = fakeBackend(options.readOnlyReason ?? null);
  const onReset = options.onReset;
  if (onReset) backend.reset = async () => onReset();
  const server = await startPreviewServer({
    backend,
    store,
    queue: createInProcessQueue(),
    staticRoot,
    pageRoot,
    port: options.port ?? 0,
  });
  return {
    dir,
    staticRoot,
    pageRoot,
    server,
    url: (p) => new URL(p, server.url).toString(),
    async stop() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** What the host's own pages send with every API call: the token and, for a POST, this origin and JSON. */
export function pageHeaders(server: PreviewServer, method: 'GET' | 'POST' = 'POST'): Record<string, string> {
  const token = { 'X-Story-Health-Preview-Token': server.token };
  return method === 'GET' ? token : { ...token, Origin: new URL(server.url).origin, 'Content-Type': 'application/json' };
}

export interface RawResponse {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw HTTP GET that keeps the path exactly as written (fetch would normalize `..`). */
export async function rawGet(server: PreviewServer, rawPath: string): Promise<RawResponse> {
  return rawRequest(server, { path: rawPath });
}

/** A raw HTTP request with exactly these headers (fetch would set Host itself). */
export async function rawRequest(server: PreviewServer, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'GET', headers: options.headers ?? {}, setHost: options.headers?.Host === undefined }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
