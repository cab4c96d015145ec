/**
 * Issue entity properties: `GET /issue/{key}/properties`, and GET, PUT, DELETE
 * `/issue/{key}/properties/{propertyKey}`. Values are any JSON up to 32 KB; keys up to 255 characters.
 * Statuses follow the spec: PUT without Edit Issues is 403, DELETE without it is 404.
 */
import { canBrowseProject, hasPermission, issueWithPermission, visibleIssue } from '../access';
import { findProject } from '../lookup';
import { projectKeyOf } from '../load';
import { badRequest, HttpError, notFound, type Reply } from '../http';
import type { RequestContext } from '../router';
import type { SampleProjectFile } from '../../sample/schema';

export const MAX_PROPERTY_BYTES = 32 * 1024;
export const MAX_PROPERTY_KEY_LENGTH = 255;

function propertyKey(ctx: RequestContext): string {
  const key = ctx.params.propertyKey as string;
  if (key.length > MAX_PROPERTY_KEY_LENGTH) throw badRequest(`The property key cannot be longer than ${MAX_PROPERTY_KEY_LENGTH} characters.`);
  // Would change the prototype of the stored object instead of adding a property.
  if (key === '__proto__') throw badRequest("The property key '__proto__' is reserved by the emulator.");
  return key;
}

const missing = (key: string): HttpError => notFound(`The property with key '${key}' does not exist.`);

/** A property value is JSON of at most MAX_PROPERTY_BYTES, as Jira refuses it otherwise. */
function checkValue(ctx: RequestContext): void {
  if (ctx.body === undefined) throw badRequest('The property value has to be a valid JSON.');
  const size = Buffer.byteLength(JSON.stringify(ctx.body));
  if (size > MAX_PROPERTY_BYTES) throw badRequest(`The property value is too large: ${size} bytes; the maximum is ${MAX_PROPERTY_BYTES} bytes.`);
}

/** Sets the property: true when it was created (201), false when it replaced a value (200). */
function put(properties: Record<string, unknown>, key: string, value: unknown): boolean {
  const existed = Object.hasOwn(properties, key);
  properties[key] = value;
  return !existed;
}

export function listProperties(ctx: RequestContext): Reply {
  const issue = visibleIssue(ctx.store.current, ctx.caller, ctx.params.key as string);
  const base = `${ctx.baseUrl}/rest/api/3/issue/${ctx.store.idOf(issue)}/properties`;
  const keys = Object.keys(issue.properties).map((key) => ({ key, self: `${base}/${encodeURIComponent(key)}` }));
  return { status: 200, body: { keys } };
}

export function getProperty(ctx: RequestContext): Reply {
  const key = propertyKey(ctx);
  const issue = visibleIssue(ctx.store.current, ctx.caller, ctx.params.key as string);
  if (!Object.hasOwn(issue.properties, key)) throw missing(key);
  return { status: 200, body: { key, value: issue.properties[key] } };
}

export async function setProperty(ctx: RequestContext): Promise<Reply> {
  const key = propertyKey(ctx);
  checkValue(ctx);
  const created = await ctx.store.mutate((draft) => {
    const issue = issueWithPermission(draft, ctx.caller, ctx.params.key as string, 'EDIT_ISSUES');
    return put(issue.properties, key, ctx.body);
  }, [ctx.params.key as string]);
  return { status: created ? 201 : 200 };
}

export async function deleteProperty(ctx: RequestContext): Promise<Reply> {
  const key = propertyKey(ctx);
  await ctx.store.mutate((draft) => {
    const issue = visibleIssue(draft, ctx.caller, ctx.params.key as string);
    // The spec: 404 for a missing property and for someone who may not edit the issue alike.
    if (!hasPermission(ctx.caller, projectKeyOf(issue.key), 'EDIT_ISSUES')) throw notFound(`You cannot delete the property '${key}' of issue ${issue.key}: you may not edit it.`);
    if (!Object.hasOwn(issue.properties, key)) throw missing(key);
    delete issue.properties[key];
  }, [ctx.params.key as string]);
  return { status: 204 };
}

/**
 * Project entity properties: GET and PUT `/project/{projectIdOrKey}/properties/{propertyKey}`.
 * GET needs Browse Projects, PUT Administer Projects (403); a project the caller cannot browse is 404.
 */
function browsableProject(ctx: RequestContext, data: Readonly<SampleProjectFile>): SampleProjectFile['projects'][number] {
  const ref = ctx.params.project as string;
  const project = findProject(data, ref);
  if (!project || !canBrowseProject(ctx.caller, project.key)) throw notFound(`No project could be found with key '${ref}'.`);
  return project;
}

export function getProjectProperty(ctx: RequestContext): Reply {
  const key = propertyKey(ctx);
  const project = browsableProject(ctx, ctx.store.current);
  if (!project.properties || !Object.hasOwn(project.properties, key)) throw missing(key);
  return { status: 200, body: { key, value: project.properties[key] } };
}

export async function setProjectProperty(ctx: RequestContext): Promise<Reply> {
  const key = propertyKey(ctx);
  checkValue(ctx);
  const created = await ctx.store.mutate((draft) => {
    const project = browsableProject(ctx, draft);
    if (!hasPermission(ctx.caller, project.key, 'ADMINISTER_PROJECTS')) throw new HttpError(403, [`You do not have the 'Administer Projects' permission for project ${project.key}.`]);
    return put((project.properties ??= {}), key, ctx.body);
  });
  return { status: created ? 201 : 200 };
}
