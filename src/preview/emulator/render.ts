/**
 * A sample issue in Jira Cloud's REST v3 shape (`{id, key, self, fields, properties?}`), with the
 * `fields` and `properties` selections Jira supports (`*all`, `*navigable`, ids, `-id` to exclude).
 * Links and parents the caller cannot see are left out, as Jira does.
 */
import type { SampleIssue, SampleLink, SampleProjectFile } from '../sample/schema';
import { canSee, type Caller } from './access';
import { APP_ACCOUNT, ISSUE_TYPES, LINK_TYPES, RESTRICTED_LEVEL, STATUS_CATEGORIES, STATUSES, SYSTEM_FIELDS } from './catalog';
import { findIssue, projectOf } from './lookup';
import { projectKeyOf } from './load';
import { pointsFieldOf, storyPointFields, typeNameIn } from './site';

export interface RenderContext {
  data: Readonly<SampleProjectFile>;
  caller: Caller;
  baseUrl: string;
  idOf(issue: SampleIssue): string;
}

/** Every field id the site has: system fields, then the configured custom fields. */
export function fieldIds(data: Readonly<SampleProjectFile>): string[] {
  const ids = SYSTEM_FIELDS.map((f) => f.id);
  ids.push(...storyPointFields(data).map((f) => f.id));
  if (data.fields.acceptanceCriteria) ids.push(data.fields.acceptanceCriteria.id);
  return ids;
}

/**
 * Which of `available` a `fields` / `properties` parameter selects. Items may be comma-separated
 * lists; `*all` and `*navigable` select everything (every emulated field is navigable), `-x`
 * removes x, unknown names are ignored (as Jira does). `undefined` means `defaults`.
 */
export function selectNames(spec: string[] | undefined, defaults: string[], available: string[]): Set<string> {
  const items = (spec ?? defaults).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const byLower = new Map(available.map((id) => [id.toLowerCase(), id]));
  const chosen = new Set<string>();
  for (const item of items) {
    if (item === '*all' || item === '*navigable') for (const id of available) chosen.add(id);
    const id = byLower.get(item.toLowerCase());
    if (id) chosen.add(id);
  }
  // Exclusions win wherever they stand.
  for (const item of items) {
    const id = item.startsWith('-') ? byLower.get(item.slice(1).toLowerCase()) : undefined;
    if (id) chosen.delete(id);
  }
  return chosen;
}

/** Jira's timestamp format: `2024-03-01T09:15:00.000+0000`. */
export function jiraDate(iso: string): string {
  return new Date(iso).toISOString().replace('Z', '+0000');
}

function issueTypeOf(issue: SampleIssue, ctx: RenderContext): Record<string, unknown> {
  const type = ISSUE_TYPES[issue.issueType];
  const name = typeNameIn(ctx.data, projectKeyOf(issue.key), issue.issueType);
  return { self: `${ctx.baseUrl}/rest/api/3/issuetype/${type.id}`, id: type.id, description: '', name, subtask: type.subtask, hierarchyLevel: type.hierarchyLevel };
}

function statusOf(issue: SampleIssue, base: string): Record<string, unknown> {
  const status = STATUSES[issue.status];
  const category = STATUS_CATEGORIES[status.category];
  return {
    self: `${base}/rest/api/3/status/${status.id}`,
    description: '',
    name: issue.status,
    id: status.id,
    statusCategory: { self: `${base}/rest/api/3/statuscategory/${category.id}`, id: category.id, key: status.category, colorName: category.colorName, name: category.name },
  };
}

/** The small issue Jira nests in `parent` and `issuelinks`. */
function issueRef(issue: SampleIssue, ctx: RenderContext): Record<string, unknown> {
  const id = ctx.idOf(issue);
  return {
    id,
    key: issue.key,
    self: `${ctx.baseUrl}/rest/api/3/issue/${id}`,
    fields: { summary: issue.summary, status: statusOf(issue, ctx.baseUrl), issuetype: issueTypeOf(issue, ctx) },
  };
}

/** A stable id per link, the same on both of its issues. */
function linkId(issue: SampleIssue, link: SampleLink): string {
  const [source, target] = link.direction === 'outward' ? [issue.key, link.key] : [link.key, issue.key];
  let hash = 2166136261;
  for (const ch of `${source}|${link.type}|${target}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return String(10000 + (hash % 900000));
}

function linksOf(issue: SampleIssue, ctx: RenderContext): Record<string, unknown>[] {
  const result: Record<string, unknown>[] = [];
  for (const link of issue.links) {
    const other = findIssue(ctx.data, link.key);
    if (!other || !canSee(ctx.caller, other)) continue;
    const type = LINK_TYPES[link.type];
    const id = linkId(issue, link);
    result.push({
      id,
      self: `${ctx.baseUrl}/rest/api/3/issueLink/${id}`,
      type: { id: type.id, name: link.type, inward: type.inward, outward: type.outward, self: `${ctx.baseUrl}/rest/api/3/issueLinkType/${type.id}` },
      // The other issue, under the side it is on: `inwardIssue` reads "this issue <inward> other".
      [link.direction === 'inward' ? 'inwardIssue' : 'outwardIssue']: issueRef(other, ctx),
    });
  }
  return result;
}

function reporterOf(issue: SampleIssue, ctx: RenderContext): Record<string, unknown> {
  const user = ctx.data.users.find((u) => u.accountId === issue.reporter);
  const displayName = user?.displayName ?? (issue.reporter === APP_ACCOUNT.accountId ? APP_ACCOUNT.displayName : issue.reporter);
  return {
    self: `${ctx.baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(issue.reporter)}`,
    accountId: issue.reporter,
    displayName,
    active: true,
    accountType: issue.reporter === APP_ACCOUNT.accountId ? 'app' : 'atlassian',
  };
}

function fieldValue(id: string, issue: SampleIssue, ctx: RenderContext): unknown {
  const base = ctx.baseUrl;
  switch (id) {
    case 'summary':
      return issue.summary;
    case 'description':
      return issue.description;
    case 'issuetype':
      return issueTypeOf(issue, ctx);
    case 'status':
      return statusOf(issue, base);
    case 'labels':
      return [...issue.labels];
    case 'parent': {
      const parent = issue.parent === undefined ? undefined : findIssue(ctx.data, issue.parent);
      return parent && canSee(ctx.caller, parent) ? issueRef(parent, ctx) : undefined;
    }
    case 'issuelinks':
      return linksOf(issue, ctx);
    case 'project': {
      const p = projectOf(ctx.data, issue);
      return { self: `${base}/rest/api/3/project/${p.id}`, id: p.id, key: p.key, name: p.name, projectTypeKey: 'software', simplified: true };
    }
    case 'reporter':
      return reporterOf(issue, ctx);
    case 'created':
      return jiraDate(issue.created);
    case 'updated':
      return jiraDate(issue.updated);
    case 'security':
      return issue.securityLevel ? { self: `${base}/rest/api/3/securitylevel/${RESTRICTED_LEVEL.id}`, ...RESTRICTED_LEVEL } : null;
    default:
      // The estimate lives in the project's own story points field; another one is empty there.
      if (id === pointsFieldOf(ctx.data, projectKeyOf(issue.key)).id) return issue.storyPoints;
      // The sample has no acceptance-criteria values: the field exists and is empty.
      return null;
  }
}

export interface Selection {
  fields: Set<string>;
  /** `undefined`: no `properties` parameter, so no `properties` member. */
  properties?: Set<string> | undefined;
}

export function renderIssue(issue: SampleIssue, ctx: RenderContext, selection: Selection): Record<string, unknown> {
  const id = ctx.idOf(issue);
  const fields: Record<string, unknown> = {};
  for (const field of selection.fields) {
    const value = fieldValue(field, issue, ctx);
    if (value !== undefined) fields[field] = value;
  }
  const rendered: Record<string, unknown> = { expand: '', id, self: `${ctx.baseUrl}/rest/api/3/issue/${id}`, key: issue.key, fields };
  if (selection.properties) {
    const properties: Record<string, unknown> = {};
    for (const key of selection.properties) if (key in issue.properties) properties[key] = issue.properties[key];
    rendered.properties = properties;
  }
  return rendered;
}

/** The `properties` selection: names are property keys (case-sensitive), `*all` selects every set one. */
export function selectProperties(spec: string[] | undefined, issue: SampleIssue): Set<string> {
  const items = (spec ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const chosen = new Set<string>();
  if (items.includes('*all')) for (const key of Object.keys(issue.properties)) chosen.add(key);
  for (const item of items) if (!item.startsWith('-') && item !== '*all') chosen.add(item);
  for (const item of items) if (item.startsWith('-')) chosen.delete(item.slice(1));
  return chosen;
}
