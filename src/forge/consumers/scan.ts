/**
 * Forge queue consumer for backlog scans (manifest: consumer `resolver.method: scan-chunk`).
 * Transient Jira errors return an InvocationError so the platform re-delivers the event, which
 * resumes from the last checkpoint.
 */
import Resolver from '@forge/resolver';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { runScanChunk, type ScanEvent } from '../../app/scan';
import { forgeDeps } from '../runtime';

export const SCAN_METHOD = 'scan-chunk';

export async function consumeScanEvent(body: ScanEvent): Promise<unknown> {
  try {
    await runScanChunk(body, forgeDeps());
    return undefined;
  } catch (error) {
    const e = error as { name?: string; retryAfterMs?: number };
    if (e?.name === 'JiraError') {
      const retryAfter = Math.max(1, Math.ceil((e.retryAfterMs ?? 30_000) / 1000));
      return new InvocationError({ retryAfter, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED });
    }
    throw error;
  }
}

const resolver = new Resolver();
resolver.define(SCAN_METHOD, ({ payload }) => consumeScanEvent(payload as unknown as ScanEvent));
export const handler = resolver.getDefinitions();
