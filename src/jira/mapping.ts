/**
 * A Jira REST issue -> the engine's StoryInput: the only mapping. The app (Jira REST v3), the CLI's
 * `report --site` and its JSON reader (exports and saved search responses) all call it.
 */
import { isRecord } from '../core/is-record';
import type { DescriptionFormat, StoryInput, StoryLink } from '../core/story';
import { isAdf } from '../core/text/detect';
import type { StoryFieldIds } from './fields';
import type { JiraIssue } from './types';

/** The `fields` to request for `issueToStory` (every story points field, until the project's is known). */
export function STORY_FIELDS(fields: StoryFieldIds): string[] {
  const list = ['summary', 'description', 'issuetype', 'labels', 'parent', 'status', 'issuelinks'];
  if (fields.storyPoints) list.push(fields.storyPoints);
  for (const other of fields.otherStoryPoints ?? []) list.push(other);
  if (fields.acceptanceCriteria) list.push(fields.acceptanceCriteria);
  return list;
}

function stringAt(value: unknown, name: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const v = value[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * Jira lists the *other* issue of each link under the role it plays: `inwardIssue: X` on this issue
 * reads "this issue <type.inward> X" — for Blocks, "this issue is blocked by X": X acts on this
 * issue, so the link is `inward`. `outwardIssue: Y` reads "this issue blocks Y": `outward`.
 */
export function linksOf(issuelinks: unknown): StoryLink[] {
  if (!Array.isArray(issuelinks)) return [];
  const links: StoryLink[] = [];
  for (const link of issuelinks) {
    if (!isRecord(link)) continue;
    const type = stringAt(link.type, 'name');
    if (!type) continue;
    const inward = stringAt(link.inwardIssue, 'key');
    const outward = stringAt(link.outwardIssue, 'key');
    if (inward) links.push({ type, direction: 'inward', key: inward });
    if (outward) links.push({ type, direction: 'outward', key: outward });
  }
  return links;
}

export interface MappingOptions {
  /**
   * The format of a description Jira gave as a string (REST v3 gives ADF; REST v2 and exports give
   * wiki markup): plain text unless said otherwise; `undefined` leaves it to the engine to detect.
   */
  textFormat?: (text: string) => DescriptionFormat | undefined;
}

const plainText = (): DescriptionFormat => 'text';

export function issueToStory(issue: JiraIssue, fields: StoryFieldIds, options: MappingOptions = {}): StoryInput {
  const f = issue.fields ?? {};
  const summary = typeof f.summary === 'string' ? f.summary.trim() : '';
  const story: StoryInput = { key: issue.key, summary, source: 'issue' };

  const description = f.description;
  if (isAdf(description)) {
    story.description = description;
    story.descriptionFormat = 'adf';
  } else if (typeof description === 'string' && description !== '') {
    story.description = description;
    const format = (options.textFormat ?? plainText)(description);
    if (format) story.descriptionFormat = format;
  } else if (description !== undefined && description !== null && description !== '') {
    // Anything else (a number, an unknown object) is the engine's to read or ignore.
    story.description = description;
  }

  if (fields.storyPoints) {
    const points = f[fields.storyPoints];
    story.storyPoints = typeof points === 'number' && Number.isFinite(points) ? points : null;
  }
  if (fields.acceptanceCriteria) {
    const criteria = f[fields.acceptanceCriteria];
    if (criteria !== undefined && criteria !== null && criteria !== '') story.acceptanceCriteria = criteria;
  }

  const issueType = stringAt(f.issuetype, 'name');
  if (issueType) story.issueType = issueType;
  if (Array.isArray(f.labels)) story.labels = f.labels.filter((l): l is string => typeof l === 'string');
  const epicLink = fields.epicLink ? f[fields.epicLink] : undefined;
  const parent = stringAt(f.parent, 'key') ?? (typeof epicLink === 'string' && epicLink !== '' ? epicLink : undefined);
  if (parent) {
    story.parent = parent;
    // Jira nests the parent's summary and type in the field: the engine knows each epic without another query.
    if (stringAt(f.parent, 'key') === parent && isRecord(f.parent)) {
      const parentFields = f.parent.fields;
      const parentSummary = stringAt(parentFields, 'summary');
      const parentType = isRecord(parentFields) ? stringAt(parentFields.issuetype, 'name') : undefined;
      if (parentSummary) story.parentSummary = parentSummary;
      if (parentType) story.parentType = parentType;
    }
  }
  const status = stringAt(f.status, 'name');
  if (status) story.status = status;
  if (f.issuelinks !== undefined && f.issuelinks !== null) story.links = linksOf(f.issuelinks);
  return story;
}
