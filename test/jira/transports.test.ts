/** The transports: Basic auth and https only for real sites, the emulator's headers, Forge's requestJira. */
import { emulatorTransport, fetchTransport, forgeTransport, type FetchLike } from '../../src/jira/transports';

const requestJira = jest.fn();
const asApp = jest.fn(() => ({ requestJira }));
const asUser = jest.fn(() => ({ requestJira }));
const assumeTrustedRoute = jest.fn((path: string) => ({ value: path }));
jest.mock('@forge/api', () => ({ asApp, asUser, assumeTrustedRoute }));

function recordingFetch(): FetchLike & { calls: Parameters<FetchLike>[] } {
  const calls: Parameters<FetchLike>[] = [];
  const f: FetchLike = async (url, init) => {
    calls.push([url, init]);
    return { status: 200, headers: new Headers({ 'Retry-After': '3', 'Content-Type': 'application/json' }), text: async () => '{}' };
  };
  return Object.assign(f, { calls });
}

describe('fetchTransport', () => {
  it('refuses plain http to anything but localhost', () => {
    expect(() => fetchTransport({ baseUrl: 'http://example.atlassian.net', email: 'a@b.c', apiToken: 't' })).toThrow(/plain http/);
    expect(() => fetchTransport({ baseUrl: 'http://10.0.0.5:8080', email: 'a@b.c', apiToken: 't' })).toThrow(/use https/);
    expect(() => fetchTransport({ baseUrl: 'http://localhost:8080', email: 'a@b.c', apiToken: 't' })).not.toThrow();
    expect(() => fetchTransport({ baseUrl: 'http://127.0.0.1:8080', email: 'a@b.c', apiToken: 't' })).not.toThrow();
  });

  it('refuses URLs with credentials, odd protocols and garbage', () => {
    expect(() => fetchTransport({ baseUrl: 'https://me:pw@x.atlassian.net', email: 'a', apiToken: 't' })).toThrow(/credentials/);
    expect(() => fetchTransport({ baseUrl: 'ftp://x.atlassian.net', email: 'a', apiToken: 't' })).toThrow(/protocol/);
    expect(() => fetchTransport({ baseUrl: 'not a url', email: 'a', apiToken: 't' })).toThrow(/Invalid Jira URL/);
    expect(() => fetchTransport({ baseUrl: 'https://x.atlassian.net', email: '', apiToken: 't' })).toThrow(/email and an API token/);
  });

  it('sends Basic auth, JSON, and lower-cases response headers', async () => {
    const f = recordingFetch();
    const transport = fetchTransport({ baseUrl: 'https://x.atlassian.net/', email: 'me@x.test', apiToken: 'tok', fetch: f });
    const response = await transport({ method: 'PUT', path: '/rest/api/3/issue/A-1', body: { fields: {} } });
    const [url, init] = f.calls[0] as Parameters<FetchLike>;
    expect(url).toBe('https://x.atlassian.net/rest/api/3/issue/A-1');
    expect(init.headers.Authorization).toBe(`Basic ${Buffer.from('me@x.test:tok').toString('base64')}`);
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"fields":{}}');
    expect(response.headers['retry-after']).toBe('3');
  });
});

describe('emulatorTransport', () => {
  it('identifies the user or the app by header, without credentials', async () => {
    const f = recordingFetch();
    await emulatorTransport('http://127.0.0.1:9', { accountId: 'bob' }, { fetch: f })({ method: 'GET', path: '/rest/api/3/field' });
    await emulatorTransport('http://127.0.0.1:9', { asApp: true }, { fetch: f })({ method: 'GET', path: '/rest/api/3/field' });
    expect(f.calls[0]?.[1].headers).toEqual({ Accept: 'application/json', 'x-emulator-user': 'bob' });
    expect(f.calls[1]?.[1].headers).toEqual({ Accept: 'application/json', 'x-emulator-app': 'true' });
    expect(() => emulatorTransport('http://127.0.0.1:9', { accountId: '' })).toThrow(/accountId/);
  });
});

describe('forgeTransport', () => {
  beforeEach(() => {
    requestJira.mockReset();
    requestJira.mockResolvedValue({ status: 204, headers: new Headers({ 'X-Thing': 'y' }), text: async () => '' });
  });

  it('calls asApp().requestJira with a trusted route', async () => {
    const response = await forgeTransport('app')({ method: 'PUT', path: '/rest/api/3/issue/A-1/properties/p', body: { a: 1 } });
    expect(asApp).toHaveBeenCalled();
    expect(assumeTrustedRoute).toHaveBeenCalledWith('/rest/api/3/issue/A-1/properties/p');
    expect(requestJira).toHaveBeenCalledWith({ value: '/rest/api/3/issue/A-1/properties/p' }, {
      method: 'PUT',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: '{"a":1}',
    });
    expect(response).toEqual({ status: 204, headers: { 'x-thing': 'y' }, text: '' });
  });

  it('calls asUser() for user mode', async () => {
    await forgeTransport('user')({ method: 'GET', path: '/rest/api/3/myself' });
    expect(asUser).toHaveBeenCalled();
  });
});
