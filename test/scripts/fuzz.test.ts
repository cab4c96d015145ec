/** The fuzzer itself: reproducible cases, a shrinker that finds small reproducers, crashes detected and written. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE_PARTS, type EngineParts } from '../../src/core/engine-parts';
import type { Rule } from '../../src/core/rules';
import { fuzzCases, runCase, runFuzz, textSize } from '../../scripts/lib/fuzz-run';
import { shrink } from '../../scripts/lib/fuzz-shrink';

const first = (seed: number, n: number) => [...fuzzCases({ seed, stories: n })].map((c) => `${c.kind}:${c.stories}:${textSize(c.input)}`);

test('the same seed generates the same cases; another seed others', () => {
  expect(first(3, 300)).toEqual(first(3, 300));
  expect(first(4, 300)).not.toEqual(first(3, 300));
  const kinds = new Set([...fuzzCases({ seed: 3, stories: 2_000 })].map((c) => c.kind));
  expect(kinds).toEqual(new Set(['story', 'set', 'odd']));
});

test('the shrinker keeps the failure and drops the rest', () => {
  const input = { summary: `${'a'.repeat(500)}x;${'b'.repeat(500)}`, description: { type: 'doc', content: [1, 2, 3] }, storyPoints: 13, links: ['A-1', 'A-2'] };
  const { value } = shrink(input, (v) => JSON.stringify(v).includes('x;'));
  expect(value).toEqual({ summary: 'x;' });
});

describe('with a bug in the engine', () => {
  let replaced: jest.ReplaceProperty<EngineParts['rules']>;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'story-health-fuzz-'));
    const oversized = ENGINE_PARTS.rules.find((r) => r.meta.id === 'oversized')!;
    const buggy: Rule = {
      meta: oversized.meta,
      check(story, ctx) {
        if (story.summary.includes('🚀')) throw new TypeError('rocket');
        return oversized.check(story, ctx);
      },
    };
    replaced = jest.replaceProperty(ENGINE_PARTS, 'rules', ENGINE_PARTS.rules.map((r) => (r === oversized ? buggy : r)));
  });
  afterEach(() => {
    replaced.restore();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the fuzzer reports it, shrinks it and writes the reproducer', () => {
    const r = runFuzz({ seed: 11, stories: 1_500, outDir: dir });
    expect(r.crashCount).toBeGreaterThan(0);
    const crash = r.crashes.find((c) => c.kind === 'story')!;
    expect(crash.message).toBe('engine-error (rule): TypeError: rocket');
    expect(crash.minimalChars).toBeLessThan(crash.originalChars);
    const written = JSON.parse(readFileSync(crash.file!, 'utf8')) as { input: { summary: string }; problem: string };
    expect(written.input).toEqual({ summary: '🚀' });
    expect(runCase('story', written.input)).toBe(written.problem);
    expect(readdirSync(dir)).toContain('slowest-seed11.json');
  });
});

test('the engine as it is: no crash on the same cases', () => {
  const r = runFuzz({ seed: 11, stories: 1_500, outDir: null });
  expect(r.crashes).toEqual([]);
  expect(r.stories).toBeGreaterThanOrEqual(1_500);
});
