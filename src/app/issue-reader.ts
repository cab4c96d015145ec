/** Reads an issue for analysis: the fields the engine needs, with the site's story points field. */
import { discoverFields, issueToStory, STORY_FIELDS } from '../jira';
import type { JiraClient, JiraIssue } from '../jira/types';
import type { StoryInput } from '../core/story';
import type { Store } from './ports';

const FIELDS_CACHE_KEY = 'jira:fields';
const FIELDS_TTL_MS = 60 * 60 * 1000;

export interface SiteFields {
  storyPoints?: string;
  acceptanceCriteria?: string;
}

/** The story points / acceptance criteria field ids, discovered once an hour and cached. */
export async function siteFields(jira: JiraClient, store: Store, now: Date): Promise<SiteFields> {
  const cached = await store.get<{ at: number; fields: SiteFields }>(FIELDS_CACHE_KEY);
  if (cached && now.getTime() - cached.at < FIELDS_TTL_MS) return cached.fields;
  const fields = await discoverFields(jira);
  await store.set(FIELDS_CACHE_KEY, { at: now.getTime(), fields });
  return fields;
}

export interface ReadIssue {
  issue: JiraIssue;
  story: StoryInput;
  fields: SiteFields;
}

export async function readIssue(jira: JiraClient, store: Store, now: Date, key: string, properties: string[] = []): Promise<ReadIssue> {
  const fields = await siteFields(jira, store, now);
  const issue = await jira.getIssue(key, { fields: [...STORY_FIELDS(fields), 'updated', 'project'], properties });
  return { issue, story: issueToStory(issue, fields), fields };
}

/** The fields an action on the issue needs (summary, description, `updated`, project, type, parent). */
export async function readForEdit(jira: JiraClient, key: string): Promise<JiraIssue> {
  return jira.getIssue(key, { fields: ['summary', 'description', 'updated', 'project', 'issuetype', 'parent'] });
}

export function projectOf(issue: JiraIssue): string {
  const p = issue.fields.project as { key?: string } | undefined;
  return p?.key ?? issue.key.split('-')[0]!;
}
