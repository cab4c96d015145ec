/**
 * `POST /rest/api/3/search/jql` (JSON body) and `GET /rest/api/3/search/jql` (query parameters):
 * `{jql, nextPageToken, maxResults, fields, properties}` -> `{issues, nextPageToken?, isLast}`.
 * The removed `/rest/api/3/search` answers 410 as on Jira Cloud. With an index lag (see
 * search-index.ts) a search matches and shows recently changed issues as they were, except those
 * named by id in `reconcileIssues` (at most 50), which it reads as they are now.
 */
import { z } from 'zod';
import type { SampleIssue } from '../../sample/schema';
import { canSee } from '../access';
import { badRequest, HttpError, type Reply } from '../http';
import { compileQuery, JqlError, parseJql } from '../jql';
import type { Query } from '../jql';
import { pageSize } from '../paging';
import { fieldIds, renderIssue, selectNames, selectProperties } from '../render';
import type { RequestContext } from '../router';
import { listParam, renderContext } from './common';
import { FIRST_ISSUE_ID } from '../lookup';

/** Jira accepts at most 5 property keys per search. */
const MAX_PROPERTIES = 5;
/** `reconcileIssues` takes at most 50 issue ids. */
export const MAX_RECONCILE = 50;

const bodySchema = z
  .object({
    jql: z.string().optional(),
    nextPageToken: z.string().nullish(),
    maxResults: z.number().int().min(0).optional(),
    fields: z.array(z.string()).optional(),
    properties: z.array(z.string()).max(MAX_PROPERTIES).optional(),
    expand: z.string().optional(),
    fieldsByKeys: z.boolean().optional(),
    failFast: z.boolean().optional(),
    reconcileIssues: z.array(z.number().int().positive()).max(MAX_RECONCILE).optional(),
  })
  .strict();

interface SearchRequest {
  jql: string;
  nextPageToken: string | undefined;
  maxResults: number | undefined;
  fields: string[] | undefined;
  properties: string[] | undefined;
  reconcileIssues?: number[] | undefined;
}

const INVALID_PAYLOAD = 'Invalid request payload. Refer to the REST API documentation and try again.';

function parse(jql: string): Query {
  try {
    return parseJql(jql);
  } catch (error) {
    if (error instanceof JqlError) throw badRequest(error.message);
    throw error;
  }
}

function search(ctx: RequestContext, request: SearchRequest): Reply {
  const jql = request.jql;
  const query = parse(jql);
  if (!query.where) throw badRequest('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  const data = ctx.store.current;
  // What the index holds: each issue as search sees it (a stale version while its change lags).
  ctx.searchIndex.expire();
  const reconciled = new Set((request.reconcileIssues ?? []).map(String));
  // A stale version is not in the current data: its id (and rank) are its current issue's.
  const idByKey = ctx.searchIndex.enabled ? new Map(data.issues.map((issue) => [issue.key, ctx.store.idOf(issue, data)])) : undefined;
  const idOf = (issue: SampleIssue): string => idByKey?.get(issue.key) ?? ctx.store.idOf(issue, data);
  const indexed = idByKey ? data.issues.map((issue) => ctx.searchIndex.view(issue, reconciled.has(idOf(issue)))).filter((i): i is SampleIssue => i !== undefined) : data.issues;
  let compiled;
  try {
    compiled = compileQuery(query, { data, caller: ctx.caller, now: ctx.now(), indexes: ctx.indexes, rankOf: (issue) => Number(idOf(issue)) - FIRST_ISSUE_ID });
  } catch (error) {
    if (error instanceof JqlError) throw badRequest(error.message);
    throw error;
  }
  const offset = request.nextPageToken ? ctx.tokens.read(request.nextPageToken, jql) : 0;
  const found = indexed.filter((issue) => canSee(ctx.caller, issue) && compiled.filter(issue)).sort(compiled.compare);
  ctx.searchIndex.searched();

  const fields = selectNames(request.fields, ['id'], fieldIds(data));
  const size = pageSize(request.maxResults, fields.size === 0);
  const page = found.slice(offset, offset + size);
  const isLast = offset + size >= found.length;
  const render = { ...renderContext(ctx, data), idOf };
  const issues = page.map((issue) => renderIssue(issue, render, { fields, properties: request.properties && selectProperties(request.properties, issue) }));
  const body: Record<string, unknown> = { issues, isLast };
  if (!isLast) body.nextPageToken = ctx.tokens.issue(jql, offset + size);
  return { status: 200, body };
}

export function searchPost(ctx: RequestContext): Reply {
  const parsed = bodySchema.safeParse(ctx.body ?? {});
  if (!parsed.success) throw badRequest(INVALID_PAYLOAD);
  const b = parsed.data;
  return search(ctx, { jql: b.jql ?? '', nextPageToken: b.nextPageToken ?? undefined, maxResults: b.maxResults, fields: b.fields, properties: b.properties, reconcileIssues: b.reconcileIssues });
}

export function searchGet(ctx: RequestContext): Reply {
  const p = ctx.url.searchParams;
  const max = p.get('maxResults');
  if (max !== null && !/^\d+$/.test(max)) throw badRequest(INVALID_PAYLOAD);
  const properties = listParam(ctx.url, 'properties');
  if (properties && properties.flatMap((x) => x.split(',')).length > MAX_PROPERTIES) throw badRequest(INVALID_PAYLOAD);
  return search(ctx, {
    jql: p.get('jql') ?? '',
    nextPageToken: p.get('nextPageToken') ?? undefined,
    maxResults: max === null ? undefined : Number(max),
    fields: listParam(ctx.url, 'fields'),
    properties,
  });
}

export function removedSearch(): Reply {
  throw new HttpError(410, [
    'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
  ]);
}
