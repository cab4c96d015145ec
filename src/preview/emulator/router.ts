/** Path patterns -> handlers per method; unknown paths are 404, known paths with another method 405. */
import type { Caller } from './access';
import { badRequest, HttpError, type Reply } from './http';
import type { PropertyIndex } from './jql/aliases';
import type { PageTokens } from './paging';
import type { SearchIndex } from './search-index';
import type { EmulatorStore } from './store';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

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
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface Route {
  pattern: string;
  handlers: Partial<Record<Method, Handler>>;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`The path segment '${segment}' is not valid percent-encoding.`);
  }
}

function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith(':')) {
      if (g === '') return undefined;
      params[w.slice(1)] = decode(g);
    } else if (w !== g) return undefined;
  }
  return params;
}

export function route(routes: Route[], method: string, path: string): { handler: Handler; params: Record<string, string> } {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  for (const r of routes) {
    const params = match(r.pattern, normalized);
    if (!params) continue;
    const handler = r.handlers[method as Method];
    if (!handler) {
      const allow = Object.keys(r.handlers).join(', ');
      throw new HttpError(405, [`Method ${method} is not allowed for ${normalized}; use ${allow}.`], {}, { allow });
    }
    return { handler, params };
  }
  throw new HttpError(404, [`No resource at ${method} ${normalized} in the Jira emulator.`]);
}
