/**
 * `GET /issue/{key}/transitions`: the transitions from the issue's status (Browse Projects) whose
 * workflow conditions all hold for the caller, as Jira lists them; `includeUnavailableTransitions=true`
 * also lists the hidden ones with `isAvailable: false`.
 * `POST /issue/{key}/transitions` `{transition: {id}}`: a transition not offered (wrong status or a
 * failing condition) is Jira's 400; otherwise runs the transition's validators and moves the issue
 * (Transition Issues: members and admins here; 403 otherwise). A validator's refusal is Jira's 400
 * with the message in `errorMessages`.
 */
import { issueWithPermission, visibleIssue } from '../access';
import { STATUSES } from '../catalog';
import { badRequest, HttpError, type Reply } from '../http';
import { projectOf } from '../lookup';
import type { RequestContext } from '../router';
import type { SampleIssue, SampleProjectFile } from '../../sample/schema';
import { evaluateCondition, evaluateValidator, TRANSITIONS, type ExpressionProject, type Transition, type Workflow } from '../workflow';

function expressionProject(data: Readonly<SampleProjectFile>, issue: SampleIssue): ExpressionProject {
  const project = projectOf(data, issue);
  return { key: project.key, properties: structuredClone(project.properties ?? {}) as Record<string, unknown> };
}

function offered(workflow: Workflow, transition: Transition, issue: SampleIssue, project: ExpressionProject, accountId: string | null): boolean {
  return workflow.conditionsOf(transition.id).every((c) => evaluateCondition(c, issue, accountId, project));
}

export function listTransitions(ctx: RequestContext): Reply {
  const data = ctx.store.current;
  const issue = visibleIssue(data, ctx.caller, ctx.params.key as string);
  const accountId = ctx.caller.kind === 'app' ? null : ctx.caller.user.accountId;
  const project = expressionProject(data, issue);
  const includeUnavailable = ctx.url.searchParams.get('includeUnavailableTransitions') === 'true';
  const transitions = TRANSITIONS.filter((t) => t.from.includes(issue.status))
    .map((t) => ({ t, available: offered(ctx.workflow, t, issue, project, accountId) }))
    .filter(({ available }) => available || includeUnavailable)
    .map(({ t, available }) => ({
      id: t.id,
      name: t.name,
      to: { id: STATUSES[t.to].id, name: t.to },
      hasScreen: false,
      isAvailable: available,
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
    const accountId = ctx.caller.kind === 'app' ? null : ctx.caller.user.accountId;
    const project = expressionProject(draft, issue);
    if (!transition || !transition.from.includes(issue.status) || !offered(ctx.workflow, transition, issue, project, accountId)) {
      throw badRequest(`Transition id '${String(id)}' is not valid for this issue.`);
    }
    const refusals = ctx.workflow
      .validatorsOf(transition.id)
      .map((v) => evaluateValidator(v, issue, accountId, project))
      .filter((r): r is { ok: false; message: string } => !r.ok)
      .map((r) => r.message);
    if (refusals.length) throw new HttpError(400, refusals);
    issue.status = transition.to;
    issue.updated = new Date(ctx.now()).toISOString();
  }, [key]);
  return { status: 204 };
}
