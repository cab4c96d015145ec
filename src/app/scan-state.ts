/** Where a project's scan keeps its state, chunks and snapshots in the store. */
import type { Snapshot } from '../core/aggregate';
import type { PaceState } from './scan-pace';

export interface ScanState {
  jobId: string;
  projectKey: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  /** 'aggregating' covers the context step (scan-context.ts) and the snapshot. */
  phase: 'analyzing' | 'aggregating' | 'done';
  /** Stories analyzed so far. */
  done: number;
  /** Pages read so far (= chunks written). */
  pages: number;
  /** Where to continue; null before the first page. */
  nextPageToken: string | null;
  /**
   * The last story of the last saved page: a later invocation continues after it with `key >`
   * rather than the page token, which Jira lets expire (a scan paused for the rate limits waits up to an hour).
   */
  lastKey?: string;
  /** Properties written or refreshed on issues so far. */
  backfilled: number;
  /** After the last page: chunks settled against the project context this scan built (absent until it is built). */
  settledChunks?: number;
  /** Stories re-scored because this scan's project context answered their context reads differently. */
  rescored?: number;
  /** Stories the engine could not analyze so far (each has an engine-error property); absent in states of older versions. */
  failed?: number;
  startedAt: string;
  updatedAt: string;
  /** Who pressed Start (the first one; a second Start joins). */
  startedBy: string | null;
  error?: string;
  snapshotKey?: string;
  /** Points this scan spent in the current hour window (scan-pace.ts). */
  pace?: PaceState;
  /** Paused to stay within Jira's rate limits until then (ISO); absent when not paused. */
  pausedUntil?: string;
  /** Why it is paused, in words. */
  pausedBecause?: string;
}

export const stateKey = (projectKey: string) => `scan:${projectKey}:state`;
/** Everything a project's scans keep: the state and every job's chunks. */
export const scanPrefix = (projectKey: string) => `scan:${projectKey}:`;
export const chunkPrefix = (projectKey: string, jobId: string) => `${scanPrefix(projectKey)}${jobId}:chunk:`;
export const chunkKey = (projectKey: string, jobId: string, page: number) => `${chunkPrefix(projectKey, jobId)}${String(page).padStart(6, '0')}`;
/** A page's records may need more than one value: part 0, 1, … of the page. */
export const chunkPartKey = (projectKey: string, jobId: string, page: number, part: number) => `${chunkKey(projectKey, jobId, page)}:${String(part).padStart(3, '0')}`;
/** Where a job keeps the project context it built until the snapshot is written. */
export const jobContextKey = (projectKey: string, jobId: string) => `${scanPrefix(projectKey)}${jobId}:context`;
/** The job a chunk (or job context) key belongs to, or null for other keys (the state). */
export function chunkJobOf(projectKey: string, key: string): string | null {
  const rest = key.startsWith(scanPrefix(projectKey)) ? key.slice(scanPrefix(projectKey).length) : '';
  if (rest.endsWith(':context') && rest.indexOf(':') === rest.length - ':context'.length) return rest.slice(0, -':context'.length);
  const at = rest.indexOf(':chunk:');
  return at > 0 ? rest.slice(0, at) : null;
}
export const snapshotPrefix = (projectKey: string) => `snapshot:${projectKey}:`;
export const snapshotKey = (projectKey: string, createdAt: string) => `${snapshotPrefix(projectKey)}${createdAt}`;

/** A running scan whose state has not moved for this long is considered dead and may be restarted. */
export const STALE_AFTER_MS = 20 * 60 * 1000;
/** Snapshots kept per project (one per scan): the trend line. */
export const HISTORY_LIMIT = 30;

export type StoredSnapshot = Snapshot & { projectKey: string; jobId: string };
