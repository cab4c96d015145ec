/**
 * The fuzz loop behind `npm run fuzz`: generated stories through `analyzeStory`, generated sets
 * through `analyze` and through the scan's path (`analyzeForScan` + `aggregate`), every result
 * checked. A crash is anything but a clean analysis: an exception that escapes, an `engine-error`
 * (isolation turns a bug into one; the fuzzer counts it as the bug it is), a broken invariant.
 * Each distinct crash is shrunk to a small reproducer and written to `outDir`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, analyzeStory } from '../../src/core/analyze';
import { aggregate } from '../../src/core/aggregate';
import { DEFAULT_SETTINGS } from '../../src/core/config';
import { errorText } from '../../src/core/engine-error';
import { analyzeForScan } from '../../src/core/scan-record';
import type { AnalysisReport, StoryReport } from '../../src/core/story';
import { Rng, oddInput, story, storySet, type GrammarOptions } from './fuzz-grammar';
import { shrink } from './fuzz-shrink';

export interface FuzzOptions {
  seed: number;
  /** Stories to generate in all (single ones and those in sets). */
  stories: number;
  /** Where reproducers and the slowest input are written; null: nowhere. */
  outDir: string | null;
  /** Every n-th case is a set (default 25). */
  setEvery?: number;
  /** Largest set (default 20). */
  setMax?: number;
  grammar?: GrammarOptions;
  /** Reproducers written at most (default 20); every crash is counted. */
  maxSaved?: number;
  log?: (line: string) => void;
}

export type CaseKind = 'story' | 'odd' | 'set' | 'scan';

export interface Crash {
  kind: CaseKind;
  signature: string;
  message: string;
  count: number;
  file: string | null;
  originalChars: number;
  minimalChars: number;
}

export interface FuzzResult {
  seed: number;
  /** Stories analyzed (single stories, odd inputs and the members of sets). */
  stories: number;
  sets: number;
  /** Analyses run (each set runs twice: analyze and the scan path). */
  runs: number;
  crashes: Crash[];
  crashCount: number;
  slowest: { kind: CaseKind; index: number; ms: number; chars: number; file: string | null };
  /** Runs slower than 100 ms. */
  slowRuns: number;
  elapsedMs: number;
}

const SLOW_MS = 100;

function checkStory(r: StoryReport): string | null {
  if (r.failed) return `engine-error (${r.failed.stage}): ${r.failed.message}`;
  const engineError = r.findings.find((f) => f.ruleId === 'engine-error');
  if (engineError) return `engine-error (${engineError.messageId}): ${String(engineError.data.error)}`;
  if (!Number.isInteger(r.score) || r.score < 0 || r.score > 100) return `invariant: score ${r.score}`;
  for (const [c, v] of Object.entries(r.criteria)) if (!Number.isInteger(v) || v < 0 || v > 100) return `invariant: criterion ${c} = ${v}`;
  if (typeof r.key !== 'string' || typeof r.summary !== 'string') return 'invariant: key or summary not a string';
  for (const f of r.findings) {
    if (typeof f.message !== 'string' || !f.message) return `invariant: ${f.ruleId} without a message`;
    if (f.range) {
      const [a, b] = f.range;
      if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a <= b)) return `invariant: ${f.ruleId} range [${a}, ${b}]`;
      if (f.field === 'summary' && b > r.summary.length) return `invariant: ${f.ruleId} range past the summary`;
    }
  }
  return null;
}

function checkSet(report: AnalysisReport, n: number): string | null {
  if (report.stories.length !== n) return `invariant: ${report.stories.length} reports for ${n} stories`;
  if (new Set(report.stories.map((s) => s.key)).size !== n) return 'invariant: keys not unique';
  for (const s of report.stories) {
    const problem = checkStory(s);
    if (problem) return problem;
  }
  if (report.backlog.failedChecks?.length) return `engine-error (set): ${report.backlog.failedChecks[0]!.message}`;
  if (report.backlog.count + report.backlog.failed.length !== n) return 'invariant: backlog count';
  return null;
}

/** Runs one case; returns the problem (null when clean). Never throws. */
export function runCase(kind: CaseKind, input: unknown): string | null {
  try {
    if (kind === 'set') {
      const set = input as unknown[];
      const report = analyze(set);
      const problem = checkSet(report, set.length);
      JSON.stringify(report);
      return problem;
    }
    if (kind === 'scan') {
      const records = (input as unknown[]).map((s) => {
        const { report, record } = analyzeForScan(s, DEFAULT_SETTINGS);
        const problem = checkStory(report);
        if (problem) throw new Error(`scan: ${problem}`);
        return record;
      });
      const snapshot = aggregate(records, { createdAt: '2026-01-01T00:00:00.000Z', engineVersion: 'fuzz' });
      if (snapshot.failedCount) return 'engine-error (scan record)';
      JSON.stringify(snapshot);
      return null;
    }
    const report = analyzeStory(input);
    JSON.stringify(report);
    return checkStory(report);
  } catch (error) {
    return `threw: ${errorText(error)}`;
  }
}

/** What makes two crashes the same bug: the message without numbers and quoted text. */
export function signature(problem: string): string {
  return problem
    .replace(/"[^"]*"|'[^']*'/g, '…')
    .replace(/\d+/g, 'N')
    .slice(0, 120);
}

/** JSON of an input; one nested too deep for JSON.stringify is described instead (the seed regenerates it). */
function json(value: unknown, indent?: number): string {
  try {
    return JSON.stringify(value, null, indent);
  } catch (error) {
    return JSON.stringify({ unprintable: errorText(error), note: 'regenerate it with the seed and index' });
  }
}

/** Characters of text in a value (strings, keys and numbers), walked without recursion: ADF can nest 20,000 deep. */
export function textSize(value: unknown): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') total += v.length;
    else if (typeof v === 'number' || typeof v === 'boolean') total += String(v).length;
    else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        total += k.length;
        stack.push(x);
      }
    }
  }
  return total;
}

export interface FuzzCase {
  index: number;
  kind: CaseKind;
  input: unknown;
  /** Stories in the case. */
  stories: number;
}

/** The cases of a seed, in order: what `runFuzz` analyzes, and what `--case N` replays. */
export function* fuzzCases(options: Pick<FuzzOptions, 'seed' | 'stories' | 'setEvery' | 'setMax' | 'grammar'>): Generator<FuzzCase> {
  const rng = new Rng(options.seed);
  const setEvery = options.setEvery ?? 25;
  const setMax = options.setMax ?? 20;
  let stories = 0;
  for (let index = 0; stories < options.stories; index++) {
    if (index % setEvery === setEvery - 1) {
      const set = storySet(rng, index, setMax, options.grammar);
      stories += set.length;
      yield { index, kind: 'set', input: set, stories: set.length };
    } else if (rng.chance(0.002)) {
      stories++;
      yield { index, kind: 'odd', input: oddInput(rng), stories: 1 };
    } else {
      stories++;
      yield { index, kind: 'story', input: story(rng, `F-${index}`, [`F-${index}`, `F-${index + 1}`], options.grammar), stories: 1 };
    }
  }
}

export function runFuzz(options: FuzzOptions): FuzzResult {
  const log = options.log ?? (() => undefined);
  const maxSaved = options.maxSaved ?? 20;
  if (options.outDir) mkdirSync(options.outDir, { recursive: true });
  const crashes = new Map<string, Crash>();
  let crashCount = 0;
  let stories = 0;
  let sets = 0;
  let runs = 0;
  let slowRuns = 0;
  let slowest: { kind: CaseKind; ms: number; input: unknown; index: number } = { kind: 'story', ms: 0, input: null, index: -1 };
  let nextLog = 100_000;
  const started = performance.now();

  const run = (kind: CaseKind, input: unknown, index: number): void => {
    const t0 = performance.now();
    const problem = runCase(kind, input);
    const ms = performance.now() - t0;
    runs++;
    if (ms > slowest.ms) slowest = { kind, ms, input, index };
    if (ms > SLOW_MS) slowRuns++;
    if (problem === null) return;
    crashCount++;
    const sig = `${kind}: ${signature(problem)}`;
    const known = crashes.get(sig);
    if (known) {
      known.count++;
      return;
    }
    const { value } = shrink(input, (candidate) => {
      const p = runCase(kind, candidate);
      return p !== null && `${kind}: ${signature(p)}` === sig;
    });
    let file: string | null = null;
    if (options.outDir && crashes.size < maxSaved) {
      file = join(options.outDir, `crash-seed${options.seed}-${index}-${kind}.json`);
      writeFileSync(file, `${json({ seed: options.seed, index, kind, problem, input: value }, 2)}\n`);
    }
    crashes.set(sig, { kind, signature: sig, message: problem, count: 1, file, originalChars: textSize(input), minimalChars: textSize(value) });
    log(`crash #${crashes.size} (${kind}, case ${index}): ${problem}${file ? ` -> ${file}` : ''}`);
  };

  for (const c of fuzzCases(options)) {
    if (c.kind === 'set') {
      run('set', c.input, c.index);
      run('scan', c.input, c.index);
      sets++;
    } else run(c.kind, c.input, c.index);
    stories += c.stories;
    if (stories >= nextLog) {
      const s = (performance.now() - started) / 1000;
      log(`${stories.toLocaleString('en-US')} stories, ${sets.toLocaleString('en-US')} sets, ${crashCount} crashes, ${s.toFixed(0)} s`);
      nextLog += 100_000;
    }
  }

  let slowestFile: string | null = null;
  if (options.outDir && slowest.input !== null) {
    slowestFile = join(options.outDir, `slowest-seed${options.seed}.json`);
    writeFileSync(slowestFile, `${json({ seed: options.seed, index: slowest.index, kind: slowest.kind, ms: slowest.ms, input: slowest.input })}\n`);
  }
  return {
    seed: options.seed,
    stories,
    sets,
    runs,
    crashes: [...crashes.values()],
    crashCount,
    slowest: { kind: slowest.kind, index: slowest.index, ms: slowest.ms, chars: textSize(slowest.input), file: slowestFile },
    slowRuns,
    elapsedMs: performance.now() - started,
  };
}
