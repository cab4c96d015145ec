/**
 * Cheaper checks on save: the save trigger's `filter.expression` (a Jira expression Forge evaluates
 * before invoking the app) drops edits of issue types the project does not check, so Jira never
 * calls the function for them. The expression cannot read the app's storage; it can read project
 * entity properties (`event.runtime.project.properties[...]`, Forge "Filtering by entity
 * properties", at most 5 paths per app), so saving the settings also writes the checked types, in
 * lower case, to the project property `storyHealthTypes` (`{ names: [...] }`).
 *
 * The filter only drops what it is sure of: a project without the property (settings never saved
 * since this version), an event without an issue type name, or an error evaluating the expression
 * (`onError: RECEIVE_AND_LOG`) all deliver the event, and the handler checks the type itself.
 * Forge's own pages spell the type's key both `issueType` and `issuetype`; reading one, and
 * delivering when it is null, is safe either way (docs/jira-native.md, (d)).
 */
import type { Settings } from '../core/config';
import type { JiraClient } from '../jira/types';

export const TYPES_PROPERTY = 'storyHealthTypes';

export interface TypesProperty {
  names: string[];
}

/** What the project property holds for `settings`: the checked types, lower case, each once. */
export function typesProperty(settings: Pick<Settings, 'issueTypes'>): TypesProperty {
  return { names: [...new Set(settings.issueTypes.map((t) => t.trim().toLowerCase()))].sort() };
}

/** Writes the property the trigger's filter reads (as the person saving the settings: a project admin). */
export async function publishCheckedTypes(jira: JiraClient, projectKey: string, settings: Pick<Settings, 'issueTypes'>): Promise<void> {
  await jira.setProjectProperty(projectKey, TYPES_PROPERTY, typesProperty(settings));
}

const NAMES = `event.runtime.project.properties['${TYPES_PROPERTY}'].names`;
const TYPE = 'event.issue.fields?.issuetype?.name';

/** The manifest's `filter.expression` (test/forge/manifest.test.ts keeps them equal). */
export const TRIGGER_FILTER_EXPRESSION = `${NAMES} == null || ${TYPE} == null || (${NAMES}).includes(${TYPE}.toLowerCase())`;

/**
 * The same decision in TypeScript, for the preview's emulated trigger: deliver unless the project
 * names its checked types and the event's type is not among them.
 */
export function passesTriggerFilter(issueTypeName: string | null | undefined, stored: unknown): boolean {
  const names = (stored as Partial<TypesProperty> | null | undefined)?.names;
  if (!Array.isArray(names)) return true;
  if (typeof issueTypeName !== 'string') return true;
  return names.includes(issueTypeName.toLowerCase());
}
