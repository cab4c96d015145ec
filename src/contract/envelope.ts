/**
 * One response envelope for every resolver (STYLE.md §9): `{ok: true, data}` or
 * `{ok: false, error: {code, message}}`. Shared by the UI wrappers and the backend.
 */
export type ErrorCode =
  | 'invalid-payload'
  | 'not-found'
  | 'forbidden'
  | 'unauthorized'
  | 'conflict'
  | 'rate-limited'
  | 'jira-error'
  | 'not-a-story'
  /** The engine could not analyze this story (the message names it and the error). */
  | 'engine-error'
  | 'internal';

export interface ResolverError {
  code: ErrorCode;
  message: string;
  /** For invalid payloads and settings: the field at fault. */
  field?: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, field?: string): Envelope<never> {
  return { ok: false, error: field ? { code, message, field } : { code, message } };
}
