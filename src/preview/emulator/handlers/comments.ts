/**
 * `GET` and `POST /rest/api/3/issue/{key}/comment`: a comment's body is an Atlassian Document; adding
 * one needs Add Comments, is made by the caller and moves the issue's `updated`.
 */
import { issueWithPermission, visibleIssue } from '../access';
import { APP_ACCOUNT } from '../catalog';
import { checkDescription } from '../field-values';
import { isRecord } from '../../../core/is-record';
import { badRequest, type Reply } from '../http';
import type { RequestContext } from '../router';
import type { SampleComment } from '../../sample/schema';
import { nowIso } from './common';

function render(ctx: RequestContext, issueId: string, comment: SampleComment) {
  const user = ctx.store.user(comment.author);
  const author = user ? { accountId: user.accountId, displayName: user.displayName } : { ...APP_ACCOUNT };
  return { id: comment.id, self: `${ctx.baseUrl}/rest/api/3/issue/${issueId}/comment/${comment.id}`, author, body: comment.body, created: comment.created, updated: comment.created };
}

export function listComments(ctx: RequestContext): Reply {
  const issue = visibleIssue(ctx.store.current, ctx.caller, ctx.params.key as string);
  const comments = (issue.comments ?? []).map((c) => render(ctx, ctx.store.idOf(issue), c));
  return { status: 200, body: { startAt: 0, maxResults: comments.length, total: comments.length, comments } };
}

export async function addComment(ctx: RequestContext): Promise<Reply> {
  if (!isRecord(ctx.body)) throw badRequest('The request body must be a JSON object such as {"body": {...}}.');
  const body = checkDescription(ctx.body.body);
  if (!body.ok || body.value === null) throw badRequest('Comment body can not be empty! It must be an Atlassian Document.');
  const now = nowIso(ctx);
  const author = ctx.caller.kind === 'app' ? APP_ACCOUNT.accountId : ctx.caller.user.accountId;
  const { comment, issueId } = await ctx.store.mutate((draft) => {
    const issue = issueWithPermission(draft, ctx.caller, ctx.params.key as string, 'ADD_COMMENTS');
    const last = Math.max(10_000, ...draft.issues.flatMap((i) => (i.comments ?? []).map((c) => Number(c.id))));
    const added: SampleComment = { id: String(last + 1), author, body: body.value!, created: now };
    issue.comments = [...(issue.comments ?? []), added];
    issue.updated = now;
    return { comment: added, issueId: ctx.store.idOf(issue, draft) };
  }, [ctx.params.key as string]);
  return { status: 201, body: render(ctx, issueId, comment) };
}
