/**
 * Drafted acceptance criteria for a story without any: Given/When/Then sentences derived from the
 * story frame (the role, the goal as the act, the benefit as the outcome, in the speaker's voice),
 * plus the unhappy path as placeholders. A draft to edit: never applied without the user's edit.
 */
import type { Facts } from '../facts';
import { parseFrame } from '../frame';
import type { Lexicons } from '../lexicons';
import type { TemplateParse } from '../story';
import { benefitInFirstPerson, lowerFirst } from './generate';
import { article } from './grammar';

export const DRAFT_PLACEHOLDER = {
  outcome: '<what I see when it worked>',
  failure: '<what can go wrong, e.g. nothing found>',
  failureOutcome: '<what I see then>',
} as const;

/** Given/When/Then criteria for the story, or none when it has no role and goal to draft from. */
export function draftCriteria(template: TemplateParse, facts: Facts, lex: Lexicons): string[] {
  const frame = parseFrame(template, facts, lex);
  if (!frame.role || !frame.goal || !frame.goal.rest && !frame.goal.verb) return [];
  const role = lowerFirst(frame.role);
  const given = `Given I am ${article(role)} ${role}`;
  const act = frame.goal.verb ? `I ${frame.goal.verb}${frame.goal.rest ? ` ${frame.goal.rest}` : ''}` : `I have ${frame.goal.rest}`;
  const outcome = frame.benefit ? benefitInFirstPerson(frame.benefit, (w) => lex.verbs.has(w)) : DRAFT_PLACEHOLDER.outcome;
  return [`${given}, when ${act}, then ${outcome}.`, `${given}, when ${DRAFT_PLACEHOLDER.failure}, then ${DRAFT_PLACEHOLDER.failureOutcome}.`];
}
