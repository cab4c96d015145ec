/**
 * Light checks of what Jira answers: the shapes the client relies on, everything else passed
 * through. A 2xx body that is not what Jira documents is a JiraError `server`, never a crash later.
 */
import { z } from 'zod';
import { JiraError, type CallContext } from './errors';
import type { JiraField, JiraIssue, JiraResponse, SearchPage } from './types';

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
