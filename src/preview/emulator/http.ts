/** HTTP plumbing of the emulator: Jira-shaped error bodies, JSON responses, bounded body reading. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a handler answers. `body: undefined` sends no body (204). */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A handler's way out with a Jira error body `{errorMessages, errors}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
  }

  reply(): Reply {
    return { status: this.status, body: { errorMessages: this.errorMessages, errors: this.errors }, headers: this.headers };
  }
}

export const badRequest = (message: string): HttpError => new HttpError(400, [message]);
export const fieldErrors = (errors: Record<string, string>): HttpError => new HttpError(400, [], errors);
export const notFound = (message: string): HttpError => new HttpError(404, [message]);

/** Jira's words for an issue that is missing or hidden from the caller: the same for both. */
export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
export const issueNotFound = (): HttpError => notFound(ISSUE_NOT_FOUND);

/** Bodies above this are refused (Jira's gateway limit is larger; ours only guards the process). */
export const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, [`The request body is larger than ${MAX_BODY_BYTES} bytes.`]);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON body; an empty body is `undefined`. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'not JSON';
    throw badRequest(`The request body is not valid JSON: ${detail}`);
  }
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload = '';
  if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['content-type'] = 'application/json;charset=UTF-8';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}
