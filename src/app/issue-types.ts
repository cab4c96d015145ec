/**
 * Which issue type to create. Sites name their sub-task type differently ("Subtask" on
 * team-managed projects, "Sub-task" on company-managed ones, a translated name on others): the
 * project's create metadata says which of its types is a sub-task (`subtask: true`), and the type
 * is then given by id, which no language or rename changes.
 */
import type { IssueTypeMeta, JiraClient } from '../jira/types';

/** The sub-task type `jira`'s user may create in `projectKey`, or null when there is none for them. */
export async function subtaskTypeOf(jira: JiraClient, projectKey: string): Promise<IssueTypeMeta | null> {
  const subtasks = (await jira.createMetaIssueTypes(projectKey)).filter((t) => t.subtask);
  // Jira's own sub-task level is -1; a site with several sub-task types lists its usual one first.
  return subtasks.find((t) => t.hierarchyLevel === -1) ?? subtasks[0] ?? null;
}

export function noSubtaskTypeMessage(projectKey: string): string {
  return `Jira offers you no sub-task type in ${projectKey}: sub-tasks may be switched off there, or you may not create issues in it. Nothing was created.`;
}
