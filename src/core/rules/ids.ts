/**
 * The rule ids: a public contract (settings, JQL, docs and scripts refer to them). Kept apart from
 * the registry so the settings schema can validate ids without loading the rules.
 * A test checks this list matches the registry.
 */
export const RULE_IDS: readonly string[] = [
  'missing-role',
  'missing-goal',
  'missing-benefit',
  'not-atomic',
  'not-minimal',
  'weak-benefit',
  'technical-story',
  'implementation-detail',
  'dependency',
  'vague-term',
  'missing-estimate',
  'open-question',
  'oversized',
  'horizontal-slice',
  'missing-acceptance-criteria',
  'duplicate',
  'non-uniform',
];

/**
 * Not a rule: the id of the findings the engine reports when it fails on a story (a check that
 * threw, a story it could not read). It cannot be configured or switched off; JQL finds such
 * stories with `storyHealthRule = "engine-error"`.
 */
export const ENGINE_ERROR_ID = 'engine-error';
