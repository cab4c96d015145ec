import type { Rule } from './types';

export const technicalStory: Rule = {
  meta: {
    id: 'technical-story',
    criterion: 'valuable',
    scoreAs: 'valuable',
    description: 'The story describes value for a user, not technical work, team work or a spike framed as a story.',
    rationale: '"As a developer I want a mechanism to store images" is a task: no user can accept it, and it hides the story it serves. Rewrite it in the voice of the person who benefits, make it a task under that story, or keep it as an explicit enabler when it has no user face (load balancing, upgrades). A developer is a real user when the product serves developers: list them under personas in the settings.',
    defaultSeverity: { recommended: 'warn', strict: 'error' },
    messages: ['technical', 'team', 'spike'],
    weight: 1.5,
    examples: {
      valid: [
        { summary: 'As a reviewer, I want my uploaded photos stored, so that other users can view them at any time.' },
        { summary: 'As a developer, I want to get a data package into Node, so that I can start using the data.' },
      ],
      invalid: [
        { summary: 'As a developer I want to develop a mechanism to store and retrieve images so that users can add/view images' },
        { summary: 'As the system, I want a database index on reviews, so that searches are fast.' },
        { summary: 'Refactor the picture upload service' },
      ],
    },
  },
  check(_story, { technical: work }) {
    if (work.kind === 'user') return [];
    const kinds = [...new Set(work.signals.map((s) => s.kind.replace(/-/g, ' ')))];
    const first = work.signals[0];
    return [
      {
        messageId: work.kind,
        kind: work.kind,
        data: { signals: kinds.join(', ') || 'implementation work', evidence: first?.text ?? '' },
        ...(first ? { field: first.field, range: first.range } : {}),
      },
    ];
  },
};
