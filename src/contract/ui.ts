/**
 * What the Custom UI apps (and the report view they share with the HTML renderer, src/render/view)
 * may use of the engine besides the resolver schemas: small values and types with no engine code
 * and no zod behind them. The apps import values only from here and `keys.ts`, types from any
 * module of the contract; eslint.config.mjs forbids the rest, so an app cannot pull the engine
 * into its bundle by accident.
 */
export { CRITERIA, SEVERITIES, type Criterion, type Finding, type Rewrite, type RuleCriterion, type Severity, type Split, type StoryReport, type TemplateForm, type Truncation } from '../core/story';
export { grade, PASS_SCORE, WARN_SCORE, type Grade } from '../core/grade';
export { PLACEHOLDER } from '../core/suggest/grammar';
export { formatMessage, truncationMessage } from '../core/locales/en';
export { COUNTED_RULES } from '../core/counted-rules';
export { SETTINGS_FIELD_LABELS, settingsFieldOf } from '../core/settings-labels';
export type { Settings, SettingsInput } from '../core/config';
export type { Snapshot } from '../core/aggregate';

/** AI assist's model calls per project per day (UTC): the app enforces it, the settings page says it. */
export const AI_DAILY_CALLS = 200;
