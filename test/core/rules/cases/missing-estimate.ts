import type { InvalidCase, ValidCase } from '../rule-tester';

const story = 'As a diner, I want to filter restaurants by cuisine, so that I find food I like.';

export const valid: ValidCase[] = [
  { story: { summary: story, source: 'issue', storyPoints: 3 }, why: 'estimated' },
  { story: { summary: story, source: 'issue', storyPoints: 0 }, why: 'zero is an estimate' },
  { story: { summary: story, source: 'line' }, why: 'a bare story sentence has no points field' },
  { story: { summary: story, source: 'issue' }, why: 'issue data without a points field' },
];

export const invalid: InvalidCase[] = [{ story: { summary: story, source: 'issue', storyPoints: null }, errors: [{ messageId: 'missing' }] }];
