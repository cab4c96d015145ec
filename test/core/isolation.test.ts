/**
 * One story's failure never reaches another: a part of the engine that throws on one story (a rule,
 * the preparation, the technical assessment, a suggester, the set-level context) costs that story
 * (or only that rule's findings), never the run. The parts are injected through `EngineParts`, the
 * same seam production uses with `ENGINE_PARTS`.
 */
import { EMPTY_PROJECT_CONTEXT } from '../../src/core/backlog/project-context';
import { analyze, analyzeSet, analyzeStory } from '../../src/core/analyze';
import { aggregate } from '../../src/core/aggregate';
import { parseSettings, DEFAULT_SETTINGS } from '../../src/core/config';
import { ENGINE_PARTS, type EngineParts } from '../../src/core/engine-parts';
import { errorText } from '../../src/core/engine-error';
import { prepare } from '../../src/core/prepare';
import type { Rule } from '../../src/core/rules';
import { analyzeForScan } from '../../src/core/scan-record';
import type { StoryInput, StoryReport } from '../../src/core/story';

const STORIES: StoryInput[] = [
  { key: 'OK-1', summary: 'As a diner, I want to see menus, so that I can choose a restaurant.' },
  { key: 'BAD-1', summary: 'As a diner, I want to filter reviews by stars, so that I find good places.', storyPoints: 13, source: 'issue' },
  { key: 'OK-2', summary: 'As a diner, I want to see menus, so that I can choose a restaurant!' },
  { key: 'OK-3', summary: 'As a developer I want to develop a mechanism to store and retrieve images so that users can add/view images' },
];

const boom = (what: string) => new TypeError(`${what} exploded\n    at secret (/srv/app/engine.js:1:1)`);
const isBad = (key: string) => key === 'BAD-1';

/** The engine, but preparing the bad story throws. */
const FAILING_PREPARE: EngineParts = {
  ...ENGINE_PARTS,
  prepare: (input, index, lex) => {
    if (isBad((input as StoryInput).key ?? '')) throw boom('prepare');
    return prepare(input, index, lex);
  },
};

function engineErrors(r: StoryReport) {
  return r.findings.filter((f) => f.ruleId === 'engine-error');
}

function byKey(stories: StoryReport[]): Map<string, StoryReport> {
  return new Map(stories.map((s) => [s.key, s]));
}

test('a rule that throws on one story costs only that rule\'s findings on that story', () => {
  const oversized = ENGINE_PARTS.rules.find((r) => r.meta.id === 'oversized')!;
  const throwing: Rule = {
    meta: oversized.meta,
    check(story, ctx) {
      if (isBad(story.key)) throw boom('oversized');
      return oversized.check(story, ctx);
    },
  };
  const parts: EngineParts = { ...ENGINE_PARTS, rules: ENGINE_PARTS.rules.map((r) => (r === oversized ? throwing : r)) };
  const normal = byKey(analyze(STORIES).stories);
  const run = analyzeSet(STORIES, undefined, parts);
  const bad = byKey(run.stories).get('BAD-1')!;

  expect(bad.failed).toBeUndefined();
  expect(engineErrors(bad)).toEqual([
    expect.objectContaining({ messageId: 'rule', severity: 'warn', criterion: 'engine', data: { key: 'BAD-1', rule: 'oversized', error: 'TypeError: oversized exploded at secret (/srv/app/engine.js:1:1)' } }),
  ]);
  expect(engineErrors(bad)[0]!.message).toContain('BAD-1');
  // The other rules' findings stand; only oversized's are missing, and the score leaves it out.
  const expected = normal.get('BAD-1')!.findings.filter((f) => f.ruleId !== 'oversized');
  expect(bad.findings.filter((f) => f.ruleId !== 'engine-error')).toEqual(expected);
  expect(normal.get('BAD-1')!.findings.map((f) => f.ruleId)).toContain('oversized');
  expect(bad.score).toBeGreaterThan(normal.get('BAD-1')!.score);
  // Every other story is exactly what it would have been.
  for (const key of ['OK-1', 'OK-2', 'OK-3']) expect(byKey(run.stories).get(key)).toEqual(normal.get(key));
  expect(run.backlog.failed).toEqual([]);
  expect(run.backlog.ruleCounts['engine-error']).toBe(1);
});

test('a story the engine cannot prepare gets an engine-error report naming it; the others are analyzed as without it', () => {
  const run = analyzeSet(STORIES, undefined, FAILING_PREPARE);
  const without = analyze(STORIES.filter((s) => !isBad(s.key!)));

  expect(run.stories.map((s) => s.key)).toEqual(['OK-1', 'BAD-1', 'OK-2', 'OK-3']);
  const bad = run.stories[1]!;
  expect(bad).toMatchObject({ key: 'BAD-1', summary: STORIES[1]!.summary, failed: { stage: 'prepare' }, rewrites: [], splits: [] });
  expect(bad.failed!.message).toBe('TypeError: prepare exploded at secret (/srv/app/engine.js:1:1)');
  expect(engineErrors(bad)).toEqual([expect.objectContaining({ messageId: 'story', severity: 'error', data: { key: 'BAD-1', stage: 'prepare', error: bad.failed!.message } })]);
  expect(bad.findings).toHaveLength(1);
  expect(JSON.stringify(bad)).not.toMatch(/\n\s+at /);

  expect(run.stories.filter((s) => s !== bad)).toEqual(without.stories);
  // The failed story is listed, not scored: the backlog's verdict is the one of the others.
  expect(run.backlog).toMatchObject({ count: 3, failed: ['BAD-1'], score: without.backlog.score, criteria: without.backlog.criteria });
  expect(run.backlog.scoreHistogram).toEqual(without.backlog.scoreHistogram);
  expect(run.backlog.ruleCounts['engine-error']).toBe(1);
});

test('a story whose technical assessment throws fails alone (stage analyze)', () => {
  // A prepared story with broken facts: the assessment reads them and throws.
  const parts: EngineParts = {
    ...ENGINE_PARTS,
    prepare: (input, index, lex) => {
      const p = prepare(input, index, lex);
      return isBad(p.story.key) ? { ...p, facts: { ...p.facts, goalTokens: null as never } } : p;
    },
  };
  const run = analyzeSet(STORIES, undefined, parts);
  const bad = byKey(run.stories).get('BAD-1')!;
  expect(bad.failed?.stage).toBe('analyze');
  expect(run.stories.filter((s) => s.failed)).toHaveLength(1);
  expect(run.backlog.failed).toEqual(['BAD-1']);
});

test('a suggester that throws costs only its suggestions', () => {
  const parts: EngineParts = {
    ...ENGINE_PARTS,
    suggestSplits: (story, ...rest) => {
      if (isBad(story.key)) throw boom('splits');
      return ENGINE_PARTS.suggestSplits(story, ...rest);
    },
  };
  const normal = byKey(analyze(STORIES).stories).get('BAD-1')!;
  expect(normal.splits.length).toBeGreaterThan(0);
  const bad = byKey(analyzeSet(STORIES, undefined, parts).stories).get('BAD-1')!;
  expect(bad.splits).toEqual([]);
  expect(bad.score).toBe(normal.score);
  expect(engineErrors(bad)).toEqual([expect.objectContaining({ messageId: 'suggestion', severity: 'info', data: expect.objectContaining({ key: 'BAD-1', suggestion: 'splits' }) })]);
});

test('a story that breaks the set-level context is left out of it; the others keep their duplicates', () => {
  const dupes: StoryInput[] = [
    { key: 'D-1', summary: 'As a diner, I want to see the menu of a restaurant, so that I can choose.' },
    { key: 'D-2', summary: 'As a diner, I want to see the menu of a restaurant, so that I can choose.' },
    { key: 'BAD-1', summary: 'As a diner, I want to book a table, so that I have a seat.' },
  ];
  const parts: EngineParts = {
    ...ENGINE_PARTS,
    buildBacklogContext: (prepared, lex, project) => {
      if (prepared.some((p) => isBad(p.story.key))) throw boom('context');
      return ENGINE_PARTS.buildBacklogContext(prepared, lex, project);
    },
  };
  const run = analyzeSet(dupes, undefined, parts);
  const reports = byKey(run.stories);
  expect(reports.get('D-1')!.backlogFindings.map((f) => f.ruleId)).toContain('duplicate');
  expect(run.backlog.duplicates.map((c) => c.keys)).toEqual([['D-1', 'D-2']]);
  expect(engineErrors(reports.get('BAD-1')!)).toEqual([expect.objectContaining({ messageId: 'backlog', data: expect.objectContaining({ key: 'BAD-1' }) })]);
  expect(reports.get('BAD-1')!.failed).toBeUndefined();
  expect(run.backlog.failedChecks).toBeUndefined();
});

test('a set-level context that cannot be built at all: every story is still analyzed, and the summary says so', () => {
  const parts: EngineParts = {
    ...ENGINE_PARTS,
    buildBacklogContext: () => {
      throw boom('context');
    },
  };
  const run = analyzeSet(STORIES, undefined, parts);
  expect(run.stories.every((s) => !s.failed)).toBe(true);
  expect(run.backlog.count).toBe(STORIES.length);
  expect(run.backlog.failedChecks).toEqual([{ check: 'backlog-context', message: 'TypeError: context exploded at secret (/srv/app/engine.js:1:1)' }]);
  expect(run.backlog.duplicates).toEqual([]);
});

test('analyzeStory and analyzeForScan isolate a failure the same way; aggregate leaves the failed record out', () => {
  expect(analyzeStory(STORIES[1], undefined, EMPTY_PROJECT_CONTEXT, FAILING_PREPARE).failed).toEqual({ stage: 'prepare', message: 'TypeError: prepare exploded at secret (/srv/app/engine.js:1:1)' });
  const records = STORIES.map((s) => analyzeForScan(s, DEFAULT_SETTINGS, EMPTY_PROJECT_CONTEXT, FAILING_PREPARE).record);
  const failed = records.find((r) => r.key === 'BAD-1')!;
  expect(failed.failed).toBe('TypeError: prepare exploded at secret (/srv/app/engine.js:1:1)');
  expect(failed.ruleIds).toEqual(['engine-error']);
  const meta = { createdAt: '2026-12-01T00:00:00.000Z', engineVersion: 'test' };
  const snapshot = aggregate(records, meta);
  const without = aggregate(records.filter((r) => r !== failed), meta);
  expect(snapshot).toMatchObject({ count: 3, failedCount: 1, failed: [{ key: 'BAD-1', error: failed.failed }] });
  expect({ ...snapshot, failedCount: 0, failed: [], ruleCounts: without.ruleCounts }).toEqual(without);
});

test('whatever is thrown, the error text is one bounded line', () => {
  const getter = Object.defineProperty(new Error('x'), 'message', {
    get() {
      throw new Error('no');
    },
  });
  expect(errorText('plain string')).toBe('plain string');
  expect(errorText(null)).toBe('null');
  expect(errorText({ any: 'object' })).toBe('a non-Error value was thrown');
  expect(errorText(getter)).toBe('an unreadable error');
  expect(errorText(new RangeError('a'.repeat(1000)))).toHaveLength(200);
  expect(errorText(new Error('two\nlines\r\n  and a tab\t'))).toBe('Error: two lines and a tab');
});

test('engine-error is not a rule: settings cannot switch it off', () => {
  const r = parseSettings({ rules: { 'engine-error': 'off' } });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.errors[0]!.message).toMatch(/not a rule/);
});
