/**
 * `GET /rest/api/3/mypermissions?projectKey=|projectId=|issueKey=|issueId=&permissions=A,B` ->
 * `{permissions: {A: {id, key, name, type, description, havePermission}}}`, and `GET /myself`.
 * Without a project or issue, a permission is held when some project grants it (as in Jira).
 */
import { canBrowseProject, hasPermission, visibleIssue } from '../access';
import { APP_ACCOUNT, PERMISSIONS } from '../catalog';
import { badRequest, notFound, type Reply } from '../http';
import { projectKeyOf } from '../load';
import { findProject } from '../lookup';
import type { RequestContext } from '../router';

const KEYS = Object.keys(PERMISSIONS);

function projectsInScope(ctx: RequestContext): string[] {
  const p = ctx.url.searchParams;
  const issueRef = p.get('issueKey') ?? p.get('issueId');
  if (issueRef) return [projectKeyOf(visibleIssue(ctx.store.current, ctx.caller, issueRef).key)];
  const projectRef = p.get('projectKey') ?? p.get('projectId');
  if (projectRef) {
    const project = findProject(ctx.store.current, projectRef);
    if (!project || !canBrowseProject(ctx.caller, project.key)) throw notFound(`No project could be found with key '${projectRef}'.`);
    return [project.key];
  }
  return ctx.store.current.projects.map((project) => project.key);
}

export function myPermissions(ctx: RequestContext): Reply {
  const requested = (ctx.url.searchParams.get('permissions') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!requested.length) throw badRequest("The 'permissions' query parameter is required, e.g. permissions=BROWSE_PROJECTS,EDIT_ISSUES.");
  const unknown = requested.filter((key) => !PERMISSIONS[key]);
  if (unknown.length) throw badRequest(`Unrecognized permission keys: ${unknown.join(', ')}. The emulator knows ${KEYS.join(', ')}.`);
  const projects = projectsInScope(ctx);
  const permissions: Record<string, unknown> = {};
  for (const key of requested) {
    const info = PERMISSIONS[key] as (typeof PERMISSIONS)[string];
    permissions[key] = {
      id: String(KEYS.indexOf(key) + 1),
      key,
      name: info.name,
      type: 'PROJECT',
      description: '',
      havePermission: projects.some((project) => hasPermission(ctx.caller, project, key)),
    };
  }
  return { status: 200, body: { permissions } };
}

export function myself(ctx: RequestContext): Reply {
  const self = `${ctx.baseUrl}/rest/api/3/myself`;
  if (ctx.caller.kind === 'app') return { status: 200, body: { self, ...APP_ACCOUNT, accountType: 'app', active: true, timeZone: 'UTC' } };
  const { accountId, displayName, emailAddress } = ctx.caller.user;
  return { status: 200, body: { self, accountId, displayName, emailAddress, accountType: 'atlassian', active: true, timeZone: 'UTC' } };
}
