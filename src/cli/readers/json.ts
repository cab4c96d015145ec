/**
 * `.json`: an array of issues, a Jira REST search response (`{issues: [...], names?: {...}}`), or one
 * issue. An issue is either a simple object (`{key, summary, description, storyPoints, links, …}`) or a
 * Jira REST issue (`{key, fields: {summary, description (ADF), issuetype, issuelinks, …}}`).
 * Each item is validated on its own: a bad item is an error naming its index, the others are read.
 */
import { z } from 'zod';
import { isRecord } from '../../core/is-record';
import type { StoryInput } from '../../core/story';
import { isAdf } from '../../core/text/detect';
import { issueToStory, type StoryFieldIds } from '../../jira';
import { elementOffsets, jsonErrorLine } from './json-offsets';
import { baseName, emptyResult, guessTextFormat, lineAt, lineStartsOf, stripBom, type ReadError, type ReadResult } from './types';

export { jsonErrorLine, jsonSyntaxErrorOffset } from './json-offsets';

const nonEmpty = z.string().refine((s) => s.trim() !== '', 'must not be empty');
const optionalText = z.string().nullish();

const simpleLinkSchema = z.object({
  type: z.string().min(1),
  direction: z.enum(['inward', 'outward']),
  key: z.string().min(1),
});

export const simpleIssueSchema = z.looseObject({
  key: z.string().min(1).nullish(),
  summary: nonEmpty,
  description: z.unknown().optional(),
  descriptionFormat: z.enum(['adf', 'wiki', 'html', 'markdown', 'text']).nullish(),
  acceptanceCriteria: z.unknown().optional(),
  storyPoints: z.number().nullish(),
  issueType: optionalText,
  labels: z.array(z.string()).nullish(),
  links: z.array(simpleLinkSchema).nullish(),
  parent: optionalText,
  parentSummary: optionalText,
  parentType: optionalText,
  status: optionalText,
});

const named = z.looseObject({ name: z.string() });
const keyed = z.looseObject({ key: z.string().min(1) });

const restLinkSchema = z.looseObject({
  type: z.looseObject({ name: z.string().min(1), inward: z.string().optional(), outward: z.string().optional() }),
  inwardIssue: keyed.optional(),
  outwardIssue: keyed.optional(),
});

export const restIssueSchema = z.looseObject({
  key: z.string().min(1),
  /** `expand=names` on a single-issue GET puts the field names here. */
  names: z.record(z.string(), z.string()).optional(),
  fields: z.looseObject({
    summary: nonEmpty,
    description: z.unknown().optional(),
    issuetype: named.nullish(),
    labels: z.array(z.string()).nullish(),
    parent: keyed.nullish(),
    status: named.nullish(),
    issuelinks: z.array(restLinkSchema).nullish(),
  }),
});

/** Field ids that usually hold story points on Jira Cloud / Server when no `names` map says otherwise. */
const COMMON_STORY_POINT_FIELDS = ['customfield_10016', 'customfield_10026', 'customfield_10002'];
const STORY_POINT_NAME = /^(?:story\s*points?|story\s*point\s*estimate)$/i;

export type IssueResult = { ok: true; story: StoryInput } | { ok: false; message: string };

function zodMessage(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(item)'}: ${i.message}`);
  if (error.issues.length > 3) issues.push(`and ${error.issues.length - 3} more`);
  return issues.join('; ');
}

function setDescription(story: StoryInput, description: unknown, format?: StoryInput['descriptionFormat'] | null): void {
  if (description === undefined || description === null || description === '') return;
  story.description = description;
  const detected = format ?? (isAdf(description) ? 'adf' : typeof description === 'string' ? guessTextFormat(description) : undefined);
  if (detected) story.descriptionFormat = detected;
}

/**
 * Turns one parsed JSON value (either issue shape) into a story. `names` is the search response's
 * field-name map; `fallbackKey` names an issue that has no key.
 */
export function issueFromJson(value: unknown, names: Record<string, string> | undefined, fallbackKey: string): IssueResult {
  if (!isRecord(value)) return { ok: false, message: 'expected an issue object' };
  if (isRecord(value.fields)) {
    const parsed = restIssueSchema.safeParse(value);
    if (!parsed.success) return { ok: false, message: zodMessage(parsed.error) };
    return { ok: true, story: fromRestIssue(parsed.data, parsed.data.names ?? names) };
  }
  const parsed = simpleIssueSchema.safeParse(value);
  if (!parsed.success) return { ok: false, message: zodMessage(parsed.error) };
  const issue = parsed.data;
  const story: StoryInput = {
    key: issue.key ?? fallbackKey,
    summary: issue.summary.trim(),
    // Issue data always has the field; absent means "not estimated".
    storyPoints: issue.storyPoints ?? null,
    source: 'issue',
  };
  setDescription(story, issue.description, issue.descriptionFormat);
  if (issue.acceptanceCriteria !== undefined && issue.acceptanceCriteria !== null) story.acceptanceCriteria = issue.acceptanceCriteria;
  if (issue.issueType) story.issueType = issue.issueType;
  if (issue.labels) story.labels = issue.labels;
  if (issue.links) story.links = issue.links;
  if (issue.parent) story.parent = issue.parent;
  if (issue.parent && issue.parentSummary) story.parentSummary = issue.parentSummary;
  if (issue.parent && issue.parentType) story.parentType = issue.parentType;
  if (issue.status) story.status = issue.status;
  return { ok: true, story };
}

/** Field ids whose name in the `names` map matches `pattern`. */
function idsNamed(names: Record<string, string> | undefined, pattern: RegExp): string[] {
  return names ? Object.entries(names).filter(([, name]) => pattern.test(name.trim())).map(([id]) => id) : [];
}

/**
 * A Jira REST issue, mapped by the one Jira mapping: the `names` map (or the usual ids) says which
 * custom fields hold story points, acceptance criteria and the epic link; among several, the first
 * one this issue fills.
 */
function fromRestIssue(issue: z.infer<typeof restIssueSchema>, names: Record<string, string> | undefined): StoryInput {
  const fields = issue.fields as Record<string, unknown>;
  const filled = (id: string) => fields[id] !== undefined && fields[id] !== null && fields[id] !== '';

  // Story points: the field the `names` map calls so; else a common id the map does not name otherwise.
  const pointIds = idsNamed(names, STORY_POINT_NAME);
  const candidates = pointIds.length ? pointIds : COMMON_STORY_POINT_FIELDS.filter((id) => names?.[id] === undefined);
  const ids: StoryFieldIds = {};
  const storyPoints = candidates.find((id) => typeof fields[id] === 'number' && Number.isFinite(fields[id])) ?? candidates[0];
  const acceptanceCriteria = idsNamed(names, /^acceptance\s*criteria$/i).find(filled);
  const epicLink = idsNamed(names, /^epic\s*link$/i).find((id) => typeof fields[id] === 'string' && fields[id] !== '');
  if (storyPoints) ids.storyPoints = storyPoints;
  if (acceptanceCriteria) ids.acceptanceCriteria = acceptanceCriteria;
  if (epicLink) ids.epicLink = epicLink;

  const story = issueToStory({ id: '', key: issue.key, fields }, ids, { textFormat: guessTextFormat });
  // Issue data always has the field; absent means "not estimated".
  story.storyPoints ??= null;
  return story;
}

/** JSON.parse's message without its position (we give a line) or its echo of the input. */
export function jsonErrorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const cleaned = message
    .replace(/,\s[\s\S]* is not valid JSON$/, '')
    .replace(/\s*in JSON at position \d+/, '')
    .replace(/\s*\(line \d+ column \d+\)/, '');
  return `invalid JSON: ${cleaned}`;
}

export function readJson(input: string, file: string): ReadResult {
  const result = emptyResult();
  const text = stripBom(input);
  const name = baseName(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const e: ReadError = { file, message: jsonErrorMessage(err) };
    const line = jsonErrorLine(text);
    if (line !== undefined) e.line = line;
    result.errors.push(e);
    return result;
  }

  let items: unknown[];
  let names: Record<string, string> | undefined;
  let container: string;
  if (Array.isArray(data)) {
    items = data;
    container = '';
  } else if (isRecord(data) && Array.isArray(data.issues)) {
    items = data.issues;
    container = 'issues';
    if (isRecord(data.names)) {
      names = Object.fromEntries(Object.entries(data.names).filter((e): e is [string, string] => typeof e[1] === 'string'));
    }
  } else if (isRecord(data) && (isRecord(data.fields) || 'summary' in data)) {
    items = [data];
    container = '(root)';
  } else {
    result.errors.push({ file, message: 'expected an array of issues, a Jira search response ({"issues": [...]}) or one issue object' });
    return result;
  }

  const offsets = container === '(root)' ? [] : elementOffsets(text);
  const lineStarts = offsets.length === items.length && offsets.length ? lineStartsOf(text) : null;
  items.forEach((item, index) => {
    const line = lineStarts ? lineAt(lineStarts, offsets[index] ?? 0) : container === '(root)' ? 1 : undefined;
    const label = container === '(root)' ? 'the issue' : container ? `${container}[${index}]` : `item [${index}]`;
    const fallbackKey = container === '(root)' ? name : `${name}#${index + 1}`;
    const r = issueFromJson(item, names, fallbackKey);
    if (r.ok) {
      result.stories.push(r.story);
      result.locations.push(line === undefined ? { file } : { file, line });
    } else {
      const e: ReadError = { file, message: `${label}: ${r.message}` };
      if (line !== undefined) e.line = line;
      result.errors.push(e);
    }
  });
  return result;
}
