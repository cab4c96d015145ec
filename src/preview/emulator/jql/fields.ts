/**
 * The JQL fields the emulator knows: how to read an issue's values, which operators apply, and how
 * an operand is checked and made canonical (unknown projects, keys, types are errors, as in Jira).
 */
import type { SampleIssue } from '../../sample/schema';
import { canBrowseProject, canSee } from '../access';
import { ISSUE_TYPES, STATUS_CATEGORIES, STATUSES, type StatusCategoryKey } from '../catalog';
import { findIssue, findProject } from '../lookup';
import { projectKeyOf } from '../load';
import { EQUALITY, RANGE, TEXT } from './operators';
import { customField, PROPERTY, propertyField } from './custom-fields';
import type { FieldSpec, JqlEnv, Scalar } from './field-spec';
import { parseJqlDate } from './dates';
import { JqlError } from './error';

function noSuchValue(value: string, field: string): JqlError {
  return new JqlError(`The value '${value}' does not exist for the field '${field}'.`);
}

/** An operand that must name an issue the caller can see (Jira does not tell hidden from missing). */
function issueOperand(field: string) {
  return (text: string, env: JqlEnv): Scalar => {
    if (!/^(?:[A-Za-z][A-Za-z0-9_]*-\d+|\d+)$/.test(text.trim())) throw new JqlError(`The issue key '${text}' for field '${field}' is invalid.`);
    const issue = findIssue(env.data, text.trim());
    if (!issue || !canSee(env.caller, issue)) throw new JqlError(`An issue with key '${text}' does not exist for field '${field}'.`);
    return issue.key;
  };
}

function adfText(node: unknown): string {
  if (Array.isArray(node)) return node.map(adfText).filter(Boolean).join(' ');
  if (typeof node !== 'object' || node === null) return '';
  const record = node as Record<string, unknown>;
  const own = typeof record.text === 'string' ? record.text : '';
  const inner = adfText(record.content);
  return [own, inner].filter(Boolean).join(' ');
}

function byName<T extends string>(names: readonly T[], text: string): T | undefined {
  const lower = text.trim().toLowerCase();
  return names.find((n) => n.toLowerCase() === lower);
}

function dateField(name: string, read: (issue: SampleIssue) => string): FieldSpec {
  return {
    name,
    type: 'date',
    ops: RANGE,
    values: (issue) => [Date.parse(read(issue))],
    operand: (text, env) => parseJqlDate(text, name, env.now),
    sortable: true,
  };
}

const ISSUE_TYPE_NAMES = Object.keys(ISSUE_TYPES) as (keyof typeof ISSUE_TYPES)[];
const STATUS_NAMES = Object.keys(STATUSES) as (keyof typeof STATUSES)[];
const CATEGORY_KEYS = Object.keys(STATUS_CATEGORIES) as StatusCategoryKey[];

/**
 * A sortable string field compared with = / != / in whose operand names one thing: `find` resolves
 * it to the canonical value (an id or any spelling of a name), else the error Jira gives.
 */
function namedField(name: string, values: FieldSpec['values'], find: (text: string, env: JqlEnv) => string | undefined): FieldSpec {
  const operand = (text: string, env: JqlEnv): Scalar => {
    const found = find(text, env);
    if (!found) throw noSuchValue(text, name);
    return found;
  };
  return { name, type: 'string', ops: EQUALITY, values, operand, sortable: true };
}

const project = namedField(
  'project',
  (issue) => [projectKeyOf(issue.key)],
  (text, env) => {
    const p = findProject(env.data, text.trim()) ?? env.data.projects.find((x) => x.name.toLowerCase() === text.trim().toLowerCase());
    return p && canBrowseProject(env.caller, p.key) ? p.key : undefined;
  },
);

const issuetype = namedField(
  'issuetype',
  (issue) => [issue.issueType],
  (text) => ISSUE_TYPE_NAMES.find((n) => ISSUE_TYPES[n].id === text.trim()) ?? byName(ISSUE_TYPE_NAMES, text) ?? (/^sub-task$/i.test(text.trim()) ? 'Subtask' : undefined),
);

const status = namedField('status', (issue) => [issue.status], (text) => STATUS_NAMES.find((n) => STATUSES[n].id === text.trim()) ?? byName(STATUS_NAMES, text));

const statusCategory = namedField(
  'statusCategory',
  (issue) => [STATUSES[issue.status].category],
  (text) => {
    const t = text.trim().toLowerCase();
    return CATEGORY_KEYS.find((k) => k === t || STATUS_CATEGORIES[k].name.toLowerCase() === t || String(STATUS_CATEGORIES[k].id) === t);
  },
);

const key: FieldSpec = { name: 'key', type: 'key', ops: RANGE, values: (issue) => [issue.key], operand: issueOperand('key'), sortable: true };

const parent: FieldSpec = {
  name: 'parent',
  type: 'string',
  ops: EQUALITY,
  values: (issue) => (issue.parent ? [issue.parent] : []),
  operand: issueOperand('parent'),
  sortable: false,
};

const labels: FieldSpec = { name: 'labels', type: 'string', ops: EQUALITY, values: (issue) => [...issue.labels], sortable: false };

const summary: FieldSpec = { name: 'summary', type: 'text', ops: TEXT, values: (issue) => [issue.summary], sortable: true };

const description: FieldSpec = {
  name: 'description',
  type: 'text',
  ops: TEXT,
  values: (issue) => {
    const text = adfText(issue.description?.content);
    return text ? [text] : [];
  },
  sortable: false,
};

const text: FieldSpec = {
  name: 'text',
  type: 'text',
  ops: ['~'],
  values: (issue, env) => [...summary.values(issue, env), ...description.values(issue, env)],
  sortable: false,
};

const reporter: FieldSpec = {
  name: 'reporter',
  type: 'string',
  ops: EQUALITY,
  values: (issue) => [issue.reporter],
  sortable: true,
};

const SYSTEM: Record<string, FieldSpec> = {
  project,
  issuetype,
  type: issuetype,
  status,
  statuscategory: statusCategory,
  key,
  issuekey: key,
  id: key,
  parent,
  labels,
  summary,
  description,
  text,
  reporter,
  created: dateField('created', (i) => i.created),
  createddate: dateField('created', (i) => i.created),
  updated: dateField('updated', (i) => i.updated),
  updateddate: dateField('updated', (i) => i.updated),
};

/** The field a clause names, or Jira's error for a field that does not exist. */
export function resolveField(name: string, env: JqlEnv): FieldSpec {
  const system = SYSTEM[name.toLowerCase()];
  if (system) return system;
  const custom = customField(name, env.data);
  if (custom) return custom;
  const alias = env.indexes.find((i) => i.searchAlias?.toLowerCase() === name.toLowerCase());
  if (alias) return propertyField(alias.searchAlias as string, alias.propertyKey, alias.path, alias);
  const property = PROPERTY.exec(name);
  if (property) {
    const [, propertyKey, path] = property as unknown as [string, string, string];
    const index = env.indexes.find((i) => i.propertyKey === propertyKey && i.path === path);
    return propertyField(name, propertyKey, path, index);
  }
  throw new JqlError(`Field '${name}' does not exist or you do not have permission to view it.`);
}
