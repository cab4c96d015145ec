/**
 * The preview host refuses other sites: raw HTTP requests (exact Host, Origin and Content-Type
 * headers, as a hostile page or a rebound DNS name would send them) against a running host.
 * Each refusal is tested with a request that is right in every other respect.
 */
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { CONTEXT_ELEMENT_ID } from '../../../src/preview/host/bridge-shim';
import { startPreviewServer } from '../../../src/preview/host/server';
import { createInProcessQueue } from '../../../src/preview/queue/in-process';
import { createFileStore } from '../../../src/preview/store/file-store';
import { ALICE, fakeBackend, rawRequest, startFixture, type Fixture, type RawResponse } from './fixtures';

let fx: Fixture;
let resets = 0;

beforeAll(async () => {
  fx = await startFixture({ onReset: () => void resets++ });
});

afterAll(async () => {
  await fx.stop();
});

const own = () => `localhost:${fx.server.port}`;

/** What the host's own page sends; each test spoils one part. */
function pageRequest(headers: Record<string, string | undefined> = {}): Record<string, string> {
  const all: Record<string, string | undefined> = {
    Host: own(),
    Origin: `http://${own()}`,
    'Sec-Fetch-Site': 'same-origin',
    'Content-Type': 'application/json',
    'X-Story-Health-Preview-Token': fx.server.token,
    ...headers,
  };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
}

const setThreshold = JSON.stringify({ app: 'settings', functionKey: 'settings/set', payload: { projectKey: 'FOOD', settings: { oversizeThreshold: 3 } }, context: { accountId: ALICE, projectKey: 'FOOD' } });

const post = (path: string, headers: Record<string, string | undefined>, body = setThreshold) => rawRequest(fx.server, { path, method: 'POST', headers: pageRequest(headers), body });

async function threshold(): Promise<unknown> {
  const body = JSON.stringify({ app: 'settings', functionKey: 'settings/get', payload: { projectKey: 'FOOD' }, context: { accountId: ALICE, projectKey: 'FOOD' } });
  const response = await post('/api/bridge', {}, body);
  return (JSON.parse(response.body) as { data: { settings: { oversizeThreshold: number } } }).data.settings.oversizeThreshold;
}

function expectRefused(response: RawResponse, status: number, message: RegExp): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(JSON.parse(response.body)).toEqual({ error: expect.stringMatching(message) });
}

describe('a cross-site page', () => {
  it('cannot change settings with a text/plain POST (the reported attack): refused, nothing changed', async () => {
    const response = await rawRequest(fx.server, {
      path: '/api/bridge',
      method: 'POST',
      headers: { Host: own(), Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'text/plain;charset=UTF-8' },
      body: setThreshold,
    });
    expectRefused(response, 415, /JSON only: send Content-Type: application\/json \(this request sent "text\/plain"\)/);
    expect(await threshold()).toBe(8);
  });

  it('cannot reset the sample with a text/plain POST', async () => {
    const before = resets;
    const response = await rawRequest(fx.server, { path: '/api/reset', method: 'POST', headers: { Host: own(), Origin: 'https://evil.example', 'Content-Type': 'text/plain' }, body: '' });
    expect(response.status).toBe(415);
    expect(resets).toBe(before);
  });

  it('is refused even with a JSON content type (a preflight it cannot pass, or a forged header)', async () => {
    expectRefused(await post('/api/bridge', { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }), 403, /own pages only \(this request came from a cross-site page\)/);
    expectRefused(await post('/api/bridge', { Origin: 'https://evil.example', 'Sec-Fetch-Site': undefined }), 403, /must come from http:\/\/localhost:\d+ \(Origin was "https:\/\/evil.example"\)/);
    expectRefused(await post('/api/bridge', { Origin: 'null', 'Sec-Fetch-Site': undefined }), 403, /Origin was "null"/);
    expectRefused(await post('/api/bridge', { Origin: `http://localhost:${fx.server.port + 1}`, 'Sec-Fetch-Site': 'same-site' }), 403, /same-site page/);
    expect(await threshold()).toBe(8);
  });
});

describe('the Host header (DNS rebinding)', () => {
  it.each(['localhost', '127.0.0.1', '[::1]', 'LOCALHOST'])('answers %s on its own port', async (name) => {
    const page = await rawRequest(fx.server, { path: '/', headers: { Host: `${name}:${fx.server.port}` } });
    expect(page.status).toBe(200);
  });

  it.each([
    ['a foreign name', 'evil.example'],
    ['a rebound name on the right port', 'rebind.evil.example:PORT'],
    ['another port', 'localhost:1'],
    ['no port', 'localhost'],
    ['the LAN address', '192.168.1.20:PORT'],
  ])('refuses %s for pages and the API', async (_name, host) => {
    const Host = host.replace('PORT', String(fx.server.port));
    const page = await rawRequest(fx.server, { path: '/', headers: { Host } });
    expect(page.status).toBe(403);
    expect(page.body).toMatch(/answers only at http:\/\/localhost:\d+\//);
    expect(page.body).not.toContain(fx.server.token);
    const app = await rawRequest(fx.server, { path: `/apps/panel/?user=${ALICE}&issue=FOOD-1`, headers: { Host } });
    expect(app.status).toBe(403);
    expect(app.body).not.toContain(fx.server.token);
    expectRefused(await rawRequest(fx.server, { path: '/api/session', headers: pageRequest({ Host }) }), 403, /answers only at/);
    expectRefused(await post('/api/bridge', { Host, Origin: `http://${Host}` }), 403, /answers only at/);
  });

  it('refuses a request with no Host at all', async () => {
    const response = await rawRequest(fx.server, { path: '/', headers: { Host: '' } });
    expect(response.status).toBe(403);
  });
});

describe('state-changing requests', () => {
  afterEach(async () => {
    await post('/api/bridge', {}, JSON.stringify({ app: 'settings', functionKey: 'settings/reset', payload: { projectKey: 'FOOD' }, context: { accountId: ALICE, projectKey: 'FOOD' } }));
  });

  it('need Content-Type: application/json', async () => {
    expectRefused(await post('/api/bridge', { 'Content-Type': undefined }), 415, /this request sent no Content-Type/);
    expectRefused(await post('/api/bridge', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, /application\/x-www-form-urlencoded/);
    expectRefused(await post('/api/bridge', { 'Content-Type': 'multipart/form-data; boundary=x' }), 415, /multipart\/form-data/);
    expect(await threshold()).toBe(8);
    expect((await post('/api/bridge', { 'Content-Type': 'Application/JSON; charset=utf-8' })).status).toBe(200);
    expect(await threshold()).toBe(3);
  });

  it('need this origin: Origin, or without it Sec-Fetch-Site: same-origin', async () => {
    expectRefused(await post('/api/bridge', { Origin: undefined, 'Sec-Fetch-Site': undefined }), 403, /Origin was missing/);
    expect(await threshold()).toBe(8);
    expect((await post('/api/bridge', { Origin: undefined })).status).toBe(200);
    expect((await post('/api/bridge', { 'Sec-Fetch-Site': undefined })).status).toBe(200);
    // The origin must match the Host it was sent to.
    expectRefused(await post('/api/bridge', { Host: `127.0.0.1:${fx.server.port}`, Origin: `http://${own()}`, 'Sec-Fetch-Site': undefined }), 403, /must come from http:\/\/127\.0\.0\.1/);
  });

  it('reset works from the page and only from it', async () => {
    const before = resets;
    expectRefused(await post('/api/reset', { 'X-Story-Health-Preview-Token': undefined }, '{}'), 403, /no x-story-health-preview-token header/);
    expect(resets).toBe(before);
    const response = await post('/api/reset', {}, '{}');
    expect([response.status, JSON.parse(response.body)]).toEqual([200, { ok: true }]);
    expect(resets).toBe(before + 1);
  });
});

describe('the per-start token', () => {
  it('is in the host page and in each app page, and differs per start', async () => {
    const page = await rawRequest(fx.server, { path: '/', headers: { Host: own() } });
    expect(fx.server.token).toMatch(/^[0-9a-f]{64}$/);
    expect(page.body).toContain(`<meta name="story-health-preview-token" content="${fx.server.token}" />`);
    expect(page.headers['cache-control']).toBe('no-store');
    const app = await rawRequest(fx.server, { path: `/apps/settings/?user=${ALICE}&project=FOOD`, headers: { Host: own() } });
    const boot = JSON.parse(new RegExp(`id="${CONTEXT_ELEMENT_ID}">(.*?)</script>`).exec(app.body)![1]!) as { token: string };
    expect(boot.token).toBe(fx.server.token);
    const other = await startFixture();
    try {
      expect(other.server.token).not.toBe(fx.server.token);
    } finally {
      await other.stop();
    }
  });

  it('is needed by every API call, reads included', async () => {
    expectRefused(await rawRequest(fx.server, { path: '/api/session', headers: { Host: own() } }), 403, /no x-story-health-preview-token header/);
    expectRefused(await rawRequest(fx.server, { path: `/api/issues?user=${ALICE}&project=FOOD`, headers: { Host: own() } }), 403, /no x-story-health-preview-token/);
    expectRefused(await rawRequest(fx.server, { path: '/api/session', headers: pageRequest({ 'X-Story-Health-Preview-Token': 'a'.repeat(64) }) }), 403, /restarted since this page was loaded: reload the page/);
    expectRefused(await post('/api/bridge', { 'X-Story-Health-Preview-Token': fx.server.token.slice(1) }), 403, /reload the page/);
    expect(await threshold()).toBe(8);
    expect((await rawRequest(fx.server, { path: '/api/session', headers: pageRequest() })).status).toBe(200);
  });
});

describe('listening', () => {
  it('binds the loopback interface only: another address of this machine is not answered', async () => {
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === 'IPv4');
    if (lan) {
      const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
        const socket = connect({ host: lan.address, port: fx.server.port }, () => {
          socket.destroy();
          resolve(null);
        });
        socket.on('error', resolve);
      });
      expect(error?.code).toBe('ECONNREFUSED');
    }
    const start = startPreviewServer({ backend: fakeBackend(), store: await createFileStore(`${fx.dir}/other.json`), queue: createInProcessQueue(), staticRoot: fx.staticRoot, pageRoot: fx.pageRoot, port: 0, host: '0.0.0.0' as never });
    await expect(start).rejects.toThrow('The preview host listens on loopback only (127.0.0.1 or ::1), not "0.0.0.0".');
  });
});
