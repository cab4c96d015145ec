/**
 * The story points field of one project: on a site with several story points fields, the one on
 * the project's create screen for the issue's type (`createmeta/{project}/issuetypes/{id}`) is the
 * one its estimates live in. A team-managed project shows "Story point estimate", a company-managed
 * one "Story Points"; a project with neither does not estimate in points at all.
 */
import { isRecord } from '../core/is-record';
import { isJiraError } from './errors';
import type { StoryFieldIds } from './fields';
import type { CreateFieldMeta, JiraClient, JiraIssue } from './types';

/** Where an issue's story fields come from: its project and issue type. */
export interface FieldScope {
  projectKey: string;
  issueTypeId: string;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

/** The project and issue type of an issue read with `issuetype` (and `project`, when asked) fields. */
export function scopeOf(issue: JiraIssue): FieldScope | null {
  const typeId = record(issue.fields.issuetype)?.id;
  const projectKey = record(issue.fields.project)?.key ?? issue.key.slice(0, issue.key.lastIndexOf('-'));
  if (typeof typeId !== 'string' || typeof projectKey !== 'string' || !projectKey) return null;
  return { projectKey, issueTypeId: typeId };
}

/**
 * The site's fields with the story points field the create screen shows (best-ranked first); none
 * when the screen shows none. An empty screen says nothing (the caller may create nothing there):
 * the site's choice stands.
 */
export function fieldsForScreen(site: StoryFieldIds, screen: readonly CreateFieldMeta[]): StoryFieldIds {
  const { otherStoryPoints, ...rest } = site;
  if (!otherStoryPoints?.length || !screen.length) return rest;
  const onScreen = new Set(screen.map((f) => f.fieldId));
  const chosen = [site.storyPoints, ...otherStoryPoints].find((id) => id !== undefined && onScreen.has(id));
  const result: StoryFieldIds = { ...rest };
  delete result.storyPoints;
  if (chosen) result.storyPoints = chosen;
  return result;
}

/** Whether the choice needs Jira at all: only a site with more than one story points field. */
export function needsProjectChoice(site: StoryFieldIds): boolean {
  return (site.otherStoryPoints?.length ?? 0) > 0;
}

/**
 * The story fields of `scope`, asked of Jira. When Jira will not say (no permission to read the
 * create screen, an unknown type), the site's best guess stands: the same as before per-project
 * choice, never worse.
 */
export async function projectStoryFields(client: JiraClient, site: StoryFieldIds, scope: FieldScope): Promise<StoryFieldIds> {
  if (!needsProjectChoice(site)) return fieldsForScreen(site, []);
  try {
    return fieldsForScreen(site, await client.createMetaFields(scope.projectKey, scope.issueTypeId));
  } catch (error) {
    if (isJiraError(error, 'forbidden') || isJiraError(error, 'not-found') || isJiraError(error, 'bad-request')) return fieldsForScreen(site, []);
    throw error;
  }
}

/** Per-issue story fields with one lookup per project and issue type (lookups are shared while they run). */
export function storyFieldsPicker(lookup: (scope: FieldScope) => Promise<StoryFieldIds>, site: StoryFieldIds): (issue: JiraIssue) => Promise<StoryFieldIds> {
  const memo = new Map<string, Promise<StoryFieldIds>>();
  return async (issue) => {
    const scope = needsProjectChoice(site) ? scopeOf(issue) : null;
    if (!scope) return fieldsForScreen(site, []);
    const key = `${scope.projectKey}\u0000${scope.issueTypeId}`;
    let found = memo.get(key);
    if (!found) {
      found = lookup(scope);
      memo.set(key, found);
      // A failed lookup is not remembered: the next issue asks again.
      found.catch(() => memo.delete(key));
    }
    return found;
  };
}
