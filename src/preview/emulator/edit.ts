/**
 * `PUT /rest/api/3/issue/{key}`: `fields` (summary, description, labels, story points) and `update`
 * operations (`labels: [{add}|{remove}|{set}]`, `{set}` for the others). Every part is checked
 * before anything changes: one bad part and the issue is left as it was (400 with Jira's
 * per-field `errors`).
 */
import type { SampleIssue } from '../sample/schema';
import { cannotBeSet, checkDescription, checkLabel, checkLabels, checkPoints, checkSummary, type Checked } from './field-values';
import { isRecord } from '../../core/is-record';
import { badRequest, fieldErrors, type HttpError } from './http';

type Settable = 'summary' | 'description' | 'labels' | 'storyPoints';
type Changes = Partial<Pick<SampleIssue, Settable>>;

const TOP_LEVEL = new Set(['fields', 'update', 'properties', 'historyMetadata']);

/** What an edit may set; the story points field is the one on the issue's project screens. */
function settableFields(pointsFieldId: string): Record<string, Settable> {
  return { summary: 'summary', description: 'description', labels: 'labels', [pointsFieldId]: 'storyPoints' };
}

function check(target: Settable, value: unknown): Checked<unknown> {
  switch (target) {
    case 'summary':
      return checkSummary(value);
    case 'description':
      return checkDescription(value);
    case 'labels':
      return checkLabels(value);
    case 'storyPoints':
      return checkPoints(value);
  }
}

/** Applies `update.labels` operations in order to `labels`. */
function labelOperations(labels: string[], operations: unknown[]): Checked<string[]> {
  let result = [...labels];
  for (const operation of operations) {
    if (!isRecord(operation) || Object.keys(operation).length !== 1) return { ok: false, message: 'Each operation must have exactly one of add, remove or set.' };
    const [verb, value] = Object.entries(operation)[0] as [string, unknown];
    if (verb === 'set') {
      const checked = checkLabels(value);
      if (!checked.ok) return checked;
      result = checked.value;
    } else if (verb === 'add' || verb === 'remove') {
      const checked = checkLabel(value);
      if (!checked.ok) return checked;
      if (verb === 'add' && !result.includes(checked.value)) result.push(checked.value);
      if (verb === 'remove') result = result.filter((l) => l !== checked.value);
    } else {
      return { ok: false, message: `Operation '${verb}' is not supported for labels: use add, remove or set.` };
    }
  }
  return { ok: true, value: result };
}

function setOperation(target: Settable, operations: unknown[]): Checked<unknown> {
  const only = operations[0];
  if (operations.length !== 1 || !isRecord(only) || Object.keys(only).length !== 1 || !('set' in only)) {
    return { ok: false, message: `Only one 'set' operation is supported for this field.` };
  }
  return check(target, only.set);
}

/**
 * Jira's answer to an edit by someone without the Edit Issues permission: 400, and every field
 * named "cannot be set" (the fields are not on a screen that person may use).
 */
export function notEditable(body: unknown): HttpError {
  const named = isRecord(body) ? [...Object.keys(isRecord(body.fields) ? body.fields : {}), ...Object.keys(isRecord(body.update) ? body.update : {})] : [];
  if (!named.length) return badRequest('You do not have permission to edit this issue.');
  return fieldErrors(Object.fromEntries(named.map((field) => [field, cannotBeSet(field)])));
}

/** Checks the whole edit, then changes `issue` (a draft) in place. Returns whether anything changed. */
export function applyEdit(issue: SampleIssue, body: unknown, pointsFieldId: string, nowIso: string): boolean {
  if (!isRecord(body)) throw badRequest('The request body must be a JSON object such as {"fields": {...}}.');
  for (const key of Object.keys(body)) if (!TOP_LEVEL.has(key)) throw badRequest(`Unrecognized field "${key}".`);
  const fields = body.fields ?? {};
  const update = body.update ?? {};
  if (!isRecord(fields)) throw badRequest('"fields" must be an object.');
  if (!isRecord(update)) throw badRequest('"update" must be an object.');
  if (body.properties !== undefined) throw badRequest('Setting properties while editing is not supported by the emulator: use the issue properties resource.');

  const settable = settableFields(pointsFieldId);
  const errors: Record<string, string> = {};
  const changes: Changes = {};
  for (const [field, value] of Object.entries(fields)) {
    const target = settable[field];
    if (!target) errors[field] = cannotBeSet(field);
    else if (field in update) errors[field] = `Field '${field}' cannot be set in both 'fields' and 'update'.`;
    else {
      const checked = check(target, value);
      if (checked.ok) Object.assign(changes, { [target]: checked.value });
      else errors[field] = checked.message;
    }
  }
  for (const [field, operations] of Object.entries(update)) {
    const target = settable[field];
    if (!target) errors[field] = cannotBeSet(field);
    else if (!Array.isArray(operations)) errors[field] = 'Operations must be an array such as [{"set": …}].';
    else {
      const checked = target === 'labels' ? labelOperations(issue.labels, operations) : setOperation(target, operations);
      if (checked.ok) Object.assign(changes, { [target]: checked.value });
      else errors[field] = checked.message;
    }
  }
  if (Object.keys(errors).length) throw fieldErrors(errors);

  const before = JSON.stringify(issue);
  Object.assign(issue, changes);
  const changed = JSON.stringify(issue) !== before;
  if (changed) issue.updated = nowIso;
  return changed;
}
