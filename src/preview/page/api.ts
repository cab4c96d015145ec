/** The preview host's own API (not the Forge bridge: that is for the apps in the frames). */
import type { AgentResult } from '../../contract/agent';

export interface User {
  accountId: string;
  displayName: string;
  summary: string;
}
export interface Project {
  key: string;
  id: string;
  name: string;
}
export interface Session {
  mode: 'emulator' | 'site';
  description: string;
  readOnly: string | null;
  canReset: boolean;
  users: User[];
  projects: Project[];
}
export interface BacklogItem {
  key: string;
  summary: string;
  issueType: string;
  status: string;
  storyPoints: number | null;
}
export interface IssueDetails extends BacklogItem {
  id: string;
  description: string;
  labels: string[];
  parentKey: string | null;
  projectKey: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; message: string };

/** This start's API token: the host puts it into the page; every API call sends it back. */
const TOKEN = document.querySelector<HTMLMetaElement>('meta[name="story-health-preview-token"]')?.content ?? '';

async function call<T>(url: string, init?: RequestInit & { headers?: Record<string, string> }): Promise<Result<T>> {
  try {
    const response = await fetch(url, { credentials: 'same-origin', ...init, headers: { 'X-Story-Health-Preview-Token': TOKEN, ...init?.headers } });
    const body = (await response.json()) as T & { ok?: boolean; error?: string };
    if (!response.ok || body.ok === false) return { ok: false, message: body.error ?? `The preview host answered ${response.status}.` };
    return { ok: true, data: body };
  } catch (error) {
    return { ok: false, message: `The preview host is not reachable (${error instanceof Error ? error.message : String(error)}).` };
  }
}

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

export const fetchSession = () => call<Session>('/api/session');
export const fetchBacklog = (user: string, project: string) => call<{ issues: BacklogItem[] }>(`/api/issues?${q({ user, project })}`);
export const fetchIssue = (user: string, key: string) => call<IssueDetails>(`/api/issue?${q({ user, key })}`);
/** The collapsed issue context's status, as the app's `dynamicProperties` function returns it. */
export interface IssueStatus {
  status: { type: 'lozenge'; value: { label: string; type: 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success' } };
}
export const fetchIssueStatus = (user: string, key: string) => call<IssueStatus>(`/api/issue-status?${q({ user, key })}`);
export interface TransitionItem {
  id: string;
  name: string;
  to: string;
}
export const fetchTransitions = (user: string, key: string) => call<{ transitions: TransitionItem[] }>(`/api/transitions?${q({ user, key })}`);
const postJson = (url: string, body: unknown) => call<{ ok: true }>(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
/** Takes a transition; a workflow validator's refusal is `{ok: false, message}` with the validator's own words. */
export const takeTransition = (user: string, key: string, transitionId: string) => postJson('/api/transition', { user, key, transitionId });
/** The workflow editor's Update: stores the configuration the gate's page returned. */
export const saveGateConfig = (user: string, project: string, config: string) => postJson('/api/workflow/gate', { user, project, config });
/** The Story Health rules on the emulated "Start progress": the gate's configuration, and the condition's (null: not added). */
export interface WorkflowRules {
  transition: { id: string; name: string };
  gate: unknown;
  condition: unknown;
}
export const fetchWorkflowRules = () => call<WorkflowRules>('/api/workflow');
/** The workflow editor's Add or Update for the condition (the page's configuration), or Remove (null). */
export const saveConditionConfig = (user: string, project: string, config: string | null) => postJson('/api/workflow/condition', { user, project, config });
/** The Rovo agent's actions (manifest `action` keys). */
export type AgentAction = 'check-story' | 'suggest-rewrite' | 'suggest-split' | 'backlog-health';
export interface AgentRun {
  action: AgentAction;
  /** The payload the host sent the action, as Rovo would. */
  payload: unknown;
  /** The action's own answer: `{ok: true, ...}` or its refusal `{ok: false, error}`. */
  result: AgentResult<unknown>;
}
/** Runs one agent action through the function the manifest's action module names. */
export const runAgentAction = (user: string, action: AgentAction, input: { issueKey?: string; projectKey?: string }, context: { issueKey?: string; projectKey?: string }) =>
  call<AgentRun>('/api/agent', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user, action, input, context }) });
export const resetSample = () => call<{ ok: true }>('/api/reset', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });

/** The URL of an app frame (AppFrame adds the theme); the host injects the Forge context and the bridge into it. */
export function frameUrl(app: 'panel' | 'report' | 'settings' | 'gate', params: { user: string; project?: string; issue?: string; rule?: 'condition' }): string {
  const p: Record<string, string> = { user: params.user };
  if (params.rule) p.rule = params.rule;
  if (params.project) p.project = params.project;
  if (params.issue) p.issue = params.issue;
  return `/apps/${app}/?${q(p)}`;
}
