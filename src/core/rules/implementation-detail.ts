import type { Rule } from './types';
import { existence } from './engines/existence';
import type { Exemption } from './engines/exemptions';
import {
  asExample,
  avoided,
  builderDomain,
  inUserVocabulary,
  namedAsMeans,
  notCapitalized,
  owned,
  unlessRegionHas,
  whenFollowedBy,
  whenRegionHas,
} from './engines/exemptions';

const constructing = whenRegionHas((lex) => lex.constructionVerbs);

/**
 * In a product for builders their technologies are the domain, unless the goal is about
 * constructing ours ("use bootstrap in developing") or names the means ("embed it via iframe").
 */
const builderDomainUnlessPrescribed: Exemption = (hit, env) => builderDomain(hit, env) && !constructing(hit, env) && !namedAsMeans(hit, env);

/** Where a technology is the product's domain rather than a choice made for the team. */
const domain: readonly Exemption[] = [
  inUserVocabulary,
  builderDomainUnlessPrescribed,
  whenFollowedBy((lex) => lex.deliverables),
  whenRegionHas((lex) => lex.exchangeVerbs, true),
  asExample,
  avoided,
];

export const implementationDetail: Rule = {
  meta: {
    id: 'implementation-detail',
    criterion: 'negotiable',
    scoreAs: 'negotiable',
    description: 'The goal leaves technology, storage and widgets to the team.',
    rationale:
      'A story is a placeholder for a conversation. "I want a react-select dropdown" or "store it in a PostgreSQL table" settles the solution before the team has talked about the need. A technology that is the product\'s domain is not a detail: a data format the user imports or exports, a Python client for Python users, an integration with the user\'s own systems, the languages and tools of a product for developers.',
    defaultSeverity: { recommended: 'warn', strict: 'warn' },
    messages: ['technology'],
    weight: 1,
    examples: {
      valid: [
        { summary: 'As a diner, I want to pick my city from a list, so that I only see nearby restaurants.' },
        { summary: 'As an analyst, I want to export my bookings as a CSV file, so that I can chart them in my own tools.' },
      ],
      invalid: [
        { summary: 'As a diner, I want a react-select dropdown of cities, so that I only see nearby restaurants.' },
        { summary: 'As a reviewer, I want my photos saved in a PostgreSQL table, so that I can see them later.' },
      ],
    },
  },
  check: existence({
    messageId: 'technology',
    dataKey: 'term',
    lexicon: (lex) => lex.implementation,
    where: ['goal'],
    exemptions: {
      technology: domain,
      properNames: [notCapitalized, ...domain],
      formats: [owned, ...domain],
      mechanisms: [avoided],
      layStorage: [unlessRegionHas((lex) => lex.persistenceVerbs, true), avoided],
      widgets: [avoided],
    },
    report: 'each-term',
  }),
};
