import type { Rule } from './types';

const FORM_NAMES: Record<string, string> = {
  'role-goal-benefit': 'As a …, I want …, so that …',
  'benefit-first': 'In order to …, as a …, I want …',
  'job-story': 'When …, I want …, so I can …',
  'i-want': 'I want … (no role)',
  none: 'no template',
};

export const nonUniform: Rule = {
  meta: {
    id: 'non-uniform',
    criterion: 'backlog',
    scoreAs: null,
    description: 'The story follows the template most of the backlog uses.',
    rationale: 'A backlog that uses one template is quicker to read and compare. Reported only when one form covers a clear majority (60 % of at least three stories).',
    defaultSeverity: { recommended: 'info', strict: 'warn' },
    messages: ['form'],
    weight: 0,
    examples: { valid: [], invalid: [] },
  },
  check(story, { backlog, template }) {
    if (!backlog || !backlog.nonUniform.has(story.key)) return [];
    return [
      {
        messageId: 'form',
        data: { form: FORM_NAMES[template.form] ?? template.form, dominant: FORM_NAMES[backlog.dominantForm] ?? backlog.dominantForm },
      },
    ];
  },
};
