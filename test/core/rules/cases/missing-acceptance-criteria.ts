import type { InvalidCase, ValidCase } from '../rule-tester';

const story = 'As a diner, I want to filter restaurants by cuisine, so that I find food I like.';

export const valid: ValidCase[] = [
  { story: { summary: story, source: 'issue', description: 'Acceptance criteria:\n- Given a list of restaurants, when I pick "Thai", then only Thai restaurants are shown' } },
  { story: { summary: story, source: 'issue', acceptanceCriteria: 'Only restaurants of the chosen cuisine are listed.' }, why: 'a dedicated criteria field' },
  { story: { summary: story, source: 'line' }, why: 'a bare story sentence' },
];

export const invalid: InvalidCase[] = [
  { story: { summary: story, source: 'issue', description: 'Cuisines come from the partner feed.' }, errors: [{ messageId: 'missing' }] },
  { story: { summary: story, source: 'issue' }, errors: [{ messageId: 'missing' }] },
];
