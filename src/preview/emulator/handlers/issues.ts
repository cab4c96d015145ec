/** GET and PUT `/rest/api/3/issue/{issueIdOrKey}`, POST `/rest/api/3/issue`. */
import { issueWithPermission, visibleIssue } from '../access';
import { applyCreate } from '../create';
import { applyEdit } from '../edit';
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
    const issue = issueWithPermission(draft, ctx.caller, ctx.params.key as string, 'EDIT_ISSUES');
    applyEdit(issue, ctx.body, draft.fields, now);
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
