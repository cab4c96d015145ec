/**
 * App-level measurements for `npm run bench`: the compute inside the panel resolver and the save
 * trigger (Jira I/O excluded), aggregation of 50,000 stored scan results, and Custom UI bundle sizes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanRecord } from '../../src/core/scan-record';
import type { StoryInput } from '../../src/core/story';
import { percentile } from './metrics';
import { FORGE_APPS, measure, sourceDir, type AppSize } from '../../src/preview/host/build-static';
import { built } from './built';

// The engine and the handlers' compute as built (see ./built).
const { aggregate } = built<typeof import('../../src/core/aggregate')>('src/core/aggregate');
const { analyzeStory, ENGINE_VERSION } = built<typeof import('../../src/core/analyze')>('src/core/analyze');
const { DEFAULT_SETTINGS } = built<typeof import('../../src/core/config')>('src/core/config');
const { analyzeForScan } = built<typeof import('../../src/core/scan-record')>('src/core/scan-record');
const { normalizeDescription } = built<typeof import('../../src/core/text')>('src/core/text/index');
const { propertyHash, toProperty } = built<typeof import('../../src/app/health-property')>('src/app/health-property');
const { analyzeInProject } = built<typeof import('../../src/core/analyze-in-project')>('src/core/analyze-in-project');
const { EMPTY_PROJECT_CONTEXT } = built<typeof import('../../src/core/backlog/project-context')>('src/core/backlog/project-context');

export interface Timing {
  n: number;
  p50ms: number;
  p99ms: number;
  maxMs: number;
}

function timeEach<T>(items: readonly T[], fn: (item: T) => unknown): Timing {
  const ms: number[] = [];
  for (const item of items) {
    const t0 = process.hrtime.bigint();
    fn(item);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: ms.length, p50ms: percentile(sorted, 0.5), p99ms: percentile(sorted, 0.99), maxMs: sorted[sorted.length - 1] ?? 0 };
}

/** ADF descriptions of about 32 KB built from real issue text (paragraphs, a heading, a list). */
export function bigDescriptions(inputs: readonly StoryInput[], count: number): StoryInput[] {
  const texts = inputs.map((s) => String(s.description ?? '')).filter((d) => d.length > 200);
  const out: StoryInput[] = [];
  for (let i = 0; i < count; i++) {
    const content: unknown[] = [];
    let size = 0;
    for (let k = 0; size < 32_000; k++) {
      const text = normalizeDescription(texts[(i * 37 + k) % texts.length]).text.slice(0, 2000);
      content.push({ type: 'paragraph', content: [{ type: 'text', text }] });
      size += text.length;
      if (k === 3) content.push({ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Acceptance criteria' }] }, { type: 'bulletList', content: [1, 2, 3].map((n) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Given case ${n}, when it runs, then it works` }] }] })) });
    }
    out.push({ key: `BIG-${i + 1}`, summary: inputs[i % inputs.length]!.summary, description: { type: 'doc', version: 1, content }, descriptionFormat: 'adf', storyPoints: 3, issueType: 'Story', source: 'issue' });
  }
  return out;
}

export function panelCompute(inputs: readonly StoryInput[]): Timing & { descriptionChars: number } {
  const big = bigDescriptions(inputs, 300);
  const panel = (s: StoryInput) => {
    normalizeDescription(s.description); // the plain text the panel shows
    return analyzeStory(s, DEFAULT_SETTINGS);
  };
  for (const s of big.slice(0, 30)) panel(s);
  const chars = JSON.stringify(big[0]!.description).length;
  return { ...timeEach(big, panel), descriptionChars: chars };
}

export function triggerCompute(inputs: readonly StoryInput[]): Timing {
  const now = new Date();
  const trigger = (s: StoryInput) => {
    const { report, reads } = analyzeInProject(s, DEFAULT_SETTINGS, EMPTY_PROJECT_CONTEXT);
    return toProperty(report, propertyHash(s, DEFAULT_SETTINGS, reads), now);
  };
  for (const s of inputs.slice(0, 2000)) trigger(s);
  return timeEach(inputs, trigger);
}

export function aggregation(inputs: readonly StoryInput[], size: number): { size: number; recordsMs: number; aggregateMs: number; snapshotBytes: number } {
  const t0 = Date.now();
  const records: ScanRecord[] = [];
  for (let i = 0; i < size; i++) {
    const base = inputs[i % inputs.length]!;
    const copy = Math.floor(i / inputs.length);
    records.push(analyzeForScan({ ...base, key: copy ? `${base.key}~${copy}` : base.key, summary: copy ? `${base.summary} ${copy}` : base.summary }, DEFAULT_SETTINGS).record);
  }
  const recordsMs = Date.now() - t0;
  const t1 = Date.now();
  const snapshot = aggregate(records, { createdAt: new Date().toISOString(), engineVersion: ENGINE_VERSION });
  return { size, recordsMs, aggregateMs: Date.now() - t1, snapshotBytes: JSON.stringify(snapshot).length };
}

export type BundleSize = AppSize;

/** Sizes of the built Custom UI apps as `npm run build:static` measures them, or null when not built. */
export async function bundleSizes(root: string): Promise<BundleSize[] | null> {
  if (!FORGE_APPS.every((app) => existsSync(join(sourceDir(root, app), 'dist', 'index.html')))) return null;
  return Promise.all(FORGE_APPS.map((app) => measure(root, app)));
}
