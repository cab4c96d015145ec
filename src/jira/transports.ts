/**
 * The three ways a request reaches Jira: `fetch` with Basic auth to a real site (CLI), plain `fetch`
 * to the local emulator (preview host, tests), and Forge's `requestJira` as the app or as the user.
 */
import type { JiraRequest, JiraResponse, Transport } from './types';

/** The parts of WHATWG fetch the transports use (Node's global fetch, or a test double). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{ status: number; headers: { forEach(callback: (value: string, name: string) => void): void }; text(): Promise<string> }>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function lowerCased(headers: { forEach(callback: (value: string, name: string) => void): void }): Record<string, string> {
  const result: Record<string, string> = {};
  headers.forEach((value, name) => {
    result[name.toLowerCase()] = value;
  });
  return result;
}

/** `https://site.atlassian.net` (any path prefix kept, trailing slash dropped); http only to loopback. */
export function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`Invalid Jira URL ${JSON.stringify(baseUrl)}: expected e.g. https://your-site.atlassian.net`);
  }
  if (url.username || url.password) throw new Error('The Jira URL must not contain credentials: pass the email and API token separately.');
  if (url.search || url.hash) throw new Error(`The Jira URL ${JSON.stringify(baseUrl)} must not have a query or fragment.`);
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    throw new Error(`Refusing to send credentials over plain http to ${url.hostname}: use https:// (http is allowed for localhost only).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Unsupported protocol ${url.protocol} in the Jira URL.`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function fetchBased(baseUrl: string, headers: Record<string, string>, fetchImpl: FetchLike | undefined): Transport {
  const doFetch: FetchLike = fetchImpl ?? ((url, init) => fetch(url, init));
  return async (request: JiraRequest): Promise<JiraResponse> => {
    const init: Parameters<FetchLike>[1] = { method: request.method, headers: { Accept: 'application/json', ...headers } };
    if (request.body !== undefined) {
      init.body = JSON.stringify(request.body);
      init.headers['Content-Type'] = 'application/json';
    }
    if (request.signal) init.signal = request.signal;
    const response = await doFetch(baseUrl + request.path, init);
    return { status: response.status, headers: lowerCased(response.headers), text: await response.text() };
  };
}

export interface FetchTransportOptions {
  /** The site, e.g. `https://your-site.atlassian.net`. */
  baseUrl: string;
  email: string;
  /** An Atlassian API token (id.atlassian.com → Security → API tokens). */
  apiToken: string;
  fetch?: FetchLike;
}

/** A real Jira Cloud site with Basic auth (email + API token). */
export function fetchTransport(options: FetchTransportOptions): Transport {
  const base = checkBaseUrl(options.baseUrl);
  if (!options.email || !options.apiToken) throw new Error('Jira needs both an email and an API token.');
  const authorization = `Basic ${Buffer.from(`${options.email}:${options.apiToken}`, 'utf8').toString('base64')}`;
  return fetchBased(base, { Authorization: authorization }, options.fetch);
}

/** Who the emulator should take the caller for: a user of the sample project, or the app. */
export type EmulatorIdentity = { accountId: string } | { asApp: true };

/** The local Jira emulator: `x-emulator-user: <accountId>` is "as user", `x-emulator-app: true` is "as app". */
export function emulatorTransport(baseUrl: string, identity: EmulatorIdentity, options: { fetch?: FetchLike } = {}): Transport {
  const base = checkBaseUrl(baseUrl);
  let headers: Record<string, string>;
  if ('asApp' in identity) headers = { 'x-emulator-app': 'true' };
  else if (identity.accountId) headers = { 'x-emulator-user': identity.accountId };
  else throw new Error('The emulator needs an accountId (as user) or asApp: true.');
  return fetchBased(base, headers, options.fetch);
}

/** Forge's `requestJira` as the app (`asApp()`) or as the current user (`asUser()`). */
export function forgeTransport(mode: 'app' | 'user'): Transport {
  return async (request: JiraRequest): Promise<JiraResponse> => {
    // Loaded on first use so the CLI, the preview host and the tests never load @forge/api.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const api = require('@forge/api') as typeof import('@forge/api');
    const product = mode === 'app' ? api.asApp() : api.asUser();
    const headers: Record<string, string> = { Accept: 'application/json' };
    const init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal } = { method: request.method, headers };
    if (request.body !== undefined) {
      init.body = JSON.stringify(request.body);
      headers['Content-Type'] = 'application/json';
    }
    if (request.signal) init.signal = request.signal;
    // The client builds every path from constants and encodeURIComponent'd, validated segments.
    const response = await product.requestJira(api.assumeTrustedRoute(request.path), init);
    return { status: response.status, headers: lowerCased(response.headers), text: await response.text() };
  };
}
