import type { Rule } from './types';
import { existence } from './engines/existence';
import { afterComponentName, apiIsTheProduct, asPlace, asTag, describesAnotherNoun, notTheDeliverable, unlessForBackendObject } from './engines/layer-exemptions';

export const horizontalSlice: Rule = {
  meta: {
    id: 'horizontal-slice',
    criterion: 'small',
    scoreAs: 'valuable',
    description: 'The story cuts through every layer a user touches, not one architectural layer.',
    rationale:
      '"Database tables for reviews", "backend changes for the menu" or "frontend only" deliver nothing a user can see until every layer is done. Slice vertically: a thin piece of UI, logic and data that works end to end. An API is a layer when it is built for our own screens; for the developers and partners who call it, the API is the product.',
    defaultSeverity: { recommended: 'warn', strict: 'error' },
    messages: ['layer'],
    weight: 1,
    examples: {
      valid: [
        { summary: 'As a reviewer, I want to upload one photo to a review, so that readers see the dish.' },
        { summary: 'As a partner developer, I want a REST endpoint for today\'s menu, so that my app can show it.' },
      ],
      invalid: [
        { summary: 'Create the database tables for reviews' },
        { summary: 'As a reviewer, I want a REST API for photo uploads, so that photos can be stored.' },
        { summary: 'Review form, frontend only (backend later)' },
      ],
    },
  },
  check: existence({
    messageId: 'layer',
    dataKey: 'text',
    lexicon: (lex) => lex.layerGroups,
    where: ['title', 'goal'],
    exemptions: {
      phrases: [describesAnotherNoun],
      sides: [describesAnotherNoun, notTheDeliverable, afterComponentName, asPlace, asTag],
      apis: [apiIsTheProduct],
      uiFor: [unlessForBackendObject],
    },
    report: 'first',
  }),
};
