import type { Rule } from './types';
import { sentenceRange } from './util';
import { descriptionGoal, titleGoal } from '../goal-statement';

const HAS_WORD = /[\p{L}\p{N}]/u;

export const missingGoal: Rule = {
  meta: {
    id: 'missing-goal',
    criterion: 'template',
    scoreAs: 'template',
    description: 'The story says what the user wants ("I want …").',
    rationale: 'The goal is the means: the capability the team builds. A story without one is a title or a topic, and cannot be estimated or tested. Negated goals ("I don\'t want my data shared"), "I would be able to …" and "I would like …" are goals. An issue without a story sentence states its goal when its title leads with a verb ("Export news to PDF", also after a tag, a topic prefix or a condition), says what should be ("The parser should skip empty rows", "Ability to …"), or, lacking any story sentence, when the opening of its description does ("Add an option …", "There should be …"); a topic title ("Restaurant reviews", "Testing of the cooler") does not.',
    defaultSeverity: { recommended: 'error', strict: 'error' },
    messages: ['missing'],
    weight: 1,
    examples: {
      valid: [
        { summary: 'As a diner, I want to filter reviews by cuisine, so that I find places I like.' },
        { summary: 'As a diner I need to see opening hours so I do not arrive at a closed restaurant' },
        { summary: "As a reader, I don't want to see ads for books I already own." },
        { summary: 'Export the reviews of a restaurant to PDF' },
      ],
      invalid: [
        { summary: 'As a diner, reviews by cuisine.' },
        { summary: 'Restaurant reviews' },
      ],
    },
  },
  check(story, { template, lexicons }) {
    // A goal of symbols only ("I want 🚀", "I want —") says nothing the team could build.
    if (template.goal && HAS_WORD.test(template.goal.text)) return [];
    // The story sentence was read only in part (a huge line): the goal may lie beyond, so it is not judged.
    if (template.cut) return [];
    // A title that is not a story sentence may still state the goal ("Export news to PDF", "Parser should
    // remove …"); with no story sentence anywhere, so may the opening of the description ("Add an option …").
    // A story sentence in the title without a goal ("As a user I am confused …") is the author's own omission.
    if (template.field !== 'summary' || template.form === 'none') {
      if (titleGoal(story.summary, lexicons)) return [];
      if (template.form === 'none' && story.description && descriptionGoal(story.description, lexicons)) return [];
    }
    return [{ messageId: 'missing', field: template.field, range: sentenceRange(template) }];
  },
};
