import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

const story = 'As a diner, I want to filter restaurants by cuisine, so that I find food I like.';

export const valid: ValidCase[] = [
  passes({ summary: story, source: 'issue', storyPoints: 3 }, 'estimated'),
  passes({ summary: story, source: 'issue', storyPoints: 0 }, 'zero is an estimate'),
  passes({ summary: story, source: 'line' }, 'a bare story sentence has no points field'),
  passes({ summary: story, source: 'issue' }, 'issue data without a points field'),
];

export const invalid: InvalidCase[] = [reports({ summary: story, source: 'issue', storyPoints: null }, 'missing')];
