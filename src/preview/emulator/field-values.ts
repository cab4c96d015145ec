/**
 * Checks of settable field values, shared by edit and create, with Jira's error sentences. Each
 * returns the value to store or an error message for that field.
 */
import type { SampleIssue } from '../sample/schema';
import { isRecord } from '../../core/is-record';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(message: string): Checked<T> => ({ ok: false, message });

export function cannotBeSet(field: string): string {
  return `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
}

export function checkSummary(value: unknown): Checked<string> {
  if (typeof value !== 'string' || value.trim() === '') return fail('You must specify a summary of the issue.');
  if (value.length > 255) return fail('Summary must be less than 255 characters.');
  if (/[\r\n]/.test(value)) return fail('Summary cannot contain newline characters.');
  return ok(value);
}

export function checkDescription(value: unknown): Checked<SampleIssue['description']> {
  if (value === null) return ok(null);
  if (isRecord(value) && value.type === 'doc' && value.version === 1 && Array.isArray(value.content)) {
    return ok(value as NonNullable<SampleIssue['description']>);
  }
  return fail('Operation value must be an Atlassian Document (see the Atlassian Document Format).');
}

export function checkLabel(value: unknown): Checked<string> {
  if (typeof value !== 'string' || value === '') return fail('Labels must be non-empty strings.');
  if (/\s/.test(value)) return fail(`The label '${value}' contains spaces which is invalid.`);
  if (value.length > 255) return fail(`The label '${value.slice(0, 20)}…' is longer than 255 characters.`);
  return ok(value);
}

export function checkLabels(value: unknown): Checked<string[]> {
  if (value === null) return ok([]);
  if (!Array.isArray(value)) return fail('Operation value must be an array of labels.');
  const labels: string[] = [];
  for (const item of value) {
    const checked = checkLabel(item);
    if (!checked.ok) return checked;
    if (!labels.includes(checked.value)) labels.push(checked.value);
  }
  return ok(labels);
}

export function checkPoints(value: unknown): Checked<number | null> {
  if (value === null) return ok(null);
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail('Operation value must be a number.');
  if (value < 0) return fail('The story point estimate must be zero or more.');
  return ok(value);
}
