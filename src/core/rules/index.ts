/** The rule registry. Rule ids are a public contract: settings, JQL, docs and scripts refer to them. */
import type { Rule } from './types';
import { missingRole } from './missing-role';
import { missingGoal } from './missing-goal';
import { missingBenefit } from './missing-benefit';
import { notAtomic } from './not-atomic';
import { notMinimal } from './not-minimal';
import { weakBenefit } from './weak-benefit';
import { technicalStory } from './technical-story';
import { implementationDetail } from './implementation-detail';
import { dependency } from './dependency';
import { vagueTerm } from './vague-term';
import { missingEstimate } from './missing-estimate';
import { openQuestion } from './open-question';
import { oversized } from './oversized';
import { horizontalSlice } from './horizontal-slice';
import { missingAcceptanceCriteria } from './missing-acceptance-criteria';
import { duplicate } from './duplicate';
import { nonUniform } from './non-uniform';

export type { Rule, RuleMeta, RuleContext, ProjectLookups, Report, RuleExample } from './types';

export const RULES: readonly Rule[] = [
  missingRole,
  missingGoal,
  missingBenefit,
  notAtomic,
  notMinimal,
  weakBenefit,
  technicalStory,
  implementationDetail,
  dependency,
  vagueTerm,
  missingEstimate,
  openQuestion,
  oversized,
  horizontalSlice,
  missingAcceptanceCriteria,
  duplicate,
  nonUniform,
];

export { RULE_IDS } from './ids';

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
