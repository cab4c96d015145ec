/**
 * The scan's storage stays bounded and never wedges: values measured in bytes and packed, a refused
 * value ends the scan as failed (no endless retries), a cancelled or replaced job leaves no chunks,
 * and only the person who started a scan, or a project admin, may cancel it.
 */
import type { ScanStatus } from '../../src/contract/report';
import { callHandler } from '../../src/app';
import * as scan from '../../src/app/scan';
import { runScanChunk, type ScanEvent } from '../../src/app/scan';
import * as storage from '../../src/app/scan-storage';
import { guardedStore, MAX_STORED_BYTES, StorageError } from '../../src/app/scan-storage';
import { groupByBytes } from '../../src/app/byte-size';
import { jsonBytes } from '../../src/core/bytes';
import { ALICE, BOB, startHarness, type Harness, killedOnSearch } from './harness';
import { memoryStore } from './memory-store';

const CAROL = '61d08e4b2c9f7a006b3d5e17'; // a member of FOOD, not an admin

let h: Harness;
afterEach(() => h.close());

async function drain(limit = 100): Promise<number> {
  let runs = 0;
  while (h.events.length && runs < limit) {
    await runScanChunk(h.events.shift() as unknown as ScanEvent, h.deps());
    runs++;
  }
  return runs;
}

async function status(user = ALICE): Promise<ScanStatus> {
  const r = await h.call<ScanStatus>('report/status', { projectKey: 'FOOD' }, user);
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

async function snapshotOf(): Promise<{ count: number; score: number }> {
  const r = await h.call<{ snapshot: { count: number; score: number } }>('report/snapshot', { projectKey: 'FOOD' });
  if (!r.ok) throw new Error(r.error.message);
  return r.data.snapshot;
}

const chunkKeys = () => [...h.store.data.keys()].filter((k) => k.includes(':chunk:'));

/** Runs `fn` with the scan's pages this small (several pages, several runs). */
async function withPageSize<T>(size: number, fn: () => Promise<T>): Promise<T> {
  const before = scan.PAGE_SIZE;
  Object.defineProperty(scan, 'PAGE_SIZE', { value: size, configurable: true });
  try {
    return await fn();
  } finally {
    Object.defineProperty(scan, 'PAGE_SIZE', { value: before, configurable: true });
  }
}

/** Runs the first consumer event until its second page is read, then "kills" it: one page of chunks stays. */
async function runOnePage(): Promise<ScanEvent> {
  const event = h.events.shift() as unknown as ScanEvent;
  await expect(runScanChunk(event, killedOnSearch(h.deps(), 2))).rejects.toThrow('consumer killed');
  return event;
}

describe('storage that refuses', () => {
  it('ends the scan as failed with the reason, deletes its chunks, and is not retried for ever', async () => {
    const store = memoryStore({ failSet: (key) => (key.startsWith('snapshot:') ? new Error('Payload too large') : undefined) });
    h = await startHarness(undefined, undefined, {}, store);
    await h.call('report/start', { projectKey: 'FOOD' });
    const runs = await drain();
    expect(runs).toBeLessThan(5);
    expect(h.events).toEqual([]);
    const s = await status();
    expect(s.status).toBe('failed');
    expect(s.error).toMatch(/App storage refused to store snapshot:FOOD:.*Payload too large/);
    expect(s.error).toMatch(/start it again/);
    expect(chunkKeys()).toEqual([]);
  });

  it('never sends a value over the limit to the store', async () => {
    const seen: string[] = [];
    const inner = memoryStore({ failSet: (key) => void seen.push(key) as undefined });
    const guarded = guardedStore(inner);
    const big = 'x'.repeat(MAX_STORED_BYTES);
    await expect(guarded.set('k', big)).rejects.toBeInstanceOf(StorageError);
    await expect(guarded.set('k', big)).rejects.toThrow(/over its limit/);
    expect(seen).toEqual([]);
    // Bytes, not characters: 100,000 three-byte characters are 300,000 bytes.
    await expect(guarded.set('k', '界'.repeat(100_000))).rejects.toThrow(/300002 bytes/);
    await guarded.set('k', 'small');
    expect(seen).toEqual(['k']);
  });
});

describe('chunks', () => {
  it('packs records into values that fit, each item once, in order', () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ i, text: '界'.repeat(100) }));
    const parts = groupByBytes(items, 2000);
    expect(parts.flat()).toEqual(items);
    for (const part of parts) expect(jsonBytes(part)).toBeLessThanOrEqual(2000);
    expect(groupByBytes([{ big: 'x'.repeat(5000) }], 2000)).toHaveLength(1);
    expect(groupByBytes([], 2000)).toEqual([]);
  });

  it('a page too big for one value is stored in parts, and the snapshot counts every story once', async () => {
    h = await startHarness();
    await h.call('report/start', { projectKey: 'FOOD' });
    await drain();
    const reference = await snapshotOf();
    h.store.data.clear();
    h.events.length = 0;
    const before = storage.CHUNK_BUDGET_BYTES;
    Object.defineProperty(storage, 'CHUNK_BUDGET_BYTES', { value: 4000, configurable: true });
    try {
      await withPageSize(20, async () => {
        await h.call('report/start', { projectKey: 'FOOD' });
        const event = await runOnePage();
        const parts = chunkKeys();
        expect(parts.length).toBeGreaterThan(3);
        expect(parts.every((k) => /:chunk:000000:\d{3}$/.test(k))).toBe(true);
        for (const k of parts) expect(jsonBytes(h.store.data.get(k))).toBeLessThanOrEqual(4000);
        h.events.unshift(event as unknown as Record<string, unknown>);
        await drain();
      });
    } finally {
      Object.defineProperty(storage, 'CHUNK_BUDGET_BYTES', { value: before, configurable: true });
    }
    expect(await snapshotOf()).toMatchObject({ count: reference.count, score: reference.score });
    expect(chunkKeys()).toEqual([]);
  });
});

describe('cancelled and replaced jobs keep nothing', () => {
  it('a cancel deletes the job’s chunks (its cleanup event), and the late consumer writes none back', async () => {
    h = await startHarness();
    await withPageSize(10, async () => {
      await h.call('report/start', { projectKey: 'FOOD' });
      const event = await runOnePage();
      expect(chunkKeys().length).toBeGreaterThan(0);
      const cancelled = await h.call<ScanStatus>('report/cancel', { projectKey: 'FOOD' });
      expect(cancelled.ok && cancelled.data.status).toBe('cancelled');
      // The platform re-delivers the killed run's event too.
      h.events.push(event as unknown as Record<string, unknown>);
      await drain();
    });
    expect(chunkKeys()).toEqual([]);
    expect((await status()).status).toBe('cancelled');
  });

  it('restarting a stalled scan deletes the old job’s chunks; a finished scan sweeps any left behind', async () => {
    let now = Date.now();
    h = await startHarness(() => new Date(now));
    await withPageSize(10, async () => {
      await h.call('report/start', { projectKey: 'FOOD' });
      const old = await runOnePage();
      const oldChunks = chunkKeys();
      expect(oldChunks.length).toBeGreaterThan(0);
      // An orphan of some long-gone job.
      await h.store.set('scan:FOOD:ghost-1:chunk:000000:000', []);
      now += 21 * 60 * 1000;
      const restarted = await h.call<ScanStatus>('report/start', { projectKey: 'FOOD' });
      expect(restarted.ok && restarted.data.joined).toBeUndefined();
      expect(h.events).toContainEqual({ projectKey: 'FOOD', jobId: old.jobId });
      await drain();
    });
    expect((await status()).status).toBe('done');
    expect(chunkKeys()).toEqual([]);
  });
});

describe('who may cancel', () => {
  it('the person who started the scan or a project admin; anyone else is refused and the scan runs on', async () => {
    h = await startHarness();
    await h.call('report/start', { projectKey: 'FOOD' }, BOB);
    const forCarol = await status(CAROL);
    expect(forCarol.canCancel).toBe(false);
    expect((await status(BOB)).canCancel).toBe(true);
    expect((await status(ALICE)).canCancel).toBe(true);
    const refused = await h.call('report/cancel', { projectKey: 'FOOD' }, CAROL);
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    expect((await status()).status).toBe('running');
    const byAdmin = await callHandler('report/cancel', { projectKey: 'FOOD' }, { accountId: ALICE }, h.deps(ALICE));
    expect(byAdmin.ok && (byAdmin.data as ScanStatus).status).toBe('cancelled');
  });

  it('the starter may cancel their own scan', async () => {
    h = await startHarness();
    await h.call('report/start', { projectKey: 'FOOD' }, CAROL);
    const own = await h.call<ScanStatus>('report/cancel', { projectKey: 'FOOD' }, CAROL);
    expect(own.ok && own.data.status).toBe('cancelled');
  });
});
