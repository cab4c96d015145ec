/** Where a project's scan keeps its state, chunks and snapshots in the store. */
import type { Snapshot } from '../core/aggregate';

export interface ScanState {
  jobId: string;
  projectKey: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  phase: 'analyzing' | 'aggregating' | 'done';
  /** Stories analyzed so far. */
  done: number;
  /** Pages read so far (= chunks written). */
  pages: number;
  /** Where to continue; null before the first page. */
  nextPageToken: string | null;
  /** Properties written or refreshed on issues so far. */
  backfilled: number;
  /** Stories the engine could not analyze so far (each has an engine-error property); absent in states of older versions. */
  failed?: number;
  startedAt: string;
  updatedAt: string;
  /** Who pressed Start (the first one; a second Start joins). */
  startedBy: string | null;
  error?: string;
  snapshotKey?: string;
}

export const stateKey = (projectKey: string) => `scan:${projectKey}:state`;
export const chunkPrefix = (projectKey: string, jobId: string) => `scan:${projectKey}:${jobId}:chunk:`;
export const chunkKey = (projectKey: string, jobId: string, page: number) => `${chunkPrefix(projectKey, jobId)}${String(page).padStart(6, '0')}`;
export const snapshotPrefix = (projectKey: string) => `snapshot:${projectKey}:`;
export const snapshotKey = (projectKey: string, createdAt: string) => `${snapshotPrefix(projectKey)}${createdAt}`;

/** A running scan whose state has not moved for this long is considered dead and may be restarted. */
export const STALE_AFTER_MS = 20 * 60 * 1000;
/** Snapshots kept per project (one per scan): the trend line. */
export const HISTORY_LIMIT = 30;

export type StoredSnapshot = Snapshot & { projectKey: string; jobId: string };
