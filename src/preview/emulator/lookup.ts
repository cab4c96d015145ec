/** Finding issues and projects in a sample project (the store's current data or a draft of a change). */
import type { SampleIssue, SampleProjectFile } from '../sample/schema';
import { projectKeyOf } from './load';

/** Issue ids follow the order issues were created in, as Jira's do: the first issue is 10000. */
export const FIRST_ISSUE_ID = 10000;

/** By key (case-insensitive, as Jira) or numeric id. */
export function findIssue(data: Readonly<SampleProjectFile>, keyOrId: string): SampleIssue | undefined {
  if (/^\d+$/.test(keyOrId)) return data.issues[Number(keyOrId) - FIRST_ISSUE_ID];
  const key = keyOrId.toUpperCase();
  return data.issues.find((issue) => issue.key === key);
}

export function findProject(data: Readonly<SampleProjectFile>, keyOrId: string): SampleProjectFile['projects'][number] | undefined {
  const key = keyOrId.toUpperCase();
  return data.projects.find((p) => p.key === key || p.id === keyOrId);
}

export function projectOf(data: Readonly<SampleProjectFile>, issue: SampleIssue): SampleProjectFile['projects'][number] {
  const project = findProject(data, projectKeyOf(issue.key));
  if (!project) throw new Error(`Issue ${issue.key} has no project.`);
  return project;
}
