/**
 * Runs the app's real handlers against the Jira emulator over real HTTP, with an in-memory store
 * and a queue whose events the test drains (to run the scan consumer step by step).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../src/preview/emulator';
import { TRANSITIONS } from '../../src/preview/emulator/workflow';
import { createJiraClient, emulatorTransport } from '../../src/jira';
import type { CallContext, Deps } from '../../src/app/ports';
import { callHandler } from '../../src/app';
import type { Envelope } from '../../src/contract/envelope';
import { memoryStore } from './memory-store';
import type { PanelAnalysis } from '../../src/contract/panel';
import { HEALTH_PROPERTY, type HealthProperty } from '../../src/app/health-property';
import { onIssueSaved } from '../../src/app/on-save';

export const ALICE = '5f3c9a1e7b2d4c0069a1e2f4'; // admin of FOOD and ZONE, sees restricted issues
export const BOB = '5f3c9a1e7b2d4c0069a1e305'; // member, cannot see restricted issues
export const DAN = '64a2c7e90b1d3f0071c8e4a2'; // viewer: browses FOOD and ZONE, may not edit or create
export const SAMPLE = join(__dirname, '..', '..', 'src', 'preview', 'sample', 'project.json');

/** manifest.yml as text: the workflow rules' tests check the expressions it carries. */
export const MANIFEST_TEXT = readFileSync(join(__dirname, '..', '..', 'manifest.yml'), 'utf8');
const transition = (name: string): string => TRANSITIONS.find((t) => t.name === name)!.id;
/** The sample workflow's transitions the workflow rules are tried on. */
export const START_PROGRESS = transition('Start progress');
export const BACK_TO_DO = transition('Back to to do');

export interface Harness {
  emulator: Emulator;
  store: ReturnType<typeof memoryStore>;
  events: Record<string, unknown>[];
  /** The delay each pushed event asked for (0 when none), in push order, parallel to `events`. */
  delays: number[];
  deps(accountId?: string): Deps;
  call<T>(key: string, payload: unknown, accountId?: string, ctx?: Partial<CallContext>): Promise<Envelope<T>>;
  /** The panel's analysis of an issue as `accountId` (default alice); a refusal throws. */
  analysis(key: string, accountId?: string): Promise<PanelAnalysis>;
  close(): Promise<void>;
}

export const REAL_SITE = join(__dirname, '..', 'fixtures', 'app', 'real-site.json');

export async function startHarness(
  now: () => Date = () => new Date(),
  projectFile = SAMPLE,
  options: Partial<EmulatorOptions> = {},
  store: ReturnType<typeof memoryStore> = memoryStore(),
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'story-health-forge-'));
  const emulator = await createEmulator({ projectFile, workingCopy: join(dir, 'working-copy.json'), port: 0, fresh: true, ...options });
  const events: Record<string, unknown>[] = [];
  const delays: number[] = [];
  const retry = { retry: { budgetMs: 5_000, baseDelayMs: 20 } };
  const deps = (accountId = ALICE): Deps => ({
    asUser: () => createJiraClient(emulatorTransport(emulator.url, { accountId }), retry),
    asApp: () => createJiraClient(emulatorTransport(emulator.url, { asApp: true }), retry),
    store,
    queue: {
      push: async (evs, options = {}) => {
        events.push(...evs);
        delays.push(...evs.map(() => options.delaySeconds ?? 0));
      },
    },
    now,
  });
  return {
    emulator,
    store,
    events,
    delays,
    deps,
    call: <T>(key: string, payload: unknown, accountId = ALICE, ctx: Partial<CallContext> = {}) =>
      callHandler(key, payload, { accountId, ...ctx }, deps(accountId)) as Promise<Envelope<T>>,
    async analysis(key: string, accountId = ALICE) {
      const r = (await callHandler('panel/analyze', { issueKey: key }, { accountId }, deps(accountId))) as Envelope<PanelAnalysis>;
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
    async close() {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `deps` whose app's search fails on its `n`th call with "consumer killed": a consumer that dies mid-run. */
export function killedOnSearch(deps: Deps, n: number): Deps {
  const app = deps.asApp();
  let searches = 0;
  return {
    ...deps,
    asApp: () => ({
      ...app,
      searchJql: async (params: Parameters<typeof app.searchJql>[0]) => {
        if (++searches === n) throw new Error('consumer killed');
        return app.searchJql(params);
      },
    }),
  };
}

/** Checks the issue on save, as the trigger does, and reads back the `storyHealth` property it wrote. */
export async function savedHealth(h: Harness, key: string): Promise<HealthProperty> {
  const out = await onIssueSaved({ issue: { key } }, h.deps());
  if (out.status !== 'written' && out.status !== 'unchanged') throw new Error(`${key}: ${out.status}`);
  const p = await h.deps().asApp().getIssueProperty<HealthProperty>(key, HEALTH_PROPERTY);
  if (!p) throw new Error(`${key} has no property`);
  return p;
}
