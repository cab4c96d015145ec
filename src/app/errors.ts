/** Turns anything a handler throws into the one envelope shape, with a message a person can act on. */
import { fail, type Envelope, type ErrorCode } from '../contract/envelope';
import { isJiraError, type JiraErrorCode } from '../jira/errors';

const FROM_JIRA: Record<JiraErrorCode, ErrorCode> = {
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
  if (isJiraError(error)) return fail(FROM_JIRA[error.code], error.message || 'Jira returned an error.');
  return fail('internal', 'Something went wrong on our side. Try again; if it keeps happening, tell your Jira admin.');
}
