/**
 * Backlog scan, run by the queue consumer in chunks: page through the project's stories with
 * search/jql (nextPageToken), analyze each, backfill or refresh its `storyHealth` property, store a
 * compact record per story in a chunk, checkpoint after every page, and when the last page is done
 * settle the project context (scan-context.ts: build it, re-score the stories it changes, store it)
 * and aggregate all chunks into a snapshot. Pages are scored with the project context the last scan
 * stored, as the save trigger and the panel score them. Resumable (a re-delivered or restarted event continues
 * from the last checkpoint; chunk keys are per page, so a redone page overwrites itself),
 * cancellable, one scan per project at a time.
 *
 * Storage stays bounded: chunks are packed to fit a storage value, the snapshot is bounded by
 * `aggregate`, a cancelled or replaced job's chunks are deleted (by its next event, or the cleanup
 * event Cancel and Restart send), and a finished scan sweeps any chunks other jobs left behind.
 * When storage refuses anything, the scan ends as failed with the reason, instead of being retried.
 */
import { aggregate } from '../core/aggregate';
import { ENGINE_VERSION } from '../core/analyze';
import type { Settings } from '../core/config';
import type { ProjectContext } from '../core/backlog/project-context';
import { analyzeForScan, failedScan, type ScanRecord } from '../core/scan-record';
import type { StoryReport } from '../core/story';
import { isJiraError, issueToStory, searchPages, STORY_FIELDS, storiesJql, type ResultPage, type StoryFieldIds } from '../jira';
import type { JiraClient, JiraIssue } from '../jira/types';
import type { Deps, Store } from './ports';
import { projectFieldsPicker, siteFields } from './issue-reader';
import { HEALTH_PROPERTY, isCurrent, propertyHash, toProperty, type StoredHealth } from './health-property';
import { loadProjectContext } from './context-store';
import { writeProperties } from './property-writes';
import { publishContext, settleContext } from './scan-context';
import { noteWrites } from './recent-writes';
import { guardedStore, savePageRecords, StorageError } from './scan-storage';
import {
  chunkJobOf,
  chunkPrefix,
  jobContextKey,
  HISTORY_LIMIT,
  scanPrefix,
  snapshotKey,
  snapshotPrefix,
  stateKey,
  type ScanState,
  type StoredSnapshot,
} from './scan-state';
import { loadSettings } from './settings-store';
import { afterPage, delaySeconds, pagePoints } from './scan-pace';

export interface ScanEvent {
  projectKey: string;
  jobId: string;
}

/** Work per consumer run: well inside the 900 s consumer timeout, and memory stays one page deep. */
export const PAGE_SIZE = 100;
export const MAX_PAGES_PER_RUN = 20;
export const RUN_BUDGET_MS = 300_000;

export { WRITE_CONCURRENCY } from './property-writes';

export function scanJql(projectKey: string, settings: Settings, afterKey?: string): string {
  return storiesJql(projectKey, settings.issueTypes, undefined, afterKey);
}

/** The scan's view of its dependencies: storage guarded (see scan-storage.ts). */
type ScanDeps = Deps & { store: Store };

async function saveState(deps: ScanDeps, state: ScanState): Promise<void> {
  state.updatedAt = deps.now().toISOString();
  await deps.store.set(stateKey(state.projectKey), state);
}

async function deleteChunks(deps: ScanDeps, projectKey: string, jobId: string): Promise<void> {
  await deps.store.delete(jobContextKey(projectKey, jobId));
  for (;;) {
    const page = await deps.store.list(chunkPrefix(projectKey, jobId), { limit: 100 });
    if (!page.items.length) return;
    for (const item of page.items) await deps.store.delete(item.key);
  }
}

/** Deletes the chunks of every job of the project but `keepJobId` (cancelled, replaced or crashed ones). */
async function deleteOtherJobsChunks(deps: ScanDeps, projectKey: string, keepJobId: string | null): Promise<void> {
  const orphans: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.list(scanPrefix(projectKey), { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const item of page.items) {
      const job = chunkJobOf(projectKey, item.key);
      if (job !== null && job !== keepJobId) orphans.push(item.key);
    }
    cursor = page.cursor;
  } while (cursor);
  for (const key of orphans) await deps.store.delete(key);
}

/**
 * One issue of a page: its report, record and content hash. Never throws: an issue the engine (or
 * the mapping before it) cannot handle gets an engine-error report and record, and the scan goes on.
 */
function scanIssue(issue: JiraIssue, fields: StoryFieldIds, settings: Settings, context: ProjectContext): { report: StoryReport; record: ScanRecord; hash: string } {
  try {
    const story = issueToStory(issue, fields);
    const scanned = analyzeForScan({ ...story, key: issue.key }, settings, context);
    return { ...scanned, hash: propertyHash(story, settings, scanned.record.contextReads) };
  } catch (error) {
    const summary = typeof issue.fields?.summary === 'string' ? issue.fields.summary : '';
    return { ...failedScan(issue.key, summary, 'prepare', error), hash: '' };
  }
}

/** The job's pages after the last saved story (`state.lastKey`), or from `from` (a checkpoint's token), or from the first page. */
function jobPages(jira: JiraClient, settings: Settings, state: ScanState, fields: StoryFieldIds, from: string | null): AsyncGenerator<ResultPage, void, undefined> {
  if (state.lastKey) from = null;
  return searchPages(jira, {
    jql: scanJql(state.projectKey, settings, state.lastKey),
    fields: STORY_FIELDS(fields),
    properties: [HEALTH_PROPERTY],
    maxResults: PAGE_SIZE,
    ...(from ? { nextPageToken: from } : {}),
  });
}

/** Analyzes one page with the stored project context and backfills stale properties; returns the page's records. */
async function scanPage(
  deps: ScanDeps,
  settings: Settings,
  context: ProjectContext,
  state: ScanState,
  pick: (issue: JiraIssue) => Promise<StoryFieldIds>,
  page: ResultPage,
): Promise<{ records: ScanRecord[]; nextPageToken: string | null; backfilled: number }> {
  const jira = deps.asApp();
  const records: ScanRecord[] = [];
  const writes: { id: string; key: string; value: StoredHealth }[] = [];
  for (const issue of page.issues) {
    const { report, record, hash } = scanIssue(issue, await pick(issue), settings, context);
    records.push(record);
    if (!isCurrent(issue.properties?.[HEALTH_PROPERTY], hash)) writes.push({ id: issue.id, key: issue.key, value: toProperty(report, hash, deps.now()) });
  }
  // An issue deleted while we scanned is skipped: nothing left to annotate.
  const written = await writeProperties(jira, writes);
  // Searches on the property right after the scan see these as written (reconcileIssues).
  await noteWrites(deps.store, state.projectKey, written, deps.now());
  return { records, nextPageToken: page.nextPageToken, backfilled: written.length };
}

async function finish(deps: ScanDeps, state: ScanState): Promise<void> {
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
  // Snapshot first, then the context, then state: a crash in between redoes the aggregation.
  await deps.store.set(key, snapshot);
  await publishContext(deps, state, createdAt, unique.length);
  state.status = 'done';
  state.phase = 'done';
  state.snapshotKey = key;
  await saveState(deps, state);
  await deleteOtherJobsChunks(deps, state.projectKey, null);
  await pruneHistory(deps, state.projectKey);
}

async function pruneHistory(deps: ScanDeps, projectKey: string): Promise<void> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.list(snapshotPrefix(projectKey), { limit: 100, ...(cursor ? { cursor } : {}) });
    keys.push(...page.items.map((i) => i.key));
    cursor = page.cursor;
  } while (cursor);
  for (const key of keys.slice(0, Math.max(0, keys.length - HISTORY_LIMIT))) await deps.store.delete(key);
}

/** Ends the scan as failed with `message`, keeping nothing half-done. */
async function failScan(deps: ScanDeps, state: ScanState, message: string): Promise<ScanState> {
  state.status = 'failed';
  state.error = message;
  await saveState(deps, state);
  await deleteChunks(deps, state.projectKey, state.jobId);
  return state;
}

/** Runs `fn`; storage failures while cleaning up are not worth a retry of the whole event. */
async function bestEffort(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch {
    // The next finished scan sweeps whatever is left.
  }
}

/** Pauses the job until `resumeAt`: its next event is delayed (900 s at most at a time; a longer pause re-delays). */
async function pause(deps: ScanDeps, state: ScanState, resumeAt: Date, reason: string): Promise<ScanState> {
  state.pausedUntil = resumeAt.toISOString();
  state.pausedBecause = reason;
  await saveState(deps, state);
  await deps.queue.push([{ projectKey: state.projectKey, jobId: state.jobId }], { delaySeconds: delaySeconds(resumeAt, deps.now()) });
  return state;
}

/** One consumer run: continue the job from its checkpoint, then re-enqueue or finish. */
export async function runScanChunk(event: ScanEvent, rawDeps: Deps): Promise<ScanState | null> {
  const deps: ScanDeps = { ...rawDeps, store: guardedStore(rawDeps.store) };
  const started = Date.now();
  const state = await deps.store.get<ScanState>(stateKey(event.projectKey));
  // A stale event (another job took over, or this one ended): its job keeps nothing.
  if (!state || state.jobId !== event.jobId || state.status !== 'running') {
    if (typeof event.jobId === 'string' && event.jobId) await bestEffort(() => deleteChunks(deps, event.projectKey, event.jobId));
    return state ?? null;
  }
  // Still paused (a delay is at most 900 s): wait again, doing nothing.
  if (state.pausedUntil && Date.parse(state.pausedUntil) > deps.now().getTime()) return pause(deps, state, new Date(state.pausedUntil), state.pausedBecause ?? 'rate limits');
  delete state.pausedUntil;
  delete state.pausedBecause;
  // Only a finished scan writes the stored context, and one scan runs per project: it is the same for every run of this job.
  const context = await loadProjectContext(deps.store, state.projectKey);
  /** The stored state once the job was cancelled or replaced (null: gone); undefined while it still runs. */
  const stoppedState = async (): Promise<ScanState | null | undefined> => {
    const latest = await deps.store.get<ScanState>(stateKey(state.projectKey));
    return latest && latest.jobId === state.jobId && latest.status === 'running' ? undefined : (latest ?? null);
  };
  try {
    const settings = await loadSettings(deps.store, state.projectKey);
    const fields = await siteFields(deps.asApp(), deps.store, deps.now());
    const pick = projectFieldsPicker(deps, fields);
    let reader = jobPages(deps.asApp(), settings, state, fields, state.nextPageToken);
    let pages = 0;
    while (state.phase === 'analyzing' && pages < MAX_PAGES_PER_RUN && Date.now() - started < RUN_BUDGET_MS) {
      const current = await deps.store.get<ScanState>(stateKey(state.projectKey));
      if (!current || current.jobId !== state.jobId || current.status !== 'running') {
        // Cancelled or replaced: this job's chunks go.
        await bestEffort(() => deleteChunks(deps, state.projectKey, state.jobId));
        return current ?? null;
      }
      let page;
      try {
        page = await reader.next();
      } catch (error) {
        // An expired page token after a long pause: start the job's pages over, keeping nothing half-done.
        if (isJiraError(error, 'bad-request') && state.nextPageToken) {
          await deleteChunks(deps, state.projectKey, state.jobId);
          Object.assign(state, { nextPageToken: null, pages: 0, done: 0, failed: 0 });
          delete state.lastKey;
          await saveState(deps, state);
          reader = jobPages(deps.asApp(), settings, state, fields, null);
          continue;
        }
        throw error;
      }
      // The last page moves the job on to aggregating, so the reader never runs dry here.
      if (page.done) break;
      const result = await scanPage(deps, settings, context, state, pick, page.value);
      // A cancel (or a restart) that arrived while the page was read wins: saving this run's state now would overwrite it.
      const latest = await deps.store.get<ScanState>(stateKey(state.projectKey));
      if (!latest || latest.jobId !== state.jobId || latest.status !== 'running') {
        await bestEffort(() => deleteChunks(deps, state.projectKey, state.jobId));
        return latest ?? null;
      }
      await savePageRecords(deps.store, state.projectKey, state.jobId, state.pages, result.records);
      state.pages++;
      state.done += result.records.length;
      state.failed = (state.failed ?? 0) + result.records.filter((r) => r.failed !== undefined).length;
      state.backfilled += result.backfilled;
      state.nextPageToken = result.nextPageToken;
      const last = page.value.issues.at(-1)?.key;
      if (last) state.lastKey = last;
      if (result.nextPageToken === null) state.phase = 'aggregating';
      // Keep to the scan's share of Jira's hourly points quota (scan-pace.ts).
      const paced = afterPage(state.pace, pagePoints(page.value.issues.length, result.backfilled), deps.now(), deps.appRateLimits?.latest()?.info);
      state.pace = paced.pace;
      if (paced.resumeAt) return await pause(deps, state, paced.resumeAt, paced.reason ?? 'rate limits');
      await saveState(deps, state);
      pages++;
    }
    if (state.phase === 'aggregating') {
      let stopped: ScanState | null | undefined;
      let rest: { resumeAt: Date; reason: string } | undefined;
      const settled = await settleContext(deps, settings, state, {
        withinBudget: () => Date.now() - started < RUN_BUDGET_MS,
        stillRunning: async () => (stopped = await stoppedState()) === undefined,
        save: () => saveState(deps, state),
        // Re-scoring reads and writes too: the same share of the quota as the pages.
        spent: (points) => {
          const paced = afterPage(state.pace, points, deps.now(), deps.appRateLimits?.latest()?.info);
          state.pace = paced.pace;
          if (paced.resumeAt) rest = { resumeAt: paced.resumeAt, reason: paced.reason ?? 'rate limits' };
          return !paced.resumeAt;
        },
      });
      if (settled === 'stopped') return stopped ?? null;
      if (settled === 'more' && rest) return await pause(deps, state, rest.resumeAt, rest.reason);
      if (settled === 'more') {
        await deps.queue.push([{ projectKey: state.projectKey, jobId: state.jobId }]);
        return state;
      }
      await finish(deps, state);
    } else await deps.queue.push([{ projectKey: state.projectKey, jobId: state.jobId }]);
    return state;
  } catch (error) {
    // Jira's rate limits held out longer than the client's retries: pause for as long as Jira
    // asks rather than spend Forge's four retries (the page is redone from the checkpoint).
    if (isJiraError(error, 'rate-limited')) {
      const latest = await deps.store.get<ScanState>(stateKey(state.projectKey));
      if (!latest || latest.jobId !== state.jobId || latest.status !== 'running') return latest ?? null;
      const resumeAt = new Date(deps.now().getTime() + Math.max(1000, error.retryAfterMs ?? 60_000));
      return pause(deps, latest, resumeAt, 'Jira is rate-limiting the app');
    }
    // Jira refused the scan itself (bad JQL, no permission): it cannot succeed on retry.
    if (isJiraError(error, 'bad-request') || isJiraError(error, 'forbidden') || isJiraError(error, 'unauthorized') || isJiraError(error, 'not-found')) {
      return failScan(deps, state, error instanceof Error ? error.message : 'The scan failed.');
    }
    // Storage refused a value (too large, or the store is failing): retrying redoes the same work.
    if (error instanceof StorageError) {
      const message = `${error.message} The scan was stopped and its partial results deleted; start it again, and if it fails again tell your Jira admin.`;
      try {
        return await failScan(deps, state, message);
      } catch {
        throw error;
      }
    }
    // Anything else (429 and 5xx after retries, a platform hiccup, a killed run) is retried by the
    // queue from the last checkpoint; a scan that stops moving is restartable after STALE_AFTER_MS.
    throw error;
  }
}
