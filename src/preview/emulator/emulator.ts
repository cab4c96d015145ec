/**
 * The Jira emulator: a node:http server on localhost answering the Jira Cloud REST v3 resources
 * the app uses, backed by a sample project file, so the app's real code runs without a site.
 *
 * Each request goes: injected faults -> caller (401) -> route (404/405) -> body (400) -> handler.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { identify } from './access';
import { Faults } from './faults';
import { Workflow } from './workflow';
import { ROUTES } from './handlers/routes';
import { HttpError, parseJson, readBody, send, type Reply } from './http';
import { MANIFEST_PROPERTY_INDEXES, type PropertyIndex } from './jql/aliases';
import { JqlError } from './jql/error';
import { localize, type Language } from './language';
import { SearchIndex, type IndexLagOptions } from './search-index';
import { PageTokens } from './paging';
import { route, type Method, type RequestContext } from './router';
import { EmulatorStore } from './store';

export interface EmulatorOptions {
  /** The sample project (read only), e.g. `src/preview/sample/project.json`. */
  projectFile: string;
  /** A JSON file that receives every change; created from the sample on first start. */
  workingCopy: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Start again from the sample even when the working copy exists. */
  fresh?: boolean;
  /** Clock for timestamps and page-token expiry. */
  now?: () => number;
  /** How long a `nextPageToken` stays valid. Default 10 minutes. */
  tokenTtlMs?: number;
  /** Entity-property indexes (JQL aliases). Default: those of manifest.yml. */
  propertyIndexes?: readonly PropertyIndex[];
  /** Write-behind tuning of the working copy (see StoreOptions). */
  persistDelayMs?: number;
  waitForDisk?: boolean;
  /** The language of error messages (Jira answers in the caller's language). Default English. */
  language?: Language;
  /** Search lags behind writes (eventual consistency) by this much; default: no lag. */
  indexLag?: IndexLagOptions;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number | 'hung';
  caller?: string;
}

/**
 * A Jira product event, as a Forge trigger receives it: partial (no description), with who did it.
 * Fired after an issue is created or edited through the REST API.
 */
export interface IssueEvent {
  eventType: 'avi:jira:created:issue' | 'avi:jira:updated:issue';
  issue: { id: string; key: string; fields: { issuetype: { name: string }; project: { key: string } } };
  /** The user who made the change; null when the app did (Forge's `ignoreSelf` filters those). */
  atlassianId: string | null;
  byApp: boolean;
}

export interface Emulator {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Subscribes to issue created/updated events; returns the unsubscribe function. */
  onIssueEvent(listener: (event: IssueEvent) => void): () => void;
  store: EmulatorStore;
  faults: Faults;
  /** The workflow's validators (an app's jira:workflowValidator, as the workflow editor added it). */
  workflow: Workflow;
  /** What search sees; with `indexLag`, the changes it does not see yet. */
  searchIndex: SearchIndex;
  /** The last 1 000 requests, oldest first. */
  requests: RequestLogEntry[];
  /** Restores the working copy from the sample. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const LOG_LIMIT = 1000;

/**
 * Points an answer costs under Jira's 2026 model: 1, plus 1 per object a read returns (the issues
 * of a search or bulk fetch, the issue of an issue read); writes cost 1.
 */
export function quotaPoints(method: string, reply: Reply): number {
  if (method !== 'GET' && method !== 'POST') return 1;
  const body = reply.body as { issues?: unknown; key?: unknown } | undefined;
  if (reply.status >= 300 || !body || typeof body !== 'object') return 1;
  if (Array.isArray(body.issues)) return 1 + body.issues.length;
  return method === 'GET' && typeof body.key === 'string' ? 2 : 1;
}

function errorReply(error: unknown): Reply {
  if (error instanceof HttpError) return error.reply();
  if (error instanceof JqlError) return new HttpError(400, [error.message]).reply();
  const message = error instanceof Error ? error.message : String(error);
  return new HttpError(500, [`Internal emulator error: ${message}`]).reply();
}

export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  const store = await EmulatorStore.open(options);
  const faults = new Faults();
  const workflow = new Workflow();
  const now = options.now ?? Date.now;
  const tokens = new PageTokens(now, options.tokenTtlMs);
  const indexes = options.propertyIndexes ?? MANIFEST_PROPERTY_INDEXES;
  const language = options.language ?? 'en';
  const searchIndex = new SearchIndex(options.indexLag, now);
  store.onCommit((before, after) => (after ? searchIndex.changed(before, after) : searchIndex.reset()));
  const requests: RequestLogEntry[] = [];
  let baseUrl = '';

  const log = (entry: RequestLogEntry): void => {
    requests.push(entry);
    if (requests.length > LOG_LIMIT) requests.splice(0, requests.length - LOG_LIMIT);
  };

  const listeners = new Set<(event: IssueEvent) => void>();

  /** Fires the product event of a successful create or edit. */
  function emitIssueEvent(method: string, pathname: string, reply: Reply, who: ReturnType<typeof identify>): void {
    let key: string | undefined;
    let eventType: IssueEvent['eventType'];
    if (method === 'POST' && pathname === '/rest/api/3/issue' && reply.status === 201) {
      key = (reply.body as { key?: string } | undefined)?.key;
      eventType = 'avi:jira:created:issue';
    } else if (method === 'PUT' && /^\/rest\/api\/3\/issue\/[^/]+$/.test(pathname) && reply.status === 204) {
      key = decodeURIComponent(pathname.split('/').pop()!);
      eventType = 'avi:jira:updated:issue';
    } else return;
    const issue = key ? store.find(key) : undefined;
    if (!issue || !listeners.size) return;
    const event: IssueEvent = {
      eventType,
      issue: { id: store.idOf(issue), key: issue.key, fields: { issuetype: { name: issue.issueType }, project: { key: issue.key.split('-')[0]! } } },
      atlassianId: who.kind === 'app' ? null : who.user.accountId,
      byApp: who.kind === 'app',
    };
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure is its own; the request already succeeded.
      }
    }
  }

  async function respond(req: IncomingMessage): Promise<{ reply: Reply; caller?: string }> {
    let caller: string | undefined;
    try {
      const who = identify(req.headers, store);
      caller = who.kind === 'app' ? 'app' : who.user.accountId;
      const url = new URL(req.url ?? '/', baseUrl);
      const { handler, params } = route(ROUTES, req.method ?? 'GET', url.pathname);
      const rawBody = req.method === 'GET' || req.method === 'DELETE' ? '' : await readBody(req);
      const ctx: RequestContext = {
        method: req.method as Method,
        url,
        params,
        body: parseJson(rawBody),
        rawBody,
        caller: who,
        store,
        baseUrl,
        now,
        tokens,
        indexes,
        searchIndex,
        workflow,
      };
      const reply = await handler(ctx);
      emitIssueEvent(ctx.method, url.pathname, reply, who);
      return { reply, caller };
    } catch (error) {
      return { reply: errorReply(error), caller };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] as string;
    const method = req.method ?? 'GET';
    if (faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    let fault = faults.next();
    if (fault.kind === 'none') fault = faults.quotaRefusal(now()) ?? fault;
    if (fault.kind === 'hang') {
      // Never answered; the socket closes when the client gives up or the emulator closes.
      req.resume();
      log({ method, path, status: 'hung' });
      return;
    }
    if (fault.kind === 'status') {
      req.resume();
      const headers: Record<string, string> = { ...(fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) }), ...fault.headers };
      send(res, localize(new HttpError(fault.status, [fault.message], {}, headers).reply(), language));
      log({ method, path, status: fault.status });
      return;
    }
    const { reply, caller } = await respond(req);
    req.resume();
    // The points-based quota, when set: this answer's cost, and the quota headers on every answer.
    faults.charge(quotaPoints(method, reply), now());
    const quota = faults.quotaHeaders(now());
    send(res, localize(Object.keys(quota).length ? { ...reply, headers: { ...reply.headers, ...quota } } : reply, language));
    log({ method, path, status: reply.status, ...(caller ? { caller } : {}) });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, localize(errorReply(error), language));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;

  return {
    url: baseUrl,
    onIssueEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    store,
    faults,
    workflow,
    searchIndex,
    requests,
    reset: () => store.reset(),
    async close() {
      await store.idle();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
