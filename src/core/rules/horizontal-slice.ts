import { tokenize } from '../tokens';
import type { Rule } from './types';

export const horizontalSlice: Rule = {
  meta: {
    id: 'horizontal-slice',
    criterion: 'small',
    scoreAs: 'valuable',
    description: 'The story cuts through every layer a user touches, not one architectural layer.',
    rationale: '"Database tables for reviews", "REST API for uploads" or "frontend only" deliver nothing a user can see until every layer is done. Slice vertically: a thin piece of UI, logic and data that works end to end.',
    defaultSeverity: { recommended: 'warn', strict: 'error' },
    messages: ['layer'],
    weight: 1,
    examples: {
      valid: [{ summary: 'As a reviewer, I want to upload one photo to a review, so that readers see the dish.' }],
      invalid: [
        { summary: 'Create the database tables for reviews' },
        { summary: 'As a reviewer, I want a REST API for photo uploads, so that photos can be stored.' },
        { summary: 'Review form, frontend only (backend later)' },
      ],
    },
  },
  check(story, { template, facts, lexicons }) {
    // In the story sentence when there is one, else in the title.
    const inSentence = template.form !== 'none' && template.field === 'summary';
    const tokens = template.form === 'none' ? tokenize(story.summary) : null;
    const hit = tokens ? lexicons.layers.find(tokens)[0] : lexicons.layers.find(facts.goalTokens)[0];
    if (!hit) return [];
    const text = tokens || inSentence ? story.summary : facts.fieldText;
    return [{ messageId: 'layer', data: { text: text.slice(hit.start, hit.end) }, field: tokens ? 'summary' : template.field, range: [hit.start, hit.end] }];
  },
};
