/**
 * Path patterns -> handlers per method; unknown paths are 404, known paths with another method 405.
 * The Jira emulator routes with it, and so does the preview host (server.ts).
 */
import type { Caller } from './access';
import { badRequest, HttpError, type Reply } from './http';
import type { PropertyIndex } from './jql/aliases';
import type { PageTokens } from './paging';
import type { SearchIndex } from './search-index';
import type { EmulatorStore } from './store';
import type { Workflow } from './workflow';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

export interface RequestContext {
  method: Method;
  url: URL;
  params: Record<string, string>;
  /** Parsed JSON body; `undefined` when there was none. */
  body: unknown;
  /** The body as sent (property values are measured on it). */
  rawBody: string;
  caller: Caller;
  store: EmulatorStore;
  baseUrl: string;
  now(): number;
  tokens: PageTokens;
  indexes: readonly PropertyIndex[];
  searchIndex: SearchIndex;
  workflow: Workflow;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

/**
 * A path pattern and its handler per method. Segments are literal, `:name` (one non-empty segment,
 * percent-decoded) or, last, `*name` (the rest of the path as sent, still encoded, possibly empty).
 */
export interface Route<H = Handler> {
  pattern: string;
  handlers: Partial<Record<Method, H>>;
}

/** The route a request takes: its handler and parameters, or why there is none. */
export type Routed<H> =
  | { ok: true; handler: H; params: Record<string, string> }
  | { ok: false; status: 404 }
  | { ok: false; status: 405; allow: Method[] }
  | { ok: false; status: 400; message: string };

class BadSegment {
  constructor(readonly segment: string) {}
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadSegment(segment);
  }
}

function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  const rest = want[want.length - 1]!.startsWith('*');
  if (rest ? got.length < want.length : want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (rest && i === want.length - 1) params[w.slice(1)] = got.slice(i).join('/');
    else if (w.startsWith(':')) {
      if (g === '') return undefined;
      params[w.slice(1)] = decode(g);
    } else if (w !== g) return undefined;
  }
  return params;
}

/** The first route whose pattern matches `path` decides: its handler for `method`, or 405. Used by the emulator and the preview host. */
export function matchRoute<H>(routes: readonly Route<H>[], method: string, path: string): Routed<H> {
  for (const r of routes) {
    let params;
    try {
      params = match(r.pattern, path);
    } catch (error) {
      if (error instanceof BadSegment) return { ok: false, status: 400, message: `The path segment '${error.segment}' is not valid percent-encoding.` };
      throw error;
    }
    if (!params) continue;
    const handler = r.handlers[method as Method];
    return handler ? { ok: true, handler, params } : { ok: false, status: 405, allow: Object.keys(r.handlers) as Method[] };
  }
  return { ok: false, status: 404 };
}

/** The emulator's routing: like Jira, a trailing slash does not matter, and a miss is a Jira error body. */
export function route(routes: readonly Route[], method: string, path: string): { handler: Handler; params: Record<string, string> } {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const routed = matchRoute(routes, method, normalized);
  if (routed.ok) return routed;
  if (routed.status === 400) throw badRequest(routed.message);
  if (routed.status === 405) {
    const allow = routed.allow.join(', ');
    throw new HttpError(405, [`Method ${method} is not allowed for ${normalized}; use ${allow}.`], {}, { allow });
  }
  throw new HttpError(404, [`No resource at ${method} ${normalized} in the Jira emulator.`]);
}
