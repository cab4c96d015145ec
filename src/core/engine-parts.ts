/**
 * The replaceable parts of one engine run. Production always uses `ENGINE_PARTS`; the entry points
 * take another set only so tests can put in a part that throws (a rule, the preparation, a
 * suggester, the set-level context) and prove that the failure stays with the story it hit.
 */
import type { Lexicons } from './lexicons';
import { prepare, type Prepared } from './prepare';
import { RULES, RULES_BY_ID, type Rule } from './rules';
import { suggestRewrites } from './suggest/rewrite';
import { suggestSplits } from './suggest/split';
import { buildBacklogContext } from './backlog/summary';

export interface EngineParts {
  prepare: (input: unknown, index: number, lex: Lexicons) => Prepared;
  rules: readonly Rule[];
  suggestRewrites: typeof suggestRewrites;
  suggestSplits: typeof suggestSplits;
  buildBacklogContext: typeof buildBacklogContext;
}

export const ENGINE_PARTS: EngineParts = { prepare, rules: RULES, suggestRewrites, suggestSplits, buildBacklogContext };

const byRules = new WeakMap<readonly Rule[], ReadonlyMap<string, Rule>>([[RULES, RULES_BY_ID]]);

/** The rules of a parts set by id (what scoring looks up). */
export function rulesById(rules: readonly Rule[]): ReadonlyMap<string, Rule> {
  let map = byRules.get(rules);
  if (!map) {
    map = new Map(rules.map((r) => [r.meta.id, r]));
    byRules.set(rules, map);
  }
  return map;
}
