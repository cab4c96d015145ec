import type { Rule } from './types';
import { secondGoal } from '../goal-actions';

export const notAtomic: Rule = {
  meta: {
    id: 'not-atomic',
    criterion: 'small',
    scoreAs: 'small',
    description: 'The goal asks for one capability, not two joined by "and", "or", "then", a comma or a slash.',
    rationale: 'A goal that joins two capabilities ("create and delete zones", "upload a file and put a licence on it") is two stories: they can be estimated, built and released apart. The rule counts capabilities, not conjunctions: nouns or adjectives joined inside one object ("terms and conditions", "accurate and complete data"), fixed pairs ("drag and drop", "search and discover", "approve or reject"), verbs of a clause about something in the goal ("forms that students fill in and submit"), what the first act brings about ("… and have it stored in the archive"), a query and its answer ("enter my postcode and get a list of recycling points") and alternatives ("either … or …") are one capability and pass. A second verb with its own object, a second "I want" and a second clause with its own subject are not.',
    defaultSeverity: { recommended: 'warn', strict: 'error' },
    messages: ['conjunction', 'sequence'],
    weight: 1,
    examples: {
      valid: [
        { summary: 'As a guest, I want to accept the terms and conditions, so that I can book a room.' },
        { summary: 'As an admin, I want to drag and drop zones on a picture, so that I can adjust a model quickly.' },
        { summary: 'As a reviewer, I want to attach photos and videos to a review, so that readers see the place.' },
        { summary: 'As a moderator, I want to copy/paste reviews from a spreadsheet, so that I can start quickly.' },
        { summary: 'As a teacher, I want to create quizzes that pupils can answer and submit online, so that I can mark them at home.' },
        { summary: 'As an admin, I want to perform segmentation or localization of zones in pictures.' },
      ],
      invalid: [
        { summary: 'As an admin, I want to create and delete zones, so that the model fits the picture.' },
        { summary: 'As a developer I want to develop a mechanism to store and retrieve images so that users can add/view images' },
        { summary: 'As an admin, I want to define zones on a picture as a model, then cut uploaded pictures into the zones.' },
        { summary: 'As a moderator, I want to see, validate and edit comments, so that the site stays civil.' },
        { summary: 'As an author, I want to upload a chapter and put a licence on it, so that readers know how to reuse it.' },
      ],
    },
  },
  check(_story, { template, facts }) {
    const [first, second] = facts.actions;
    if (first && !second) {
      // "… and I want it to be backed up": a second goal in the same sentence.
      const again = secondGoal(facts.goalTokens);
      if (!again) return [];
      const verb = again.text.split(' ').pop()!;
      return [{ messageId: 'conjunction', data: { first: first.verb, second: verb, joiner: 'and', count: 2 }, field: template.field, range: again.range }];
    }
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
