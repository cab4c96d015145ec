/**
 * panel/apply, panel/undo, panel/create-split, panel/make-task: edits made as the user. Apply never
 * loses an edit: it re-reads the issue and refuses when it changed after the panel loaded, and it
 * keeps the exact previous summary and description (an issue property) so Undo works after a reload.
 */
import { fail, ok, type Envelope } from '../contract/envelope';
import { applyRequest, createSplitRequest, makeTaskRequest, undoRequest, type CreateSplitResult } from '../contract/panel';
import type { JiraClient, JiraIssue } from '../jira/types';
import type { CallContext, Deps } from './ports';
import { textToAdf } from './adf';
import { noSubtaskTypeMessage, subtaskTypeOf } from './issue-types';
import { UNDO_PROPERTY } from './panel-analyze';
import { parsePayload } from './validate';

/** Jira's limit for an issue property value is 32 KB; larger previous texts go to app storage. */
const PROPERTY_LIMIT = 30_000;

interface UndoSnapshot {
  summary: string;
  description: unknown;
  /** `updated` right after our edit: Undo refuses if someone edited since. */
  appliedUpdated: string;
  savedAt: string;
}

type StoredUndo = UndoSnapshot | { storedIn: 'app-storage'; appliedUpdated: string };

const undoStoreKey = (issueKey: string) => `undo:${issueKey}`;

async function readForEdit(jira: JiraClient, key: string): Promise<JiraIssue> {
  return jira.getIssue(key, { fields: ['summary', 'description', 'updated', 'project', 'issuetype', 'parent'] });
}

function changedMessage(key: string): string {
  return `${key} changed after this panel loaded (someone else, or another tab). Nothing was changed: reload the panel to see the latest text, then try again.`;
}

async function saveUndo(jira: JiraClient, deps: Deps, issueKey: string, snapshot: UndoSnapshot): Promise<void> {
  if (JSON.stringify(snapshot).length <= PROPERTY_LIMIT) {
    await jira.setIssueProperty(issueKey, UNDO_PROPERTY, snapshot);
  } else {
    await deps.store.set(undoStoreKey(issueKey), snapshot);
    await jira.setIssueProperty(issueKey, UNDO_PROPERTY, { storedIn: 'app-storage', appliedUpdated: snapshot.appliedUpdated });
  }
}

export async function panelApply(payload: unknown, _ctx: CallContext, deps: Deps): Promise<Envelope<{ updated: string }>> {
  const req = parsePayload(applyRequest, payload);
  if (!('value' in req)) return req;
  const { issueKey, expectedUpdated, summary, description } = req.value;
  const jira = deps.asUser();
  const before = await readForEdit(jira, issueKey);
  if (before.fields.updated !== expectedUpdated) return fail('conflict', changedMessage(issueKey));
  // Keep the previous text BEFORE editing: if anything fails after this, Undo still has it.
  const snapshot: UndoSnapshot = {
    summary: String(before.fields.summary ?? ''),
    description: before.fields.description ?? null,
    appliedUpdated: '',
    savedAt: deps.now().toISOString(),
  };
  await saveUndo(jira, deps, issueKey, snapshot);
  const fields: Record<string, unknown> = { summary };
  if (description !== undefined) fields.description = textToAdf(description);
  await jira.editIssue(issueKey, { fields });
  const after = await readForEdit(jira, issueKey);
  snapshot.appliedUpdated = String(after.fields.updated ?? '');
  await saveUndo(jira, deps, issueKey, snapshot);
  return ok({ updated: snapshot.appliedUpdated });
}

export async function panelUndo(payload: unknown, _ctx: CallContext, deps: Deps): Promise<Envelope<{ updated: string }>> {
  const req = parsePayload(undoRequest, payload);
  if (!('value' in req)) return req;
  const { issueKey, expectedUpdated } = req.value;
  const jira = deps.asUser();
  const stored = await jira.getIssueProperty<StoredUndo>(issueKey, UNDO_PROPERTY);
  if (!stored) return fail('not-found', `There is nothing to undo on ${issueKey}.`);
  const snapshot = 'storedIn' in stored ? await deps.store.get<UndoSnapshot>(undoStoreKey(issueKey)) : stored;
  if (!snapshot) return fail('not-found', `The previous text of ${issueKey} is no longer stored; nothing was changed.`);
  const current = await readForEdit(jira, issueKey);
  if (current.fields.updated !== expectedUpdated) return fail('conflict', changedMessage(issueKey));
  // Someone edited after our Apply: undoing now would silently overwrite their words.
  if (snapshot.appliedUpdated && current.fields.updated !== snapshot.appliedUpdated) {
    return fail('conflict', `${issueKey} was edited after the rewrite was applied, so Undo would overwrite those edits. Nothing was changed; restore the earlier text by hand if you still want it.`);
  }
  await jira.editIssue(issueKey, { fields: { summary: snapshot.summary, description: snapshot.description } });
  await jira.deleteIssueProperty(issueKey, UNDO_PROPERTY);
  await deps.store.delete(undoStoreKey(issueKey));
  const after = await readForEdit(jira, issueKey);
  return ok({ updated: String(after.fields.updated ?? '') });
}

function projectOf(issue: JiraIssue): { key: string } {
  const p = issue.fields.project as { key?: string } | undefined;
  return { key: p?.key ?? issue.key.split('-')[0]! };
}

export async function panelCreateSplit(payload: unknown, _ctx: CallContext, deps: Deps): Promise<Envelope<CreateSplitResult>> {
  const req = parsePayload(createSplitRequest, payload);
  if (!('value' in req)) return req;
  const { issueKey, stories } = req.value;
  const jira = deps.asUser();
  const original = await readForEdit(jira, issueKey);
  const parent = original.fields.parent as { key?: string } | undefined;
  const issueType = (original.fields.issuetype as { name?: string } | undefined)?.name ?? 'Story';
  const created: { key: string; summary: string }[] = [];
  for (const story of stories) {
    const fields: Record<string, unknown> = { project: projectOf(original), issuetype: { name: issueType }, summary: story.summary };
    if (story.description) fields.description = textToAdf(story.description);
    if (parent?.key) fields.parent = { key: parent.key };
    try {
      const { key } = await jira.createIssue({ fields });
      await jira.createIssueLink({ type: { name: 'Relates' }, inwardIssue: { key }, outwardIssue: { key: issueKey } });
      created.push({ key, summary: story.summary });
    } catch (error) {
      if (!created.length) throw error;
      // Some were created: say exactly which, so nothing is lost or duplicated on retry.
      const done = created.map((c) => c.key).join(', ');
      return fail('jira-error', `Created ${done}, then Jira refused the next story (${(error as Error).message}). The rest were not created.`);
    }
  }
  return ok({ created });
}

export async function panelMakeTask(payload: unknown, _ctx: CallContext, deps: Deps): Promise<Envelope<{ key: string }>> {
  const req = parsePayload(makeTaskRequest, payload);
  if (!('value' in req)) return req;
  const { issueKey, parentKey, expectedUpdated, summary } = req.value;
  if (issueKey === parentKey) return fail('invalid-payload', 'An issue cannot be a task of itself.', 'parentKey');
  const jira = deps.asUser();
  const original = await readForEdit(jira, issueKey);
  if (original.fields.updated !== expectedUpdated) return fail('conflict', changedMessage(issueKey));
  const parent = await readForEdit(jira, parentKey);
  const subtask = await subtaskTypeOf(jira, projectOf(parent).key);
  if (!subtask) return fail('forbidden', noSubtaskTypeMessage(projectOf(parent).key));
  const fields: Record<string, unknown> = {
    project: projectOf(parent),
    issuetype: { id: subtask.id },
    parent: { key: parentKey },
    summary: summary ?? String(original.fields.summary ?? ''),
  };
  if (original.fields.description) fields.description = original.fields.description;
  const { key } = await jira.createIssue({ fields });
  await jira.createIssueLink({ type: { name: 'Relates' }, inwardIssue: { key }, outwardIssue: { key: issueKey } });
  return ok({ key });
}
