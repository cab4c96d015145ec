/**
 * Forge trigger for `avi:jira:created:issue` / `avi:jira:updated:issue` (`ignoreSelf: true`).
 * Transient Jira errors (429, 5xx, timeouts) are retried by returning an InvocationError with
 * `retryAfter`; deleted issues and 404s end quietly.
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { onIssueSaved, type SaveEvent } from '../../app/on-save';
import { forgeDeps } from '../runtime';

const TRANSIENT = new Set(['rate-limited', 'server', 'timeout', 'network']);
const DEFAULT_RETRY_SECONDS = 30;

export async function handler(event: SaveEvent): Promise<unknown> {
  try {
    return await onIssueSaved(event, forgeDeps());
  } catch (error) {
    const e = error as { name?: string; code?: string; retryAfterMs?: number };
    if (e?.name === 'JiraError' && e.code && TRANSIENT.has(e.code)) {
      const retryAfter = Math.max(1, Math.ceil((e.retryAfterMs ?? DEFAULT_RETRY_SECONDS * 1000) / 1000));
      return new InvocationError({ retryAfter, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED });
    }
    throw error;
  }
}
