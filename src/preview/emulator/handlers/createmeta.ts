/**
 * Create metadata, Jira Cloud's paged form:
 * - `GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes` -> `{issueTypes, startAt, maxResults, total}`:
 *   the types the caller may create in the project, with the names the project gives them ("Sub-task").
 * - `GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}` -> `{fields, startAt, maxResults, total}`:
 *   the fields on that type's create screen, with the project's own story points field.
 * A project the caller cannot browse is 404; a caller without Create Issues gets empty pages.
 */
import { canBrowseProject, hasPermission } from '../access';
import { ISSUE_TYPES, SYSTEM_FIELDS } from '../catalog';
import { badRequest, notFound, type Reply } from '../http';
import { findProject } from '../lookup';
import type { RequestContext } from '../router';
import { pointsFieldOf, projectTypes } from '../site';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

function pageParams(url: URL): { startAt: number; maxResults: number } {
  const read = (name: string, fallback: number): number => {
    const text = url.searchParams.get(name);
    if (text === null) return fallback;
    if (!/^\d+$/.test(text)) throw badRequest(`The parameter '${name}' must be a whole number.`);
    return Number(text);
  };
  return { startAt: read('startAt', 0), maxResults: Math.min(MAX_PAGE, Math.max(1, read('maxResults', DEFAULT_PAGE))) };
}

function page<T>(items: T[], url: URL, name: 'issueTypes' | 'fields'): Reply {
  const { startAt, maxResults } = pageParams(url);
  return { status: 200, body: { [name]: items.slice(startAt, startAt + maxResults), startAt, maxResults, total: items.length } };
}

function projectFor(ctx: RequestContext): NonNullable<ReturnType<typeof findProject>> {
  const ref = ctx.params.project as string;
  const project = findProject(ctx.store.current, ref);
  if (!project || !canBrowseProject(ctx.caller, project.key)) throw notFound(`No project could be found with key '${ref}'.`);
  return project;
}

/** The issue types of a project in Jira's shape, each named as the project names it. */
export function issueTypesOf(ctx: RequestContext, projectKey: string): Record<string, unknown>[] {
  return projectTypes(ctx.store.current, projectKey).map(({ type, name }) => {
    const t = ISSUE_TYPES[type];
    return {
      self: `${ctx.baseUrl}/rest/api/3/issuetype/${t.id}`,
      id: t.id,
      description: '',
      iconUrl: `${ctx.baseUrl}/images/icons/issuetypes/${t.id}.svg`,
      name,
      untranslatedName: name,
      subtask: t.subtask,
      hierarchyLevel: t.hierarchyLevel,
    };
  });
}

export function createMetaIssueTypes(ctx: RequestContext): Reply {
  const project = projectFor(ctx);
  const types = hasPermission(ctx.caller, project.key, 'CREATE_ISSUES') ? issueTypesOf(ctx, project.key) : [];
  return page(types, ctx.url, 'issueTypes');
}

function fieldMeta(fieldId: string, name: string, schema: Record<string, unknown>, required: boolean): Record<string, unknown> {
  return { fieldId, key: fieldId, name, required, schema, operations: ['set'], hasDefaultValue: false };
}

export function createMetaFields(ctx: RequestContext): Reply {
  const project = projectFor(ctx);
  const typeId = ctx.params.issueTypeId as string;
  const entry = projectTypes(ctx.store.current, project.key).find(({ type }) => ISSUE_TYPES[type].id === typeId);
  if (!entry) throw notFound(`The issue type with id '${typeId}' does not exist in project ${project.key}.`);
  if (!hasPermission(ctx.caller, project.key, 'CREATE_ISSUES')) return page([], ctx.url, 'fields');
  const system = (id: string) => SYSTEM_FIELDS.find((f) => f.id === id)!;
  const subtask = ISSUE_TYPES[entry.type].subtask;
  const onScreen = ['project', 'issuetype', 'summary', 'description', 'labels', 'parent', 'reporter'];
  const fields = onScreen.map((id) => {
    const f = system(id);
    const schema = f.items ? { type: f.schemaType, items: f.items, system: id } : { type: f.schemaType, system: id };
    return fieldMeta(id, f.name, schema, id === 'project' || id === 'issuetype' || id === 'summary' || (id === 'parent' && subtask));
  });
  const points = pointsFieldOf(ctx.store.current, project.key);
  const customId = Number(points.id.slice('customfield_'.length));
  const pointsType = /estimate/i.test(points.name) ? 'com.pyxis.greenhopper.jira:jsw-story-points' : 'com.atlassian.jira.plugin.system.customfieldtypes:float';
  if (!subtask) fields.push(fieldMeta(points.id, points.name, { type: 'number', custom: pointsType, customId }, false));
  const criteria = ctx.store.current.fields.acceptanceCriteria;
  if (criteria) {
    const id = Number(criteria.id.slice('customfield_'.length));
    fields.push(fieldMeta(criteria.id, criteria.name, { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea', customId: id }, false));
  }
  return page(fields, ctx.url, 'fields');
}
