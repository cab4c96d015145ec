/** An in-memory Store for handler tests (the preview host uses the file-backed one). Values over Forge's limit are refused, as KVS does. */
import { jsonBytes, LIMITS } from '../../src/app/byte-size';
import type { Store } from '../../src/app/ports';

export interface MemoryStoreOptions {
  /** Refuse values over this many UTF-8 bytes of JSON, as Forge KVS does (240 KiB). */
  maxBytes?: number;
  /** A set that should fail: return the error to throw. */
  failSet?: (key: string, value: unknown) => Error | undefined;
}

export function memoryStore(options: MemoryStoreOptions = {}): Store & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
  const check = (key: string, value: unknown) => {
    const bytes = jsonBytes(value);
    if (bytes > LIMITS.storageValue) throw new RangeError(`Value for ${key} is ${bytes} bytes: Forge storage values are at most ${LIMITS.storageValue} bytes.`);
  };
  return {
    data,
    async get<T>(key: string) {
      return clone(data.get(key) as T | undefined);
    },
    async set(key, value) {
      check(key, value);
      const failure = options.failSet?.(key, value);
      if (failure) throw failure;
      if (options.maxBytes !== undefined && jsonBytes(value) > options.maxBytes) throw new Error(`The value for ${key} is too large.`);
      data.set(key, clone(value));
    },
    async create(key, value) {
      check(key, value);
      if (data.has(key)) return false;
      data.set(key, clone(value));
      return true;
    },
    async delete(key) {
      data.delete(key);
    },
    async list<T>(prefix: string, options: { limit?: number; cursor?: string } = {}) {
      const keys = [...data.keys()].filter((k) => k.startsWith(prefix) && (!options.cursor || k > options.cursor)).sort();
      const page = keys.slice(0, options.limit ?? 20);
      const items = page.map((key) => ({ key, value: clone(data.get(key) as T) }));
      return page.length < keys.length ? { items, cursor: page[page.length - 1]! } : { items };
    },
  };
}
