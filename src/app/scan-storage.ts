/**
 * The scan's use of app storage (Forge KVS): every value is measured in UTF-8 bytes of its JSON
 * before it is stored, lists of records are packed into values that fit, and anything the store
 * refuses becomes a StorageError, so the scan ends as failed with a message instead of being
 * retried for ever.
 */
import { groupByBytes, jsonBytes, LIMITS } from './byte-size';
import { chunkKey, chunkPartKey } from './scan-state';
import type { Store } from './ports';

/** Forge KVS refuses values over 240 KiB. */
export const MAX_STORED_BYTES = LIMITS.storageValue;
/** What one chunk of scan records may take: room to spare under the limit. */
export const CHUNK_BUDGET_BYTES = 200 * 1024;

export class StorageError extends Error {
  override readonly name = 'StorageError';
}

function reason(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

/** `store` whose every failure is a StorageError naming what was being done; values over the limit never reach it. */
export function guardedStore(store: Store): Store {
  const guard = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof StorageError) throw error;
      throw new StorageError(`App storage refused to ${what}: ${reason(error)}`, { cause: error });
    }
  };
  return {
    get: (key) => guard(`read ${key}`, () => store.get(key)),
    async set(key, value) {
      const bytes = jsonBytes(value);
      if (bytes > MAX_STORED_BYTES) throw new StorageError(`App storage refused to store ${key}: ${bytes} bytes, over its limit of ${MAX_STORED_BYTES}.`);
      await guard(`store ${key}`, () => store.set(key, value));
    },
    async create(key, value) {
      const bytes = jsonBytes(value);
      if (bytes > MAX_STORED_BYTES) throw new StorageError(`App storage refused to store ${key}: ${bytes} bytes, over its limit of ${MAX_STORED_BYTES}.`);
      return guard(`create ${key}`, () => store.create(key, value));
    },
    delete: (key) => guard(`delete ${key}`, () => store.delete(key)),
    list: (prefix, options) => guard(`list ${prefix}`, () => store.list(prefix, options)),
  };
}


/** Stores a page's records in as many values as they need; parts a redone page no longer has are removed. */
export async function savePageRecords<T>(store: Store, projectKey: string, jobId: string, page: number, records: readonly T[]): Promise<void> {
  const parts = groupByBytes(records, CHUNK_BUDGET_BYTES);
  if (!parts.length) parts.push([]);
  for (let i = 0; i < parts.length; i++) await store.set(chunkPartKey(projectKey, jobId, page, i), parts[i]);
  for (let i = parts.length; (await store.get(chunkPartKey(projectKey, jobId, page, i))) !== undefined; i++) await store.delete(chunkPartKey(projectKey, jobId, page, i));
  // A chunk of the same page stored whole by an earlier version of the app.
  if ((await store.get(chunkKey(projectKey, jobId, page))) !== undefined) await store.delete(chunkKey(projectKey, jobId, page));
}

/** A page's records, from all its parts (and from a whole chunk an earlier version stored); null when the page has none stored. */
export async function readPageRecords<T>(store: Store, projectKey: string, jobId: string, page: number): Promise<T[] | null> {
  const out: T[] = [];
  let found = false;
  let cursor: string | undefined;
  do {
    const listed = await store.list<T[]>(chunkKey(projectKey, jobId, page), { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const item of listed.items) {
      found = true;
      out.push(...item.value);
    }
    cursor = listed.cursor;
  } while (cursor);
  return found ? out : null;
}
