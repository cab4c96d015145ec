/**
 * `POST /rest/api/3/issue/bulkfetch` `{issueIdsOrKeys, fields?, properties?}` ->
 * `{issues, issueErrors}`: the issues the caller may see, in ascending id order. Keys that do not
 * exist or that the caller may not browse are left out without an error (as Jira documents), so a
 * client learns which keys are visible from the structure of the answer alone.
 */
import { z } from 'zod';
import type { SampleIssue } from '../../sample/schema';
import { canSee } from '../access';
import { badRequest, type Reply } from '../http';
import { findIssue } from '../lookup';
import { fieldIds, renderIssue, selectNames, selectProperties } from '../render';
import type { RequestContext } from '../router';
import { renderContext } from './common';

/** Jira serves up to 100 issues per call (1 000 only for specially shaped requests). */
export const MAX_BULK_ISSUES = 100;

const bodySchema = z
  .object({
    issueIdsOrKeys: z.array(z.string().min(1)).min(1).max(MAX_BULK_ISSUES),
    fields: z.array(z.string()).optional(),
    properties: z.array(z.string()).optional(),
    expand: z.array(z.string()).optional(),
    fieldsByKeys: z.boolean().optional(),
  })
  .strict();

export function bulkFetch(ctx: RequestContext): Reply {
  const parsed = bodySchema.safeParse(ctx.body ?? {});
  if (!parsed.success) {
    const many = Array.isArray((ctx.body as { issueIdsOrKeys?: unknown } | undefined)?.issueIdsOrKeys);
    throw badRequest(many ? `issueIdsOrKeys must name 1 to ${MAX_BULK_ISSUES} issues.` : 'Invalid request payload. Refer to the REST API documentation and try again.');
  }
  const data = ctx.store.current;
  const found = new Map<string, SampleIssue>();
  for (const ref of parsed.data.issueIdsOrKeys) {
    const issue = findIssue(data, ref);
    if (issue && canSee(ctx.caller, issue)) found.set(issue.key, issue);
  }
  const render = renderContext(ctx, data);
  const fields = selectNames(parsed.data.fields, ['*navigable'], fieldIds(data));
  const issues = [...found.values()]
    .sort((a, b) => Number(render.idOf(a)) - Number(render.idOf(b)))
    .map((issue) => renderIssue(issue, render, { fields, properties: parsed.data.properties && selectProperties(parsed.data.properties, issue) }));
  return { status: 200, body: { issues, issueErrors: [] } };
}
