/**
 * Argument checks done before any request: garbage never reaches a URL, and every path component is
 * encoded with `encodeURIComponent`.
 */
import { invalidArgument } from './errors';

/** An issue key (PROJ-123; Jira matches keys case-insensitively) or a numeric issue id. */
const ISSUE_KEY_OR_ID = /^(?:[A-Za-z][A-Za-z0-9_]*-[1-9]\d{0,17}|\d{1,18})$/;
const PROJECT_KEY = /^[A-Za-z][A-Za-z0-9_]{0,254}$/;
const PERMISSION_KEY = /^[A-Z][A-Z0-9_]{0,99}$/;
/** Jira's limit for entity property keys. */
export const MAX_PROPERTY_KEY_LENGTH = 255;

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

export function checkIssueKey(key: unknown): string {
  if (typeof key !== 'string' || !ISSUE_KEY_OR_ID.test(key)) {
    throw invalidArgument(`Invalid issue key ${show(key)}: expected a key such as PROJ-123 or a numeric issue id.`);
  }
  return key;
}

export function checkProjectKey(key: unknown): string {
  if (typeof key !== 'string' || !PROJECT_KEY.test(key)) {
    throw invalidArgument(`Invalid project key ${show(key)}: expected letters and digits such as PROJ.`);
  }
  return key;
}

export function checkPropertyKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_PROPERTY_KEY_LENGTH) {
    throw invalidArgument(`Invalid property key ${show(key)}: expected 1 to ${MAX_PROPERTY_KEY_LENGTH} characters.`);
  }
  // Control characters and whitespace-only keys are never what the caller meant.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(key) || key.trim() === '') {
    throw invalidArgument(`Invalid property key ${show(key)}: control characters and blank keys are not allowed.`);
  }
  return key;
}

export function checkPermissionKey(key: unknown): string {
  if (typeof key !== 'string' || !PERMISSION_KEY.test(key)) {
    throw invalidArgument(`Invalid permission key ${show(key)}: expected an upper-case key such as EDIT_ISSUES.`);
  }
  return key;
}

/** Field ids and property keys for `fields=` / `properties=` lists: no commas (they separate the list). */
export function checkListItem(kind: string, item: unknown): string {
  if (typeof item !== 'string' || item.trim() === '' || item.includes(',')) {
    throw invalidArgument(`Invalid ${kind} ${show(item)}: expected a non-empty name without commas.`);
  }
  return item;
}

/** `/rest/api/3/` + encoded segments. */
export function apiPath(...segments: string[]): string {
  return `/rest/api/3/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
}

/** A query string from defined values; arrays are joined with commas (Jira's list syntax), empty ones left out. */
export function query(params: Record<string, string | string[] | undefined>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const text = Array.isArray(value) ? value.join(',') : value;
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
