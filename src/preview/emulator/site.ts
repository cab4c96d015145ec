/**
 * What differs from project to project on a real site: which story points field the project's
 * screens use (team-managed "Story point estimate", company-managed "Story Points") and what the
 * project calls its sub-task issue type ("Subtask" or "Sub-task").
 */
import type { SampleProject, SampleProjectFile } from '../sample/schema';
import { ISSUE_TYPES, type IssueTypeName } from './catalog';
import { findProject } from './lookup';

type Field = { id: string; name: string };

/** Every story points field of the site, the default first. */
export function storyPointFields(data: Readonly<SampleProjectFile>): Field[] {
  return [data.fields.storyPoints, ...(data.fields.extraStoryPoints ?? [])];
}

function project(data: Readonly<SampleProjectFile>, projectKey: string): SampleProject | undefined {
  return findProject(data, projectKey);
}

/** The story points field on `projectKey`'s screens: the one its issues' estimates live in. */
export function pointsFieldOf(data: Readonly<SampleProjectFile>, projectKey: string): Field {
  const id = project(data, projectKey)?.storyPointsField;
  return storyPointFields(data).find((f) => f.id === id) ?? data.fields.storyPoints;
}

/** The name `projectKey` gives an issue type. */
export function typeNameIn(data: Readonly<SampleProjectFile>, projectKey: string, type: IssueTypeName): string {
  return type === 'Subtask' ? (project(data, projectKey)?.subtaskTypeName ?? 'Subtask') : type;
}

const TYPES = Object.keys(ISSUE_TYPES) as IssueTypeName[];

/** The issue types of a project, with their names there. */
export function projectTypes(data: Readonly<SampleProjectFile>, projectKey: string): { type: IssueTypeName; name: string }[] {
  return TYPES.map((type) => ({ type, name: typeNameIn(data, projectKey, type) }));
}

/**
 * An issue type given by name or id in `projectKey`. A project that renamed its sub-task type
 * knows it only by that name; the default project also takes "Sub-task", as older fixtures do.
 */
export function typeByRef(data: Readonly<SampleProjectFile>, projectKey: string | undefined, ref: { id?: unknown; name?: unknown }): IssueTypeName | undefined {
  if (typeof ref.id === 'string') return TYPES.find((n) => ISSUE_TYPES[n].id === ref.id);
  if (typeof ref.name !== 'string') return undefined;
  const name = ref.name.toLowerCase();
  const renamed = projectKey === undefined ? undefined : project(data, projectKey)?.subtaskTypeName;
  const found = TYPES.find((t) => (projectKey === undefined ? t : typeNameIn(data, projectKey, t)).toLowerCase() === name);
  if (found) return found;
  return renamed === undefined && name === 'sub-task' ? 'Subtask' : undefined;
}
