import type { Field } from '../story';
import type { Report, Rule } from './types';
import { tokenize } from '../tokens';

export const vagueTerm: Rule = {
  meta: {
    id: 'vague-term',
    criterion: 'estimable',
    scoreAs: 'estimable',
    description: 'The story sentence and acceptance criteria avoid ambiguous words ("fast", "user-friendly", "some", "all").',
    rationale: 'Words like "fast", "easy" or "as appropriate" mean different things to each reader, so the story cannot be estimated or tested. Replace them with a measure ("within 2 seconds", "in three clicks") or an example. The word list is data: add your own in the settings.',
    defaultSeverity: { recommended: 'info', strict: 'warn' },
    messages: ['vague'],
    weight: 0.5,
    examples: {
      valid: [{ summary: 'As a diner, I want search results within 2 seconds, so that I can decide while walking.' }],
      invalid: [
        { summary: 'As a diner, I want fast search results, so that I can decide while walking.' },
        { summary: 'As a reviewer, I want an easy way to upload photos, so that my review is complete.' },
      ],
    },
  },
  check(story, { template, facts, lexicons }) {
    const out: Report[] = [];
    const push = (field: Field, text: string, start: number, end: number) =>
      out.push({ messageId: 'vague', data: { term: text.slice(start, end) }, field, range: [start, end] });
    if (template.form === 'none') {
      // No story sentence: the summary is all we have.
      for (const m of lexicons.vague.find(tokenize(story.summary))) push('summary', story.summary, m.start, m.end);
    }
    for (const tokens of [facts.goalTokens, facts.benefitTokens]) {
      for (const m of lexicons.vague.find(tokens)) push(template.field, facts.fieldText, m.start, m.end);
    }
    if (story.acceptanceCriteriaText) {
      for (const m of lexicons.vague.find(tokenize(story.acceptanceCriteriaText))) {
        push('acceptanceCriteria', story.acceptanceCriteriaText, m.start, m.end);
      }
    }
    return out;
  },
};
