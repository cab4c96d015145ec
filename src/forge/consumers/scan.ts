/**
 * Forge queue consumer for backlog scans (manifest: consumer `resolver.method: scan-chunk`).
 * Transient Jira errors are retried (retry.ts): the platform re-delivers the event, which resumes
 * from the last checkpoint. The scan itself ends as failed on errors a retry cannot cure.
 */
import Resolver from '@forge/resolver';
import { runScanChunk, type ScanEvent } from '../../app/scan';
import { retryLater } from '../retry';
import { forgeDeps } from '../runtime';

export const SCAN_METHOD = 'scan-chunk';

export async function consumeScanEvent(body: ScanEvent): Promise<unknown> {
  try {
    await runScanChunk(body, forgeDeps());
    return undefined;
  } catch (error) {
    const retry = retryLater(error);
    if (retry) return retry;
    throw error;
  }
}

const resolver = new Resolver();
resolver.define(SCAN_METHOD, ({ payload }) => consumeScanEvent(payload as unknown as ScanEvent));
export const handler = resolver.getDefinitions();
