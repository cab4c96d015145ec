/** GET and PUT `/rest/api/3/issue/{issueIdOrKey}`, POST `/rest/api/3/issue`. */
import { hasPermission, visibleIssue } from '../access';
import { applyCreate } from '../create';
import { applyEdit, notEditable } from '../edit';
import { projectKeyOf } from '../load';
import { pointsFieldOf } from '../site';
import type { Reply } from '../http';
import { fieldIds, renderIssue, selectNames, selectProperties } from '../render';
import type { RequestContext } from '../router';
import { listParam, nowIso, renderContext } from './common';

export function getIssue(ctx: RequestContext): Reply {
  const data = ctx.store.current;
  const issue = visibleIssue(data, ctx.caller, ctx.params.key as string);
  const properties = listParam(ctx.url, 'properties');
  const selection = {
    fields: selectNames(listParam(ctx.url, 'fields'), ['*all'], fieldIds(data)),
    properties: properties && selectProperties(properties, issue),
  };
  return { status: 200, body: renderIssue(issue, renderContext(ctx, data), selection) };
}

export async function editIssue(ctx: RequestContext): Promise<Reply> {
  const now = nowIso(ctx);
  await ctx.store.mutate((draft) => {
    const issue = visibleIssue(draft, ctx.caller, ctx.params.key as string);
    const project = projectKeyOf(issue.key);
    // As the spec says: 400 (fields that cannot be set), not 403, for someone who may not edit.
    if (!hasPermission(ctx.caller, project, 'EDIT_ISSUES')) throw notEditable(ctx.body);
    applyEdit(issue, ctx.body, pointsFieldOf(draft, project).id, now);
  }, [ctx.params.key as string]);
  return { status: 204 };
}

export async function createIssue(ctx: RequestContext): Promise<Reply> {
  const now = nowIso(ctx);
  const created = await ctx.store.mutate((draft) => {
    const issue = applyCreate(draft, ctx.caller, ctx.body, now);
    return { key: issue.key, id: ctx.store.idOf(issue, draft) };
  });
  return { status: 201, body: { id: created.id, key: created.key, self: `${ctx.baseUrl}/rest/api/3/issue/${created.id}` } };
}
