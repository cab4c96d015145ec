/**
 * The Rovo agent's actions (manifest `action` modules of `rovo:agent` story-health-agent): check a
 * story, suggest a rewrite, suggest a split, summarize a project's backlog health. Each validates
 * its payload (contract/agent.ts), then calls the same handler the panel or the report page calls,
 * as the asking user (the account in Forge's context, never one named in the chat), and returns
 * the engine's findings and suggestions as data. Nothing here writes to Jira.
 */
import type { z } from 'zod';
import { issueActionPayload, projectActionPayload, type AgentFinding, type AgentResult, type BacklogHealthResult, type CheckStoryResult, type RewriteResult, type SplitResult } from '../contract/agent';
import type { PanelAnalysis, ReportView } from '../contract';
import { RESOLVER_KEYS } from '../contract/keys';
import { grade } from '../core/grade';
import type { Finding } from '../core/story';
import { callHandler } from './index';
import { GRADE_WORDS } from './issue-status';
import type { Deps } from './ports';

/** Forge's action context: who asked. */
export interface ActionContext {
  accountId: string | null;
}

type Refusal = { ok: false; error: { code: string; message: string } };

function refuse(code: string, message: string): Refusal {
  return { ok: false, error: { code, message } };
}

function parse<S extends z.ZodType>(schema: S, payload: unknown): { value: z.output<S> } | Refusal {
  const parsed = schema.safeParse(payload ?? {});
  if (parsed.success) return { value: parsed.data };
  return refuse('invalid-payload', parsed.error.issues[0]?.message ?? 'The action was called without what it needs.');
}

function finding(f: Finding): AgentFinding {
  return { ruleId: f.ruleId, severity: f.severity, criterion: f.criterion, message: f.message };
}

/** Validates the payload, then calls the handler the panel or the report page calls, as the asking user. */
async function callAsUser<S extends z.ZodType<{ issueKey: string } | { projectKey: string }>>(
  schema: S,
  payload: unknown,
  ctx: ActionContext,
  deps: Deps,
  key: string,
): Promise<{ request: z.output<S>; data: unknown } | Refusal> {
  const req = parse(schema, payload);
  if (!('value' in req)) return req;
  if (!ctx.accountId) return refuse('unauthorized', 'Story Health answers a person only: the request had no user.');
  const result = await callHandler(key, req.value, { accountId: ctx.accountId, ...req.value }, deps);
  if (!result.ok) return refuse(result.error.code, result.error.message);
  return { request: req.value, data: result.data };
}

/** An issue action: the panel's analysis of the issue, answered as `answer` words it. */
async function fromAnalysis<T>(payload: unknown, ctx: ActionContext, deps: Deps, answer: (a: PanelAnalysis) => T): Promise<AgentResult<T>> {
  const called = await callAsUser(issueActionPayload, payload, ctx, deps, RESOLVER_KEYS.panelAnalyze);
  if (!('data' in called)) return called;
  return { ok: true, ...answer(called.data as PanelAnalysis) };
}

export function checkStory(payload: unknown, ctx: ActionContext, deps: Deps): Promise<AgentResult<CheckStoryResult>> {
  return fromAnalysis(payload, ctx, deps, ({ issue, report, isStory }) => ({
    issueKey: issue.key,
    summary: issue.summary,
    isStory,
    score: report.score,
    grade: GRADE_WORDS[grade(report.score)] as CheckStoryResult['grade'],
    kind: report.kind,
    criteria: { ...report.criteria },
    findings: report.findings.map(finding),
    backlogFindings: report.backlogFindings.map(finding),
  }));
}

export function suggestRewrite(payload: unknown, ctx: ActionContext, deps: Deps): Promise<AgentResult<RewriteResult>> {
  return fromAnalysis(payload, ctx, deps, ({ issue, report }) => ({
    issueKey: issue.key,
    rewrites: report.rewrites.map((r) => ({ kind: r.kind, summary: r.summary, ...(r.description ? { description: r.description } : {}), rationale: r.rationale, ...(r.parentKey ? { parentKey: r.parentKey } : {}), placeholders: [...r.placeholders], checked: r.appliable === true, checks: [...(r.checks ?? [])] })),
  }));
}

export function suggestSplit(payload: unknown, ctx: ActionContext, deps: Deps): Promise<AgentResult<SplitResult>> {
  return fromAnalysis(payload, ctx, deps, ({ issue, report }) => ({
    issueKey: issue.key,
    splits: report.splits.map((s) => ({ pattern: s.pattern, rationale: s.rationale, stories: s.stories.map((p) => ({ summary: p.summary, ...(p.description ? { description: p.description } : {}) })), placeholders: [...s.placeholders], checked: s.appliable === true, checks: [...(s.checks ?? [])] })),
    existingSlices: [...(report.existingSlices ?? [])],
  }));
}

export async function backlogHealth(payload: unknown, ctx: ActionContext, deps: Deps): Promise<AgentResult<BacklogHealthResult>> {
  const called = await callAsUser(projectActionPayload, payload, ctx, deps, RESOLVER_KEYS.reportSnapshot);
  if (!('data' in called)) return called;
  const { projectKey } = called.request;
  const view = called.data as ReportView;
  const s = view.snapshot;
  if (!s) {
    return {
      ok: true,
      projectKey,
      scannedAt: null,
      stories: 0,
      score: null,
      grade: null,
      passRates: {},
      counts: {},
      fixFirst: [],
      hiddenStories: 0,
      note: `${projectKey} has not been scanned yet: start a scan on its Backlog health page.`,
    };
  }
  return {
    ok: true,
    projectKey,
    scannedAt: s.createdAt,
    stories: s.count,
    score: s.score,
    grade: GRADE_WORDS[grade(s.score)] as BacklogHealthResult['grade'],
    passRates: { ...s.passRates },
    counts: { ...s.counts },
    fixFirst: s.fixFirst.slice(0, 10).map((f) => ({ key: f.key, score: f.score, ruleId: f.ruleId })),
    hiddenStories: view.hiddenKeys,
  };
}
