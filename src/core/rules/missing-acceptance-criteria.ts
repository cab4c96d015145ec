import type { Rule } from './types';

export const missingAcceptanceCriteria: Rule = {
  meta: {
    id: 'missing-acceptance-criteria',
    criterion: 'testable',
    scoreAs: 'testable',
    description: 'Issue data carries acceptance criteria (a section, Given/When/Then, or a checklist).',
    rationale: 'Acceptance criteria say how the team and the product owner will know the story is done. Found under a heading or label such as "Acceptance criteria", as Given/When/Then lines, as a checklist, or in an Acceptance Criteria field. Not reported for one-line text input.',
    defaultSeverity: { recommended: 'warn', strict: 'error' },
    messages: ['missing'],
    weight: 1,
    examples: {
      valid: [
        {
          summary: 'As a diner, I want to filter by cuisine, so that I find food I like.',
          source: 'issue',
          description: 'Acceptance criteria:\n- Given a list of restaurants, when I pick "Thai", then only Thai restaurants are shown',
        },
        { summary: 'As a diner, I want to filter by cuisine, so that I find food I like.', source: 'line' },
      ],
      invalid: [{ summary: 'As a diner, I want to filter by cuisine, so that I find food I like.', source: 'issue', description: 'Cuisines come from the partner feed.' }],
    },
  },
  check(story) {
    return story.source === 'issue' && story.acceptanceCriteria.length === 0 ? [{ messageId: 'missing' }] : [];
  },
};
