import { createServer, type Server } from 'node:net';
import { CONTEXT_ELEMENT_ID } from '../../../src/preview/host/bridge-shim';
import { PortInUseError, startPreviewServer } from '../../../src/preview/host/server';
import { createInProcessQueue } from '../../../src/preview/queue/in-process';
import { createFileStore } from '../../../src/preview/store/file-store';
import { ALICE, BOB, fakeBackend, pageHeaders, rawGet, startFixture, type Fixture } from './fixtures';

let fx: Fixture;

beforeAll(async () => {
  fx = await startFixture();
});

afterAll(async () => {
  await fx.stop();
});

async function bridge(body: unknown, raw = false): Promise<{ status: number; json: unknown }> {
  const response = await fetch(fx.url('/api/bridge'), {
    method: 'POST',
    headers: pageHeaders(fx.server),
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

const call = (functionKey: string, payload: unknown, accountId = ALICE) => bridge({ app: 'settings', functionKey, payload, context: { accountId, projectKey: 'FOOD' } });

describe('POST /api/bridge', () => {
  it('runs the real resolver and returns its envelope', async () => {
    const { status, json } = await call('settings/get', { projectKey: 'FOOD' });
    expect(status).toBe(200);
    expect(json).toMatchObject({ ok: true, data: { canEdit: true, settings: { preset: 'recommended' } } });
  });

  it('runs as the user in the context: permissions apply', async () => {
    expect((await call('settings/get', { projectKey: 'FOOD' }, BOB)).json).toMatchObject({ ok: true, data: { canEdit: false } });
    expect((await call('settings/set', { projectKey: 'FOOD', settings: {} }, BOB)).json).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers an unknown function with an envelope error', async () => {
    const { status, json } = await call('panel/does-not-exist', {});
    expect(status).toBe(200);
    expect(json).toEqual({ ok: false, error: { code: 'invalid-payload', message: 'Unknown resolver "panel/does-not-exist".' } });
  });

  it('answers an invalid payload with the field named', async () => {
    expect((await call('settings/get', { projectKey: 'not a key' })).json).toMatchObject({ ok: false, error: { code: 'invalid-payload', field: 'projectKey' } });
  });

  it.each([
    ['not JSON', '{"app":'],
    ['not an object', '[1,2]'],
    ['an unknown app', JSON.stringify({ app: 'admin', functionKey: 'settings/get', context: { accountId: ALICE } })],
    ['no function key', JSON.stringify({ app: 'panel', context: { accountId: ALICE } })],
    ['no context', JSON.stringify({ app: 'panel', functionKey: 'panel/analyze' })],
    ['an extra field', JSON.stringify({ app: 'panel', functionKey: 'panel/analyze', context: { accountId: ALICE }, admin: true })],
    ['a bad issue key', JSON.stringify({ app: 'panel', functionKey: 'panel/analyze', context: { accountId: ALICE, issueKey: '../x' } })],
  ])('refuses a malformed body (%s) with 400', async (_name, body) => {
    const { status, json } = await bridge(body, true);
    expect(status).toBe(400);
    expect(json).toEqual({ error: expect.stringMatching(/^Malformed request/) });
  });

  it('refuses an unknown user with 403', async () => {
    const { status, json } = await call('settings/get', { projectKey: 'FOOD' }, 'acc-mallory');
    expect(status).toBe(403);
    expect(json).toEqual({ error: 'Unknown user "acc-mallory".' });
  });

  it('refuses a body over 1 MB with 413 and other methods with 405', async () => {
    const big = await fetch(fx.url('/api/bridge'), { method: 'POST', headers: pageHeaders(fx.server), body: 'x'.repeat(1024 * 1024 + 1) });
    expect(big.status).toBe(413);
    const get = await fetch(fx.url('/api/bridge'), { headers: pageHeaders(fx.server, 'GET') });
    expect(get.status).toBe(405);
  });
});

describe('read-only site', () => {
  it('refuses a resolver that writes, naming --allow-writes', async () => {
    const site = await startFixture({ readOnlyReason: 'restart with --allow-writes to change issues' });
    try {
      const response = await fetch(site.url('/api/bridge'), {
        method: 'POST',
        headers: pageHeaders(site.server),
        body: JSON.stringify({
          app: 'panel',
          functionKey: 'panel/apply',
          payload: { issueKey: 'FOOD-1', expectedUpdated: 'x', summary: 'As a diner, I want …' },
          context: { accountId: ALICE, issueKey: 'FOOD-1' },
        }),
      });
      const json = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(json.ok).toBe(false);
      expect(json.error.code).toBe('forbidden');
      expect(json.error.message).toMatch(/read-only.*"panel\/apply".*--allow-writes/);
      // Reads still work.
      const read = await fetch(site.url('/api/bridge'), { method: 'POST', headers: pageHeaders(site.server), body: JSON.stringify({ app: 'settings', functionKey: 'settings/get', payload: { projectKey: 'FOOD' }, context: { accountId: ALICE } }) });
      expect(await read.json()).toMatchObject({ ok: true });
    } finally {
      await site.stop();
    }
  });
});

describe('static files', () => {
  it('serves the built assets with their content types and the security headers', async () => {
    for (const [file, type] of [
      ['/apps/panel/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['/apps/settings/assets/index-abc.css', 'text/css; charset=utf-8'],
      ['/apps/report/assets/logo.svg', 'image/svg+xml'],
      ['/apps/report/assets/data.bin', 'application/octet-stream'],
      ['/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['/', 'text/html; charset=utf-8'],
    ]) {
      const response = await fetch(fx.url(file!));
      expect([file, response.status, response.headers.get('content-type')]).toEqual([file, 200, type]);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it.each([
    '/apps/panel/..%2f..%2f..%2fsecret.txt',
    '/apps/panel/assets/..%2f..%2f..%2f..%2fsecret.txt',
    '/apps/panel/%2e%2e/%2e%2e/%2e%2e/secret.txt',
    '/apps/panel/../../../secret.txt',
    '/..%2fsecret.txt',
    '/apps/panel/assets/escape.txt',
    '/apps/panel/.env',
    '/apps/panel/assets/..%5c..%5csecret.txt',
  ])('never serves a file outside the app folders: %s', async (p) => {
    const response = await rawGet(fx.server, p);
    expect([400, 403, 404]).toContain(response.status);
    expect(response.body).not.toContain('top secret');
    expect(response.body).not.toContain('SECRET');
  });

  it('answers unknown apps and API routes with 404', async () => {
    expect((await fetch(fx.url('/apps/admin/'))).status).toBe(404);
    expect((await fetch(fx.url('/api/nothing'), { headers: pageHeaders(fx.server, 'GET') })).status).toBe(404);
    expect((await fetch(fx.url('/nothing.js'))).status).toBe(404);
  });
});

describe('app pages', () => {
  it('injects the Forge context and the bridge shim before the bundle, under a CSP without external origins', async () => {
    const response = await fetch(fx.url(`/apps/panel/?user=${ALICE}&issue=FOOD-8&theme=dark`));
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/https?:|\*/);
    expect(csp).toContain("frame-ancestors 'self'");
    const html = await response.text();
    const shim = html.indexOf('<script src="/__preview/bridge-shim.js"></script>');
    const bundle = html.indexOf('<script type="module"');
    expect(shim).toBeGreaterThan(html.indexOf('<meta charset="utf-8" />'));
    expect(shim).toBeLessThan(bundle);
    const json = new RegExp(`<script type="application/json" id="${CONTEXT_ELEMENT_ID}">(.*?)</script>`).exec(html)![1]!;
    expect(JSON.parse(json)).toEqual({
      app: 'panel',
      bridgeUrl: '/api/bridge',
      token: fx.server.token,
      context: expect.objectContaining({
        accountId: ALICE,
        moduleKey: 'story-health-panel',
        theme: expect.objectContaining({ colorMode: 'dark' }),
        extension: { type: 'jira:issueContext', issue: { key: 'FOOD-8', id: '10007', type: 'Story', typeId: '10001' }, isNewToIssue: false, project: { key: 'FOOD', id: '10000', type: 'software' } },
      }),
    });
  });

  it('gives the settings and report pages the project context', async () => {
    for (const [app, type] of [
      ['settings', 'jira:projectSettingsPage'],
      ['report', 'jira:projectPage'],
    ]) {
      const html = await (await fetch(fx.url(`/apps/${app}/index.html?user=${BOB}&project=FOOD`))).text();
      expect(html).toContain(`"extension":{"type":"${type}","project":{"key":"FOOD","id":"10000","type":"software"}}`);
    }
  });

  it('refuses an unknown user or a malformed key', async () => {
    expect((await fetch(fx.url('/apps/panel/?user=nobody&issue=FOOD-1'))).status).toBe(400);
    expect((await fetch(fx.url(`/apps/panel/?user=${ALICE}&issue=<script>`))).status).toBe(400);
  });

  it('serves the shim as JavaScript', async () => {
    const response = await fetch(fx.url('/__preview/bridge-shim.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const code = await response.text();
    expect(() => new Function(code)).not.toThrow();
  });
});

describe('host API', () => {
  it('lists the session and the backlog as text fields', async () => {
    const headers = pageHeaders(fx.server, 'GET');
    const session = (await (await fetch(fx.url('/api/session'), { headers })).json()) as { users: { accountId: string }[] };
    expect(session.users.map((u) => u.accountId)).toEqual([ALICE, BOB]);
    const backlog = await (await fetch(fx.url(`/api/issues?user=${ALICE}&project=FOOD`), { headers })).json();
    expect(backlog).toEqual({ ok: true, issues: [{ key: 'FOOD-1', summary: '<b>not bold</b>', issueType: 'Story', status: 'To Do', storyPoints: null }] });
    expect((await fetch(fx.url('/api/issues?user=nobody&project=FOOD'), { headers })).status).toBe(400);
  });
});

describe('port in use', () => {
  let blocker: Server;
  let port: number;

  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    port = (blocker.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  });

  it('refuses with a message naming the port and --port', async () => {
    const start = startPreviewServer({ backend: fakeBackend(), store: await createFileStore(`${fx.dir}/other.json`), queue: createInProcessQueue(), staticRoot: fx.staticRoot, pageRoot: fx.pageRoot, port });
    await expect(start).rejects.toBeInstanceOf(PortInUseError);
    await expect(start).rejects.toThrow(new RegExp(`Port ${port} is already in use.*--port`));
  });
});
