import type { Rule } from './types';
import { judgeBenefit } from '../restatement';

export const weakBenefit: Rule = {
  meta: {
    id: 'weak-benefit',
    criterion: 'valuable',
    scoreAs: 'valuable',
    description: 'The benefit names an outcome, not the goal again or nothing at all.',
    rationale: '"So that I can log in" after "I want to log in" adds nothing: the reader still does not know why the story matters. The check compares meaning, not strings: lemmas and synonyms ("delete" → "remove", "join" → "participate", "search" → "find", "an integration" → "integrate", "modify" → "keep up to date"), a benefit that only says the thing exists ("so that it is available and published"), and benefits that name nothing ("so that I have them", "… start using the application"). A benefit about what the user avoids ("so that I don\'t have to …"), about someone else ("so that others can read them") or about something other than the goal ("… use it offline", "… for other research") passes. Name what the user gains or avoids.',
    defaultSeverity: { recommended: 'warn', strict: 'error' },
    messages: ['restates', 'empty'],
    weight: 1,
    examples: {
      valid: [
        { summary: 'As a guest, I want to log in, so that my reviews appear under my name.' },
        { summary: 'As a diner, I want to save restaurants, so that I can find them again when I travel.' },
        { summary: 'As a diner, I want to download a menu, so that I can read it offline.' },
      ],
      invalid: [
        { summary: 'As a guest, I want to log in, so that I can log in.' },
        { summary: 'As a diner, I want to save restaurants, so that I can use the feature.' },
        { summary: 'As a reviewer, I want to upload photos, so that photos are uploaded.' },
        { summary: 'As a host, I want to delete a listing, so that I can remove it.' },
        { summary: 'As a diner, I want to search restaurants, so that I can find the ones I want.' },
      ],
    },
  },
  check(_story, { template, facts, lexicons }) {
    const benefit = template.benefit;
    if (!benefit) return [];
    const field = template.field;
    const empty = lexicons.emptyBenefits.find(facts.benefitTokens);
    // The whole clause is an empty phrase ("so that I can use it"; not "… use it offline").
    if (empty.length && empty[0]!.first <= 1 && empty[0]!.last === facts.benefitTokens.words.length - 1) {
      return [{ messageId: 'empty', data: { benefit: benefit.text }, field, range: benefit.range }];
    }
    const judgement = judgeBenefit(facts.goalTokens, facts.actions.map((a) => a.verb), facts.benefitTokens, lexicons.stopwords);
    return judgement ? [{ messageId: judgement, data: { benefit: benefit.text }, field, range: benefit.range }] : [];
  },
};
