import { parseSettings, DEFAULT_SETTINGS } from '../../src/core/config';
import { RULES, RULE_IDS } from '../../src/core/rules';
import { analyze, analyzeStory } from '../../src/core/analyze';

test('the public rule id list matches the registry', () => {
  expect(RULES.map((r) => r.meta.id)).toEqual([...RULE_IDS]);
});

test('defaults', () => {
  expect(DEFAULT_SETTINGS.preset).toBe('recommended');
  expect(DEFAULT_SETTINGS.oversizeThreshold).toBe(8);
  expect(DEFAULT_SETTINGS.issueTypes).toEqual(['Story']);
});

test.each([
  [{ rules: { 'no-such-rule': 'warn' } }, 'rules.no-such-rule'],
  [{ rules: { 'vague-term': 'loud' } }, 'rules.vague-term'],
  [{ oversizeThreshold: -1 }, 'oversizeThreshold'],
  [{ preset: 'lenient' }, 'preset'],
  [{ surprise: true }, '(root)'],
  [{ label: { enabled: true, name: 'needs refinement' } }, 'label.name'],
])('invalid settings name the field: %j', (input, path) => {
  const r = parseSettings(input);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(path);
});

test('severity comes from configuration: off, up, and presets', () => {
  const story = { summary: 'As a diner, I want fast search, so that I can decide.' };
  expect(analyzeStory(story).findings.find((f) => f.ruleId === 'vague-term')?.severity).toBe('info');
  expect(analyzeStory(story, { preset: 'strict' }).findings.find((f) => f.ruleId === 'vague-term')?.severity).toBe('warn');
  expect(analyzeStory(story, { rules: { 'vague-term': 'error' } }).findings.find((f) => f.ruleId === 'vague-term')?.severity).toBe('error');
  expect(analyzeStory(story, { rules: { 'vague-term': 'off' } }).findings.some((f) => f.ruleId === 'vague-term')).toBe(false);
});

test('project settings extend the word lists and thresholds', () => {
  const story = { summary: 'As a diner, I want a snappy search, so that I can decide.', source: 'issue' as const, storyPoints: 5 };
  expect(analyzeStory(story).findings.some((f) => f.ruleId === 'vague-term')).toBe(false);
  expect(analyzeStory(story, { vagueTerms: ['snappy'] }).findings.some((f) => f.ruleId === 'vague-term')).toBe(true);
  expect(analyzeStory(story, { oversizeThreshold: 3 }).findings.some((f) => f.ruleId === 'oversized')).toBe(true);
});

test('invalid settings throw a TypeError naming the field; story input never throws', () => {
  expect(() => analyze([], { oversizeThreshold: 'big' } as never)).toThrow(/oversizeThreshold/);
});
