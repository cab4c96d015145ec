import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

const story = 'As a diner, I want to filter restaurants by cuisine, so that I find food I like.';

export const valid: ValidCase[] = [
  passes({ summary: story, source: 'issue', description: 'Acceptance criteria:\n- Given a list of restaurants, when I pick "Thai", then only Thai restaurants are shown' }),
  passes({ summary: story, source: 'issue', acceptanceCriteria: 'Only restaurants of the chosen cuisine are listed.' }, 'a dedicated criteria field'),
  passes({ summary: story, source: 'line' }, 'a bare story sentence'),
];

export const invalid: InvalidCase[] = [
  reports({ summary: story, source: 'issue', description: 'Cuisines come from the partner feed.' }, 'missing'),
  reports({ summary: story, source: 'issue' }, 'missing'),
];
