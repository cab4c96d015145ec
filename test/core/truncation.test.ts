/**
 * Very long text: the engine analyzes a bounded start of a field and says so in the report; the cut
 * never creates a finding (a benefit beyond the cut is unknown, not missing).
 */
import { analyzeStory } from '../../src/core/analyze';
import { truncationMessage } from '../../src/core/locales/en';
import { normalizeDescription } from '../../src/core/text';
import { MAX_INPUT_CHARS, MAX_TEXT_CHARS } from '../../src/core/text/normalize';

const ruleIds = (r: { findings: { ruleId: string }[] }) => r.findings.map((f) => f.ruleId);

test('a 5 MB one-line story is not reported as missing its benefit; the report says what was read', () => {
  const summary = `As a diner, I want to ${'see menus '.repeat(500_000)}so that I can choose`;
  const r = analyzeStory({ key: 'BIG-1', summary });
  expect(ruleIds(r)).not.toContain('missing-benefit');
  expect(ruleIds(r)).not.toContain('missing-goal');
  expect(r.truncated).toEqual([
    { field: 'summary', part: 'field', analyzed: 10_000, total: summary.length },
    { field: 'summary', part: 'sentence', analyzed: 2_000, total: 10_000 },
  ]);
  expect(r.template.role).toBe('diner');
});

test('the same story as a 5 MB description line: the description is cut to its bound, and said to be', () => {
  const sentence = `As a diner, I want to ${'see menus '.repeat(500_000)}so that I can choose`;
  const r = analyzeStory({ key: 'BIG-2', summary: 'Menus', description: sentence, descriptionFormat: 'text' });
  expect(ruleIds(r)).not.toContain('missing-benefit');
  expect(r.truncated).toEqual([
    { field: 'description', part: 'field', analyzed: MAX_TEXT_CHARS, total: sentence.length },
    { field: 'description', part: 'sentence', analyzed: 2_000, total: MAX_TEXT_CHARS },
  ]);
  expect(truncationMessage(r.truncated![0]!)).toBe(`Analyzed the first 1,048,576 characters of the description (it has ${sentence.length.toLocaleString('en-US')}); the rest was not read.`);
  expect(truncationMessage(r.truncated![1]!)).toMatch(/^Read the first 2,000 characters of the story sentence in the description \(it has 1,048,576\)/);
});

test('a benefit inside the part that was read still counts; a missing one inside it is still reported', () => {
  const long = (s: string) => `${s} ${'and more words '.repeat(400)}`;
  const found = analyzeStory({ summary: long('As a diner, I want to see menus so that I can choose.') });
  expect(found.template.benefit).toMatch(/^I can choose/);
  expect(found.truncated).toEqual([{ field: 'summary', part: 'sentence', analyzed: 2_000, total: expect.any(Number) }]);
  const role = analyzeStory({ summary: long('I want to see menus.') });
  expect(ruleIds(role)).toContain('missing-role');
});

test('ordinary stories carry no truncation', () => {
  const r = analyzeStory({ summary: 'As a diner, I want to see menus, so that I can choose', description: 'Acceptance criteria:\n- menus show prices' });
  expect(r.truncated).toBeUndefined();
  expect('truncated' in r).toBe(false);
});

test('an ADF description is cut at the bound of its plain text; the panel and the engine read the same text', () => {
  const paragraph = { type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(999) }] };
  const adf = { type: 'doc', version: 1, content: Array.from({ length: 1100 }, () => paragraph) };
  const n = normalizeDescription(adf);
  // 1,048 whole lines of 999 characters and their breaks, then the start of the next one.
  expect(n.text.length).toBe(MAX_TEXT_CHARS);
  expect(n.truncated).toEqual({ analyzed: MAX_TEXT_CHARS, total: 1100 * 999 + 1099 });
  const r = analyzeStory({ summary: 'Menus', description: adf });
  expect(r.truncated).toEqual([{ field: 'description', part: 'field', analyzed: MAX_TEXT_CHARS, total: 1100 * 999 + 1099 }]);
  for (const f of r.findings) if (f.field === 'description' && f.range) expect(f.range[1]).toBeLessThanOrEqual(n.text.length);
});

test('strings far beyond the bound are cut before conversion; the total is the field as given', () => {
  const wiki = '* item\n'.repeat(700_000);
  const n = normalizeDescription(wiki, 'wiki');
  expect(wiki.length).toBeGreaterThan(MAX_INPUT_CHARS);
  expect(n.truncated).toEqual({ analyzed: n.text.length, total: wiki.length });
  expect(n.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  const ac = analyzeStory({ summary: 'As a diner, I want menus', acceptanceCriteria: '- works\n'.repeat(200_000) });
  expect(ac.truncated).toEqual([{ field: 'acceptanceCriteria', part: 'field', analyzed: MAX_TEXT_CHARS - 1, total: 1_600_000 - 1 }]);
});

test('a cut never splits a surrogate pair', () => {
  const n = normalizeDescription(`${'a'.repeat(MAX_TEXT_CHARS - 1)}🚀🚀`, 'text');
  expect(n.text).toBe('a'.repeat(MAX_TEXT_CHARS - 1));
  expect(n.truncated).toEqual({ analyzed: MAX_TEXT_CHARS - 1, total: MAX_TEXT_CHARS + 3 });
});
