/**
 * JQL fields that depend on the site: the story points and acceptance criteria custom fields, and
 * entity properties (`issue.property[key].path` and the manifest's search aliases), typed by their
 * index declaration; an undeclared path compares numbers as numbers and anything else as text.
 */
import type { SampleProjectFile } from '../../sample/schema';
import { projectKeyOf } from '../load';
import { pointsFieldOf, storyPointFields } from '../site';
import type { PropertyIndex, PropertyValueType } from './aliases';
import { parseJqlDate } from './dates';
import { JqlError } from './error';
import type { FieldSpec, Scalar, ValueType } from './field-spec';
import { EQUALITY, RANGE, TEXT } from './operators';

function scalarsAt(value: unknown, path: string[]): unknown[] {
  let nodes: unknown[] = [value];
  for (const part of path) {
    nodes = nodes
      .flatMap((n) => (Array.isArray(n) ? n : [n]))
      .map((n) => (typeof n === 'object' && n !== null && Object.hasOwn(n, part) ? (n as Record<string, unknown>)[part] : undefined));
  }
  return nodes.flatMap((n) => (Array.isArray(n) ? n : [n])).filter((n) => n !== undefined && n !== null);
}

function convert(raw: unknown, type: PropertyValueType | undefined): Scalar | undefined {
  if (type === 'number') return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
  if (type === 'date') {
    const ms = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'boolean') return String(raw);
  if (typeof raw === 'number' && Number.isFinite(raw)) return type === undefined ? raw : String(raw);
  return undefined;
}

export function propertyField(name: string, propertyKey: string, path: string, index: PropertyIndex | undefined): FieldSpec {
  const declared = index?.type;
  const type: ValueType = declared === 'number' ? 'number' : declared === 'date' ? 'date' : declared === 'text' ? 'text' : declared ? 'string' : 'auto';
  const parts = path.split('.');
  return {
    name,
    type,
    ops: type === 'number' || type === 'date' || type === 'auto' ? RANGE : type === 'text' ? TEXT : EQUALITY,
    values: (issue) => {
      if (!Object.hasOwn(issue.properties, propertyKey)) return [];
      return scalarsAt(issue.properties[propertyKey], parts)
        .map((raw) => convert(raw, declared))
        .filter((v): v is Scalar => v !== undefined);
    },
    operand: (text, env) => {
      if (type === 'number') {
        const n = Number(text);
        if (text.trim() === '' || !Number.isFinite(n)) throw new JqlError(`The value '${text}' for field '${name}' is not a number.`);
        return n;
      }
      if (type === 'date') return parseJqlDate(text, name, env.now);
      return text;
    },
    sortable: true,
  };
}

export const PROPERTY = /^issue\.property\[(.+?)\]\.(.+)$/i;

export function customField(name: string, data: Readonly<SampleProjectFile>): FieldSpec | undefined {
  const lower = name.toLowerCase();
  const { acceptanceCriteria } = data.fields;
  const matches = (f: { id: string; name: string }): boolean =>
    lower === f.id.toLowerCase() || lower === f.name.toLowerCase() || lower === `cf[${f.id.slice('customfield_'.length)}]`;
  const storyPoints = storyPointFields(data).find(matches);
  if (storyPoints) {
    return {
      name: storyPoints.name,
      type: 'number',
      ops: RANGE,
      // An estimate is in the field of its project's screens; any other story points field is empty.
      values: (issue) => (issue.storyPoints === null || pointsFieldOf(data, projectKeyOf(issue.key)).id !== storyPoints.id ? [] : [issue.storyPoints]),
      operand: (text) => {
        const n = Number(text);
        if (text.trim() === '' || !Number.isFinite(n)) throw new JqlError(`The value '${text}' for field '${storyPoints.name}' is not a number.`);
        return n;
      },
      sortable: true,
    };
  }
  if (acceptanceCriteria && matches(acceptanceCriteria)) {
    // The sample holds no acceptance-criteria values: the field is empty everywhere.
    return { name: acceptanceCriteria.name, type: 'text', ops: TEXT, values: () => [], sortable: false };
  }
  return undefined;
}

