/**
 * The preview host's HTTP server: a page that looks like Jira's issue view with the three Custom
 * UI apps in iframes (their production bundles from `static/<app>/dist`), and the bridge endpoint
 * that runs the real resolvers in this process (`callHandler`) with local dependencies.
 *
 * Routes:
 * Only this machine's browser on this host's origin gets an answer (request-guard.ts): every
 * request must name this host, every POST must be same-origin JSON, and every /api/ call must
 * carry the token the host put into its pages at this start.
 *
 *   GET  /                         the preview page (src/preview/page/dist), with the token in a <meta>
 *   GET  /apps/<app>/?user&issue&project&theme
 *                                  the app's index.html with the bridge shim and its context
 *   GET  /apps/<app>/<file>        the app's built assets
 *   GET  /__preview/bridge-shim.js the shim that defines window.__bridge
 *   GET  /api/session              users, projects, mode
 *   GET  /api/issues?user&project  the backlog list as that user
 *   GET  /api/issue?user&key       one issue's fields as that user
 *   GET  /api/issue-status?user&key  the collapsed issue context's lozenge, from the app's
 *                                  `dynamicProperties` function called with Jira's payload
 *   GET  /api/transitions?user&key the issue's workflow buttons (conditions applied)
 *   POST /api/transition           {user, key, transitionId}; a validator's refusal is its message
 *   GET  /api/workflow?user&project the Story Health rules on "Start progress" (emulator only)
 *   POST /api/workflow/gate        {user, project, config} the gate's configuration (project admins)
 *   POST /api/workflow/condition   {user, project, config | null} adds, updates or removes the condition
 *   POST /api/agent                {user, action, input, context} a Rovo agent action through its handler
 *   POST /api/bridge               {app, functionKey, payload, context} -> the resolver's envelope
 *   POST /api/reset                sample data back as shipped (emulator only)
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { z } from 'zod';
import { fail } from '../../contract/envelope';
import { normalizeDescription } from '../../core/text';
import { callHandler } from '../../app';
import { backlogHealth, checkStory, suggestRewrite, suggestSplit } from '../../app/agent-actions';
import { issueContextStatus } from '../../app/issue-status';
import { readConditionConfig, readGateConfig } from '../../contract/gate';
import type { CallContext, Deps, JobQueue, LlmPort, Store } from '../../app/ports';
import { discoverFields, isJiraError, searchPages, type StoryFieldIds } from '../../jira';
import type { JiraClient } from '../../jira/types';
import type { PreviewBackend } from './backend';
import { contextElement, shimScript } from './bridge-shim';
import { APPS, buildContext, CONDITION_MODULE, ISSUE_KEY, PREVIEW_CLOUD_ID, PROJECT_KEY, type AppName } from './context';
import { WRITING_RESOLVERS, readOnlyMessage } from './read-only';
import { checkHost, checkSameOriginJson, checkToken, createToken, TOKEN_META_NAME, type Refusal } from './request-guard';
import { SECURITY_HEADERS } from './security';
import { contentType, resolveStatic } from './static-files';
import { matchRoute, type Route } from '../emulator/router';

/** What a route of the host runs. */
type HostHandler = (req: IncomingMessage, res: ServerResponse, url: URL, params: Record<string, string>) => Promise<void>;

export const DEFAULT_PORT = 4400;
export const MAX_BODY_BYTES = 1024 * 1024;
const MAX_BACKLOG = 1000;

export interface PreviewServerOptions {
  backend: PreviewBackend;
  store: Store;
  queue: JobQueue;
  /** The `static/` folder: `<app>/dist` for each app. */
  staticRoot: string;
  /** The preview page's build (`src/preview/page/dist`). */
  pageRoot: string;
  port?: number;
  /** Loopback interface to listen on (default 127.0.0.1): the preview is for this machine only. */
  host?: '127.0.0.1' | '::1';
  now?: () => Date;
  /** One line per bridge call and request error (default: nothing). */
  log?: (line: string) => void;
  /** The model for AI assist (the preview's recorded answers); none: AI assist says it is unavailable. */
  llm?: LlmPort;
  /** Waits for the save triggers under way (the issue view's status is read once they have written). */
  triggersIdle?: () => Promise<void>;
}

export interface PreviewServer {
  url: string;
  port: number;
  /** This start's API token (in the pages the host serves; tests and scripts send it as `x-story-health-preview-token`). */
  token: string;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(readonly port: number) {
    super(`Port ${port} is already in use. Stop whatever is using it, or choose another port with --port, e.g. --port ${port + 1}.`);
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function refuse(refusal: Refusal | null): void {
  if (refusal) throw new HttpError(refusal.status, refusal.message);
}

/** `inject` before the page's first script (module scripts run later anyway), after <meta charset>. */
function injectIntoHead(html: string, inject: string): string {
  const at = html.search(/<script\b|<\/head>/i);
  return at === -1 ? inject + html : html.slice(0, at) + inject + html.slice(at);
}

const bridgeRequest = z
  .object({
    app: z.enum(APPS),
    functionKey: z.string().min(1).max(100),
    payload: z.unknown().optional(),
    context: z
      .object({
        accountId: z.string().min(1).max(128),
        issueKey: z.string().regex(ISSUE_KEY).max(64).optional(),
        projectKey: z.string().regex(PROJECT_KEY).max(32).optional(),
      })
      .strict(),
  })
  .strict();

const transitionRequest = z.object({ user: z.string().min(1).max(128), key: z.string().regex(ISSUE_KEY).max(64), transitionId: z.string().regex(/^\d{1,10}$/) }).strict();
const gateRequest = z.object({ user: z.string().min(1).max(128), project: z.string().regex(PROJECT_KEY).max(32), config: z.string().max(4096) }).strict();
/** The agent's four actions by their manifest keys (`action` modules of `rovo:agent` story-health-agent). */
const AGENT_ACTIONS = { 'check-story': checkStory, 'suggest-rewrite': suggestRewrite, 'suggest-split': suggestSplit, 'backlog-health': backlogHealth } as const;
const agentKey = z.string().max(64).optional();
const agentRequest = z
  .object({
    user: z.string().min(1).max(128),
    action: z.enum(Object.keys(AGENT_ACTIONS) as [keyof typeof AGENT_ACTIONS, ...(keyof typeof AGENT_ACTIONS)[]]),
    /** What the model extracted from the chat (the action's declared inputs). */
    input: z.object({ issueKey: agentKey, projectKey: agentKey }).strict(),
    /** The page the chat is on, as Rovo passes it. */
    context: z.object({ issueKey: agentKey, projectKey: agentKey }).strict(),
  })
  .strict();
const conditionRequest = z.object({ user: z.string().min(1).max(128), project: z.string().regex(PROJECT_KEY).max(32), config: z.string().max(4096).nullable() }).strict();

/** The body checked against `schema`, or a 400 naming what is wrong (`shape`: what the JSON should hold). */
function parseBody<T>(text: string, schema: z.ZodType<T>, shape = ''): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError(400, `Malformed request: the body must be JSON${shape ? ` ${shape}` : ''}.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, `Malformed request${issue?.path.length ? ` (${issue.path.join('.')})` : ''}: ${issue?.message ?? 'unexpected shape'}.`);
  }
  return parsed.data;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, `${text}\n`, 'text/plain; charset=utf-8', { 'Cache-Control': 'no-store' });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `Request body larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Fails fast with PortInUseError when `port` is taken (before any slow start-up work). */
export async function checkPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const { backend, store, queue, staticRoot, pageRoot } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const users = new Map(backend.users.map((u) => [u.accountId, u]));
  const token = createToken();
  let port = 0;
  let fields: Promise<StoryFieldIds> | undefined;
  let baseUrl = '';

  const userParam = (value: string | null): string => {
    if (value && users.has(value)) return value;
    throw new HttpError(400, `Unknown user ${JSON.stringify(value ?? '')}: choose one of ${[...users.keys()].join(', ')}.`);
  };

  const storyFields = (jira: JiraClient): Promise<StoryFieldIds> => {
    fields ??= discoverFields(jira).catch((error: unknown) => {
      fields = undefined;
      throw error;
    });
    return fields;
  };

  const depsFor = (accountId: string): Deps => ({
    asUser: () => backend.asUser(accountId),
    asApp: () => backend.asApp(),
    store,
    queue,
    now,
    ...(options.llm ? { llm: options.llm } : {}),
  });

  /** Jira said no (not found, forbidden…): an answer, not a failed request, so 200 with `ok: false`. */
  function jiraFailure(res: ServerResponse, error: unknown): void {
    if (isJiraError(error)) {
      sendJson(res, 200, { ok: false, error: error.message, code: error.code });
      return;
    }
    log(`preview: ${errorMessage(error)}`);
    sendJson(res, 500, { error: 'The preview host failed; see its terminal for details.' });
  }

  async function serveApp(res: ServerResponse, app: AppName, rest: string, url: URL): Promise<void> {
    const root = path.join(staticRoot, app, 'dist');
    if (rest === '' || rest === 'index.html') {
      const indexFile = path.join(root, 'index.html');
      let html: string;
      try {
        html = await readFile(indexFile, 'utf8');
      } catch {
        sendText(res, 503, `static/${app}/dist is missing: run "npm run build:static".`);
        return;
      }
      const accountId = userParam(url.searchParams.get('user'));
      const issueKey = url.searchParams.get('issue') ?? undefined;
      const projectKey = url.searchParams.get('project') ?? undefined;
      if (issueKey !== undefined && !ISSUE_KEY.test(issueKey)) throw new HttpError(400, 'Invalid issue key.');
      if (projectKey !== undefined && !PROJECT_KEY.test(projectKey)) throw new HttpError(400, 'Invalid project key.');
      const colorMode = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
      // The gate's page, for the validator or (`rule=condition`) for the condition: create before the condition is added, edit after.
      const condition = app === 'gate' && url.searchParams.get('rule') === 'condition';
      const gate = app === 'gate' && !condition ? backend.workflow?.gateConfig() : undefined;
      const conditionConfig = condition ? backend.workflow?.conditionConfig() : undefined;
      const extra = condition
        ? { entryPoint: conditionConfig ? ('edit' as const) : ('create' as const), ...(conditionConfig ? { conditionConfig: JSON.stringify(conditionConfig) } : {}) }
        : app === 'gate'
          ? { entryPoint: 'edit' as const, ...(gate ? { validatorConfig: JSON.stringify(gate) } : {}) }
          : {};
      const context = await buildContext(
        { app, accountId, colorMode, ...(condition ? { module: CONDITION_MODULE } : {}), ...(issueKey ? { issueKey } : {}), ...(projectKey ? { projectKey } : {}) },
        baseUrl,
        backend.projects,
        backend.asUser(accountId),
        extra,
      );
      const inject = `${contextElement({ app, bridgeUrl: '/api/bridge', token, context })}<script src="/__preview/bridge-shim.js"></script>`;
      send(res, 200, injectIntoHead(html, inject), 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' });
      return;
    }
    await serveFile(res, root, rest);
  }

  async function serveHostPage(res: ServerResponse): Promise<void> {
    let html: string;
    try {
      html = await readFile(path.join(pageRoot, 'index.html'), 'utf8');
    } catch {
      sendText(res, 503, 'The preview page (src/preview/page/dist) is missing: run "npm run build:static".');
      return;
    }
    const page = injectIntoHead(html, `<meta name="${TOKEN_META_NAME}" content="${token}" />`);
    send(res, 200, page, 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' });
  }

  async function serveFile(res: ServerResponse, root: string, rel: string): Promise<void> {
    const resolved = await resolveStatic(root, rel);
    if (!resolved.ok) {
      sendText(res, resolved.status, resolved.status === 404 ? 'Not found.' : resolved.status === 403 ? 'Forbidden.' : 'Bad request.');
      return;
    }
    const body = await readFile(resolved.file);
    const cache = /\/assets\//.test(resolved.file.split(path.sep).join('/')) ? 'public, max-age=31536000, immutable' : 'no-cache';
    send(res, 200, body, contentType(resolved.file), { 'Cache-Control': cache });
  }

  async function bridge(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { app, functionKey, payload, context } = parseBody(await readBody(req), bridgeRequest, '{app, functionKey, payload, context}');
    if (!users.has(context.accountId)) throw new HttpError(403, `Unknown user ${JSON.stringify(context.accountId)}.`);
    const started = Date.now();
    let envelope;
    if (backend.readOnlyReason !== null && WRITING_RESOLVERS.has(functionKey)) {
      envelope = fail('forbidden', readOnlyMessage(backend.description, `"${functionKey}"`));
    } else {
      const ctx: CallContext = { accountId: context.accountId };
      if (context.issueKey) ctx.issueKey = context.issueKey;
      if (context.projectKey) ctx.projectKey = context.projectKey;
      envelope = await callHandler(functionKey, payload ?? {}, ctx, depsFor(context.accountId));
    }
    const who = users.get(context.accountId)?.displayName ?? context.accountId;
    log(`bridge ${app} ${functionKey} as ${who}: ${envelope.ok ? 'ok' : `${envelope.error.code}`} in ${Date.now() - started} ms`);
    sendJson(res, 200, envelope);
  }

  async function issues(res: ServerResponse, url: URL): Promise<void> {
    const accountId = userParam(url.searchParams.get('user'));
    const projectKey = url.searchParams.get('project') ?? '';
    if (!PROJECT_KEY.test(projectKey)) throw new HttpError(400, 'Invalid project key.');
    const jira = backend.asUser(accountId);
    try {
      const f = await storyFields(backend.asApp());
      const list: unknown[] = [];
      const pages = searchPages(jira, {
        jql: `project = "${projectKey}" ORDER BY key ASC`,
        fields: ['summary', 'issuetype', 'status', ...(f.storyPoints ? [f.storyPoints] : [])],
        maxResults: 100,
      });
      for await (const page of pages) {
        for (const issue of page.issues) {
          list.push({
            key: issue.key,
            summary: typeof issue.fields.summary === 'string' ? issue.fields.summary : '',
            issueType: nameOf(issue.fields.issuetype),
            status: nameOf(issue.fields.status),
            storyPoints: f.storyPoints ? pointsOf(issue.fields[f.storyPoints]) : null,
          });
        }
        if (list.length >= MAX_BACKLOG) break;
      }
      list.sort((a, b) => keyNumber(a) - keyNumber(b));
      sendJson(res, 200, { ok: true, issues: list });
    } catch (error) {
      jiraFailure(res, error);
    }
  }

  /** `?user=…&key=…`: who asks about which issue (a 400 for an invalid key). */
  function issueParams(url: URL): { accountId: string; key: string } {
    const accountId = userParam(url.searchParams.get('user'));
    const key = url.searchParams.get('key') ?? '';
    if (!ISSUE_KEY.test(key)) throw new HttpError(400, 'Invalid issue key.');
    return { accountId, key };
  }

  async function issue(res: ServerResponse, url: URL): Promise<void> {
    const { accountId, key } = issueParams(url);
    try {
      const f = await storyFields(backend.asApp());
      const found = await backend.asUser(accountId).getIssue(key, {
        fields: ['summary', 'description', 'issuetype', 'status', 'labels', 'parent', 'project', 'updated', ...(f.storyPoints ? [f.storyPoints] : [])],
      });
      const project = found.fields.project as { key?: unknown } | undefined;
      const parent = found.fields.parent as { key?: unknown } | undefined;
      sendJson(res, 200, {
        ok: true,
        key: found.key,
        id: found.id,
        summary: typeof found.fields.summary === 'string' ? found.fields.summary : '',
        issueType: nameOf(found.fields.issuetype),
        status: nameOf(found.fields.status),
        storyPoints: f.storyPoints ? pointsOf(found.fields[f.storyPoints]) : null,
        description: normalizeDescription(found.fields.description ?? '').text,
        labels: Array.isArray(found.fields.labels) ? found.fields.labels.filter((l): l is string => typeof l === 'string') : [],
        parentKey: typeof parent?.key === 'string' ? parent.key : null,
        projectKey: typeof project?.key === 'string' ? project.key : key.replace(/-\d+$/, ''),
      });
    } catch (error) {
      jiraFailure(res, error);
    }
  }

  /** What Jira does for a collapsed `jira:issueContext` with `dynamicProperties`: call the function with the issue's context. */
  async function issueStatus(res: ServerResponse, url: URL): Promise<void> {
    const { accountId, key } = issueParams(url);
    await options.triggersIdle?.();
    const context = await buildContext({ app: 'panel', accountId, colorMode: 'light', issueKey: key }, baseUrl, backend.projects, backend.asUser(accountId));
    const payload = { cloudId: context.cloudId, extension: { type: context.extension.type, issue: context.extension.issue, project: context.extension.project } };
    sendJson(res, 200, { ok: true, ...(await issueContextStatus(payload, depsFor(accountId))) });
  }

  /** The transitions of an issue as the user (the issue view's workflow buttons). */
  async function transitions(res: ServerResponse, url: URL): Promise<void> {
    const { accountId, key } = issueParams(url);
    try {
      sendJson(res, 200, { ok: true, transitions: await backend.asUser(accountId).getTransitions(key) });
    } catch (error) {
      jiraFailure(res, error);
    }
  }

  /** Takes a transition as the user; a workflow validator's refusal comes back as its own message. */
  async function transition(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = parseBody(await readBody(req), transitionRequest);
    const accountId = userParam(body.user);
    if (backend.readOnlyReason !== null) throw new HttpError(403, readOnlyMessage(backend.description, 'a transition'));
    try {
      await backend.asUser(accountId).transitionIssue(body.key, body.transitionId);
      sendJson(res, 200, { ok: true });
    } catch (error) {
      if (isJiraError(error, 'bad-request') && error.errorMessages.length) {
        sendJson(res, 200, { ok: false, error: error.errorMessages.join(' '), code: error.code });
        return;
      }
      jiraFailure(res, error);
    }
  }

  /** The workflow editor's Update for the gate: only a project admin may change the workflow here. */
  async function saveGate(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = parseBody(await readBody(req), gateRequest);
    const accountId = userParam(body.user);
    const workflow = backend.workflow;
    if (!workflow) throw new HttpError(404, 'Only the emulated sample has a workflow to configure.');
    const perms = await backend.asUser(accountId).myPermissions({ projectKey: body.project, permissions: ['ADMINISTER_PROJECTS'] });
    if (perms.ADMINISTER_PROJECTS !== true) {
      sendJson(res, 200, { ok: false, error: `Only administrators of ${body.project} can change its workflow.` });
      return;
    }
    const config = readGateConfig(body.config);
    workflow.setGateConfig(config);
    sendJson(res, 200, { ok: true, config });
  }

  async function requireWorkflowAdmin(res: ServerResponse, accountId: string, project: string): Promise<NonNullable<PreviewBackend['workflow']> | null> {
    const workflow = backend.workflow;
    if (!workflow) throw new HttpError(404, 'Only the emulated sample has a workflow to configure.');
    const perms = await backend.asUser(accountId).myPermissions({ projectKey: project, permissions: ['ADMINISTER_PROJECTS'] });
    if (perms.ADMINISTER_PROJECTS !== true) {
      sendJson(res, 200, { ok: false, error: `Only administrators of ${project} can change its workflow.` });
      return null;
    }
    return workflow;
  }

  /** The Story Health rules on the emulated transition, for the Workflow tab. */
  function workflowRules(res: ServerResponse): void {
    const workflow = backend.workflow;
    if (!workflow) {
      sendJson(res, 200, { ok: false, error: 'Only the emulated sample has a workflow to configure.' });
      return;
    }
    sendJson(res, 200, { ok: true, transition: workflow.transition, gate: workflow.gateConfig(), condition: workflow.conditionConfig() });
  }

  /** The workflow editor's Add/Update/Remove for the condition: only a project admin may change the workflow here. */
  async function saveCondition(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = parseBody(await readBody(req), conditionRequest);
    const workflow = await requireWorkflowAdmin(res, userParam(body.user), body.project);
    if (!workflow) return;
    const config = body.config === null ? null : readConditionConfig(body.config);
    workflow.setConditionConfig(config);
    sendJson(res, 200, { ok: true, config });
  }

  /**
   * A Rovo agent action as Rovo calls it: the payload with the action's inputs and `context.jira`
   * (the page the chat is on), the asking user from the context, the same function the manifest's
   * action module names. Answers the payload sent and the action's structured result.
   */
  async function agent(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = parseBody(await readBody(req), agentRequest);
    const accountId = userParam(body.user);
    const jira: Record<string, string> = {};
    if (body.context.issueKey) jira.issueKey = body.context.issueKey;
    const pageProject = body.context.projectKey ?? body.context.issueKey?.replace(/-\d+$/, '');
    if (pageProject) jira.projectKey = pageProject;
    if (body.context.issueKey) jira.resourceType = 'issue';
    const inputs: Record<string, string> = {};
    if (body.input.issueKey) inputs.issueKey = body.input.issueKey;
    if (body.input.projectKey) inputs.projectKey = body.input.projectKey;
    const payload = { ...inputs, context: { cloudId: PREVIEW_CLOUD_ID, moduleKey: body.action, jira } };
    try {
      const result = await AGENT_ACTIONS[body.action](payload, { accountId }, depsFor(accountId));
      sendJson(res, 200, { ok: true, action: body.action, payload, result });
    } catch (error) {
      jiraFailure(res, error);
    }
  }

  async function reset(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!backend.reset) throw new HttpError(404, 'Only the emulated sample can be reset.');
    await readBody(req);
    await backend.reset();
    sendJson(res, 200, { ok: true });
  }

  async function session(res: ServerResponse): Promise<void> {
    sendJson(res, 200, {
      ok: true,
      mode: backend.mode,
      description: backend.description,
      readOnly: backend.readOnlyReason,
      canReset: Boolean(backend.reset),
      users: backend.users,
      projects: backend.projects,
    });
  }

  async function app(res: ServerResponse, url: URL, params: Record<string, string>): Promise<void> {
    const app = APPS.find((a) => a === params.app);
    if (!app) throw new HttpError(404, 'No such app.');
    if (params.rest === undefined) {
      res.writeHead(308, { ...SECURITY_HEADERS, Location: `/apps/${app}/${url.search}` });
      res.end();
      return;
    }
    await serveApp(res, app, params.rest, url);
  }

  const get = (handler: HostHandler): Route<HostHandler>['handlers'] => ({ GET: handler, HEAD: handler });
  /** The host's routes, matched in order by the emulator's router. */
  const routes: Route<HostHandler>[] = [
    { pattern: '/api/bridge', handlers: { POST: (req, res) => bridge(req, res) } },
    { pattern: '/api/reset', handlers: { POST: (req, res) => reset(req, res) } },
    { pattern: '/api/session', handlers: get((_req, res) => session(res)) },
    { pattern: '/api/issues', handlers: get((_req, res, url) => issues(res, url)) },
    { pattern: '/api/issue', handlers: get((_req, res, url) => issue(res, url)) },
    { pattern: '/api/issue-status', handlers: get((_req, res, url) => issueStatus(res, url)) },
    { pattern: '/api/transitions', handlers: get((_req, res, url) => transitions(res, url)) },
    { pattern: '/api/transition', handlers: { POST: (req, res) => transition(req, res) } },
    { pattern: '/api/agent', handlers: { POST: (req, res) => agent(req, res) } },
    { pattern: '/api/workflow', handlers: get((_req, res) => Promise.resolve(workflowRules(res))) },
    { pattern: '/api/workflow/gate', handlers: { POST: (req, res) => saveGate(req, res) } },
    { pattern: '/api/workflow/condition', handlers: { POST: (req, res) => saveCondition(req, res) } },
    { pattern: '/api/*rest', handlers: get(() => Promise.reject(new HttpError(404, 'No such API.'))) },
    { pattern: '/__preview/bridge-shim.js', handlers: get(async (_req, res) => send(res, 200, shimScript(), 'text/javascript; charset=utf-8', { 'Cache-Control': 'no-cache' })) },
    { pattern: '/apps/:app', handlers: get((_req, res, url, params) => app(res, url, params)) },
    { pattern: '/apps/:app/*rest', handlers: get((_req, res, url, params) => app(res, url, params)) },
    { pattern: '/', handlers: get((_req, res) => serveHostPage(res)) },
    { pattern: '/index.html', handlers: get((_req, res) => serveHostPage(res)) },
    { pattern: '/*file', handlers: get((_req, res, _url, params) => serveFile(res, pageRoot, params.file ?? '')) },
  ];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    const method = req.method ?? 'GET';
    refuse(checkHost(req.headers, port));
    if (method === 'POST') refuse(checkSameOriginJson(req.headers));
    if (url.pathname.startsWith('/api/')) refuse(checkToken(req.headers, token));
    const routed = matchRoute(routes, method, url.pathname);
    if (routed.ok) return routed.handler(req, res, url, routed.params);
    if (routed.status === 405) throw new HttpError(405, `Use ${routed.allow.filter((m) => m !== 'HEAD').join(' or ')}.`);
    throw new HttpError(routed.status, routed.status === 400 ? routed.message : 'Not found.');
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        if ((req.url ?? '').startsWith('/api/')) sendJson(res, error.status, { error: error.message });
        else sendText(res, error.status, error.message);
        return;
      }
      log(`preview: ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sendJson(res, 500, { error: 'The preview host failed; see its terminal for details.' });
    });
  });

  const requested = options.port ?? DEFAULT_PORT;
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== '::1') throw new Error(`The preview host listens on loopback only (127.0.0.1 or ::1), not ${JSON.stringify(host)}.`);
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(requested) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(requested, host);
  });
  port = (server.address() as AddressInfo).port;
  baseUrl = `http://localhost:${port}`;

  return {
    url: `${baseUrl}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function nameOf(value: unknown): string {
  const name = (value as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' ? name : '';
}

function pointsOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function keyNumber(issue: unknown): number {
  const key = (issue as { key: string }).key;
  return Number(key.slice(key.lastIndexOf('-') + 1));
}
