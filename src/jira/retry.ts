/**
 * Sends one request with retries: exponential backoff with full jitter on 429 and 5xx, honouring
 * `Retry-After`, a timeout per attempt and a bounded total time budget. When the budget would be
 * exceeded it stops and throws a JiraError carrying `retryAfterMs`, so a Forge trigger or consumer
 * can rethrow it as an `InvocationError` and let the platform retry later.
 *
 * Which failures are retried:
 * - 429: always, for every method (a 429 means Jira did not process the request).
 * - 5xx, timeouts, network errors: only for idempotent requests (GET, PUT, DELETE, and POSTs the
 *   client marks as safe: the read-only JQL search, and issue links, which Jira de-duplicates).
 *   A non-idempotent POST that timed out may have been applied, so it is never sent twice.
 */
import { errorFromResponse, JiraError, type CallContext } from './errors';
import { hasRateLimitHeaders, readRateLimit, type RateLimitInfo } from './rate-limit';
import type { JiraRequest, JiraResponse, Transport } from './types';

export interface RetryOptions {
  /** Attempts in all, first one included. Default 6. */
  maxAttempts?: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^n)). Default 500 ms. */
  baseDelayMs?: number;
  /** Cap of one backoff delay. Default 8 000 ms. */
  maxDelayMs?: number;
  /** One attempt is aborted after this long. Default 10 000 ms. */
  attemptTimeoutMs?: number;
  /** Everything (attempts and waits) must fit in this. Default 20 000 ms, below Forge's 25 s resolver limit. */
  budgetMs?: number;
  /** Told what every answer with rate-limit headers said (the scan paces itself by it). */
  onRateLimit?: (info: RateLimitInfo) => void;
  /** Injectable for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const RETRY_DEFAULTS = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  attemptTimeoutMs: 10_000,
  budgetMs: 20_000,
} as const;

type Settings = Required<Omit<RetryOptions, 'onRateLimit'>> & Pick<RetryOptions, 'onRateLimit'>;

export function retrySettings(options: RetryOptions = {}): Settings {
  return {
    maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? RETRY_DEFAULTS.maxAttempts)),
    baseDelayMs: Math.max(0, options.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs),
    maxDelayMs: Math.max(0, options.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs),
    attemptTimeoutMs: Math.max(1, options.attemptTimeoutMs ?? RETRY_DEFAULTS.attemptTimeoutMs),
    budgetMs: Math.max(1, options.budgetMs ?? RETRY_DEFAULTS.budgetMs),
    now: options.now ?? Date.now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    ...(options.onRateLimit ? { onRateLimit: options.onRateLimit } : {}),
  };
}

const RETRYABLE_5XX = new Set([500, 502, 503, 504]);

/** Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"). */
export function backoffDelay(attempt: number, s: Pick<Settings, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(s.maxDelayMs, s.baseDelayMs * 2 ** Math.min(attempt, 30));
  return Math.floor(s.random() * ceiling);
}

class AttemptTimeout extends Error {}

/** Runs one attempt, aborting it after `ms` (and when the caller's own signal aborts). */
async function attempt(transport: Transport, request: JiraRequest, ms: number): Promise<JiraResponse> {
  const controller = new AbortController();
  const outer = request.signal;
  const onOuterAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new AttemptTimeout());
      controller.abort(new AttemptTimeout());
    }, ms);
  });
  try {
    // `async` wraps a transport that throws synchronously into a rejection.
    const sent = (async () => transport({ ...request, signal: controller.signal }))();
    // A transport that ignores the signal may settle later: nobody listens any more.
    sent.catch(() => undefined);
    return await Promise.race([sent, timeout]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

type Failure =
  | { kind: 'response'; response: JiraResponse; retryAfterMs: number | undefined }
  | { kind: 'timeout'; ms: number }
  | { kind: 'network'; cause: unknown };

function finalError(failure: Failure, context: CallContext, retryAfterMs: number | undefined, why: string): JiraError {
  if (failure.kind === 'response') return errorFromResponse(failure.response, context, retryAfterMs);
  const init = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (failure.kind === 'timeout') {
    return new JiraError(`Could not ${context.operation}: Jira did not answer within ${failure.ms} ms${why}.`, {
      status: 0,
      code: 'timeout',
      ...init,
    });
  }
  const detail = failure.cause instanceof Error ? failure.cause.message : String(failure.cause);
  return new JiraError(`Could not ${context.operation}: Jira could not be reached (${detail})${why}.`, {
    status: 0,
    code: 'network',
    cause: failure.cause,
    ...init,
  });
}

export interface SendOptions {
  /** Safe to send twice: retried on 5xx, timeouts and network errors too. */
  idempotent: boolean;
  context: CallContext;
}

/**
 * Sends `request`, retrying as described above. Resolves with the first response that is not
 * retried (2xx, 4xx other than 429, or a 5xx of a non-idempotent request); the caller turns
 * error statuses into JiraErrors. Throws a JiraError when retries or the budget run out.
 */
export async function sendWithRetry(transport: Transport, request: JiraRequest, send: SendOptions, settings: Settings): Promise<JiraResponse> {
  const deadline = settings.now() + settings.budgetMs;
  let previous: Failure | undefined;
  for (let n = 0; ; n++) {
    const remaining = deadline - settings.now();
    // A wait that overslept the deadline: report what made us wait, not a 0 ms timeout.
    if (previous && remaining < 1) throw finalError(previous, send.context, 0, ` within the ${settings.budgetMs} ms budget`);
    const ms = Math.max(1, Math.min(settings.attemptTimeoutMs, remaining));
    let failure: Failure;
    try {
      const response = await attempt(transport, request, ms);
      // Retry-After, Beta-Retry-After (the hourly quota) and X-RateLimit-Reset: the longest wait wins.
      const limits = hasRateLimitHeaders(response.headers) ? readRateLimit(response.headers, settings.now()) : undefined;
      if (limits) settings.onRateLimit?.(limits);
      const retryAfterMs = limits?.waitMs;
      const retryable = response.status === 429 || (send.idempotent && RETRYABLE_5XX.has(response.status));
      if (!retryable) return response;
      failure = { kind: 'response', response, retryAfterMs };
    } catch (error) {
      if (request.signal?.aborted) throw error;
      failure = error instanceof AttemptTimeout ? { kind: 'timeout', ms } : { kind: 'network', cause: error };
      if (!send.idempotent) {
        throw finalError(failure, send.context, undefined, ' (not retried: the request may have been applied)');
      }
    }
    const hinted = failure.kind === 'response' ? failure.retryAfterMs : undefined;
    const delay = Math.max(hinted ?? 0, backoffDelay(n, settings));
    if (n + 1 >= settings.maxAttempts) {
      throw finalError(failure, send.context, delay, ` after ${n + 1} attempts`);
    }
    if (settings.now() + delay >= deadline) {
      throw finalError(failure, send.context, delay, ` within the ${settings.budgetMs} ms budget`);
    }
    previous = failure;
    await settings.sleep(delay);
  }
}
