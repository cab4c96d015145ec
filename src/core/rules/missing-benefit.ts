import type { Rule } from './types';
import { sentenceRange } from './util';

export const missingBenefit: Rule = {
  meta: {
    id: 'missing-benefit',
    criterion: 'template',
    scoreAs: 'valuable',
    description: 'The story says why ("so that …", "in order to …", or a purpose clause: "to …", "for ease of …", "because …").',
    rationale: 'The benefit is the value the user gets. Without it the team cannot negotiate a cheaper way to reach the same end, and the product owner cannot rank the story. A purpose clause without "so that" ("… to locate needed files", "… for ease of browsing", "… because I travel a lot", "… since …", "… due to …") gives the reason and passes; a "to" that completes what precedes it ("a tool to check", "allows me to", "I want the app to remind me") does not.',
    defaultSeverity: { recommended: 'warn', strict: 'error' },
    messages: ['missing'],
    weight: 1,
    examples: {
      valid: [
        { summary: 'As a hotel guest, I want to rate my stay, so that future guests know what to expect.' },
        { summary: 'In order to plan my trip, as a traveller, I want to see hotels near a restaurant.' },
        { summary: 'As a patron, I want to browse titles by subject to find books for my course.' },
      ],
      invalid: [{ summary: 'As a hotel guest, I want to rate my stay.' }, { summary: 'As a tester, I want a tool to compare screenshots.' }],
    },
  },
  check(_story, { template }) {
    if (template.benefit) return [];
    // The story sentence was read only in part (a huge line): the benefit may lie beyond, so it is not judged.
    if (template.cut) return [];
    return [{ messageId: 'missing', field: template.field, range: sentenceRange(template) }];
  },
};
