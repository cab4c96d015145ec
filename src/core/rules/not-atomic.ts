import type { Rule } from './types';

export const notAtomic: Rule = {
  meta: {
    id: 'not-atomic',
    criterion: 'small',
    scoreAs: 'small',
    description: 'The goal asks for one capability, not two joined by "and", "or" or "then".',
    rationale: 'A goal that joins two capabilities ("create and delete zones") is two stories: they can be estimated, built and released apart. Nouns joined inside one object ("terms and conditions", "photos and videos") and fixed pairs ("drag and drop") are one capability and pass.',
    defaultSeverity: { recommended: 'warn', strict: 'error' },
    messages: ['conjunction', 'sequence'],
    weight: 1,
    examples: {
      valid: [
        { summary: 'As a guest, I want to accept the terms and conditions, so that I can book a room.' },
        { summary: 'As an admin, I want to drag and drop zones on a picture, so that I can adjust a model quickly.' },
        { summary: 'As a reviewer, I want to attach photos and videos to a review, so that readers see the place.' },
        { summary: 'As a moderator, I want to copy/paste reviews from a spreadsheet, so that I can start quickly.' },
      ],
      invalid: [
        { summary: 'As an admin, I want to create and delete zones, so that the model fits the picture.' },
        { summary: 'As a developer I want to develop a mechanism to store and retrieve images so that users can add/view images' },
        { summary: 'As an admin, I want to define zones on a picture as a model, then cut uploaded pictures into the zones.' },
        { summary: 'As a moderator, I want to see, validate and edit comments, so that the site stays civil.' },
        { summary: 'As an admin, I want to perform segmentation or localization of zones in pictures.' },
      ],
    },
  },
  check(_story, { template, facts }) {
    const [first, second] = facts.actions;
    if (!first || !second || !second.joiner) return [];
    const sequence = second.joiner.sequence;
    return [
      {
        messageId: sequence ? 'sequence' : 'conjunction',
        data: { first: first.verb, second: second.verb, joiner: second.joiner.text, count: facts.actions.length },
        field: template.field,
        range: [second.joiner.range[0], second.range[1]],
      },
    ];
  },
};
