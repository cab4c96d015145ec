/**
 * `tsx scripts/simulate-quota.ts [issues]`: a scan of a 20,000-issue project under Jira's hourly
 * points quota, on a simulated clock. The Jira emulator (in this process) charges each answer
 * 1 point plus 1 per issue it returns, sends the quota headers, and refuses with 429 +
 * Beta-Retry-After once an hour's points are spent; the app's real scan consumer runs event after
 * event, each delayed event delivered after its delay (the clock jumps, the work is real).
 * Prints the numbers docs/performance.md quotes ("Rate limits").
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callHandler } from '../src/app';
import { runScanChunk, type ScanEvent } from '../src/app/scan';
import { ASSUMED_HOURLY_QUOTA, SCAN_SHARE } from '../src/app/scan-pace';
import { stateKey, type ScanState } from '../src/app/scan-state';
import type { Deps, Store } from '../src/app/ports';
import { createJiraClient, emulatorTransport } from '../src/jira';
import { createRateLimitMonitor } from '../src/jira/rate-limit';
import { createEmulator } from '../src/preview/emulator';
import { loadJiraIssues } from './lib/datasets';
import { projectFile } from './lib/bench-scan';

const ADMIN = '5f3c9a1e7b2d4c0069a1e2f4';
const SIZE = Number(process.argv[2] ?? 20_000);
/** Simulated seconds a consumer invocation takes per page (the bench measured ~0.9 s a page). */
const SECONDS_PER_PAGE = 1;

function memoryStore(): Store {
  const data = new Map<string, string>();
  return {
    get: async <T>(key: string) => (data.has(key) ? (JSON.parse(data.get(key)!) as T) : undefined),
    set: async (key, value) => void data.set(key, JSON.stringify(value)),
    create: async (key, value) => (data.has(key) ? false : (data.set(key, JSON.stringify(value)), true)),
    delete: async (key) => void data.delete(key),
    async list<T>(prefix: string, options: { limit?: number; cursor?: string } = {}) {
      const keys = [...data.keys()].filter((k) => k.startsWith(prefix) && (!options.cursor || k > options.cursor)).sort();
      const page = keys.slice(0, options.limit ?? 20);
      const items = page.map((key) => ({ key, value: JSON.parse(data.get(key)!) as T }));
      return page.length < keys.length ? { items, cursor: page[page.length - 1]! } : { items };
    },
  };
}

async function main(): Promise<void> {
  const { inputs } = loadJiraIssues();
  const dir = mkdtempSync(join(tmpdir(), 'story-health-quota-'));
  const file = join(dir, 'project.json');
  writeFileSync(file, JSON.stringify(projectFile(inputs, SIZE)));
  let t = Date.parse('2026-12-07T09:00:00Z');
  // Write-behind: the working copy of 20,000 issues is written to disk a minute after changes, not after each.
  const emulator = await createEmulator({ projectFile: file, workingCopy: join(dir, 'working-copy.json'), port: 0, fresh: true, now: () => t, persistDelayMs: 60_000, waitForDisk: false });
  emulator.faults.set({ quota: { pointsPerHour: ASSUMED_HOURLY_QUOTA } });
  try {
    const store = memoryStore();
    const queue: { event: Record<string, unknown>; at: number }[] = [];
    const monitor = createRateLimitMonitor(() => t);
    const deps: Deps = {
      asUser: () => createJiraClient(emulatorTransport(emulator.url, { accountId: ADMIN })),
      asApp: () => createJiraClient(emulatorTransport(emulator.url, { asApp: true }), { retry: { onRateLimit: monitor.record, now: () => t } }),
      store,
      queue: { push: async (evs, o = {}) => void queue.push(...evs.map((event) => ({ event, at: t + (o.delaySeconds ?? 0) * 1000 }))) },
      now: () => new Date(t),
      appRateLimits: monitor,
    };
    const started = t;
    const wall = Date.now();
    const start = await callHandler('report/start', { projectKey: 'BENCH' }, { accountId: ADMIN }, deps);
    if (!start.ok) throw new Error(start.error.message);
    let invocations = 0;
    let pausedRuns = 0;
    let pauses = 0;
    while (queue.length) {
      const next = queue.shift()!;
      t = Math.max(t, next.at);
      const before = (await store.get<ScanState>(stateKey('BENCH')))?.pages ?? 0;
      const state = await runScanChunk(next.event as unknown as ScanEvent, deps);
      invocations++;
      const pages = (state?.pages ?? 0) - before;
      if (pages === 0 && state?.pausedUntil) pausedRuns++;
      if (state?.pausedUntil && pages > 0) pauses++;
      t += Math.max(1, pages) * SECONDS_PER_PAGE * 1000;
      if (invocations % 10 === 0 || process.env.VERBOSE) process.stderr.write(`  ${invocations} invocations, ${state?.pages ?? 0} pages, simulated ${((t - started) / 3_600_000).toFixed(2)} h, paused until ${state?.pausedUntil ?? "-"} (${state?.pausedBecause ?? ""}), phase ${state?.phase}\n`);
      if (state && state.status !== 'running' && state.status !== 'done') throw new Error(`scan ended ${state.status}: ${state.error ?? ''}`);
    }
    const state = await store.get<ScanState>(stateKey('BENCH'));
    const stats = emulator.faults.stats();
    const hours = Object.entries(stats.pointsByHour).sort(([a], [b]) => a.localeCompare(b));
    console.log(JSON.stringify({
      issues: SIZE,
      quota: ASSUMED_HOURLY_QUOTA,
      share: SCAN_SHARE,
      status: state?.status,
      stories: state?.done,
      pages: state?.pages,
      propertiesWritten: state?.backfilled,
      invocations,
      pausesAfterAPage: pauses,
      stillPausedRuns: pausedRuns,
      refusals429: stats.rateLimited,
      simulatedHours: ((t - started) / 3_600_000).toFixed(2),
      pointsByHour: Object.fromEntries(hours),
      totalPoints: hours.reduce((a, [, p]) => a + p, 0),
      wallSeconds: Math.round((Date.now() - wall) / 1000),
    }, null, 2));
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
