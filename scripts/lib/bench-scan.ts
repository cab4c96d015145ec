/**
 * A simulated backlog scan for `npm run bench`: 20,000 issues made from the real Jira issues are
 * served by the local Jira emulator with a fixed delay on every request (page latency), and the
 * app's real scan consumer runs event after event until the snapshot is written — as the Forge
 * queue would run it. Measures total time, consumer invocations, peak memory per invocation, and
 * what the project-context step re-read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoryInput } from '../../src/core/story';
import { normalizeDescription } from '../../src/core/text';
import { callHandler } from '../../src/app';
import { runScanChunk, type ScanEvent } from '../../src/app/scan';
import type { Deps } from '../../src/app/ports';
import { stateKey, type ScanState } from '../../src/app/scan-state';
import { createJiraClient, emulatorTransport } from '../../src/jira';
import { spawn } from 'node:child_process';
import type { SampleIssue, SampleProjectFile } from '../../src/preview/sample/schema';
// The handler tests' in-memory Store: JSON copies and Forge's value limit, as KVS keeps them.
import { memoryStore } from '../../test/app/memory-store';

const ADMIN = '5f3c9a1e7b2d4c0069a1e2f4';

async function startEmulatorProcess(projectFile: string, workingCopy: string, delayMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const main = join(__dirname, '..', '..', 'src', 'preview', 'emulator', 'main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', main, '--project', projectFile, '--working-copy', workingCopy, '--reset', '--write-behind', '--delay-ms', String(delayMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A project file of `size` stories built from real issue text (bench-time only, in a temp dir). */
export function projectFile(inputs: readonly StoryInput[], size: number): SampleProjectFile {
  const issues: SampleIssue[] = [];
  for (let i = 0; i < size; i++) {
    const base = inputs[i % inputs.length]!;
    const text = normalizeDescription(base.description).text.slice(0, 4000);
    issues.push({
      key: `BENCH-${i + 1}`,
      issueType: 'Story',
      summary: (base.summary || 'Untitled').slice(0, 255),
      description: { type: 'doc', version: 1, content: text ? text.split('\n').filter(Boolean).map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) : [] },
      status: 'To Do',
      storyPoints: typeof base.storyPoints === 'number' ? base.storyPoints : null,
      labels: [],
      links: [],
      reporter: ADMIN,
      created: '2026-10-01T09:00:00.000Z',
      updated: '2026-10-01T09:00:00.000Z',
      properties: {},
    });
  }
  return {
    fields: { storyPoints: { id: 'customfield_10016', name: 'Story point estimate' } },
    projects: [{ id: '10050', key: 'BENCH', name: 'Benchmark backlog' }],
    users: [
      { accountId: ADMIN, displayName: 'Bench Admin', emailAddress: 'admin@example.com', projects: { BENCH: 'admin' }, securityLevels: [] },
      { accountId: '5f3c9a1e7b2d4c0069a1e305', displayName: 'Bench Member', emailAddress: 'member@example.com', projects: { BENCH: 'member' }, securityLevels: [] },
    ],
    issues,
  };
}

export interface ScanBench {
  issues: number;
  latencyMs: number;
  totalMs: number;
  invocations: number;
  pages: number;
  backfilled: number;
  snapshotCount: number;
  /** Stories read again and re-scored because the project context the scan built changed their reads. */
  rescored: number;
  /** Searches the context step made (one per chunk with stories to re-score). */
  contextSearches: number;
  perInvocation: { ms: number; peakHeapMb: number; pages: number }[];
  aggregateRunMs: number;
  /** Time the scan spent paused to stay under Jira's hourly quota (simulated, not waited). */
  pausedMs: number;
}

export async function simulatedScan(inputs: readonly StoryInput[], size: number, latencyMs: number): Promise<ScanBench> {
  const dir = mkdtempSync(join(tmpdir(), 'story-health-bench-scan-'));
  const file = join(dir, 'project.json');
  writeFileSync(file, JSON.stringify(projectFile(inputs, size)));
  // The emulator runs in its own process, so the memory measured here is the consumer's alone.
  const emulator = await startEmulatorProcess(file, join(dir, 'working-copy.json'), latencyMs);
  try {
    const store = memoryStore();
    const events: Record<string, unknown>[] = [];
    let contextSearches = 0;
    const asApp = () => {
      const client = createJiraClient(emulatorTransport(emulator.url, { asApp: true }));
      return {
        ...client,
        searchJql: (params: Parameters<typeof client.searchJql>[0]) => {
          if (/ key in /.test(params.jql)) contextSearches++;
          return client.searchJql(params);
        },
      };
    };
    // The scan paces itself to Jira's hourly quota by delaying its next queue event: the bench runs
    // on a simulated clock that jumps over each delay (the pause is reported, not waited out).
    let skewMs = 0;
    let pausedMs = 0;
    const deps: Deps = {
      asUser: () => createJiraClient(emulatorTransport(emulator.url, { accountId: ADMIN })),
      asApp,
      store,
      queue: {
        push: async (evs, options) => {
          const delay = (options?.delaySeconds ?? 0) * 1000;
          skewMs += delay;
          pausedMs += delay;
          events.push(...evs);
        },
      },
      now: () => new Date(Date.now() + skewMs),
    };
    const t0 = Date.now();
    const start = await callHandler('report/start', { projectKey: 'BENCH' }, { accountId: ADMIN }, deps);
    if (!start.ok) throw new Error(start.error.message);
    const perInvocation: ScanBench['perInvocation'] = [];
    let pagesBefore = 0;
    let aggregateRunMs = 0;
    while (events.length) {
      const event = events.shift() as unknown as ScanEvent;
      global.gc?.();
      let peak = process.memoryUsage().heapUsed;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
      const r0 = Date.now();
      const state = await runScanChunk(event, deps);
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      const ms = Date.now() - r0;
      const pages = (state?.pages ?? 0) - pagesBefore;
      pagesBefore = state?.pages ?? 0;
      perInvocation.push({ ms, peakHeapMb: peak / 1024 / 1024, pages });
      if (state?.status === 'done') aggregateRunMs = ms;
      if (state && state.status !== 'running' && state.status !== 'done') throw new Error(`scan ended ${state.status}: ${state.error ?? ''}`);
    }
    const view = await callHandler('report/status', { projectKey: 'BENCH' }, { accountId: ADMIN }, deps);
    const status = view.ok ? (view.data as { done: number; pages: number; backfilled: number }) : { done: 0, pages: 0, backfilled: 0 };
    const state = await store.get<ScanState>(stateKey('BENCH'));
    return {
      issues: size,
      latencyMs,
      totalMs: Date.now() - t0,
      pausedMs,
      invocations: perInvocation.length,
      pages: status.pages,
      backfilled: status.backfilled,
      snapshotCount: status.done,
      rescored: state?.rescored ?? 0,
      contextSearches,
      perInvocation,
      aggregateRunMs,
    };
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
