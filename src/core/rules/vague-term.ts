import type { Rule } from './types';
import { existence } from './engines/existence';
import { afterNumberSequence, asQuestion, asVerb, beforeNumber, boundedByWhatFollows } from './engines/exemptions';

export const vagueTerm: Rule = {
  meta: {
    id: 'vague-term',
    criterion: 'estimable',
    scoreAs: 'estimable',
    description: 'The goal and acceptance criteria avoid ambiguous words ("fast", "user-friendly", "some", "useful").',
    rationale:
      'Words like "fast", "easy", "useful" or "as appropriate" mean different things to each reader, so the story cannot be estimated or tested. Replace them with a measure ("within 2 seconds", "in three clicks") or an example. Only what is built is judged: the goal and the acceptance criteria, not the benefit or a purpose clause ("so that I can find it quickly" is a reason, not a requirement). Quantifiers that name the whole set ("all my orders", "every submission") are precise; "how many" asks for a number; "clean the data" is a verb. The word list is data: add your own in the settings.',
    defaultSeverity: { recommended: 'info', strict: 'warn' },
    messages: ['vague'],
    weight: 0.5,
    examples: {
      valid: [
        { summary: 'As a diner, I want search results within 2 seconds, so that I can decide while walking.' },
        { summary: 'As a diner, I want to see all my past orders, so that I can quickly reorder a dish.' },
      ],
      invalid: [
        { summary: 'As a diner, I want fast search results, so that I can decide while walking.' },
        { summary: 'As a reviewer, I want an easy way to upload photos, so that my review is complete.' },
      ],
    },
  },
  check: existence({
    messageId: 'vague',
    dataKey: 'term',
    lexicon: (lex) => lex.vague,
    where: ['title', 'goal', 'acceptanceCriteria'],
    exemptions: {
      verbHomographs: [asVerb, asQuestion],
      quantities: [asQuestion, beforeNumber],
      terms: [asQuestion],
      pronouns: [boundedByWhatFollows],
      openLists: [afterNumberSequence],
    },
    report: 'all',
  }),
};
