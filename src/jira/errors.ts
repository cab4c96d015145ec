/**
 * One error type for everything that can go wrong talking to Jira, with a code callers can branch
 * on and a message that says what to do next. Built from Jira's `{errorMessages, errors}` body.
 */
import { isRecord } from '../core/is-record';
import type { JiraResponse } from './types';

export type JiraErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'server'
  | 'timeout'
  | 'network';

export interface JiraErrorInit {
  status: number;
  code: JiraErrorCode;
  errorMessages?: string[];
  fieldErrors?: Record<string, string>;
  retryAfterMs?: number;
  cause?: unknown;
}

export class JiraError extends Error {
  override readonly name = 'JiraError';
  /** HTTP status; 0 when no response arrived (timeout, network) or the request was refused locally. */
  readonly status: number;
  readonly code: JiraErrorCode;
  /** Jira's `errorMessages` followed by its per-field `errors` as "field: message". */
  readonly errorMessages: string[];
  /** Jira's per-field `errors` (e.g. `{summary: "You must specify a summary of the issue."}`). */
  readonly fieldErrors: Record<string, string>;
  /** How long to wait before trying again, when Jira said so or the retry budget ran out. */
  readonly retryAfterMs?: number;

  constructor(message: string, init: JiraErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.fieldErrors = init.fieldErrors ?? {};
    this.errorMessages = init.errorMessages ?? [];
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

/** Is `error` a JiraError (of this code, when one is given)? Decided by class and code, never by message wording. */
export function isJiraError(error: unknown, code?: JiraErrorCode): error is JiraError {
  return error instanceof JiraError && (code === undefined || error.code === code);
}

/** What the client was doing, so messages can name it. */
export interface CallContext {
  /** A verb phrase: "edit issue FOOD-1", "search issues". */
  operation: string;
  /** The issue the call is about: a 404 then reads "issue FOOD-1 does not exist or you cannot see it". */
  issueKey?: string;
  /** The Jira permission the call needs, named in 403 messages. */
  permission?: string;
  /** What a 404 means for this call, when it is not "the issue is missing" (e.g. a link's 404 also means "no permission"). */
  missing?: string;
}

/** A request that never left the client because an argument was invalid. */
export function invalidArgument(message: string): JiraError {
  return new JiraError(message, { status: 0, code: 'bad-request' });
}


/** Jira's error body: `errorMessages` plus per-field `errors`; tolerant of HTML and empty bodies. */
export function parseErrorBody(text: string): { errorMessages: string[]; fieldErrors: Record<string, string> } {
  const errorMessages: string[] = [];
  const fieldErrors: Record<string, string> = {};
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    return { errorMessages, fieldErrors };
  }
  if (!isRecord(body)) return { errorMessages, fieldErrors };
  if (Array.isArray(body.errorMessages)) {
    for (const m of body.errorMessages) if (typeof m === 'string' && m) errorMessages.push(m);
  }
  if (isRecord(body.errors)) {
    for (const [field, m] of Object.entries(body.errors)) if (typeof m === 'string') fieldErrors[field] = m;
  }
  // Some gateways answer `{message: "..."}` instead.
  if (!errorMessages.length && typeof body.message === 'string' && body.message) errorMessages.push(body.message);
  return { errorMessages, fieldErrors };
}

export function codeForStatus(status: number): JiraErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'bad-request';
}

function seconds(ms: number): string {
  return `${Math.max(1, Math.ceil(ms / 1000))} s`;
}

function withDetails(sentence: string, details: string[]): string {
  return details.length ? `${sentence} Jira said: ${details.join(' ')}` : sentence;
}

/** Turns a non-2xx response into a JiraError whose message tells the reader what to do. */
export function errorFromResponse(response: JiraResponse, context: CallContext, retryAfterMs?: number): JiraError {
  const { status } = response;
  const code = codeForStatus(status);
  const { errorMessages: messages, fieldErrors } = parseErrorBody(response.text);
  const errorMessages = [...messages, ...Object.entries(fieldErrors).map(([f, m]) => `${f}: ${m}`)];
  const init: JiraErrorInit = { status, code, errorMessages, fieldErrors };
  if (retryAfterMs !== undefined) init.retryAfterMs = retryAfterMs;
  const could = `Could not ${context.operation}:`;
  let message: string;
  switch (code) {
    case 'unauthorized':
      message = `${could} Jira refused the credentials (401); check the email and API token (or the app's installation).`;
      break;
    case 'forbidden':
      message = withDetails(
        `${could} the user lacks the ${context.permission ?? 'required'} permission (403); ask a Jira admin to grant it.`,
        errorMessages,
      );
      break;
    case 'not-found':
      message = context.issueKey
        ? `${could} issue ${context.issueKey} does not exist or you cannot see it (404).`
        : context.missing
          ? `${could} ${context.missing} (404).`
          : withDetails(`${could} Jira found nothing there (404).`, errorMessages);
      break;
    case 'rate-limited':
      message = `${could} Jira is rate-limiting requests (429); try again ${retryAfterMs === undefined ? 'later' : `in ${seconds(retryAfterMs)}`}.`;
      break;
    case 'server':
      message = withDetails(`${could} Jira had a server error (${status}); try again later.`, errorMessages);
      break;
    case 'conflict':
      message = withDetails(`${could} Jira reported a conflict (409); reload and try again.`, errorMessages);
      break;
    default:
      message = errorMessages.length
        ? `${could} Jira rejected the request (${status}): ${errorMessages.join(' ')}`
        : `${could} Jira rejected the request (${status}).`;
  }
  return new JiraError(message, init);
}
