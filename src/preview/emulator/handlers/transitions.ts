/**
 * `GET /issue/{key}/transitions`: the transitions from the issue's status (Browse Projects);
 * `POST /issue/{key}/transitions` `{transition: {id}}`: runs the transition's validators and moves
 * the issue (Transition Issues: members and admins here; 403 otherwise). A validator's refusal is
 * Jira's 400 with the message in `errorMessages`.
 */
import { issueWithPermission, visibleIssue } from '../access';
import { STATUSES } from '../catalog';
import { badRequest, HttpError, type Reply } from '../http';
import type { RequestContext } from '../router';
import { evaluateValidator, TRANSITIONS } from '../workflow';

export function listTransitions(ctx: RequestContext): Reply {
  const issue = visibleIssue(ctx.store.current, ctx.caller, ctx.params.key as string);
  const transitions = TRANSITIONS.filter((t) => t.from.includes(issue.status)).map((t) => ({
    id: t.id,
    name: t.name,
    to: { id: STATUSES[t.to].id, name: t.to },
    hasScreen: false,
    isAvailable: true,
  }));
  return { status: 200, body: { transitions } };
}

export async function doTransition(ctx: RequestContext): Promise<Reply> {
  const body = ctx.body as { transition?: { id?: unknown } } | undefined;
  const id = body?.transition?.id;
  if (typeof id !== 'string' && typeof id !== 'number') throw badRequest('A transition id is required: {"transition": {"id": "11"}}.');
  const key = ctx.params.key as string;
  await ctx.store.mutate((draft) => {
    const issue = issueWithPermission(draft, ctx.caller, key, 'TRANSITION_ISSUES');
    const transition = TRANSITIONS.find((t) => t.id === String(id));
    if (!transition || !transition.from.includes(issue.status)) throw badRequest(`Transition id '${String(id)}' is not valid for this issue.`);
    const accountId = ctx.caller.kind === 'app' ? null : ctx.caller.user.accountId;
    const refusals = ctx.workflow
      .validatorsOf(transition.id)
      .map((v) => evaluateValidator(v, issue, accountId))
      .filter((r): r is { ok: false; message: string } => !r.ok)
      .map((r) => r.message);
    if (refusals.length) throw new HttpError(400, refusals);
    issue.status = transition.to;
    issue.updated = new Date(ctx.now()).toISOString();
  }, [key]);
  return { status: 204 };
}
