/**
 * The bridge shim as the browser gets it: the served script text, run in a fresh VM context with a
 * fake window, answering the calls @forge/bridge makes.
 */
import * as vm from 'node:vm';
import { contextElement, shimScript, type ShimBoot } from '../../../src/preview/host/bridge-shim';

const boot: ShimBoot = {
  app: 'panel',
  bridgeUrl: '/api/bridge',
  token: 'f00d',
  context: { accountId: 'acc-alice', theme: { colorMode: 'light' }, extension: { issue: { key: 'FOOD-8' }, project: { key: 'FOOD' } } },
};

interface Fake {
  window: Record<string, unknown>;
  attributes: Map<string, string>;
  fetches: { url: string; init: { body: string; headers: Record<string, string> } }[];
  opened: string[];
  posted: unknown[];
  messageListener?: (event: unknown) => void;
  respond: { status: number; body: string };
  reloads: number;
}

function install(frame: ShimBoot = boot): { fake: Fake; callBridge: (type: string, payload?: unknown) => Promise<unknown> } {
  const attributes = new Map<string, string>();
  const parent = { postMessage: (m: unknown) => fake.posted.push(m) };
  const fake: Fake = {
    attributes,
    fetches: [],
    opened: [],
    posted: [],
    respond: { status: 200, body: '{"ok":true,"data":{"score":69}}' },
    reloads: 0,
    window: {},
  };
  const textContent = /<script[^>]*>(.*)<\/script>/.exec(contextElement(frame))![1];
  Object.assign(fake.window, {
    document: {
      readyState: 'complete',
      body: null,
      title: '',
      documentElement: { setAttribute: (k: string, v: string) => attributes.set(k, v) },
      getElementById: (id: string) => (id === 'forge-preview-context' ? { textContent } : null),
      addEventListener: () => undefined,
    },
    location: { origin: 'http://localhost:4400', reload: () => void fake.reloads++ },
    parent,
    fetch: async (url: string, init: { body: string; headers: Record<string, string> }) => {
      fake.fetches.push({ url, init });
      return { ok: fake.respond.status < 300, status: fake.respond.status, text: async () => fake.respond.body };
    },
    open: (url: string) => fake.opened.push(url),
    setTimeout: (f: () => void) => f(),
    addEventListener: (type: string, listener: (event: unknown) => void) => {
      if (type === 'message') fake.messageListener = listener;
    },
  });
  vm.runInNewContext(shimScript(), { window: fake.window });
  const bridge = fake.window.__bridge as { callBridge: (type: string, payload?: unknown) => Promise<unknown> };
  return { fake, callBridge: bridge.callBridge };
}

describe('bridge shim', () => {
  it('defines window.__bridge from a self-contained script', () => {
    const { callBridge } = install();
    expect(typeof callBridge).toBe('function');
  });

  it('getContext returns a copy of the context the host embedded', async () => {
    const { callBridge } = install();
    const context = (await callBridge('getContext')) as typeof boot.context;
    expect(context).toEqual(boot.context);
    context.accountId = 'changed';
    expect(await callBridge('getContext')).toEqual(boot.context);
  });

  it('invoke posts the call as JSON with the token and the frame context, and returns the envelope unchanged', async () => {
    const { fake, callBridge } = install();
    expect(await callBridge('invoke', { functionKey: 'panel/analyze', payload: { issueKey: 'FOOD-8' } })).toEqual({ ok: true, data: { score: 69 } });
    expect(fake.fetches).toHaveLength(1);
    expect(fake.fetches[0]!.url).toBe('/api/bridge');
    expect(fake.fetches[0]!.init.headers).toEqual({ 'Content-Type': 'application/json', 'X-Story-Health-Preview-Token': 'f00d' });
    expect(JSON.parse(fake.fetches[0]!.init.body)).toEqual({
      app: 'panel',
      functionKey: 'panel/analyze',
      payload: { issueKey: 'FOOD-8' },
      context: { accountId: 'acc-alice', issueKey: 'FOOD-8', projectKey: 'FOOD' },
    });
  });

  it('invoke rejects with the host error when the request is refused', async () => {
    const { fake, callBridge } = install();
    fake.respond = { status: 400, body: '{"error":"Malformed request: nope."}' };
    await expect(callBridge('invoke', { functionKey: 'x' })).rejects.toThrow('Malformed request: nope.');
    fake.respond = { status: 502, body: '<html>' };
    await expect(callBridge('invoke', { functionKey: 'x' })).rejects.toThrow(/not JSON/);
  });

  it('enableTheming sets the colour mode and follows the host theme switch', async () => {
    const { fake, callBridge } = install();
    expect(fake.attributes.get('data-color-mode')).toBeUndefined();
    await callBridge('enableTheming');
    expect(fake.attributes.get('data-color-mode')).toBe('light');
    const parent = fake.window.parent;
    fake.messageListener!({ origin: 'http://evil.example', source: parent, data: { source: 'story-health-preview-host', type: 'theme', colorMode: 'dark' } });
    expect(fake.attributes.get('data-color-mode')).toBe('light');
    fake.messageListener!({ origin: 'http://localhost:4400', source: parent, data: { source: 'story-health-preview-host', type: 'theme', colorMode: 'dark' } });
    expect(fake.attributes.get('data-color-mode')).toBe('dark');
    expect(await callBridge('getContext')).toMatchObject({ theme: { colorMode: 'dark' } });
  });

  it('events reach their listeners and the host page', async () => {
    const { fake, callBridge } = install();
    const seen: unknown[] = [];
    const sub = (await callBridge('on', { event: 'changed', callback: (p: unknown) => seen.push(p) })) as { unsubscribe(): void };
    await callBridge('emit', { event: 'changed', payload: { n: 1 } });
    sub.unsubscribe();
    await callBridge('emit', { event: 'changed', payload: { n: 2 } });
    expect(seen).toEqual([{ n: 1 }]);
    expect(fake.posted).toContainEqual({ source: 'story-health-preview-frame', app: 'panel', type: 'event', event: 'changed', payload: { n: 1 } });
  });

  it('opens http(s) links only', async () => {
    const { fake, callBridge } = install();
    await callBridge('navigate', { url: 'https://github.com/story-health/story-health/blob/main/docs/rules.md#dependency', type: 'new-tab' });
    expect(fake.opened).toEqual(['https://github.com/story-health/story-health/blob/main/docs/rules.md#dependency']);
    await expect(callBridge('navigate', { url: 'javascript:alert(1)', type: 'new-tab' })).rejects.toThrow(/http/);
  });

  it('navigates to an issue through the host', async () => {
    const { fake, callBridge } = install();
    await callBridge('navigate', { target: 'issue', issueKey: 'FOOD-52', type: 'same-tab' });
    expect(fake.posted).toContainEqual({ source: 'story-health-preview-frame', app: 'panel', type: 'navigate', issueKey: 'FOOD-52' });
    await expect(callBridge('navigate', { target: 'issue', issueKey: '../../x', type: 'same-tab' })).rejects.toThrow(/issues only/);
  });

  it('view.refresh on an issue asks the host to re-read the issue (the frame stays); elsewhere it is not refreshable', async () => {
    const { fake, callBridge } = install();
    expect(await callBridge('refresh')).toBe(true);
    expect(fake.posted).toContainEqual({ source: 'story-health-preview-frame', app: 'panel', type: 'refresh', issueKey: 'FOOD-8' });
    expect(fake.reloads).toBe(0);
    const report = install({ ...boot, app: 'report', context: { ...boot.context, extension: { project: { key: 'FOOD' } } } });
    expect(await report.callBridge('refresh')).toBe(false);
    expect(report.fake.posted.filter((m) => (m as { type?: string }).type === 'refresh')).toEqual([]);
    // router.reload() still reloads the frame.
    expect(await callBridge('reload')).toBe(true);
    expect(fake.reloads).toBe(1);
  });

  it('answers modal calls with false and rejects what it does not support', async () => {
    const { callBridge } = install();
    expect(await callBridge('submit', {})).toBe(false);
    expect(await callBridge('close')).toBe(false);
    await expect(callBridge('requestConfluence', {})).rejects.toThrow('The Story Health preview does not support the bridge call "requestConfluence".');
  });

  it('embeds the context so no text in it can close the script element', () => {
    const html = contextElement({ ...boot, context: { ...boot.context, accountId: '</script><script>alert(1)</script>' } });
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).toContain('\\u003c/script\\u003e');
  });
});
