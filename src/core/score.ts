/**
 * Scores, documented in docs/rules.md:
 *  - only story-level findings count: backlog findings (duplicate, non-uniform) never change a score;
 *  - each criterion (I N V E S T + template) starts at 100; every finding that scores against it
 *    subtracts `penalty[severity] × rule weight`, at most two findings per rule count, floor 0;
 *  - the overall score is half the weighted mean of the seven criteria (Valuable and Small weigh 1.5:
 *    they are what the two motivating problems are about; the others 1) and half the weakest
 *    criterion, rounded: a story is only as good as its weakest letter, so one real problem shows.
 */
import type { RULES_BY_ID } from './rules';
import { CRITERIA, type ActiveSeverity, type CriteriaScores, type Criterion, type Finding } from './story';

export const PENALTY: Record<ActiveSeverity, number> = { error: 50, warn: 30, info: 5 };
export const CRITERION_WEIGHT: Record<Criterion, number> = {
  independent: 1,
  negotiable: 1,
  valuable: 1.5,
  estimable: 1,
  small: 1.5,
  testable: 1,
  template: 1,
};
const MAX_COUNTED_PER_RULE = 2;

export function scoreFindings(findings: readonly Finding[], rules: typeof RULES_BY_ID): { criteria: CriteriaScores; score: number } {
  // Written out (in CRITERIA's order) rather than built from the list: this runs for every story and every suggestion checked.
  const criteria: CriteriaScores = { independent: 100, negotiable: 100, valuable: 100, estimable: 100, small: 100, testable: 100, template: 100 };
  const counted = new Map<string, number>();
  for (const f of findings) {
    const rule = rules.get(f.ruleId);
    // Backlog rules are reported beside the story, never scored.
    if (!rule || rule.meta.scoreAs === null) continue;
    const n = counted.get(f.ruleId) ?? 0;
    if (n >= MAX_COUNTED_PER_RULE) continue;
    counted.set(f.ruleId, n + 1);
    const c = rule.meta.scoreAs;
    criteria[c] = Math.max(0, criteria[c] - PENALTY[f.severity] * rule.meta.weight);
  }
  for (const c of CRITERIA) criteria[c] = Math.round(criteria[c]);
  return { criteria, score: overallScore(criteria) };
}

export function overallScore(criteria: CriteriaScores): number {
  let sum = 0;
  let weights = 0;
  for (const c of CRITERIA) {
    sum += criteria[c] * CRITERION_WEIGHT[c];
    weights += CRITERION_WEIGHT[c];
  }
  let weakest = Infinity;
  for (const c of CRITERIA) weakest = Math.min(weakest, criteria[c]);
  return Math.round((sum / weights + weakest) / 2);
}
