import type { Rule } from './types';
import { contentWords, stem } from './util';

export const weakBenefit: Rule = {
  meta: {
    id: 'weak-benefit',
    criterion: 'valuable',
    scoreAs: 'valuable',
    description: 'The benefit names an outcome, not the goal again or nothing at all.',
    rationale: '"So that I can log in" after "I want to log in" adds nothing: the reader still does not know why the story matters. Name what the user gains or avoids.',
    defaultSeverity: { recommended: 'warn', strict: 'error' },
    messages: ['restates', 'empty'],
    weight: 1,
    examples: {
      valid: [
        { summary: 'As a guest, I want to log in, so that my reviews appear under my name.' },
        { summary: 'As a diner, I want to save restaurants, so that I can find them again when I travel.' },
      ],
      invalid: [
        { summary: 'As a guest, I want to log in, so that I can log in.' },
        { summary: 'As a diner, I want to save restaurants, so that I can use the feature.' },
        { summary: 'As a reviewer, I want to upload photos, so that photos are uploaded.' },
      ],
    },
  },
  check(_story, { template, facts, lexicons }) {
    const benefit = template.benefit;
    if (!benefit) return [];
    const field = template.field;
    const empty = lexicons.emptyBenefits.find(facts.benefitTokens);
    if (empty.length && empty[0]!.first <= 1 && empty[0]!.last >= facts.benefitTokens.words.length - 2) {
      return [{ messageId: 'empty', data: { benefit: benefit.text }, field, range: benefit.range }];
    }
    const benefitWords = contentWords(facts.benefitTokens.words, lexicons.stopwords).map(stem);
    if (!benefitWords.length) {
      return [{ messageId: 'empty', data: { benefit: benefit.text }, field, range: benefit.range }];
    }
    const goalWords = new Set(contentWords(facts.goalTokens.words, lexicons.stopwords).map(stem));
    if (!goalWords.size) return [];
    const shared = benefitWords.filter((w) => goalWords.has(w)).length;
    if (shared / benefitWords.length >= 0.75) {
      return [{ messageId: 'restates', data: { benefit: benefit.text }, field, range: benefit.range }];
    }
    return [];
  },
};
