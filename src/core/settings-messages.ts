/**
 * Settings validation errors in words. Every issue the settings schema can raise becomes one
 * sentence that names the field by the label the settings page shows: "Oversize threshold must be
 * at least 1." It is the zod error map `parseSettings` passes, so the settings resolver, the
 * CLI's --config and the engine all say the same thing, and the page shows the server's sentence
 * beside the field as it is. The labels are in settings-labels.ts, which the page imports too.
 */
import { z } from 'zod';
import { ENGINE_ERROR_ID, RULE_IDS } from './rules/ids';
import { SETTINGS_FIELD_LABELS, settingsFieldOf } from './settings-labels';

/** A value as the user wrote it: strings in quotes, at most 40 characters. */
const quote = (value: unknown): string => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return typeof value === 'string' ? `"${short}"` : short;
};

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"` (or with `and`). */
const list = (items: readonly unknown[], conjunction: 'or' | 'and'): string =>
  items.length <= 1 ? items.map(quote).join('') : `${items.slice(0, -1).map(quote).join(', ')} ${conjunction} ${quote(items[items.length - 1])}`;

const plural = (n: number, one: string, many: string) => (n === 1 ? `one ${one}` : `${n} ${many}`);

/** " from 1 to 100" for the number schema that owns the issue (its `.min()` and `.max()`). */
function numberRange(schema: unknown): string {
  if (!(schema instanceof z.ZodNumber)) return '';
  const { minValue: min, maxValue: max } = schema;
  const set = (n: number | null): n is number => n !== null && Math.abs(n) < Number.MAX_SAFE_INTEGER;
  if (set(min) && set(max)) return ` from ${min} to ${max}`;
  if (set(min)) return ` of at least ${min}`;
  return set(max) ? ` of at most ${max}` : '';
}

function keysOf(inst: unknown): string[] {
  return inst instanceof z.ZodObject ? Object.keys(inst.shape as Record<string, unknown>) : [];
}

/** One sentence for one issue of the settings schema. */
export function settingsIssueMessage(issue: z.core.$ZodRawIssue): string {
  const path = (issue.path ?? []).map(String);
  const field = settingsFieldOf(path.join('.'));
  const label = field ? SETTINGS_FIELD_LABELS[field]! : 'Settings';
  // A path below its field: one entry of a list, or one rule of `rules`.
  const below = field ? path.slice(field.split('.').length) : path;

  if (field === 'rules' && below.length === 1) {
    const rule = below[0]!;
    if (issue.code === 'custom' && rule === ENGINE_ERROR_ID) return `Rules: "${rule}" is not a rule: the engine reports it when it fails on a story, and it cannot be configured.`;
    if (issue.code === 'custom') return `Rules: there is no rule "${rule}". The rules are ${RULE_IDS.join(', ')}.`;
    if (issue.code === 'invalid_value') return `Severity of ${rule} must be ${list(issue.values, 'or')} (not ${quote(issue.input)}).`;
  }

  if (field && below.length === 1 && /^\d+$/.test(below[0]!)) {
    const entry = Number(below[0]) + 1;
    if (issue.code === 'too_small') return `${label} has an empty entry (entry ${entry}).`;
    if (issue.code === 'too_big') return `${label} has an entry longer than ${plural(Number(issue.maximum), 'character', 'characters')}: ${quote(issue.input)}.`;
    if (issue.code === 'invalid_type') return `${label} must be a list of words: entry ${entry} is not text.`;
  }

  switch (issue.code) {
    case 'unrecognized_keys': {
      const unknown = `${issue.keys.length === 1 ? 'setting' : 'settings'} ${list(issue.keys, 'and')}`;
      const known = keysOf(issue.inst).join(', ');
      if (path.length === 0) return `There ${issue.keys.length === 1 ? 'is no' : 'are no'} ${unknown}; the settings are ${known}.`;
      return `${label} has no ${unknown}; its settings are ${known}.`;
    }
    case 'invalid_type': {
      if (issue.expected === 'number' || issue.expected === 'int') {
        const range = numberRange(issue.schema ?? issue.inst);
        if (issue.input === null || issue.input === undefined || issue.input === '') return `${label} is empty: enter a whole number${range}.`;
        return `${label} must be a whole number${range} (not ${quote(issue.input)}).`;
      }
      if (issue.expected === 'boolean') return `${label} must be true or false.`;
      if (issue.expected === 'array') return `${label} must be a list of words.`;
      if (issue.expected === 'string') return `${label} must be text.`;
      if (issue.expected === 'record') return `${label} must map rule ids to severities, such as {"vague-term": "off"}.`;
      if (path.length === 0) return 'Settings must be a JSON object, such as {"preset": "recommended"}.';
      return `${label} must be an object with ${keysOf(issue.inst).join(', ')}.`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return `${label} needs at least ${plural(min, 'entry', 'entries')}.`;
      if (issue.origin === 'string') return min <= 1 ? `${label} cannot be empty.` : `${label} must be at least ${plural(min, 'character', 'characters')} long.`;
      return `${label} must be ${issue.inclusive === false ? 'more than' : 'at least'} ${min}.`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `${label} can have at most ${plural(max, 'entry', 'entries')}.`;
      if (issue.origin === 'string') return `${label} can be at most ${plural(max, 'character', 'characters')} long.`;
      return `${label} must be ${issue.inclusive === false ? 'less than' : 'at most'} ${max}.`;
    }
    case 'invalid_value':
      return `${label} must be ${list(issue.values, 'or')}.`;
    case 'invalid_format':
      if (field === 'label.name') return `${label} cannot contain spaces: a Jira label is one word, such as needs-refinement.`;
      return `${label} is not in the expected form.`;
    default:
      return `${label} is not valid.`;
  }
}

/** The error map for `settingsSchema.safeParse(input, { error: settingsErrorMap })`. */
export const settingsErrorMap: z.core.$ZodErrorMap = (issue) => settingsIssueMessage(issue);
