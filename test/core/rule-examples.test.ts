/**
 * Every rule's documented examples run here (ESLint RuleTester style): valid examples produce no
 * finding of that rule, invalid ones at least one. docs/rules.md is generated from the same meta.
 */
import { analyzeStory } from '../../src/core/analyze';
import { RULES } from '../../src/core/rules';

const strictAll = { preset: 'strict' as const };

describe.each(RULES.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  const { valid, invalid } = rule.meta.examples;
  if (valid.length) {
    test.each(valid.map((e) => [e.summary, e] as const))('valid: %s', (_s, example) => {
      const report = analyzeStory(example, strictAll);
      expect(report.findings.filter((f) => f.ruleId === id)).toEqual([]);
    });
  }
  if (invalid.length) {
    test.each(invalid.map((e) => [e.summary, e] as const))('invalid: %s', (_s, example) => {
      const report = analyzeStory(example, strictAll);
      const hits = report.findings.filter((f) => f.ruleId === id);
      expect(hits.length).toBeGreaterThan(0);
      for (const f of hits) {
        expect(rule.meta.messages).toContain(f.messageId);
        if (f.range) {
          expect(f.range[0]).toBeLessThanOrEqual(f.range[1]);
          expect(f.field).toBeDefined();
        }
      }
    });
  }
  test('meta is complete', () => {
    expect(rule.meta.description.length).toBeGreaterThan(10);
    expect(rule.meta.rationale.length).toBeGreaterThan(20);
    expect(rule.meta.messages.length).toBeGreaterThan(0);
  });
});
