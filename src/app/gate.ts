/**
 * The workflow quality gate (`jira:workflowValidator`): a Jira expression over the indexed
 * `storyHealth` issue property, so Jira decides a transition without invoking the app. It returns
 * true to let the transition go, or the message Jira shows (a string overrides `errorMessage`):
 * the story's score against the configured minimum, its top finding and how to fix it; and, when
 * the admin asked for it, refuses technical work framed as a story.
 *
 * An issue without the property (a type the project does not check, or not saved since install)
 * and one the engine could not score pass: the gate judges only what Story Health judged.
 * `config` is what the configuration page saved (`{minScore, noTechnical}`, contract/gate.ts).
 *
 * Semantics as Forge documents them ("Jira workflow validator" and "Jira workflow condition" in the
 * manifest reference; what was verified and what was not: docs/jira-native.md): a validator's
 * string is its message; a condition must return a Boolean, anything else hides the transition.
 */
import { DEFAULT_MIN_SCORE } from '../contract/gate';
import { HEALTH_PROPERTY } from './health-property';
import { TYPES_PROPERTY } from './trigger-filter';

const P = `issue.properties['${HEALTH_PROPERTY}']`;
const MIN = `(config != null && config.minScore != null ? config.minScore : ${DEFAULT_MIN_SCORE})`;
const NO_TECHNICAL = '(config != null && config.noTechnical == true)';
const WHY = `(${P}.top != null ? ' Top finding: ' + ${P}.top.message + ' How to fix: ' + ${P}.top.fix : ' Open Story Health on the issue to see why.')`;

/** The validator's `expression` in manifest.yml (a test keeps them equal). */
export const GATE_EXPRESSION = [
  `${P} == null || ${P}.score == null`,
  `? true`,
  `: ${P}.score < ${MIN}`,
  `? issue.key + ' scores ' + ${P}.score + ' in Story Health; this transition needs ' + ${MIN} + '.' + ${WHY}`,
  `: ${NO_TECHNICAL} && ${P}.technical == true`,
  `? issue.key + ' is technical work written as a story; this transition needs a user story. How to fix: rewrite it in the voice of the person who benefits, or make it a task of the story it serves.'`,
  `: true`,
].join(' ');

/** The summary the workflow editor shows (`configurationDescription.expression`). */
export const GATE_DESCRIPTION_EXPRESSION = `'Story Health score at least ' + ${MIN} + (${NO_TECHNICAL} ? '; no technical stories' : '')`;

const TYPES = `project.properties['${TYPES_PROPERTY}']`;
const TYPE_NAME = 'issue.issueType.name.toLowerCase()';
/** The issue is of a type Story Health checks: the settings' types (project property), else the default, Story. */
const CHECKED_TYPE = `(${TYPES} == null || ${TYPES}.names == null ? ${TYPE_NAME} == 'story' : (${TYPES}.names).includes(${TYPE_NAME}))`;
const HIDE_UNSCORED = '(config != null && config.hideUnscored == true)';

/**
 * The workflow condition's `expression` (`jira:workflowCondition` story-health-condition): true shows
 * the transition, anything else hides it (a condition must return a Boolean; it cannot say why, so
 * the quality gate, a validator with a message, is the default and this is the opt-in). It hides
 * the transition for a story scoring under the minimum, for technical work when `noTechnical` is
 * set, and, when `hideUnscored` is set, for an issue of a checked type with no stored score. An
 * engine error (no score, but a property) shows it: Story Health's own failure never blocks a team.
 */
export const CONDITION_EXPRESSION = [
  `${P} == null`,
  `? !(${HIDE_UNSCORED} && ${CHECKED_TYPE})`,
  `: ${P}.score == null`,
  `? true`,
  `: ${P}.score >= ${MIN} && !(${NO_TECHNICAL} && ${P}.technical == true)`,
].join(' ');

/** The condition's summary in the workflow editor. */
export const CONDITION_DESCRIPTION_EXPRESSION = `'Shown when the Story Health score is at least ' + ${MIN} + (${NO_TECHNICAL} ? '; hidden for technical stories' : '') + (${HIDE_UNSCORED} ? '; hidden until Story Health has scored the story' : '')`;
