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
import { normalizePersona } from '../backlog/personas';

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
  // The outcome is voiced as the speaker's only when its subject is the speaker's role ("diners get
  // their table" for a diner reads "I get my table"); anyone or anything else keeps its own words
  // ("other diners see the dish", "each zone gets its own folder").
  const outcome = frame.benefit ? (isTheRole(frame.benefit.subject, role) ? benefitInFirstPerson(frame.benefit, (w) => lex.verbs.has(w)) : frame.benefit.text) : DRAFT_PLACEHOLDER.outcome;
  return [`${given}, when ${act}, then ${outcome}.`, `${given}, when ${DRAFT_PLACEHOLDER.failure}, then ${DRAFT_PLACEHOLDER.failureOutcome}.`];
}

/** The benefit's subject is the role itself ("diners" for a diner, "I"): the speaker's own outcome. */
function isTheRole(subject: string | null | undefined, role: string): boolean {
  if (!subject) return true;
  return normalizePersona(subject.replace(/^(?:each|every|all|the|our|their|any)\s+/i, '')) === normalizePersona(role);
}
