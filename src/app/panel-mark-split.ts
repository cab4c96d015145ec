/**
 * panel/mark-split: the coach's next step after a split. The original's work now lives in its
 * parts (each linked to it), so it should not sit in the backlog as one more story: it gets the
 * label `split` (a board filter `labels != split` hides it; JQL finds every split original) and a
 * comment, made as the user, naming its parts. Its status is left to the team's workflow (closing
 * it needs a transition the workflow may not offer), and turning it into an epic needs a Jira
 * move (a change of hierarchy level), which no edit can do safely. Once: the comment is an
 * action record of its own, so a second click adds nothing.
 */
import { fail, ok, type Envelope } from '../contract/envelope';
import { markSplitRequest, type MarkSplitResult } from '../contract/panel';
import { beginAction, createdKeys, listActions, MARK_SPLIT_ID } from './action-record';
import { isGone } from './created-issues';
import { readForEdit } from './issue-reader';
import type { CallContext, Deps } from './ports';
import { parsePayload } from './validate';

export const SPLIT_LABEL = 'split';

function commentBody(issueKey: string, parts: { key: string; summary: string }[]) {
  const text = (t: string) => ({ type: 'text', text: t });
  return {
    type: 'doc' as const,
    version: 1 as const,
    content: [
      { type: 'paragraph', content: [text(`${issueKey} was split into ${parts.length} stories, each linked to it (relates to):`)] },
      { type: 'bulletList', content: parts.map((p) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [text(`${p.key}: ${p.summary}`)] }] })) },
      { type: 'paragraph', content: [text('Its work now lives in those stories: plan and estimate them, and close this issue when your workflow allows.')] },
    ],
  };
}

export async function panelMarkSplit(payload: unknown, ctx: CallContext, deps: Deps): Promise<Envelope<MarkSplitResult>> {
  const req = parsePayload(markSplitRequest, payload);
  if (!('value' in req)) return req;
  const { issueKey } = req.value;
  const jira = deps.asUser();
  await readForEdit(jira, issueKey);

  // The parts: the stories of this issue's split that still exist.
  const split = (await listActions(deps.store, issueKey)).find((r) => r.kind === 'create-split' && createdKeys(r).length);
  const parts: { key: string; summary: string }[] = [];
  for (const p of split?.parts ?? []) if (p.key && !(await isGone(deps.asApp(), p.key))) parts.push({ key: p.key, summary: p.summary });
  if (!parts.length) return fail('not-found', `${issueKey} has no stories split from it by Story Health, so there is nothing to mark.`);

  const begun = await beginAction({
    store: deps.store,
    now: deps.now,
    fresh: { kind: 'mark-split', issueKey, id: MARK_SPLIT_ID, parentKey: null, parts: [{ summary: 'comment naming the parts' }], startedBy: ctx.accountId },
  });
  const keys = parts.map((p) => p.key);
  if (begun.state === 'done') return ok({ label: SPLIT_LABEL, parts: keys, alreadyDone: true });
  if (begun.state === 'busy') return fail('conflict', `${issueKey} is being marked as split right now (another click or tab). Reload the panel in a moment.`);
  const { run } = begun;

  // Permission first: nothing is changed for someone who may not edit and comment.
  const allowed = await jira.myPermissions({ issueKey, permissions: ['EDIT_ISSUES', 'ADD_COMMENTS'] });
  if (allowed.EDIT_ISSUES !== true || allowed.ADD_COMMENTS !== true) {
    await run.finish('partial', 'no permission');
    return fail('forbidden', `You do not have permission to edit and comment on ${issueKey}, so it was not marked. Nothing was changed.`);
  }
  const comment = run.record.parts[0]!;
  try {
    // Adding a label that is there already changes nothing: safe to repeat.
    await jira.editIssue(issueKey, { update: { labels: [{ add: SPLIT_LABEL }] } });
    if (!comment.key) {
      comment.attemptedAt = deps.now().toISOString();
      await run.save();
      comment.key = (await jira.addComment(issueKey, commentBody(issueKey, parts))).id;
      comment.finished = true;
      await run.save();
    }
  } catch (error) {
    await run.finish('partial', error instanceof Error ? error.message : 'Jira did not answer');
    throw error;
  }
  await run.finish('done');
  return ok({ label: SPLIT_LABEL, parts: keys, alreadyDone: false });
}
