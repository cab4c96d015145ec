/**
 * report/start, report/status, report/snapshot, report/issues, report/cancel. Aggregates come from
 * the latest snapshot; every list of issues is fetched live as the viewing user, so nobody sees a
 * story they may not browse.
 */
import type { Snapshot } from '../core/aggregate';
import { PASS_SCORE } from '../core/aggregate';
import { fail, ok, type Envelope } from '../contract/envelope';
import { reportIssuesRequest, reportProjectRequest, type IssueFilter, type ReportIssue, type ReportIssuesPage, type ReportView, type ScanStatus } from '../contract/report';
import type { JiraClient, SearchPage, SearchParams } from '../jira/types';
import { jqlString } from '../jira';
import type { CallContext, Deps } from './ports';
import { HEALTH_PROPERTY, type HealthProperty } from './health-property';
import { snapshotPrefix, stateKey, STALE_AFTER_MS, type ScanState, type StoredSnapshot } from './scan-state';
import { scanJql } from './scan';
import { loadSettings } from './settings-store';
import { parsePayload } from './validate';

function statusOf(state: ScanState | undefined, now: Date, joined?: boolean): ScanStatus {
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
  };
}

async function canBrowseProject(jira: JiraClient, projectKey: string): Promise<boolean> {
  const p = await jira.myPermissions({ projectKey, permissions: ['BROWSE_PROJECTS'] });
  return p.BROWSE_PROJECTS === true;
}

function newJobId(now: Date): string {
  return `${now.getTime().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}

export async function reportStart(payload: unknown, ctx: CallContext, deps: Deps): Promise<Envelope<ScanStatus>> {
  const req = parsePayload(reportProjectRequest, payload);
  if (!('value' in req)) return req;
  const { projectKey } = req.value;
  if (!(await canBrowseProject(deps.asUser(), projectKey))) return fail('not-found', `Project ${projectKey} does not exist or you cannot see it.`);
  const now = deps.now();
  const current = await deps.store.get<ScanState>(stateKey(projectKey));
  const alive = current?.status === 'running' && now.getTime() - Date.parse(current.updatedAt) < STALE_AFTER_MS;
  if (current && alive) return ok(statusOf(current, now, true)); // one scan per project: a second Start joins it
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
  await deps.queue.push([{ projectKey, jobId: state.jobId }]);
  return ok(statusOf(state, deps.now()));
}

export async function reportStatus(payload: unknown, _ctx: CallContext, deps: Deps): Promise<Envelope<ScanStatus>> {
  const req = parsePayload(reportProjectRequest, payload);
  if (!('value' in req)) return req;
  if (!(await canBrowseProject(deps.asUser(), req.value.projectKey))) return fail('not-found', `Project ${req.value.projectKey} does not exist or you cannot see it.`);
  return ok(statusOf(await deps.store.get<ScanState>(stateKey(req.value.projectKey)), deps.now()));
}

export async function reportCancel(payload: unknown, _ctx: CallContext, deps: Deps): Promise<Envelope<ScanStatus>> {
  const req = parsePayload(reportProjectRequest, payload);
  if (!('value' in req)) return req;
  if (!(await canBrowseProject(deps.asUser(), req.value.projectKey))) return fail('not-found', `Project ${req.value.projectKey} does not exist or you cannot see it.`);
  const state = await deps.store.get<ScanState>(stateKey(req.value.projectKey));
  if (!state || state.status !== 'running') return ok(statusOf(state, deps.now()));
  state.status = 'cancelled';
  state.updatedAt = deps.now().toISOString();
  await deps.store.set(stateKey(req.value.projectKey), state);
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
  return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
}

/**
 * Keys Jira names as not existing (or not visible) in a `key in (…)` query: like Jira Cloud, the
 * emulator rejects the whole query with "An issue with key 'X' does not exist for field 'key'".
 */
function missingKeys(error: unknown): string[] {
  const e = error as { name?: string; code?: string; errorMessages?: string[] };
  if (e?.name !== 'JiraError' || e.code !== 'bad-request') return [];
  return (e.errorMessages ?? []).flatMap((m) => [...m.matchAll(/key '([A-Z][A-Z0-9_]+-\d+)' does not exist/g)].map((x) => x[1]!));
}

/**
 * Searches `base AND key in (keys)` as the user, dropping keys Jira says the user cannot see and
 * asking again; returns the visible issues of one page (at most 100 keys per call).
 */
async function searchVisible(jira: JiraClient, keys: readonly string[], query: (keyList: string) => SearchParams): Promise<SearchPage> {
  let remaining = [...new Set(keys)];
  for (let attempt = 0; attempt <= keys.length; attempt++) {
    if (!remaining.length) return { issues: [], isLast: true };
    try {
      return await jira.searchJql(query(remaining.join(', ')));
    } catch (error) {
      const missing = new Set(missingKeys(error));
      if (!missing.size) throw error;
      remaining = remaining.filter((k) => !missing.has(k));
    }
  }
  return { issues: [], isLast: true };
}

/** The subset of `keys` the user may browse, asked of Jira as that user (100 keys per query). */
async function visibleKeys(jira: JiraClient, keys: readonly string[]): Promise<Set<string>> {
  const visible = new Set<string>();
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += 100) {
    const page = await searchVisible(jira, unique.slice(i, i + 100), (list) => ({ jql: `key in (${list})`, fields: ['summary'], maxResults: 100 }));
    for (const issue of page.issues) visible.add(issue.key);
  }
  return visible;
}

function filterSnapshot(s: Snapshot, visible: Set<string>): { snapshot: Snapshot; hidden: number } {
  const all = new Set<string>();
  const keep = (keys: readonly string[]) => keys.filter((k) => (all.add(k), visible.has(k)));
  const snapshot: Snapshot = {
    ...s,
    duplicates: s.duplicates.map((c) => ({ ...c, keys: keep(c.keys) })).filter((c) => c.keys.length >= 2),
    dependencyCycles: s.dependencyCycles.map(keep).filter((c) => c.length > 0),
    longestBlockedChain: keep(s.longestBlockedChain),
    personas: s.personas.map((p) => ({ ...p, keys: keep(p.keys) })),
    fixFirst: s.fixFirst.filter((f) => (all.add(f.key), visible.has(f.key))),
    failed: (s.failed ?? []).filter((f) => (all.add(f.key), visible.has(f.key))),
  };
  return { snapshot, hidden: [...all].filter((k) => !visible.has(k)).length };
}

function snapshotKeys(s: Snapshot): string[] {
  return [
    ...s.duplicates.flatMap((c) => c.keys),
    ...s.dependencyCycles.flat(),
    ...s.longestBlockedChain,
    ...s.personas.flatMap((p) => p.keys),
    ...s.fixFirst.map((f) => f.key),
    ...(s.failed ?? []).map((f) => f.key),
  ];
}

export async function reportSnapshot(payload: unknown, _ctx: CallContext, deps: Deps): Promise<Envelope<ReportView>> {
  const req = parsePayload(reportProjectRequest, payload);
  if (!('value' in req)) return req;
  const { projectKey } = req.value;
  const jira = deps.asUser();
  if (!(await canBrowseProject(jira, projectKey))) return fail('not-found', `Project ${projectKey} does not exist or you cannot see it.`);
  const snapshots = await allSnapshots(deps, projectKey);
  const state = await deps.store.get<ScanState>(stateKey(projectKey));
  const latest = snapshots[snapshots.length - 1];
  const history = snapshots.map((s) => ({ createdAt: s.createdAt, score: s.score, count: s.count }));
  if (!latest) return ok({ snapshot: null, history, status: statusOf(state, deps.now()), hiddenKeys: 0 });
  const { snapshot, hidden } = filterSnapshot(latest, await visibleKeys(jira, snapshotKeys(latest)));
  return ok({ snapshot, history, status: statusOf(state, deps.now()), hiddenKeys: hidden });
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
  const jql = issuesJql(scanJql(projectKey, settings), filter);
  const params = (q: string): SearchParams => ({ jql: q, fields: ['summary'], properties: [HEALTH_PROPERTY], maxResults, ...(nextPageToken ? { nextPageToken } : {}) });
  const jira = deps.asUser();
  const page = filter.keys?.length
    ? await searchVisible(jira, filter.keys, (list) => params(issuesJql(scanJql(projectKey, settings), { ...filter, keys: list.split(', ') })))
    : await jira.searchJql(params(jql));
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
  return ok({ issues, nextPageToken: page.isLast ? null : (page.nextPageToken ?? null), jql });
}
