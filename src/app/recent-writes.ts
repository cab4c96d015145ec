/**
 * Issues whose `storyHealth` property the app wrote a moment ago, per project. Jira's search is
 * eventually consistent: for a while after a write, JQL on the property still sees the old value
 * (or none). Searches on the property pass these ids as `reconcileIssues`, so what was just
 * written is what the list shows. Best effort: the most recent 50 (Jira's limit) within a few
 * minutes; concurrent writers may drop an entry, which only makes that issue lag like any other.
 */
import type { Store } from './ports';

/** Jira's index usually catches up within seconds; entries older than this are dropped. */
export const RECONCILE_WINDOW_MS = 5 * 60 * 1000;
/** `reconcileIssues` takes at most 50 ids. */
export const MAX_RECENT = 50;

interface Entry {
  id: string;
  at: number;
}

const recentKey = (projectKey: string) => `recent-writes:${projectKey}`;

function fresh(entries: Entry[] | undefined, now: number): Entry[] {
  return (Array.isArray(entries) ? entries : []).filter((e) => typeof e?.id === 'string' && /^\d+$/.test(e.id) && now - e.at < RECONCILE_WINDOW_MS);
}

/** Notes that the property of these issues (numeric ids) was just written. */
export async function noteWrites(store: Store, projectKey: string, ids: readonly string[], now: Date): Promise<void> {
  const written = ids.filter((id) => /^\d+$/.test(id));
  if (!written.length) return;
  const t = now.getTime();
  const entries = fresh(await store.get<Entry[]>(recentKey(projectKey)), t).filter((e) => !written.includes(e.id));
  entries.push(...written.map((id) => ({ id, at: t })));
  await store.set(recentKey(projectKey), entries.slice(-MAX_RECENT));
}

/** The ids to reconcile in a search of `projectKey` now (newest last, at most 50). */
export async function recentWrites(store: Store, projectKey: string, now: Date): Promise<number[]> {
  return fresh(await store.get<Entry[]>(recentKey(projectKey)), now.getTime()).map((e) => Number(e.id));
}
