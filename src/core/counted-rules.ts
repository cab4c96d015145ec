/**
 * The snapshot's counts that count the stories with a finding of one rule, and that rule: the scan
 * counts them by it (aggregate.ts) and the report page lists the stories behind each count by it
 * (the `storyHealthRule` JQL alias), so a count and its list cannot disagree.
 */
export const COUNTED_RULES = {
  oversized: 'oversized',
  noAcceptanceCriteria: 'missing-acceptance-criteria',
  noEstimate: 'missing-estimate',
  notAtomic: 'not-atomic',
  dependent: 'dependency',
} as const;

export type CountedRule = keyof typeof COUNTED_RULES;
