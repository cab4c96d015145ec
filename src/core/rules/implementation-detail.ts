import type { Report, Rule } from './types';

export const implementationDetail: Rule = {
  meta: {
    id: 'implementation-detail',
    criterion: 'negotiable',
    scoreAs: 'negotiable',
    description: 'The story sentence leaves technology, storage and widgets to the team.',
    rationale: 'A story is a placeholder for a conversation. "I want a react-select dropdown" or "store it in a PostgreSQL table" settles the solution before the team has talked about the need.',
    defaultSeverity: { recommended: 'warn', strict: 'warn' },
    messages: ['technology'],
    weight: 1,
    examples: {
      valid: [{ summary: 'As a diner, I want to pick my city from a list, so that I only see nearby restaurants.' }],
      invalid: [
        { summary: 'As a diner, I want a react-select dropdown of cities, so that I only see nearby restaurants.' },
        { summary: 'As a reviewer, I want my photos saved in a PostgreSQL table, so that I can see them later.' },
      ],
    },
  },
  check(_story, { template, facts, lexicons }) {
    const out: Report[] = [];
    const seen = new Set<string>();
    for (const tokens of [facts.goalTokens, facts.benefitTokens]) {
      for (const m of lexicons.implementation.find(tokens)) {
        const term = facts.fieldText.slice(m.start, m.end);
        if (seen.has(term.toLowerCase())) continue;
        seen.add(term.toLowerCase());
        out.push({ messageId: 'technology', data: { term }, field: template.field, range: [m.start, m.end] });
      }
    }
    return out;
  },
};
