/**
 * Light checks of what Jira answers: the shapes the client relies on, everything else passed
 * through. A 2xx body that is not what Jira documents is a JiraError `server`, never a crash later.
 */
import { z } from 'zod';
import { JiraError, type CallContext } from './errors';
import type { BulkFetchResult, CreateFieldMeta, IssueTypeMeta, JiraField, JiraIssue, JiraResponse, SearchPage } from './types';

const issueSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()).nullish(),
  properties: z.record(z.string(), z.unknown()).nullish(),
});

const searchPageSchema = z.looseObject({
  issues: z.array(issueSchema),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

const fieldSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z.looseObject({ type: z.string().optional(), custom: z.string().optional(), customId: z.number().optional() }).optional(),
});

const createdSchema = z.looseObject({ id: z.union([z.string(), z.number()]).transform(String), key: z.string() });
const commentSchema = z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) });
const propertySchema = z.looseObject({ key: z.string().optional(), value: z.unknown() });
const permissionsSchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
});

function unexpected(context: CallContext, what: string): JiraError {
  return new JiraError(`Could not ${context.operation}: Jira's answer was not ${what}.`, { status: 0, code: 'server' });
}

function parse<T>(schema: z.ZodType<T>, response: JiraResponse, context: CallContext, what: string): T {
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    throw unexpected(context, `JSON (${what} expected)`);
  }
  const result = schema.safeParse(body);
  if (!result.success) throw unexpected(context, what);
  return result.data;
}

function toIssue(raw: z.infer<typeof issueSchema>): JiraIssue {
  const { fields, properties, ...rest } = raw;
  const issue: JiraIssue = { ...rest, fields: fields ?? {} };
  if (properties) issue.properties = properties;
  return issue;
}

export function readIssue(response: JiraResponse, context: CallContext): JiraIssue {
  return toIssue(parse(issueSchema, response, context, 'an issue'));
}

export function readSearchPage(response: JiraResponse, context: CallContext): SearchPage {
  const page = parse(searchPageSchema, response, context, 'a page of search results');
  const token = page.nextPageToken ?? undefined;
  // `isLast` is documented; when a proxy drops it, the token says the same.
  const isLast = page.isLast ?? token === undefined;
  const result: SearchPage = { issues: page.issues.map(toIssue), isLast };
  if (token !== undefined && !isLast) result.nextPageToken = token;
  return result;
}

export function readFields(response: JiraResponse, context: CallContext): JiraField[] {
  return parse(z.array(fieldSchema), response, context, 'a list of fields').map((f) => {
    const field: JiraField = { id: f.id, name: f.name, custom: f.custom ?? f.id.startsWith('customfield_') };
    if (f.schema) field.schema = f.schema;
    return field;
  });
}

export function readCreated(response: JiraResponse, context: CallContext): { id: string; key: string } {
  const { id, key } = parse(createdSchema, response, context, 'a created issue');
  return { id, key };
}

export function readComment(response: JiraResponse, context: CallContext): { id: string } {
  return { id: parse(commentSchema, response, context, 'a comment').id };
}

export function readPropertyValue(response: JiraResponse, context: CallContext): unknown {
  return parse(propertySchema, response, context, 'an entity property').value;
}

export function readPermissions(response: JiraResponse, context: CallContext): Record<string, boolean> {
  const { permissions } = parse(permissionsSchema, response, context, 'a permissions map');
  return Object.fromEntries(Object.entries(permissions).map(([key, p]) => [key, p.havePermission]));
}

const bulkSchema = z.looseObject({
  issues: z.array(issueSchema).optional(),
  issueErrors: z.array(z.looseObject({ id: z.union([z.string(), z.number()]).transform(String).optional() })).optional(),
});

export function readBulkFetch(response: JiraResponse, context: CallContext): BulkFetchResult {
  const body = parse(bulkSchema, response, context, 'a bulk fetch result');
  return { issues: (body.issues ?? []).map(toIssue), failed: (body.issueErrors ?? []).flatMap((e) => (e.id === undefined ? [] : [e.id])) };
}

/** A page of `startAt`/`maxResults`/`total` (Jira's older paging). */
const pageShape = { startAt: z.number().optional(), maxResults: z.number().optional(), total: z.number().optional() };

const issueTypeSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  name: z.string(),
  subtask: z.boolean().optional(),
  hierarchyLevel: z.number().optional(),
});
// Jira documents `issueTypes`; some answers carry the same list as `createMetaIssueType`.
const issueTypePageSchema = z.looseObject({ ...pageShape, issueTypes: z.array(issueTypeSchema).optional(), createMetaIssueType: z.array(issueTypeSchema).optional() });

export interface Paged<T> {
  items: T[];
  /** Where the next page starts, or null after the last. */
  next: number | null;
}

function nextStart(startAt: number | undefined, count: number, total: number | undefined): number | null {
  const start = startAt ?? 0;
  if (count === 0 || total === undefined || start + count >= total) return null;
  return start + count;
}

export function readIssueTypePage(response: JiraResponse, context: CallContext): Paged<IssueTypeMeta> {
  const page = parse(issueTypePageSchema, response, context, 'a page of issue types');
  const list = page.issueTypes ?? page.createMetaIssueType ?? [];
  const items = list.map((t) => {
    const type: IssueTypeMeta = { id: t.id, name: t.name, subtask: t.subtask === true };
    if (t.hierarchyLevel !== undefined) type.hierarchyLevel = t.hierarchyLevel;
    return type;
  });
  return { items, next: nextStart(page.startAt, list.length, page.total) };
}

const createFieldSchema = z.looseObject({
  fieldId: z.string(),
  name: z.string().optional(),
  required: z.boolean().optional(),
  schema: z.looseObject({ type: z.string().optional(), custom: z.string().optional(), customId: z.number().optional(), system: z.string().optional() }).optional(),
});
// Jira documents `fields`; some answers carry the same list as `results`.
const createFieldPageSchema = z.looseObject({ ...pageShape, fields: z.array(createFieldSchema).optional(), results: z.array(createFieldSchema).optional() });

export function readCreateFieldPage(response: JiraResponse, context: CallContext): Paged<CreateFieldMeta> {
  const page = parse(createFieldPageSchema, response, context, 'a page of create-screen fields');
  const list = page.fields ?? page.results ?? [];
  const items = list.map((f) => {
    const field: CreateFieldMeta = { fieldId: f.fieldId, name: f.name ?? f.fieldId, required: f.required === true };
    if (f.schema) field.schema = f.schema;
    return field;
  });
  return { items, next: nextStart(page.startAt, list.length, page.total) };
}

const propertyKeysSchema = z.looseObject({ keys: z.array(z.looseObject({ key: z.string() })) });

export function readPropertyKeys(response: JiraResponse, context: CallContext): string[] {
  return parse(propertyKeysSchema, response, context, 'a list of property keys').keys.map((k) => k.key);
}
