/**
 * How Forge glue turns a Jira failure into a retry, the same for the save trigger and the scan
 * consumer: a transient Jira error (429, 5xx, a timeout, the network) becomes an InvocationError
 * with `retryAfter` (Jira's Retry-After when it gave one, else 30 s), so the platform invokes the
 * function again; anything else is not worth retrying and is left to the caller.
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { isJiraError, type JiraErrorCode } from '../jira/errors';

const TRANSIENT: ReadonlySet<JiraErrorCode> = new Set(['rate-limited', 'server', 'timeout', 'network']);
export const DEFAULT_RETRY_SECONDS = 30;

/** The InvocationError that asks Forge to retry after a transient Jira error; null for any other error. */
export function retryLater(error: unknown): InvocationError | null {
  if (!isJiraError(error) || !TRANSIENT.has(error.code)) return null;
  const retryAfter = Math.max(1, Math.ceil((error.retryAfterMs ?? DEFAULT_RETRY_SECONDS * 1000) / 1000));
  return new InvocationError({ retryAfter, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED });
}
