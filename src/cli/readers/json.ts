/**
 * `.json`: an array of issues, a Jira REST search response (`{issues: [...], names?: {...}}`), or one
 * issue. An issue is either a simple object (`{key, summary, description, storyPoints, links, …}`) or a
 * Jira REST issue (`{key, fields: {summary, description (ADF), issuetype, issuelinks, …}}`).
 * Each item is validated on its own: a bad item is an error naming its index, the others are read.
 */
import { z } from 'zod';
import type { StoryInput, StoryLink } from '../../core/story';
import { baseName, emptyResult, guessTextFormat, lineAt, lineStartsOf, stripBom, type ReadError, type ReadResult } from './types';

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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isAdf(v: unknown): boolean {
  return isObject(v) && v.type === 'doc';
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
  if (!isObject(value)) return { ok: false, message: 'expected an issue object' };
  if (isObject(value.fields)) {
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
  if (issue.status) story.status = issue.status;
  return { ok: true, story };
}

function fromRestIssue(issue: z.infer<typeof restIssueSchema>, names: Record<string, string> | undefined): StoryInput {
  const fields = issue.fields as Record<string, unknown> & typeof issue.fields;
  const idsNamed = (pattern: RegExp): string[] =>
    names ? Object.entries(names).filter(([, name]) => pattern.test(name.trim())).map(([id]) => id) : [];

  const story: StoryInput = { key: issue.key, summary: fields.summary.trim(), storyPoints: null, source: 'issue' };
  setDescription(story, fields.description);

  // Story points: the field the `names` map calls so; else a common id the map does not name otherwise.
  const pointIds = idsNamed(STORY_POINT_NAME);
  const candidates = pointIds.length ? pointIds : COMMON_STORY_POINT_FIELDS.filter((id) => names?.[id] === undefined);
  for (const id of candidates) {
    const v = fields[id];
    if (typeof v === 'number' && Number.isFinite(v)) {
      story.storyPoints = v;
      break;
    }
  }
  for (const id of idsNamed(/^acceptance\s*criteria$/i)) {
    const v = fields[id];
    if (v !== undefined && v !== null && v !== '') {
      story.acceptanceCriteria = v;
      break;
    }
  }
  if (fields.issuetype?.name) story.issueType = fields.issuetype.name;
  if (fields.labels) story.labels = fields.labels;
  if (fields.status?.name) story.status = fields.status.name;
  const epicLink = idsNamed(/^epic\s*link$/i).map((id) => fields[id]).find((v): v is string => typeof v === 'string' && v !== '');
  const parent = fields.parent?.key ?? epicLink;
  if (parent) story.parent = parent;

  if (fields.issuelinks) {
    const links: StoryLink[] = [];
    for (const link of fields.issuelinks) {
      // Jira lists the *other* issue of each link, under the name of the role that issue plays:
      // `inwardIssue: X` on this issue reads "this issue <type.inward> X", e.g. for Blocks
      // "this issue is blocked by X" — X acts on this issue, so the link is `inward` (see StoryLink).
      // `outwardIssue: Y` reads "this issue <type.outward> Y" ("blocks Y"): `outward`.
      // (Atlassian, "Jira issue linking model": THING-1 "is blocked by" FEAT-1 comes back as
      // `inwardIssue: {key: "FEAT-1"}` on THING-1.)
      if (link.inwardIssue) links.push({ type: link.type.name, direction: 'inward', key: link.inwardIssue.key });
      if (link.outwardIssue) links.push({ type: link.type.name, direction: 'outward', key: link.outwardIssue.key });
    }
    story.links = links;
  }
  return story;
}

/**
 * Offset of the first syntax error in `text`, found by a small strict JSON scanner: V8's messages
 * give a position for some errors only ("Unexpected token ']', "…" is not valid JSON" has none).
 */
export function jsonSyntaxErrorOffset(text: string): number | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const string = (): void => {
    if (text[i] !== '"') fail();
    i++;
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 32) fail();
      if (c === 92) {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    i++;
  };
  const value = (depth: number): void => {
    if (depth > 2000) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') string();
    else {
      const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += (m as RegExpExecArray)[0].length;
    }
  };
  try {
    value(0);
    ws();
    return i < text.length ? i : undefined;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : undefined;
  }
}

/** 1-based line of a JSON syntax error in `text`. */
export function jsonErrorLine(text: string): number | undefined {
  const offset = jsonSyntaxErrorOffset(text);
  return offset === undefined ? undefined : lineAt(lineStartsOf(text), offset);
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

/**
 * Offsets where the elements of the issue list start: the top-level array, or the array under the
 * top-level key "issues". Only called on text that JSON.parse accepted.
 */
function elementOffsets(text: string): number[] {
  const offsets: number[] = [];
  const stack: { kind: '[' | '{'; track: boolean; expect: boolean }[] = [];
  let lastString = '';
  let key = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    const top = stack[stack.length - 1];
    if (top?.kind === '[' && top.expect && c !== ']') {
      if (top.track) offsets.push(i);
      top.expect = false;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      lastString = text.slice(i + 1, j);
      i = j;
    } else if (c === ':') {
      if (stack.length === 1) key = lastString;
    } else if (c === '[') {
      const track = stack.length === 0 || (stack.length === 1 && key === 'issues');
      stack.push({ kind: '[', track, expect: true });
    } else if (c === '{') {
      stack.push({ kind: '{', track: false, expect: false });
    } else if (c === ']' || c === '}') {
      stack.pop();
    } else if (c === ',' && top?.kind === '[') {
      top.expect = true;
    }
  }
  return offsets;
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
  } else if (isObject(data) && Array.isArray(data.issues)) {
    items = data.issues;
    container = 'issues';
    if (isObject(data.names)) {
      names = Object.fromEntries(Object.entries(data.names).filter((e): e is [string, string] => typeof e[1] === 'string'));
    }
  } else if (isObject(data) && (isObject(data.fields) || 'summary' in data)) {
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
