/**
 * The scan's context step. Pages are scored with the project context the last scan stored (none on
 * a first scan), and each record keeps what its analysis read from that context. After the last
 * page, this scan's context is built from every record with the one builder the CLI uses; then, a
 * chunk at a time (resumable like the pages), the stories whose reads the new context answers
 * differently are read again, re-scored and their properties refreshed. So the snapshot holds what
 * every surface computes with the new context, and re-reading costs only the stories it changes
 * (on a first scan: builder-looking roles that turn out to be users, benefits naming a persona).
 * Finally the context is stored for the save trigger and the panel.
 */
import type { Settings } from '../core/config';
import { lexiconsFor } from '../core/lexicons';
import { parseProjectContext, projectContextBuilder, type ProjectContext } from '../core/backlog/project-context';
import { readsHold } from '../core/backlog/context-reads';
import { analyzeForScan, type ScanRecord } from '../core/scan-record';
import { issueToStory, STORY_FIELDS, storiesJql } from '../jira';
import type { Deps } from './ports';
import { HEALTH_PROPERTY, isCurrent, propertyHash, toProperty, type StoredHealth } from './health-property';
import { siteFields } from './issue-reader';
import { writeProperties } from './property-writes';
import { searchKeys } from './search-keys';
import { chunkPrefix, jobContextKey, type ScanState } from './scan-state';
import { readPageRecords, savePageRecords } from './scan-storage';
import { saveProjectContext } from './context-store';


/** The project context from every record of the job (a record stored twice counts once). */
async function buildJobContext(deps: Deps, settings: Settings, state: ScanState): Promise<ProjectContext> {
  const builder = projectContextBuilder(lexiconsFor(settings));
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await deps.store.list<ScanRecord[]>(chunkPrefix(state.projectKey, state.jobId), { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const item of page.items) {
      for (const r of item.value) {
        if (seen.has(r.key)) continue;
        seen.add(r.key);
        // A record stored by an earlier version of the app has only its role.
        builder.add(r.contextFeatures ? { ...r.contextFeatures, role: r.role } : { role: r.role, teamWork: null });
      }
    }
    cursor = page.cursor;
  } while (cursor);
  return builder.finish();
}

/**
 * Re-scores the stories of one chunk whose reads `context` answers differently: read again (as the
 * pages read them), analyzed, their records replaced and properties refreshed. A story gone from
 * the scan's set since (deleted, done) leaves the chunk.
 */
async function settleChunk(deps: Deps, settings: Settings, state: ScanState, context: ProjectContext, index: number): Promise<{ rescored: number; written: number }> {
  const records = await readPageRecords<ScanRecord>(deps.store, state.projectKey, state.jobId, index);
  const stale = new Set((records ?? []).filter((r) => !readsHold(r.contextReads ?? [], context)).map((r) => r.key));
  if (!records || !stale.size) return { rescored: 0, written: 0 };
  const jira = deps.asApp();
  const fields = await siteFields(jira, deps.store, deps.now());
  const fresh = new Map<string, ScanRecord>();
  const writes: { key: string; value: StoredHealth }[] = [];
  const { page } = await searchKeys(jira, [...stale], (keys) => ({
    jql: storiesJql(state.projectKey, settings.issueTypes, keys),
    fields: STORY_FIELDS(fields),
    properties: [HEALTH_PROPERTY],
    maxResults: stale.size,
  }));
  for (const issue of page.issues) {
    const story = issueToStory(issue, fields);
    const { report, record } = analyzeForScan({ ...story, key: issue.key }, settings, context);
    fresh.set(issue.key, record);
    const hash = propertyHash(story, settings, record.contextReads);
    if (!isCurrent(issue.properties?.[HEALTH_PROPERTY], hash)) writes.push({ key: issue.key, value: toProperty(report, hash, deps.now()) });
  }
  const written = (await writeProperties(jira, writes)).length;
  const next = records.flatMap((r) => (!stale.has(r.key) ? [r] : fresh.has(r.key) ? [fresh.get(r.key)!] : []));
  await savePageRecords(deps.store, state.projectKey, state.jobId, index, next);
  return { rescored: fresh.size, written };
}

export interface SettleControl {
  /** False once the run's budget is spent: the step continues in the next run. */
  withinBudget(): boolean;
  /** False when the job was cancelled or replaced: stop without saving. */
  stillRunning(): Promise<boolean>;
  save(): Promise<void>;
  /** Told the points a settled chunk cost (its search and writes); false: pause before the next (Jira's rate limits). */
  spent?(points: number): boolean;
}

/** Continues the context step; 'done' when every chunk is settled, 'more' when the budget ran out, 'stopped' when the job ended. */
export async function settleContext(deps: Deps, settings: Settings, state: ScanState, control: SettleControl): Promise<'done' | 'more' | 'stopped'> {
  let context = parseProjectContext(await deps.store.get(jobContextKey(state.projectKey, state.jobId)));
  if (state.settledChunks === undefined || !context) {
    context = await buildJobContext(deps, settings, state);
    if (!(await control.stillRunning())) return 'stopped';
    await deps.store.set(jobContextKey(state.projectKey, state.jobId), context);
    state.settledChunks = 0;
    state.rescored = 0;
    await control.save();
  }
  while (state.settledChunks < state.pages) {
    if (!control.withinBudget()) return 'more';
    if (!(await control.stillRunning())) return 'stopped';
    const { rescored, written } = await settleChunk(deps, settings, state, context, state.settledChunks);
    if (!(await control.stillRunning())) return 'stopped';
    state.settledChunks++;
    state.rescored = (state.rescored ?? 0) + rescored;
    state.backfilled += written;
    await control.save();
    // A search reading the re-scored stories (1 + each) and a write per changed property.
    if (rescored && control.spent && !control.spent(1 + rescored + written) && state.settledChunks < state.pages) return 'more';
  }
  return 'done';
}

/** Stores the job's context as the project's (for the trigger and the panel) and drops the job's copy. */
export async function publishContext(deps: Deps, state: ScanState, builtAt: string, stories: number): Promise<void> {
  const key = jobContextKey(state.projectKey, state.jobId);
  const context = parseProjectContext(await deps.store.get(key));
  if (context) await saveProjectContext(deps.store, state.projectKey, { context, builtAt, stories });
  await deps.store.delete(key);
}
