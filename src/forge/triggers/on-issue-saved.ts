/**
 * Forge trigger for `avi:jira:created:issue` / `avi:jira:updated:issue` (`ignoreSelf: true`).
 * Transient Jira errors are retried (retry.ts); deleted issues and 404s end quietly.
 */
import { onIssueSaved, type SaveEvent } from '../../app/on-save';
import { retryLater } from '../retry';
import { forgeDeps } from '../runtime';

export async function handler(event: SaveEvent): Promise<unknown> {
  try {
    return await onIssueSaved(event, forgeDeps());
  } catch (error) {
    const retry = retryLater(error);
    if (retry) return retry;
    throw error;
  }
}
