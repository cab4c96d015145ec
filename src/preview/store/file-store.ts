/**
 * A file-backed `Store` (ports.ts) for the preview host: the whole key space lives in memory and
 * is persisted to one JSON file, atomically (write a temp file beside it, then rename over it), so
 * a crash mid-write never leaves a half-written file. Writes are serialized and coalesced.
 *
 * It enforces Forge KVS's limits (key pattern and length, 240 KiB values, JSON only) so that what
 * works in the preview also works in Forge.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { LIMITS } from '../../app/byte-size';
import type { Store } from '../../app/ports';

/** Forge KVS: keys match this pattern and are at most 500 characters. */
export const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
export const MAX_KEY_LENGTH = 500;
/** Forge KVS: values up to 240 KiB of JSON. */
export const MAX_VALUE_BYTES = LIMITS.storageValue;
export const DEFAULT_LIST_LIMIT = 20;
export const MAX_LIST_LIMIT = 100;

interface FileShape {
  version: 1;
  entries: Record<string, unknown>;
}

export interface FileStore extends Store {
  /** Resolves once every write so far is on disk. */
  flush(): Promise<void>;
  /** Removes every key (the preview's "reset sample data"). */
  clear(): Promise<void>;
  /** The file it persists to. */
  readonly file: string;
}

function checkKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH || !KEY_PATTERN.test(key)) {
    throw new TypeError(`Invalid storage key ${JSON.stringify(key)}: keys are 1-${MAX_KEY_LENGTH} characters of letters, digits, spaces and : . _ - #`);
  }
}

/** The value as JSON text, or a clear error when Forge storage would refuse it. */
function checkValue(key: string, value: unknown): string {
  checkKey(key);
  const text = value === undefined ? undefined : JSON.stringify(value);
  if (text === undefined) throw new TypeError(`Cannot store ${typeof value} under ${JSON.stringify(key)}: values are JSON.`);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_VALUE_BYTES) {
    throw new RangeError(`Value for ${JSON.stringify(key)} is ${bytes} bytes: Forge storage values are at most ${MAX_VALUE_BYTES} bytes.`);
  }
  return text;
}

function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key || encodeCursor(key) !== cursor) throw new TypeError('Invalid list cursor.');
  return key;
}

async function load(file: string): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return new Map();
    throw error;
  }
  let data: FileShape;
  try {
    data = JSON.parse(text) as FileShape;
  } catch (error) {
    throw new Error(`${file}: the preview store is not valid JSON (${(error as Error).message}); delete it to start afresh.`, { cause: error });
  }
  if (data === null || typeof data !== 'object' || data.version !== 1 || typeof data.entries !== 'object' || data.entries === null) {
    throw new Error(`${file}: not a Story Health preview store; delete it to start afresh.`);
  }
  // Values are kept as JSON text: every read returns a fresh copy, as a remote store would.
  return new Map(Object.entries(data.entries).map(([k, v]) => [k, JSON.stringify(v)]));
}

/** Opens (or creates on first write) the store at `file`. */
export async function createFileStore(file: string): Promise<FileStore> {
  const entries = await load(file);
  let writing: Promise<void> = Promise.resolve();
  let dirty = false;

  async function persist(): Promise<void> {
    if (!dirty) return;
    dirty = false;
    const sorted = [...entries.keys()].sort();
    const body = `{"version":1,"entries":{${sorted.map((k) => `${JSON.stringify(k)}:${entries.get(k)}`).join(',')}}}\n`;
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, body, 'utf8');
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      dirty = true;
      throw error;
    }
  }

  /** Queues a write after the ones before it; one write covers every change made before it starts. */
  function schedule(): Promise<void> {
    dirty = true;
    const next = writing.then(persist, persist);
    writing = next.catch(() => undefined);
    return next;
  }

  const sortedKeys = () => [...entries.keys()].sort();

  return {
    file,
    async get<T>(key: string): Promise<T | undefined> {
      checkKey(key);
      const text = entries.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as T);
    },
    async set(key: string, value: unknown): Promise<void> {
      entries.set(key, checkValue(key, value));
      await schedule();
    },
    async create(key: string, value: unknown): Promise<boolean> {
      const text = checkValue(key, value);
      // Checked and set in one turn of the event loop: of two concurrent creates, one wins.
      if (entries.has(key)) return false;
      entries.set(key, text);
      await schedule();
      return true;
    },
    async delete(key: string): Promise<void> {
      checkKey(key);
      if (!entries.delete(key)) return;
      await schedule();
    },
    async list<T>(prefix: string, options: { limit?: number; cursor?: string } = {}) {
      const limit = options.limit ?? DEFAULT_LIST_LIMIT;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
        throw new RangeError(`List limit must be an integer from 1 to ${MAX_LIST_LIMIT}.`);
      }
      const after = options.cursor !== undefined ? decodeCursor(options.cursor) : undefined;
      const keys = sortedKeys().filter((k) => k.startsWith(prefix) && (after === undefined || k > after));
      const page = keys.slice(0, limit);
      const items = page.map((key) => ({ key, value: JSON.parse(entries.get(key)!) as T }));
      return keys.length > limit ? { items, cursor: encodeCursor(page[page.length - 1]!) } : { items };
    },
    flush(): Promise<void> {
      return writing;
    },
    async clear(): Promise<void> {
      entries.clear();
      await schedule();
    },
  };
}
