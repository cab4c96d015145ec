/**
 * panel/apply and panel/undo: edits made as the user that never lose an edit.
 *
 * Apply re-reads the issue and refuses when it changed after the panel loaded; it checks the
 * user may edit before anything is written, edits, and only then keeps what Undo needs in app
 * storage (undo-snapshot.ts), so a failed or forbidden Apply never replaces anyone's snapshot.
 * Undo trusts only that snapshot: it puts back only the fields Apply wrote, and only while each
 * still holds what Apply wrote (values are compared, not `updated`, so the save trigger's own
 * label edit does not block it); otherwise it refuses and says which field changed.
 */
import { fail, ok, type Envelope } from '../contract/envelope';
import { applyRequest, undoRequest, type ApplyResult } from '../contract/panel';
import type { JiraIssue } from '../jira/types';
import type { CallContext, Deps } from './ports';
import { textToAdf } from './adf';
import { formatBytes, jsonBytes, LIMITS } from './byte-size';
import { readForEdit } from './issue-reader';
import { changedFields, readUndo, undoKey, valueHash, writtenFields, type UndoField, type UndoSnapshot } from './undo-snapshot';
import { parsePayload } from './validate';

export function changedMessage(key: string): string {
  return `${key} changed after this panel loaded (someone else, or another tab). Nothing was changed: reload the panel to see the latest text, then try again.`;
}

const quote = (text: string) => `"${text.length > 80 ? `${text.slice(0, 79)}…` : text}"`;

/** Names the fields someone edited after Apply, and what the summary reads now. */
function editedSinceMessage(key: string, changed: UndoField[], current: JiraIssue): string {
  const what = changed.map((f) => (f === 'summary' ? `the summary (it now reads ${quote(String(current.fields.summary ?? ''))})` : 'the description')).join(' and ');
  return `${key} was edited after Story Health applied its rewrite: ${what} changed since, so Undo would overwrite that edit. Nothing was changed; put the earlier text back by hand if you still want it.`;
}

export async function panelApply(payload: unknown, ctx: CallContext, deps: Deps): Promise<Envelope<ApplyResult>> {
  const req = parsePayload(applyRequest, payload);
  if (!('value' in req)) return req;
  const { issueKey, expectedUpdated, summary, description } = req.value;
  const jira = deps.asUser();
  const before = await readForEdit(jira, issueKey);
  if (before.fields.updated !== expectedUpdated) return fail('conflict', changedMessage(issueKey));

  const fields: Partial<Record<UndoField, unknown>> = { summary };
  if (description !== undefined) fields.description = textToAdf(description);
  const writes = (Object.keys(fields) as UndoField[]).filter((f) => valueHash(fields[f]) !== valueHash(before.fields[f]));
  // Already reads that: nothing to write, and the snapshot of an earlier Apply stays as it was.
  if (!writes.length) return ok({ updated: String(before.fields.updated ?? ''), changed: false, undoSaved: false });

  // Permission first: a user who may browse but not edit changes nothing, in Jira or in storage.
  const permissions = await jira.myPermissions({ issueKey, permissions: ['EDIT_ISSUES'] });
  if (permissions.EDIT_ISSUES !== true) return fail('forbidden', `You do not have permission to edit ${issueKey}, so the rewrite was not applied. Nothing was changed.`);

  const snapshot: UndoSnapshot = { version: 2, issueKey, fields: {}, appliedBy: ctx.accountId, appliedAt: deps.now().toISOString() };
  // The hash of the value written, until Jira's own copy of it is read back.
  for (const f of writes) snapshot.fields[f] = { before: before.fields[f] ?? null, afterHash: valueHash(fields[f]) };
  // Undo must be able to put back what is replaced: refuse before writing when it cannot be kept.
  const bytes = jsonBytes(snapshot);
  if (bytes > LIMITS.storageValue) {
    return fail(
      'invalid-payload',
      `The text this would replace on ${issueKey} is ${formatBytes(bytes)}, more than app storage keeps for Undo (${formatBytes(LIMITS.storageValue)}). Nothing was changed: edit the description in Jira instead.`,
      'description',
    );
  }

  const edit: Record<string, unknown> = {};
  for (const f of writes) edit[f] = fields[f];
  await jira.editIssue(issueKey, { fields: edit });
  const after = await readForEdit(jira, issueKey);
  for (const f of writes) snapshot.fields[f]!.afterHash = valueHash(after.fields[f]);
  let undoSaved = true;
  try {
    await deps.store.set(undoKey(issueKey), snapshot);
  } catch {
    // The edit is made and stays made; only Undo is unavailable (Jira's history still has the text).
    undoSaved = false;
  }
  return ok({ updated: String(after.fields.updated ?? ''), changed: true, undoSaved });
}

export async function panelUndo(payload: unknown, _ctx: CallContext, deps: Deps): Promise<Envelope<{ updated: string }>> {
  const req = parsePayload(undoRequest, payload);
  if (!('value' in req)) return req;
  const { issueKey } = req.value;
  const jira = deps.asUser();
  // Read as the user first: someone who may not see the issue learns nothing about its snapshot.
  const current = await readForEdit(jira, issueKey);
  const snapshot = await readUndo(deps.store, issueKey);
  if (!snapshot) return fail('not-found', `There is nothing to undo on ${issueKey}.`);
  const changed = changedFields(snapshot, current.fields);
  if (changed.length) return fail('conflict', editedSinceMessage(issueKey, changed, current), changed[0]);
  // Jira answers an edit without permission with a 400 in the user's language: ask first.
  const permissions = await jira.myPermissions({ issueKey, permissions: ['EDIT_ISSUES'] });
  if (permissions.EDIT_ISSUES !== true) return fail('forbidden', `You do not have permission to edit ${issueKey}, so nothing was undone.`);
  const restore: Record<string, unknown> = {};
  for (const f of writtenFields(snapshot)) restore[f] = snapshot.fields[f]!.before;
  await jira.editIssue(issueKey, { fields: restore });
  await deps.store.delete(undoKey(issueKey));
  const after = await readForEdit(jira, issueKey);
  return ok({ updated: String(after.fields.updated ?? '') });
}
