import type { Rule } from './types';

export const missingEstimate: Rule = {
  meta: {
    id: 'missing-estimate',
    criterion: 'estimable',
    scoreAs: 'estimable',
    description: 'Issue data carries story points.',
    rationale: 'A story the team has not estimated is not ready for a sprint, and a story the team could not estimate usually hides unknowns: refine it or add a spike. Only reported for issue data that has a story points field.',
    defaultSeverity: { recommended: 'warn', strict: 'warn' },
    messages: ['missing'],
    weight: 1,
    examples: {
      valid: [
        { summary: 'As a diner, I want to filter by cuisine, so that I find food I like.', source: 'issue', storyPoints: 3 },
        { summary: 'As a diner, I want to filter by cuisine, so that I find food I like.', source: 'line' },
      ],
      invalid: [{ summary: 'As a diner, I want to filter by cuisine, so that I find food I like.', source: 'issue', storyPoints: null }],
    },
  },
  check(story) {
    return story.source === 'issue' && story.storyPoints === null ? [{ messageId: 'missing' }] : [];
  },
};
