import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { createFileStore, MAX_VALUE_BYTES } from '../../../src/preview/store/file-store';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'story-health-store-'));
  file = path.join(dir, 'nested', 'store.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('file store', () => {
  it('sets, gets and deletes JSON values, and persists them for the next process', async () => {
    const store = await createFileStore(file);
    expect(await store.get('settings:FOOD')).toBeUndefined();
    await store.set('settings:FOOD', { preset: 'strict', rules: { 'vague-term': 'off' } });
    await store.set('jira:fields', { at: 1, fields: {} });
    expect(await store.get('settings:FOOD')).toEqual({ preset: 'strict', rules: { 'vague-term': 'off' } });

    const reopened = await createFileStore(file);
    expect(await reopened.get('settings:FOOD')).toEqual({ preset: 'strict', rules: { 'vague-term': 'off' } });
    await reopened.delete('settings:FOOD');
    await reopened.delete('never-set');
    expect(await (await createFileStore(file)).get('settings:FOOD')).toBeUndefined();
    expect(await (await createFileStore(file)).get('jira:fields')).toEqual({ at: 1, fields: {} });
  });

  it('hands out copies: changing a value read or written does not change the store', async () => {
    const store = await createFileStore(file);
    const value = { list: [1, 2] };
    await store.set('k', value);
    value.list.push(3);
    const read = await store.get<{ list: number[] }>('k');
    read!.list.push(4);
    expect(await store.get('k')).toEqual({ list: [1, 2] });
  });

  it('writes atomically: many concurrent writes leave one valid file and no temp files', async () => {
    const store = await createFileStore(file);
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.set(`job:${String(i).padStart(2, '0')}`, { i })));
    await store.flush();
    expect(await readdir(path.dirname(file))).toEqual(['store.json']);
    const data = JSON.parse(await readFile(file, 'utf8')) as { version: number; entries: Record<string, unknown> };
    expect(data.version).toBe(1);
    expect(Object.keys(data.entries)).toHaveLength(50);
    expect(data.entries['job:49']).toEqual({ i: 49 });
  });

  it('create sets a key only when it is not set: of concurrent creates exactly one wins, and it persists', async () => {
    const store = await createFileStore(file);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => store.create('claim:FOOD-8:1', { by: i })));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await store.get('claim:FOOD-8:1')).toEqual({ by: winner });
    expect(await store.create('claim:FOOD-8:1', { by: 99 })).toBe(false);
    expect(await (await createFileStore(file)).get('claim:FOOD-8:1')).toEqual({ by: winner });
    await expect(store.create('claim:big', 'x'.repeat(MAX_VALUE_BYTES))).rejects.toThrow(/at most/);
    expect(await store.get('claim:big')).toBeUndefined();
  });

  it('lists keys by prefix in key order, a page at a time with a cursor', async () => {
    const store = await createFileStore(file);
    for (let i = 24; i >= 0; i--) await store.set(`chunk:FOOD:${String(i).padStart(2, '0')}`, i);
    await store.set('chunk:ZONE:00', 'other project');
    await store.set('chunk:FOO', 'shorter prefix');

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.list<number>('chunk:FOOD:', { limit: 10, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.key));
      expect(page.items.every((item) => item.value === Number(item.key.slice(-2)))).toBe(true);
      cursor = page.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `chunk:FOOD:${String(i).padStart(2, '0')}`));
    expect((await store.list('chunk:FOOD:')).items).toHaveLength(20);
    expect(await store.list('nothing:')).toEqual({ items: [] });
  });

  it('refuses what Forge storage would refuse', async () => {
    const store = await createFileStore(file);
    await expect(store.set('bad/key', 1)).rejects.toThrow(/Invalid storage key/);
    await expect(store.get('')).rejects.toThrow(/Invalid storage key/);
    await expect(store.set('x'.repeat(501), 1)).rejects.toThrow(/Invalid storage key/);
    await expect(store.set('k', undefined)).rejects.toThrow(/values are JSON/);
    await expect(store.set('big', 'x'.repeat(MAX_VALUE_BYTES))).rejects.toThrow(/at most/);
    await expect(store.list('k', { limit: 101 })).rejects.toThrow(/limit/);
    await expect(store.list('k', { cursor: 'not a cursor!' })).rejects.toThrow(/cursor/);
  });

  it('clear() empties the store', async () => {
    const store = await createFileStore(file);
    await store.set('a', 1);
    await store.clear();
    expect(await (await createFileStore(file)).get('a')).toBeUndefined();
  });

  it('names the file when it is not a store', async () => {
    await writeFile(path.join(dir, 'broken.json'), '{"version":1,"entries":', 'utf8');
    await expect(createFileStore(path.join(dir, 'broken.json'))).rejects.toThrow(/broken\.json: the preview store is not valid JSON/);
    await writeFile(path.join(dir, 'other.json'), '[1,2]', 'utf8');
    await expect(createFileStore(path.join(dir, 'other.json'))).rejects.toThrow(/not a Story Health preview store/);
  });
});
