/**
 * `POST /rest/api/3/issueLink` `{type: {name}|{id}, inwardIssue: {key}|{id}, outwardIssue: {key}|{id}}`.
 *
 * Jira's create call reads "inwardIssue <outward phrase> outwardIssue": for Blocks, the
 * `inwardIssue` blocks the `outwardIssue`. Reading the issues back, the blocker lists the other
 * under `outwardIssue` ("blocks"), the blocked one lists the blocker under `inwardIssue`
 * ("is blocked by"). Both sides are stored; a link that exists already is answered 201 again.
 * Missing or hidden issues, an unknown type and a missing Link Issues permission are all 404, as
 * the spec documents.
 */
import { canSee, hasPermission } from '../access';
import { LINK_TYPES, type LinkTypeName } from '../catalog';
import { isRecord } from '../../../core/is-record';
import { badRequest, issueNotFound, notFound, type Reply } from '../http';
import { projectKeyOf } from '../load';
import { findIssue } from '../lookup';
import type { RequestContext } from '../router';
import { nowIso } from './common';

const NAMES = Object.keys(LINK_TYPES) as LinkTypeName[];

function linkType(value: unknown): LinkTypeName {
  if (!isRecord(value) || (typeof value.name !== 'string' && typeof value.id !== 'string')) throw badRequest('The link type must be given as {"name": …} or {"id": …}.');
  const found =
    typeof value.id === 'string'
      ? NAMES.find((n) => LINK_TYPES[n].id === value.id)
      : NAMES.find((n) => n.toLowerCase() === String(value.name).toLowerCase());
  if (!found) throw notFound(`No issue link type with name '${String(value.name ?? value.id)}' found.`);
  return found;
}

function reference(value: unknown, side: string): string {
  if (isRecord(value) && (typeof value.key === 'string' || typeof value.id === 'string')) return String(value.key ?? value.id);
  throw badRequest(`${side} must be given as {"key": …} or {"id": …}.`);
}

export async function createLink(ctx: RequestContext): Promise<Reply> {
  const body = ctx.body;
  if (!isRecord(body)) throw badRequest('The request body must be a JSON object.');
  const type = linkType(body.type);
  const fromRef = reference(body.inwardIssue, 'inwardIssue');
  const toRef = reference(body.outwardIssue, 'outwardIssue');
  const now = nowIso(ctx);
  await ctx.store.mutate((draft) => {
    const from = findIssue(draft, fromRef);
    const to = findIssue(draft, toRef);
    if (!from || !to || !canSee(ctx.caller, from) || !canSee(ctx.caller, to)) throw issueNotFound();
    if (from === to) throw badRequest('You cannot link an issue to itself.');
    // The spec answers 404, not 403, to someone without the Link Issues permission.
    for (const issue of [from, to]) {
      if (!hasPermission(ctx.caller, projectKeyOf(issue.key), 'LINK_ISSUES')) {
        throw notFound(`You do not have the 'Link Issues' permission for issue ${issue.key}, or issue linking is disabled.`);
      }
    }
    const has = (issue: typeof from, direction: 'inward' | 'outward', key: string): boolean =>
      issue.links.some((l) => l.type === type && l.direction === direction && l.key === key);
    if (has(from, 'outward', to.key) && has(to, 'inward', from.key)) return;
    if (!has(from, 'outward', to.key)) from.links.push({ type, direction: 'outward', key: to.key });
    if (!has(to, 'inward', from.key)) to.links.push({ type, direction: 'inward', key: from.key });
    from.updated = now;
    to.updated = now;
  }, [fromRef, toRef]);
  return { status: 201 };
}
