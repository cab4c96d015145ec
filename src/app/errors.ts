/** Turns anything a handler throws into the one envelope shape, with a message a person can act on. */
import { fail, type Envelope, type ErrorCode } from '../contract/envelope';

interface JiraLikeError {
  name?: string;
  status?: number;
  code?: string;
  message?: string;
}

const FROM_JIRA: Record<string, ErrorCode> = {
  'bad-request': 'jira-error',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  'not-found': 'not-found',
  conflict: 'conflict',
  'rate-limited': 'rate-limited',
  server: 'jira-error',
  timeout: 'jira-error',
  network: 'jira-error',
};

export function toEnvelopeError(error: unknown): Envelope<never> {
  const e = (error ?? {}) as JiraLikeError;
  if (e.name === 'JiraError' && typeof e.code === 'string') {
    return fail(FROM_JIRA[e.code] ?? 'jira-error', e.message ?? 'Jira returned an error.');
  }
  return fail('internal', 'Something went wrong on our side. Try again; if it keeps happening, tell your Jira admin.');
}
