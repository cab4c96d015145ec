/**
 * report/start, report/status, report/snapshot, report/issues, report/cancel. Aggregates come from
 * the latest snapshot; every list of issues is fetched live as the viewing user, so nobody sees a
 * story they may not browse: snapshot keys are checked in batches (bulk fetch), personas none of
 * whose stories the viewer may see are left out, and searches on the property reconcile the issues
 * the app wrote a moment ago. Only the person who started a scan, or a project admin, may cancel it.
 */
import type { Snapshot, SnapshotCluster, SnapshotCycle } from '../core/aggregate';
import { PASS_SCORE } from '../core/aggregate';
import { fail, ok, type Envelope } from '../contract/envelope';
import { reportIssuesRequest, reportProjectRequest, type IssueFilter, type ReportIssue, type ReportIssuesPage, type ReportView, type ScanStatus } from '../contract/report';
import type { JiraClient, SearchPage, SearchParams } from '../jira/types';
import { jqlString, tokenAfter } from '../jira';
import type { CallContext, Deps } from './ports';
import { HEALTH_PROPERTY, type HealthProperty } from './health-property';
import { recentWrites } from './recent-writes';
import { snapshotPrefix, stateKey, STALE_AFTER_MS, type ScanState, type StoredSnapshot } from './scan-state';
import { scanJql } from './scan';
import { loadSettings } from './settings-store';
import { parsePayload } from './validate';
import { visibleKeys } from './visibility';
import { searchKeys } from './search-keys';

interface Access {
  browse: boolean;
  admin: boolean;
}

/** What the caller may do in the project: browse it, administer it (one permissions call). */
async function projectAccess(jira: JiraClient, projectKey: string): Promise<Access> {
  const p = await jira.myPermissions({ projectKey, permissions: ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'] });
  return { browse: p.BROWSE_PROJECTS === true, admin: p.ADMINISTER_PROJECTS === true };
}

/** Cancelling someone's scan throws away their work: they, or a project admin, may. */
function mayCancel(state: ScanState | undefined, ctx: CallContext, access: Access): boolean {
  return access.admin || (state?.startedBy != null && state.startedBy === ctx.accountId);
}

function statusOf(state: ScanState | undefined, now: Date, extra: { joined?: boolean; canCancel?: boolean } = {}): ScanStatus {
  const { joined, canCancel } = extra;
  if (!state) return { status: 'none', phase: null, done: 0, pages: 0, backfilled: 0, failed: 0, startedAt: null, updatedAt: null, error: null, stalled: false };
  return {
    status: state.status,
    phase: state.phase,
    done: state.done,
    pages: state.pages,
    backfilled: state.backfilled,
    failed: state.failed ?? 0,
    startedAt: state.startedAt,
    updatedAt: state.updatedAt,
    error: state.error ?? null,
    stalled: state.status === 'running' && now.getTime() - Date.parse(state.updatedAt) >= STALE_AFTER_MS,
    ...(joined ? { joined } : {}),
    ...(state.status === 'running' && canCancel !== undefined ? { canCancel } : {}),
    ...(state.status === 'running' && state.pausedUntil && Date.parse(state.pausedUntil) > now.getTime() ? { pausedUntil: state.pausedUntil, pausedBecause: state.pausedBecause ?? 'rate limits' } : {}),
  };
}

const notVisible = (projectKey: string) => fail('not-found', `Project ${projectKey} does not exist or you cannot see it.`);

/** A report request for a project the caller may browse: its key and their access, or the refusal. */
async function projectRequest(payload: unknown, deps: Deps): Promise<{ projectKey: string; access: Access } | Envelope<never>> {
  const req = parsePayload(reportProjectRequest, payload);
  if (!('value' in req)) return req;
  const { projectKey } = req.value;
  const access = await projectAccess(deps.asUser(), projectKey);
  return access.browse ? { projectKey, access } : notVisible(projectKey);
}

function newJobId(now: Date): string {
  return `${now.getTime().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}

export async function reportStart(payload: unknown, ctx: CallContext, deps: Deps): Promise<Envelope<ScanStatus>> {
  const req = await projectRequest(payload, deps);
  if ('ok' in req) return req;
  const { projectKey, access } = req;
  const now = deps.now();
  const current = await deps.store.get<ScanState>(stateKey(projectKey));
  const alive = current?.status === 'running' && now.getTime() - Date.parse(current.updatedAt) < STALE_AFTER_MS;
  // One scan per project: a second Start joins it.
  if (current && alive) return ok(statusOf(current, now, { joined: true, canCancel: mayCancel(current, ctx, access) }));
  const state: ScanState = {
    jobId: newJobId(now),
    projectKey,
    status: 'running',
    phase: 'analyzing',
    done: 0,
    pages: 0,
    nextPageToken: null,
    backfilled: 0,
    failed: 0,
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    startedBy: ctx.accountId,
  };
  await deps.store.set(stateKey(projectKey), state);
  // The job it replaces (a stalled one) keeps nothing: its cleanup event deletes its chunks.
  const replaced = current?.status === 'running' ? [{ projectKey, jobId: current.jobId }] : [];
  await deps.queue.push([{ projectKey, jobId: state.jobId }, ...replaced]);
  return ok(statusOf(state, deps.now(), { canCancel: true }));
}

export async function reportStatus(payload: unknown, ctx: CallContext, deps: Deps): Promise<Envelope<ScanStatus>> {
  const req = await projectRequest(payload, deps);
  if ('ok' in req) return req;
  const state = await deps.store.get<ScanState>(stateKey(req.projectKey));
  return ok(statusOf(state, deps.now(), { canCancel: mayCancel(state, ctx, req.access) }));
}

export async function reportCancel(payload: unknown, ctx: CallContext, deps: Deps): Promise<Envelope<ScanStatus>> {
  const req = await projectRequest(payload, deps);
  if ('ok' in req) return req;
  const { projectKey, access } = req;
  const state = await deps.store.get<ScanState>(stateKey(projectKey));
  if (!state || state.status !== 'running') return ok(statusOf(state, deps.now()));
  if (!mayCancel(state, ctx, access)) {
    return fail('forbidden', 'Only the person who started this scan, or a project admin, can cancel it. It keeps running; its report replaces the current one when it finishes.');
  }
  state.status = 'cancelled';
  state.updatedAt = deps.now().toISOString();
  await deps.store.set(stateKey(projectKey), state);
  // Its chunks go now (the job's next event would do it too, but a stalled job has none).
  await deps.queue.push([{ projectKey, jobId: state.jobId }]);
  return ok(statusOf(state, deps.now()));
}

async function allSnapshots(deps: Deps, projectKey: string): Promise<StoredSnapshot[]> {
  const out: StoredSnapshot[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.list<StoredSnapshot>(snapshotPrefix(projectKey), { limit: 100, ...(cursor ? { cursor } : {}) });
    out.push(...page.items.map((i) => i.value));
    cursor = page.cursor;
  } while (cursor);
  return out.map(normalized).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
}

/** A snapshot stored by an earlier version (cycles as key lists, clusters without a size) in today's shape. */
function normalized(s: StoredSnapshot): StoredSnapshot {
  const cycles = (s.dependencyCycles ?? []) as unknown[];
  const clusters = (s.duplicates ?? []) as Partial<SnapshotCluster>[];
  return {
    ...s,
    dependencyCycles: cycles.map((c): SnapshotCycle => (Array.isArray(c) ? { keys: c as string[], size: c.length } : (c as SnapshotCycle))),
    duplicates: clusters.map((c) => ({ keys: c.keys ?? [], similarity: c.similarity ?? 0, size: c.size ?? (c.keys ?? []).length })),
  };
}

/**
 * The snapshot as one viewer may see it: key lists keep only keys they may browse (sizes and
 * counts stay, so "and N more" still adds up), and a persona none of whose listed stories they
 * may see is left out altogether: its name comes from stories hidden from them.
 */
function filterSnapshot(s: Snapshot, visible: Set<string>): { snapshot: Snapshot; hidden: number } {
  const all = new Set<string>();
  const keep = (keys: readonly string[]) => keys.filter((k) => (all.add(k), visible.has(k)));
  const snapshot: Snapshot = {
    ...s,
    duplicates: s.duplicates.map((c) => ({ ...c, keys: keep(c.keys) })).filter((c) => c.keys.length >= 2),
    dependencyCycles: s.dependencyCycles.map((c) => ({ ...c, keys: keep(c.keys) })).filter((c) => c.keys.length > 0),
    longestBlockedChain: keep(s.longestBlockedChain),
    personas: s.personas.map((p) => ({ ...p, keys: keep(p.keys) })).filter((p) => p.keys.length > 0),
    fixFirst: s.fixFirst.filter((f) => (all.add(f.key), visible.has(f.key))),
    failed: (s.failed ?? []).filter((f) => (all.add(f.key), visible.has(f.key))),
  };
  return { snapshot, hidden: [...all].filter((k) => !visible.has(k)).length };
}

function snapshotKeys(s: Snapshot): string[] {
  return [
    ...s.duplicates.flatMap((c) => c.keys),
    ...s.dependencyCycles.flatMap((c) => c.keys),
    ...s.longestBlockedChain,
    ...s.personas.flatMap((p) => p.keys),
    ...s.fixFirst.map((f) => f.key),
    ...(s.failed ?? []).map((f) => f.key),
  ];
}

export async function reportSnapshot(payload: unknown, ctx: CallContext, deps: Deps): Promise<Envelope<ReportView>> {
  const req = await projectRequest(payload, deps);
  if ('ok' in req) return req;
  const { projectKey, access } = req;
  const jira = deps.asUser();
  const snapshots = await allSnapshots(deps, projectKey);
  const state = await deps.store.get<ScanState>(stateKey(projectKey));
  const status = statusOf(state, deps.now(), { canCancel: mayCancel(state, ctx, access) });
  const latest = snapshots[snapshots.length - 1];
  const history = snapshots.map((s) => ({ createdAt: s.createdAt, score: s.score, count: s.count }));
  if (!latest) return ok({ snapshot: null, history, status, hiddenKeys: 0 });
  const { snapshot, hidden } = filterSnapshot(latest, await visibleKeys(jira, snapshotKeys(latest)));
  return ok({ snapshot, history, status, hiddenKeys: hidden });
}


/** The JQL for a filter on the indexed `storyHealth` property. */
export function issuesJql(base: string, filter: IssueFilter): string {
  const parts = [base.replace(/\s+ORDER BY.*$/i, '')];
  if (filter.criterion) parts.push(`issue.property[${HEALTH_PROPERTY}].criteria.${filter.criterion} < ${PASS_SCORE}`);
  if (filter.ruleId) parts.push(`issue.property[${HEALTH_PROPERTY}].ruleIds = ${jqlString(filter.ruleId)}`);
  if (filter.technical !== undefined) parts.push(`issue.property[${HEALTH_PROPERTY}].technical = ${filter.technical}`);
  if (filter.minScore !== undefined) parts.push(`issue.property[${HEALTH_PROPERTY}].score >= ${filter.minScore}`);
  if (filter.maxScore !== undefined) parts.push(`issue.property[${HEALTH_PROPERTY}].score < ${filter.maxScore}`);
  if (filter.keys) parts.push(filter.keys.length ? `key in (${filter.keys.join(', ')})` : 'key in (NONE-0)');
  return `${parts.join(' AND ')} ORDER BY issue.property[${HEALTH_PROPERTY}].score ASC, key ASC`;
}


export async function reportIssues(payload: unknown, _ctx: CallContext, deps: Deps): Promise<Envelope<ReportIssuesPage>> {
  const req = parsePayload(reportIssuesRequest, payload);
  if (!('value' in req)) return req;
  const { projectKey, filter, nextPageToken, maxResults } = req.value;
  const settings = await loadSettings(deps.store, projectKey);
  // Issues whose property the app just wrote: the search must see them as written.
  const reconcile = await recentWrites(deps.store, projectKey, deps.now());
  const params = (q: string): SearchParams => ({
    jql: q,
    fields: ['summary'],
    properties: [HEALTH_PROPERTY],
    maxResults,
    ...(nextPageToken ? { nextPageToken } : {}),
    ...(reconcile.length ? { reconcileIssues: reconcile } : {}),
  });
  const jira = deps.asUser();
  const base = scanJql(projectKey, settings);
  let jql = issuesJql(base, filter);
  let page: SearchPage;
  if (filter.keys?.length) {
    const found = await searchKeys(jira, filter.keys, (keys) => params(issuesJql(base, { ...filter, keys })));
    jql = found.jql;
    page = found.page;
  } else {
    page = await jira.searchJql(params(jql));
  }
  const issues: ReportIssue[] = page.issues.map((issue) => {
    const p = issue.properties?.[HEALTH_PROPERTY] as Partial<HealthProperty> | undefined;
    return {
      key: issue.key,
      summary: String(issue.fields.summary ?? ''),
      score: typeof p?.score === 'number' ? p.score : null,
      technical: p?.technical === true,
      ruleIds: Array.isArray(p?.ruleIds) ? p.ruleIds : [],
      criteria: p?.criteria ?? null,
    };
  });
  return ok({ issues, nextPageToken: tokenAfter(page), jql });
}
