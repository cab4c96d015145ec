/** analyze() never throws for any string or object, and its output stays well-formed. */
import fc from 'fast-check';
import { analyze, analyzeStory } from '../../src/core/analyze';
import { CRITERIA, type AnalysisReport, type StoryInput, type StoryReport } from '../../src/core/story';

function checkStory(r: StoryReport, summaryLength: number | null): void {
  expect(typeof r.key).toBe('string');
  expect(r.score).toBeGreaterThanOrEqual(0);
  expect(r.score).toBeLessThanOrEqual(100);
  for (const c of CRITERIA) {
    expect(Number.isInteger(r.criteria[c])).toBe(true);
    expect(r.criteria[c]).toBeGreaterThanOrEqual(0);
  }
  for (const f of r.findings) {
    expect(typeof f.message).toBe('string');
    if (f.range) {
      expect(f.range[0]).toBeGreaterThanOrEqual(0);
      expect(f.range[0]).toBeLessThanOrEqual(f.range[1]);
      if (f.field === 'summary' && summaryLength !== null) expect(f.range[1]).toBeLessThanOrEqual(summaryLength);
    }
  }
}

function checkReport(report: AnalysisReport, n: number): void {
  expect(report.stories).toHaveLength(n);
  expect(report.backlog.count).toBe(n);
  expect(new Set(report.stories.map((s) => s.key)).size).toBe(n);
  JSON.stringify(report); // plain JSON: crosses the Forge bridge
}

const storyLike = fc.record(
  {
    key: fc.oneof(fc.string(), fc.constant('SHOP-1'), fc.integer() as fc.Arbitrary<unknown>),
    summary: fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.anything()),
    description: fc.oneof(fc.string({ unit: 'grapheme' }), fc.anything(), fc.json().map((j) => JSON.parse(j) as unknown)),
    acceptanceCriteria: fc.anything(),
    storyPoints: fc.oneof(fc.double(), fc.integer(), fc.constant(null), fc.string()),
    issueType: fc.anything(),
    labels: fc.anything(),
    links: fc.oneof(fc.anything(), fc.array(fc.record({ type: fc.string(), direction: fc.constantFrom('inward', 'outward', 'sideways'), key: fc.string() }))),
    source: fc.constantFrom('line', 'issue', 'other'),
  },
  { requiredKeys: [] },
);

test('any story-like objects', () => {
  fc.assert(
    fc.property(fc.array(storyLike, { maxLength: 8 }), (inputs) => {
      checkReport(analyze(inputs), inputs.length);
    }),
    { numRuns: 300 },
  );
});

test('anything at all as an input item', () => {
  fc.assert(
    fc.property(fc.array(fc.anything(), { maxLength: 6 }), (inputs) => {
      checkReport(analyze(inputs), inputs.length);
    }),
    { numRuns: 200 },
  );
});

test('random Unicode summaries that look like stories', () => {
  const piece = fc.constantFrom('As a ', 'an ', 'I want to ', ' and ', ', then ', ' so that ', 'in order to ', '(', ')', '{', ', ', '. ', '\n', 'SHOP-12', 'depends on ', '\u202e', '<script>', 'manage ');
  fc.assert(
    fc.property(fc.array(fc.oneof(piece, fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 30 }), (parts) => {
      const summary = parts.join('');
      checkStory(analyzeStory({ summary }), summary.length);
    }),
    { numRuns: 500 },
  );
});

test('empty and missing fields', () => {
  checkReport(analyze([]), 0);
  checkReport(analyze([{}, { summary: '' }, { summary: '   ' }, null, undefined, 42, 'As a diner, I want menus']), 7);
  expect(analyze(null as never).stories).toEqual([]);
});

test('1 MB descriptions and summaries', () => {
  const mb = 'As a diner, I want to see menus and prices, so that I can choose. '.repeat(16_000);
  const r = analyze([{ key: 'BIG-1', summary: mb.slice(0, 1_000_000), description: mb }]);
  checkReport(r, 1);
  const wiki = analyze([{ key: 'BIG-2', summary: 'Big', description: '* item\n'.repeat(150_000), descriptionFormat: 'wiki' }]);
  checkReport(wiki, 1);
});

test('deeply nested and invalid ADF', () => {
  let node: Record<string, unknown> = { type: 'text', text: 'As a diner, I want to see menus, so that I can choose.' };
  for (let i = 0; i < 100_000; i++) node = { type: 'paragraph', content: [node] };
  checkReport(analyze([{ key: 'ADF-1', summary: 'Menus', description: { type: 'doc', version: 1, content: [node] } }]), 1);
  checkReport(analyze([{ key: 'ADF-2', summary: 'Menus', description: { type: 'doc', content: 'not an array' } }]), 1);
  checkReport(analyze([{ key: 'ADF-3', summary: 'Menus', description: '{"type":"doc","content":[{"type":' }]), 1);
});

test('hostile text stays text', () => {
  const summary = 'As a <script>alert(1)</script> user, I want <img src=x onerror=alert(1)> so that javascript:alert(1)';
  const r = analyzeStory({ summary });
  checkStory(r, summary.length);
  expect(r.summary).toBe(summary);
});

test('repeated keys get unique keys', () => {
  const r = analyze([{ key: 'A-1', summary: 'x' }, { key: 'A-1', summary: 'y' }]);
  expect(r.stories.map((s) => s.key)).toEqual(['A-1', 'A-1#2']);
});

test('an oversized story whose goal has no word does not throw (it used to crash the split suggester)', () => {
  for (const summary of ['As a PM, I want to 🚀 so that we launch', 'I want —', 'As a PM, I want to ... so that we launch', 'I want']) {
    const r = analyze([
      { key: 'ODD-1', summary, storyPoints: 40, description: 'Acceptance criteria:\n- a\n- b\n- c\n- d\n- e' },
      { key: 'OK-1', summary: 'As a diner, I want to see menus, so that I can choose' },
    ]);
    checkReport(r, 2);
  }
});

/**
 * Whole sets through analyze(): odd goals (emoji only, punctuation only, empty) in oversized stories
 * (points above the threshold, many acceptance criteria), mixed with ordinary ones. Isolation would
 * hide a crash as an engine-error report, so the property also demands that no story failed.
 */
describe('sets with oversized stories whose goals are emoji, punctuation or nothing', () => {
  const oddChar = fc.constantFrom('🚀', '👩‍👩‍👧‍👦', '—', '–', '…', '.', '!', '?', ',', ';', ':', '(', ')', '[', ']', '{', '}', '*', '#', '/', '"', '“', '\u202e', '\u200b', ' ', '\t');
  const oddGoal = fc.oneof(fc.constantFrom('', ' ', '🚀', '...', '—', '?!'), fc.array(oddChar, { maxLength: 16 }).map((c) => c.join('')));
  const oddStory = fc
    .record({
      key: fc.constantFrom('ODD-1', 'ODD-2', 'ODD-3', ''),
      role: fc.constantFrom('As a PM, ', 'As an admin ', '', 'When I shop, ', 'As a 🚀, '),
      indicator: fc.constantFrom('I want to ', 'I want ', 'I need ', 'we want to '),
      goal: oddGoal,
      benefit: fc.constantFrom(' so that we launch', '', ', so that 🚀', ' so that —', ' so that'),
      points: fc.option(fc.integer({ min: 9, max: 400 }), { nil: undefined }),
      criteria: fc.integer({ min: 0, max: 20 }),
      inDescription: fc.boolean(),
    })
    .map(({ key, role, indicator, goal, benefit, points, criteria, inDescription }): StoryInput => {
      const sentence = `${role}${indicator}${goal}${benefit}`;
      const ac = criteria ? `\n\nAcceptance criteria:\n${Array.from({ length: criteria }, (_, i) => `- ${i % 2 ? '🚀' : `rule ${i}`}`).join('\n')}` : '';
      return {
        ...(key ? { key } : {}),
        summary: inDescription ? goal || '—' : sentence,
        description: `${inDescription ? sentence : ''}${ac}`,
        ...(points !== undefined ? { storyPoints: points } : {}),
        source: 'issue',
      };
    });
  const ordinary = fc.constantFrom<StoryInput>(
    { key: 'OK-1', summary: 'As a diner, I want to see menus, so that I can choose' },
    { key: 'OK-2', summary: 'As an admin, I want to manage picture models, so that uploads are cut correctly.', storyPoints: 13, source: 'issue' },
    { key: 'OK-3', summary: 'As a developer I want to develop a mechanism to store and retrieve images so that users can add/view images' },
  );

  test('every story is analyzed, none fails, and the set stays well-formed', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(oddStory, ordinary), { minLength: 1, maxLength: 8 }), (inputs) => {
        const report = analyze(inputs);
        checkReport(report, inputs.length);
        expect(report.backlog.failed).toEqual([]);
        for (const story of report.stories) {
          checkStory(story, null);
          expect(story.failed).toBeUndefined();
          expect(story.findings.filter((f) => f.ruleId === 'engine-error')).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
