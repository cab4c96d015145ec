/**
 * The settings page's name for each setting: the form shows them as labels, and every settings
 * error message names its field with them (settings-messages.ts). Kept apart so the page can
 * import the labels without zod.
 */

/** The settings page's label of each field, keyed by its path in the settings object. */
export const SETTINGS_FIELD_LABELS: Readonly<Record<string, string>> = {
  preset: 'Preset',
  rules: 'Rules',
  oversizeThreshold: 'Oversize threshold',
  maxAcceptanceCriteria: 'Maximum acceptance criteria',
  issueTypes: 'Issue types to check',
  productUsers: 'Who uses the product',
  personas: 'Personas',
  builderRoles: 'Builder roles',
  vagueTerms: 'Extra vague terms',
  aiAssist: 'AI assist',
  label: 'Label on weak stories',
  'label.enabled': 'Add a label',
  'label.name': 'Label name',
  'label.threshold': 'Label threshold',
};

/** The field a path belongs to: the longest labelled prefix (`issueTypes.2` -> `issueTypes`). */
export function settingsFieldOf(path: string): string | undefined {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (candidate in SETTINGS_FIELD_LABELS) return candidate;
  }
  return undefined;
}
