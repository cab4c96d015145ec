/**
 * `GET /rest/api/3/project/{projectIdOrKey}`: the project with its issue types (each with
 * `subtask`), as named in that project. 404 for a project the caller cannot browse, as Jira.
 */
import { canBrowseProject } from '../access';
import { notFound, type Reply } from '../http';
import { findProject } from '../lookup';
import type { RequestContext } from '../router';
import { issueTypesOf } from './createmeta';

export function getProject(ctx: RequestContext): Reply {
  const ref = ctx.params.project as string;
  const project = findProject(ctx.store.current, ref);
  if (!project || !canBrowseProject(ctx.caller, project.key)) throw notFound(`No project could be found with key '${ref}'.`);
  const teamManaged = project.subtaskTypeName === undefined;
  return {
    status: 200,
    body: {
      self: `${ctx.baseUrl}/rest/api/3/project/${project.id}`,
      id: project.id,
      key: project.key,
      name: project.name,
      description: project.description ?? '',
      projectTypeKey: 'software',
      simplified: teamManaged,
      style: teamManaged ? 'next-gen' : 'classic',
      issueTypes: issueTypesOf(ctx, project.key),
    },
  };
}
