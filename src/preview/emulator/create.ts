/**
 * `POST /rest/api/3/issue`: `fields: {project: {key}|{id}, issuetype: {name}|{id}, summary,
 * description?, parent?: {key}|{id}, labels?, <story points>?}`. The new issue gets the next key
 * of its project, status To Do, the caller as reporter.
 */
import type { SampleIssue, SampleProjectFile } from '../sample/schema';
import { canSee, hasPermission, type Caller } from './access';
import { APP_ACCOUNT, type IssueTypeName } from './catalog';
import { cannotBeSet, checkDescription, checkLabels, checkPoints, checkSummary } from './field-values';
import { isRecord } from '../../core/is-record';
import { badRequest, fieldErrors } from './http';
import { projectKeyOf } from './load';
import { findIssue, findProject } from './lookup';
import { pointsFieldOf, typeByRef } from './site';

function reference(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value.key === 'string') return value.key;
  if (typeof value.id === 'string') return value.id;
  return undefined;
}

/** Epics have no parent; stories, tasks and bugs may have an epic; subtasks need a non-epic, non-subtask parent. */
function parentProblem(type: IssueTypeName, parent: SampleIssue | undefined): string | undefined {
  if (type === 'Subtask' && !parent) return 'A subtask needs a parent issue.';
  if (!parent) return undefined;
  const fits = type === 'Subtask' ? parent.issueType !== 'Epic' && parent.issueType !== 'Subtask' : type !== 'Epic' && parent.issueType === 'Epic';
  return fits ? undefined : 'Given parent work item does not belong to appropriate hierarchy.';
}

function nextKey(data: SampleProjectFile, projectKey: string): string {
  let max = 0;
  for (const issue of data.issues) {
    if (projectKeyOf(issue.key) === projectKey) max = Math.max(max, Number(issue.key.slice(projectKey.length + 1)));
  }
  return `${projectKey}-${max + 1}`;
}

/** Checks the request, then appends the new issue to `draft`. */
export function applyCreate(draft: SampleProjectFile, caller: Caller, body: unknown, nowIso: string): SampleIssue {
  if (!isRecord(body) || !isRecord(body.fields)) throw badRequest('The request body must be {"fields": {...}}.');
  const fields = body.fields;
  const errors: Record<string, string> = {};

  const projectRef = reference(fields.project);
  const project = projectRef === undefined ? undefined : findProject(draft, projectRef);
  if (!project || !hasPermission(caller, project.key, 'BROWSE_PROJECTS')) errors.project = 'Specify a valid project ID or key';
  else if (!hasPermission(caller, project.key, 'CREATE_ISSUES')) errors.project = 'You do not have permission to create issues in this project.';

  // By id, or by the name the project gives the type ("Sub-task" in a project that calls it so).
  const type = isRecord(fields.issuetype) ? typeByRef(draft, project?.key, fields.issuetype) : undefined;
  if (!type) errors.issuetype = fields.issuetype === undefined ? 'Specify an issue type' : 'The issue type selected is invalid.';

  const summary = checkSummary(fields.summary);
  if (!summary.ok) errors.summary = summary.message;
  const description = checkDescription(fields.description ?? null);
  if (!description.ok) errors.description = description.message;
  const labels = checkLabels(fields.labels ?? []);
  if (!labels.ok) errors.labels = labels.message;
  const pointsId = project ? pointsFieldOf(draft, project.key).id : draft.fields.storyPoints.id;
  const points = checkPoints(fields[pointsId] ?? null);
  if (!points.ok) errors[pointsId] = points.message;

  let parent: SampleIssue | undefined;
  if (fields.parent !== undefined) {
    const ref = reference(fields.parent);
    parent = ref === undefined ? undefined : findIssue(draft, ref);
    if (!parent || !canSee(caller, parent)) errors.parent = 'The parent issue does not exist or you cannot see it.';
    else if (project && projectKeyOf(parent.key) !== project.key) errors.parent = 'The parent issue must be in the same project.';
  }
  if (type && !errors.parent) {
    const problem = parentProblem(type, parent);
    if (problem) errors.parent = problem;
  }

  const known = new Set(['project', 'issuetype', 'summary', 'description', 'labels', 'parent', pointsId]);
  for (const field of Object.keys(fields)) if (!known.has(field)) errors[field] = cannotBeSet(field);
  if (Object.keys(errors).length || !project || !type || !summary.ok || !description.ok || !labels.ok || !points.ok) throw fieldErrors(errors);

  const issue: SampleIssue = {
    key: nextKey(draft, project.key),
    issueType: type,
    summary: summary.value,
    description: description.value,
    status: 'To Do',
    storyPoints: points.value,
    labels: labels.value,
    links: [],
    reporter: caller.kind === 'app' ? APP_ACCOUNT.accountId : caller.user.accountId,
    created: nowIso,
    updated: nowIso,
    properties: {},
  };
  if (parent) issue.parent = parent.key;
  draft.issues.push(issue);
  return issue;
}
