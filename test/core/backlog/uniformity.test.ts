import type { TemplateForm } from '../../../src/core/story';
import { uniformity } from '../../../src/core/backlog/index';

const backlog = (...forms: TemplateForm[]) => forms.map((form, i) => ({ key: `REV-${i + 1}`, form }));

describe('uniformity', () => {
  it.each<[string, TemplateForm[], TemplateForm, number, string[]]>([
    ['empty backlog', [], 'none', 0, []],
    ['all role-goal-benefit', ['role-goal-benefit', 'role-goal-benefit', 'role-goal-benefit'], 'role-goal-benefit', 1, []],
    [
      'a clear majority flags the others',
      ['role-goal-benefit', 'job-story', 'role-goal-benefit', 'none', 'role-goal-benefit', 'role-goal-benefit'],
      'role-goal-benefit',
      4 / 6,
      ['REV-2', 'REV-4'],
    ],
    ['exactly 60% is a convention', ['job-story', 'job-story', 'job-story', 'i-want', 'role-goal-benefit'], 'job-story', 0.6, ['REV-4', 'REV-5']],
    ['below 60% is no convention', ['job-story', 'job-story', 'i-want', 'role-goal-benefit'], 'job-story', 0.5, []],
    ['fewer than 3 stories in the dominant form is no convention', ['i-want', 'i-want', 'none'], 'i-want', 2 / 3, []],
    ['tie prefers role-goal-benefit', ['job-story', 'role-goal-benefit', 'job-story', 'role-goal-benefit'], 'role-goal-benefit', 0.5, []],
    ['tie otherwise follows the union order', ['i-want', 'benefit-first', 'i-want', 'benefit-first'], 'benefit-first', 0.5, []],
    ['tie between job-story and none', ['none', 'job-story'], 'job-story', 0.5, []],
    ['"none" dominant means no convention', ['none', 'none', 'none', 'none', 'role-goal-benefit'], 'none', 0.8, []],
  ])('%s', (_name, forms, dominantForm, share, nonUniform) => {
    const result = uniformity(backlog(...forms));
    expect(result.dominantForm).toBe(dominantForm);
    expect(result.share).toBeCloseTo(share, 10);
    expect(result.nonUniform).toEqual(nonUniform);
  });
});
