/**
 * A `JobQueue` (ports.ts) for the preview host: events run in this process, one at a time in push
 * order, on a later turn of the event loop (setImmediate), like Forge's queue delivers them
 * asynchronously. Forge's push limits are enforced so the preview fails where Forge would.
 * The consumer is registered with `register(handler)`; events pushed before that wait for it.
 */
import type { JobQueue } from '../../app/ports';

export const MAX_EVENTS_PER_PUSH = 50;
export const MAX_PAYLOAD_BYTES = 200 * 1024;
/** Forge's queue delays an event by 900 s at most. */
export const MAX_DELAY_SECONDS = 900;

export type QueueHandler = (event: Record<string, unknown>) => Promise<unknown>;

export interface InProcessQueue extends JobQueue {
  register(handler: QueueHandler): void;
  /** Resolves when no event is waiting or running. */
  idle(): Promise<void>;
  /** Events waiting (not counting one that is running). */
  readonly pending: number;
}

export interface QueueOptions {
  /** Called when the consumer throws; the event is dropped (logged by default). */
  onError?: (error: unknown, event: Record<string, unknown>) => void;
}

export function createInProcessQueue(options: QueueOptions = {}): InProcessQueue {
  const waiting: Record<string, unknown>[] = [];
  let handler: QueueHandler | undefined;
  let running = false;
  let idleWaiters: (() => void)[] = [];
  const onError =
    options.onError ??
    ((error: unknown) => {
      process.stderr.write(`story-health preview: queue consumer failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    });

  function settleIdle(): void {
    if (running || (waiting.length && handler)) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  }

  function pump(): void {
    if (running || !handler || !waiting.length) {
      settleIdle();
      return;
    }
    running = true;
    const event = waiting.shift()!;
    const consumer = handler;
    setImmediate(() => {
      void (async () => {
        try {
          await consumer(event);
        } catch (error) {
          onError(error, event);
        } finally {
          running = false;
          pump();
        }
      })();
    });
  }

  return {
    async push(events, options = {}) {
      if (!Array.isArray(events) || events.length === 0) throw new RangeError('push needs 1 to 50 events.');
      if (events.length > MAX_EVENTS_PER_PUSH) throw new RangeError(`push takes at most ${MAX_EVENTS_PER_PUSH} events (got ${events.length}).`);
      const copies = events.map((event) => {
        const text = JSON.stringify(event);
        if (Buffer.byteLength(text, 'utf8') > MAX_PAYLOAD_BYTES) throw new RangeError(`A queue event is larger than ${MAX_PAYLOAD_BYTES} bytes.`);
        return JSON.parse(text) as Record<string, unknown>;
      });
      const delay = options.delaySeconds ?? 0;
      if (!Number.isFinite(delay) || delay < 0 || delay > MAX_DELAY_SECONDS) throw new RangeError(`delaySeconds must be from 0 to ${MAX_DELAY_SECONDS}.`);
      if (delay > 0) {
        // A delayed event (a scan pausing for Jira's rate limits) joins the queue later; idle() does not wait for it.
        setTimeout(() => {
          waiting.push(...copies);
          pump();
        }, delay * 1000).unref();
        return;
      }
      waiting.push(...copies);
      pump();
    },
    register(next) {
      handler = next;
      pump();
    },
    idle() {
      if (!running && (!waiting.length || !handler)) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    get pending() {
      return waiting.length;
    },
  };
}
