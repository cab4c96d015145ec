/** Counts of labels per rule: positives, negatives and how many different backlogs or projects they come from. */
import { type DatasetLabel, type OriginalLabel } from './label-schema';

export interface RuleCount {
  rule: string;
  positives: number;
  negatives: number;
  /** Distinct data-set files behind the labels, plus "original" when original stories count too. */
  sources: number;
}

export function countsByRule(dataset: readonly DatasetLabel[], original: readonly OriginalLabel[]): RuleCount[] {
  const byRule = new Map<string, { positives: number; negatives: number; sources: Set<string> }>();
  const add = (rule: string, expected: boolean, source: string) => {
    const c = byRule.get(rule) ?? { positives: 0, negatives: 0, sources: new Set<string>() };
    if (expected) c.positives++;
    else c.negatives++;
    c.sources.add(source);
    byRule.set(rule, c);
  };
  for (const l of dataset) add(l.rule, l.expected, l.source);
  for (const l of original) add(l.rule, l.expected, 'original');
  return [...byRule.entries()].map(([rule, c]) => ({ rule, positives: c.positives, negatives: c.negatives, sources: c.sources.size }));
}
