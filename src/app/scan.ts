/**
 * Backlog scan, run by the queue consumer in chunks: page through the project's stories with
 * search/jql (nextPageToken), analyze each, backfill or refresh its `storyHealth` property, store a
 * compact record per story in a chunk, checkpoint after every page, and when the last page is done
 * aggregate all chunks into a snapshot. Resumable (a re-delivered or restarted event continues
 * from the last checkpoint; chunk keys are per page, so a redone page overwrites itself),
 * cancellable, one scan per project at a time.
 */
import { aggregate } from '../core/aggregate';
import { ENGINE_VERSION } from '../core/analyze';
import type { Settings } from '../core/config';
import { analyzeForScan, failedScan, type ScanRecord } from '../core/scan-record';
import type { StoryReport } from '../core/story';
import { issueToStory, STORY_FIELDS, storiesJql, type StoryFieldIds } from '../jira';
import type { JiraIssue } from '../jira/types';
import type { Deps } from './ports';
import { contentHash } from './content-hash';
import { siteFields } from './issue-reader';
import { HEALTH_PROPERTY, toProperty, type HealthProperty, type StoredHealth } from './health-property';
import { chunkKey, chunkPrefix, HISTORY_LIMIT, snapshotKey, snapshotPrefix, stateKey, type ScanState, type StoredSnapshot } from './scan-state';
import { loadSettings } from './settings-store';

export interface ScanEvent {
  projectKey: string;
  jobId: string;
}

/** Work per consumer run: well inside the 900 s consumer timeout, and memory stays one page deep. */
export const PAGE_SIZE = 100;
export const MAX_PAGES_PER_RUN = 20;
export const RUN_BUDGET_MS = 300_000;

/** Property writes in flight at once per page: fast enough, and gentle on Jira's rate limits. */
export const WRITE_CONCURRENCY = 8;

/** Runs `fn` over `items` with at most `limit` in flight; the first error rejects after in-flight work settles. */
async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== null) throw failure;
}

export function scanJql(projectKey: string, settings: Settings): string {
  return storiesJql(projectKey, settings.issueTypes);
}

function isJiraError(error: unknown, code?: string): boolean {
  const e = error as { name?: string; code?: string };
  return e?.name === 'JiraError' && (code === undefined || e.code === code);
}

async function saveState(deps: Deps, state: ScanState): Promise<void> {
  state.updatedAt = deps.now().toISOString();
  await deps.store.set(stateKey(state.projectKey), state);
}

async function deleteChunks(deps: Deps, projectKey: string, jobId: string): Promise<void> {
  for (;;) {
    const page = await deps.store.list(chunkPrefix(projectKey, jobId), { limit: 100 });
    if (!page.items.length) return;
    for (const item of page.items) await deps.store.delete(item.key);
  }
}

/**
 * One issue of a page: its report, record and content hash. Never throws: an issue the engine (or
 * the mapping before it) cannot handle gets an engine-error report and record, and the scan goes on.
 */
function scanIssue(issue: JiraIssue, fields: StoryFieldIds, settings: Settings): { report: StoryReport; record: ScanRecord; hash: string } {
  try {
    const story = issueToStory(issue, fields);
    const scanned = analyzeForScan({ ...story, key: issue.key }, settings);
    return { ...scanned, hash: contentHash({ ...story, labels: undefined }, settings, ENGINE_VERSION) };
  } catch (error) {
    const summary = typeof issue.fields?.summary === 'string' ? issue.fields.summary : '';
    return { ...failedScan(issue.key, summary, 'prepare', error), hash: '' };
  }
}

/** Analyzes one page and backfills stale properties; returns the page's records. */
async function scanPage(deps: Deps, settings: Settings, state: ScanState): Promise<{ records: ScanRecord[]; nextPageToken: string | null; backfilled: number }> {
  const jira = deps.asApp();
  const fields = await siteFields(jira, deps.store, deps.now());
  const page = await jira.searchJql({
    jql: scanJql(state.projectKey, settings),
    fields: STORY_FIELDS(fields),
    properties: [HEALTH_PROPERTY],
    maxResults: PAGE_SIZE,
    ...(state.nextPageToken ? { nextPageToken: state.nextPageToken } : {}),
  });
  const records: ScanRecord[] = [];
  const writes: { key: string; value: StoredHealth }[] = [];
  for (const issue of page.issues) {
    const { report, record, hash } = scanIssue(issue, fields, settings);
    records.push(record);
    const existing = issue.properties?.[HEALTH_PROPERTY] as Partial<HealthProperty> | undefined;
    if (existing?.contentHash !== hash || existing.engineVersion !== ENGINE_VERSION) writes.push({ key: issue.key, value: toProperty(report, hash, deps.now()) });
  }
  let backfilled = 0;
  await forEachLimit(writes, WRITE_CONCURRENCY, async ({ key, value }) => {
    try {
      await jira.setIssueProperty(key, HEALTH_PROPERTY, value);
      backfilled++;
    } catch (error) {
      // Deleted while we scanned: nothing left to annotate.
      if (!isJiraError(error, 'not-found')) throw error;
    }
  });
  return { records, nextPageToken: page.isLast ? null : (page.nextPageToken ?? null), backfilled };
}

async function finish(deps: Deps, state: ScanState): Promise<void> {
  const records: ScanRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.list<ScanRecord[]>(chunkPrefix(state.projectKey, state.jobId), { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const item of page.items) records.push(...item.value);
    cursor = page.cursor;
  } while (cursor);
  // A story seen twice (a page redone after a crash is overwritten, but be safe) counts once.
  const unique = [...new Map(records.map((r) => [r.key, r])).values()];
  const createdAt = deps.now().toISOString();
  const snapshot: StoredSnapshot = { ...aggregate(unique, { createdAt, engineVersion: ENGINE_VERSION }), projectKey: state.projectKey, jobId: state.jobId };
  const key = snapshotKey(state.projectKey, createdAt);
  // Snapshot first, then state: a crash in between redoes the aggregation and writes the same snapshot key again.
  await deps.store.set(key, snapshot);
  state.status = 'done';
  state.phase = 'done';
  state.snapshotKey = key;
  await saveState(deps, state);
  await deleteChunks(deps, state.projectKey, state.jobId);
  await pruneHistory(deps, state.projectKey);
}

async function pruneHistory(deps: Deps, projectKey: string): Promise<void> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.list(snapshotPrefix(projectKey), { limit: 100, ...(cursor ? { cursor } : {}) });
    keys.push(...page.items.map((i) => i.key));
    cursor = page.cursor;
  } while (cursor);
  for (const key of keys.slice(0, Math.max(0, keys.length - HISTORY_LIMIT))) await deps.store.delete(key);
}

/** One consumer run: continue the job from its checkpoint, then re-enqueue or finish. */
export async function runScanChunk(event: ScanEvent, deps: Deps): Promise<ScanState | null> {
  const started = Date.now();
  const state = await deps.store.get<ScanState>(stateKey(event.projectKey));
  // A stale event (another job took over, or this one ended) does nothing.
  if (!state || state.jobId !== event.jobId || state.status !== 'running') return state ?? null;
  const settings = await loadSettings(deps.store, state.projectKey);
  try {
    let pages = 0;
    while (state.phase === 'analyzing' && pages < MAX_PAGES_PER_RUN && Date.now() - started < RUN_BUDGET_MS) {
      const current = await deps.store.get<ScanState>(stateKey(state.projectKey));
      if (!current || current.jobId !== state.jobId || current.status !== 'running') return current ?? null; // cancelled or replaced
      let result;
      try {
        result = await scanPage(deps, settings, state);
      } catch (error) {
        // An expired page token after a long pause: start the job's pages over, keeping nothing half-done.
        if (isJiraError(error, 'bad-request') && state.nextPageToken) {
          await deleteChunks(deps, state.projectKey, state.jobId);
          Object.assign(state, { nextPageToken: null, pages: 0, done: 0, failed: 0 });
          await saveState(deps, state);
          continue;
        }
        throw error;
      }
      // A cancel (or a restart) that arrived while the page was read wins: saving this run's state now would overwrite it.
      const latest = await deps.store.get<ScanState>(stateKey(state.projectKey));
      if (!latest || latest.jobId !== state.jobId || latest.status !== 'running') return latest ?? null;
      await deps.store.set(chunkKey(state.projectKey, state.jobId, state.pages), result.records);
      state.pages++;
      state.done += result.records.length;
      state.failed = (state.failed ?? 0) + result.records.filter((r) => r.failed !== undefined).length;
      state.backfilled += result.backfilled;
      state.nextPageToken = result.nextPageToken;
      if (result.nextPageToken === null) state.phase = 'aggregating';
      await saveState(deps, state);
      pages++;
    }
    if (state.phase === 'aggregating') await finish(deps, state);
    else await deps.queue.push([{ projectKey: state.projectKey, jobId: state.jobId }]);
    return state;
  } catch (error) {
    // Jira refused the scan itself (bad JQL, no permission): it cannot succeed on retry.
    if (isJiraError(error, 'bad-request') || isJiraError(error, 'forbidden') || isJiraError(error, 'unauthorized') || isJiraError(error, 'not-found')) {
      state.status = 'failed';
      state.error = error instanceof Error ? error.message : 'The scan failed.';
      await saveState(deps, state);
      return state;
    }
    // Anything else (429 and 5xx after retries, a platform hiccup, a killed run) is retried by the
    // queue from the last checkpoint; a scan that stops moving is restartable after STALE_AFTER_MS.
    throw error;
  }
}
