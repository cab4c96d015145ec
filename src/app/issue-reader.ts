/**
 * Reads an issue for analysis: the fields the engine needs, with the story points field of the
 * issue's own project (a site may have several; see jira/project-fields.ts).
 */
import { discoverFields, issueToStory, projectStoryFields, STORY_FIELDS, storyFieldsPicker, type FieldScope, type StoryFieldIds } from '../jira';
import type { JiraClient, JiraIssue } from '../jira/types';
import type { StoryInput } from '../core/story';
import type { Deps, Store } from './ports';

const FIELDS_CACHE_KEY = 'jira:fields';
const projectFieldsKey = (scope: FieldScope) => `jira:fields:${scope.projectKey}:${scope.issueTypeId}`;
const FIELDS_TTL_MS = 60 * 60 * 1000;

export type SiteFields = StoryFieldIds;

/** The story points / acceptance criteria field ids, discovered once an hour and cached. */
export async function siteFields(jira: JiraClient, store: Store, now: Date): Promise<SiteFields> {
  const cached = await store.get<{ at: number; fields: SiteFields }>(FIELDS_CACHE_KEY);
  if (cached && now.getTime() - cached.at < FIELDS_TTL_MS) return cached.fields;
  const fields = await discoverFields(jira);
  await store.set(FIELDS_CACHE_KEY, { at: now.getTime(), fields });
  return fields;
}

/**
 * The story fields of each issue's project and type, asked of Jira as the app (the create screen
 * is the site's configuration, not the viewer's business) once an hour per project and type.
 */
export function projectFieldsPicker(deps: Pick<Deps, 'asApp' | 'store' | 'now'>, site: SiteFields): (issue: JiraIssue) => Promise<SiteFields> {
  const siteKey = JSON.stringify(site);
  return storyFieldsPicker(async (scope) => {
    const now = deps.now().getTime();
    const cached = await deps.store.get<{ at: number; site: string; fields: SiteFields }>(projectFieldsKey(scope));
    if (cached && cached.site === siteKey && now - cached.at < FIELDS_TTL_MS) return cached.fields;
    const fields = await projectStoryFields(deps.asApp(), site, scope);
    await deps.store.set(projectFieldsKey(scope), { at: now, site: siteKey, fields });
    return fields;
  }, site);
}

export interface ReadIssue {
  issue: JiraIssue;
  story: StoryInput;
  fields: SiteFields;
}

/** Reads `key` with `jira` (the user or the app) and maps it with its project's story fields. */
export async function readIssue(deps: Pick<Deps, 'asApp' | 'store' | 'now'>, jira: JiraClient, key: string, properties: string[] = []): Promise<ReadIssue> {
  const site = await siteFields(jira, deps.store, deps.now());
  const issue = await jira.getIssue(key, { fields: [...STORY_FIELDS(site), 'updated', 'project'], properties });
  const fields = await projectFieldsPicker(deps, site)(issue);
  return { issue, story: issueToStory(issue, fields), fields };
}

/** The issue a panel request names, read as the asking user (the client is returned for the calls that follow), and its project. */
export async function readRequested(deps: Deps, issueKey: string): Promise<ReadIssue & { jira: JiraClient; projectKey: string }> {
  const jira = deps.asUser();
  const read = await readIssue(deps, jira, issueKey);
  return { ...read, jira, projectKey: projectOf(read.issue) };
}

/** The fields an action on the issue needs (summary, description, `updated`, project, type, parent). */
export async function readForEdit(jira: JiraClient, key: string): Promise<JiraIssue> {
  return jira.getIssue(key, { fields: ['summary', 'description', 'updated', 'project', 'issuetype', 'parent'] });
}

export function projectOf(issue: JiraIssue): string {
  const p = issue.fields.project as { key?: string } | undefined;
  return p?.key ?? issue.key.split('-')[0]!;
}
