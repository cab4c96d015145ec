/**
 * Who may talk to the preview host: a browser on this machine, on the host's own origin. Nobody
 * else: not another web site (a cross-site form or `text/plain` POST), and not a foreign name that
 * resolves to 127.0.0.1 (DNS rebinding). With `story-health preview --site --allow-writes` the API
 * changes a real Jira site, so every layer refuses on its own:
 *
 * 1. Host: every request must name this host as `localhost:PORT`, `127.0.0.1:PORT` or `[::1]:PORT`.
 * 2. A request that changes something (POST) must be `Content-Type: application/json` (which no
 *    cross-site form can send without a CORS preflight, which this host never grants) and come
 *    from this origin: `Origin` equal to it, or, without `Origin`, `Sec-Fetch-Site: same-origin`.
 * 3. Every API call carries the per-start token the host put into its own pages (defence in
 *    depth: another origin cannot read those pages, so it cannot know the token).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The request header that carries the per-start token (the bridge shim and the host page send it). */
export const TOKEN_HEADER = 'x-story-health-preview-token';
/** `<meta name=… content=token>` in the host page. */
export const TOKEN_META_NAME = 'story-health-preview-token';

export interface Refusal {
  status: 403 | 415;
  message: string;
}

/** A new secret for one start of the host: 32 random bytes, hex. */
export function createToken(): string {
  return randomBytes(32).toString('hex');
}

/** The Host header values this host answers to on `port`. */
export function loopbackHosts(port: number): string[] {
  return [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`];
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Refuses a request whose Host is not this host on `port` (DNS rebinding, a proxy, a typo). */
export function checkHost(headers: IncomingHttpHeaders, port: number): Refusal | null {
  const host = header(headers, 'host')?.trim().toLowerCase();
  if (host !== undefined && loopbackHosts(port).includes(host)) return null;
  return {
    status: 403,
    message:
      `The Story Health preview answers only at http://localhost:${port}/ (this request was addressed to ${host ? JSON.stringify(host) : 'no host'}). ` +
      `Open http://localhost:${port}/ in your browser; through a tunnel, forward the same port (ssh -L ${port}:localhost:${port}).`,
  };
}

/**
 * Refuses a state-changing request that is not JSON from this host's own origin. Call after
 * `checkHost` (the expected origin is built from the Host header it accepted).
 */
export function checkSameOriginJson(headers: IncomingHttpHeaders): Refusal | null {
  const type = (header(headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    return { status: 415, message: `The preview API takes JSON only: send Content-Type: application/json (this request sent ${type ? JSON.stringify(type) : 'no Content-Type'}).` };
  }
  const own = `http://${(header(headers, 'host') ?? '').trim().toLowerCase()}`;
  const origin = header(headers, 'origin')?.trim().toLowerCase();
  const fetchSite = header(headers, 'sec-fetch-site')?.trim().toLowerCase();
  if (fetchSite !== undefined && fetchSite !== 'same-origin') {
    return { status: 403, message: `The preview API answers its own pages only (this request came from a ${fetchSite} page).` };
  }
  if (origin === undefined ? fetchSite !== 'same-origin' : origin !== own) {
    return {
      status: 403,
      message: `The preview API answers its own pages only: the request must come from ${own} (Origin was ${origin === undefined ? 'missing' : JSON.stringify(origin)}).`,
    };
  }
  return null;
}

/** Refuses an API call without this start's token (from another origin, or a page of an earlier start). */
export function checkToken(headers: IncomingHttpHeaders, token: string): Refusal | null {
  const sent = Buffer.from(header(headers, TOKEN_HEADER) ?? '', 'utf8');
  const expected = Buffer.from(token, 'utf8');
  if (sent.length === expected.length && timingSafeEqual(sent, expected)) return null;
  return {
    status: 403,
    message:
      sent.length === 0
        ? `The preview API answers its own pages only: this request has no ${TOKEN_HEADER} header. Use the preview in the browser.`
        : 'The preview was restarted since this page was loaded: reload the page.',
  };
}
