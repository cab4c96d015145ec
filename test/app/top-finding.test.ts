/** The stored top finding (what the quality gate quotes): most severe, then in the weakest criterion, then first reported. */
import { topFinding } from '../../src/app/health-property';
import type { StoryReport } from '../../src/core/story';

function finding(ruleId: string, criterion: string, severity: 'error' | 'warn' | 'info', message = `${ruleId} message`) {
  return { ruleId, criterion, severity, messageId: 'x', data: {}, message } as StoryReport['findings'][number];
}

function report(findings: StoryReport['findings'], criteria: Record<string, number>): StoryReport {
  return { findings, criteria } as unknown as StoryReport;
}

test('most severe first', () => {
  expect(topFinding(report([finding('vague-term', 'testable', 'info'), finding('missing-benefit', 'valuable', 'error')], { testable: 10, valuable: 90 }))?.ruleId).toBe('missing-benefit');
});

test('among equally severe, the one in the weakest criterion (a technical story is about value)', () => {
  const r = report([finding('not-atomic', 'small', 'warn'), finding('technical-story', 'valuable', 'warn')], { small: 70, valuable: 55 });
  expect(topFinding(r)).toEqual({ ruleId: 'technical-story', message: 'technical-story message', fix: expect.stringMatching(/^Rewrite it in the voice/) });
});

test('then the first reported; none when there are no findings; long messages are cut', () => {
  expect(topFinding(report([finding('a', 'small', 'warn'), finding('b', 'small', 'warn')], { small: 50 }))?.ruleId).toBe('a');
  expect(topFinding(report([], {}))).toBeUndefined();
  expect(topFinding(report([finding('a', 'small', 'warn', 'x'.repeat(400))], {}))?.message).toHaveLength(300);
});
