/** The settings form's model: strings while editing, converted to the settings schema on save. */
import type { Settings, SettingsInput } from '../../../src/contract';
import { settingsFieldOf } from '../../../src/contract/ui';
import type { Severity } from '../../../src/contract';
import type { Preset } from '../../shared/invokes';

export type ListField = 'issueTypes' | 'personas' | 'builderRoles' | 'vagueTerms';

export type ProductUsers = Settings['productUsers'];

export interface FormState {
  preset: Preset;
  productUsers: ProductUsers;
  /** Per-rule overrides only; a rule absent here follows the preset. */
  rules: Record<string, Severity>;
  oversizeThreshold: string;
  maxAcceptanceCriteria: string;
  issueTypes: string[];
  personas: string[];
  builderRoles: string[];
  vagueTerms: string[];
  label: { enabled: boolean; name: string; threshold: string };
  aiAssist: boolean;
}

export function toForm(s: Settings): FormState {
  return {
    preset: s.preset,
    productUsers: s.productUsers,
    rules: { ...s.rules },
    oversizeThreshold: String(s.oversizeThreshold),
    maxAcceptanceCriteria: String(s.maxAcceptanceCriteria),
    issueTypes: [...s.issueTypes],
    personas: [...s.personas],
    builderRoles: [...s.builderRoles],
    vagueTerms: [...s.vagueTerms],
    label: { enabled: s.label.enabled, name: s.label.name, threshold: String(s.label.threshold) },
    aiAssist: s.aiAssist,
  };
}

/** Empty or non-numeric text stays invalid (NaN), so the server names the field. */
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function toSettings(f: FormState): SettingsInput {
  return {
    preset: f.preset,
    productUsers: f.productUsers,
    rules: f.rules,
    oversizeThreshold: num(f.oversizeThreshold),
    maxAcceptanceCriteria: num(f.maxAcceptanceCriteria),
    issueTypes: f.issueTypes,
    personas: f.personas,
    builderRoles: f.builderRoles,
    vagueTerms: f.vagueTerms,
    label: { enabled: f.label.enabled, name: f.label.name, threshold: num(f.label.threshold) },
    aiAssist: f.aiAssist,
  };
}

/** The form control id for a field path from an error (`settings.label.name` -> `field-label-name`). */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/** The form field an error path belongs to: the longest known prefix (`settings.issueTypes.2` -> `issueTypes`). */
export function fieldOf(errorField: string | undefined): string | undefined {
  return errorField ? settingsFieldOf(errorField.replace(/^settings\./, '')) : undefined;
}
