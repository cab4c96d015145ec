/**
 * A scan of a Japanese backlog: one page of 100 stories with links and key mentions is more than
 * one 240 KiB storage value in UTF-8 (it was under the limit counted in characters). Its records
 * are stored in byte-sized parts and the scan completes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonBytes, LIMITS } from '../../src/app/byte-size';
import { runScanChunk, type ScanEvent } from '../../src/app/scan';
import { chunkPrefix } from '../../src/app/scan-state';
import type { ReportView, ScanStatus } from '../../src/contract/report';
import type { SampleProjectFile } from '../../src/preview/sample/schema';
import { ALICE, BOB, startHarness, type Harness } from './harness';

const STORIES = 130;
const SENTENCE = 'ユーザーとして、レビューに料理の写真を追加したい。そうすれば他の客が料理を見られる。';

function project(): SampleProjectFile {
  const at = '2024-03-01T09:00:00.000Z';
  return {
    fields: { storyPoints: { id: 'customfield_10016', name: 'Story point estimate' } },
    projects: [{ id: '10020', key: 'JA', name: '料理レビュー' }],
    users: [
      { accountId: ALICE, displayName: 'Alice Navarro', emailAddress: 'alice@example.com', projects: { JA: 'admin' }, securityLevels: [] },
      { accountId: BOB, displayName: 'Bob Okafor', emailAddress: 'bob@example.com', projects: { JA: 'member' }, securityLevels: [] },
    ],
    issues: Array.from({ length: STORIES }, (_, i) => ({
      key: `JA-${i + 1}`,
      issueType: 'Story' as const,
      summary: `${i + 1}: ${SENTENCE.repeat(6)}`.slice(0, 255),
      description: {
        type: 'doc' as const,
        version: 1 as const,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: SENTENCE.repeat(30) }] },
          { type: 'paragraph', content: [{ type: 'text', text: Array.from({ length: 40 }, (_, j) => `JA-${((i + j) % STORIES) + 1} に依存`).join('、') }] },
        ],
      },
      status: 'To Do' as const,
      storyPoints: 3,
      labels: [],
      links: i ? Array.from({ length: Math.min(i, 50) }, (_, j) => ({ type: 'Relates' as const, direction: 'outward' as const, key: `JA-${j + 1}` })).filter((l) => l.key !== `JA-${i + 1}`) : [],
      reporter: ALICE,
      created: at,
      updated: at,
      properties: {},
    })),
  };
}

let h: Harness;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'story-health-ja-'));
  const file = join(dir, 'project.json');
  writeFileSync(file, JSON.stringify(project()));
  h = await startHarness(undefined, file);
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a page of 100 Japanese stories is stored in parts under 240 KiB each, and the scan completes', async () => {
  const started = await h.call<ScanStatus>('report/start', { projectKey: 'JA' });
  expect(started.ok).toBe(true);
  const stored: number[] = [];
  /** The first page's parts as first written, by key. */
  const firstPage = new Map<string, number>();
  const set = h.store.set.bind(h.store);
  h.store.set = async (key, value) => {
    if (key.startsWith('scan:JA:') && key.includes(':chunk:')) {
      stored.push(jsonBytes(value));
      if (/:chunk:000000:/.test(key) && !firstPage.has(key)) firstPage.set(key, jsonBytes(value));
    }
    await set(key, value);
  };
  // Run the queued consumer chunks until the scan is done, as the Forge queue would.
  while (h.events.length) await runScanChunk(h.events.shift() as unknown as ScanEvent, h.deps());
  const v = await h.call<ReportView>('report/snapshot', { projectKey: 'JA' });
  expect(v.ok && v.data.status).toMatchObject({ status: 'done', done: STORIES });
  expect(v.ok && v.data.snapshot!.count).toBe(STORIES);
  // The first page needed more than one value: counted in characters it would have looked like one.
  expect(stored.length).toBeGreaterThan(2);
  expect(Math.max(...stored)).toBeLessThanOrEqual(LIMITS.storageValue);
  expect([...firstPage.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(LIMITS.storageValue);
  // Parts are removed once the snapshot is written.
  const state = (await h.store.get<{ jobId: string }>('scan:JA:state'))!;
  expect((await h.store.list(chunkPrefix('JA', state.jobId))).items).toEqual([]);
});
