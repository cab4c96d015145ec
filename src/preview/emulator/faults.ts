/**
 * Fault injection for tests, off by default: a 429 storm, a burst of 5xx, a server that never
 * answers, slow answers. `set` replaces the whole configuration and restarts its counters.
 */

export interface FaultConfig {
  /** Every `every`-th request (1 = all of them) answers 429 with `Retry-After: retryAfterSeconds`; at most `count` times when given. */
  rateLimit?: { every: number; retryAfterSeconds?: number; count?: number };
  /** The next `count` requests answer `status` (default 503), with `Retry-After` when given. */
  status5xx?: { count: number; status?: number; retryAfterSeconds?: number };
  /** The next `count` requests are never answered (the connection stays open until the client gives up). */
  hang?: { count: number };
  /** Every answer waits this long first. */
  delayMs?: number;
}

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'hang' }
  | { kind: 'status'; status: number; retryAfterSeconds: number | undefined; message: string };

export interface FaultStats {
  requests: number;
  rateLimited: number;
  failed: number;
  hung: number;
}

export class Faults {
  private config: FaultConfig = {};
  private counters: FaultStats = { requests: 0, rateLimited: 0, failed: 0, hung: 0 };

  set(config: FaultConfig): void {
    if (config.rateLimit && (!Number.isInteger(config.rateLimit.every) || config.rateLimit.every < 1)) {
      throw new Error('faults.rateLimit.every must be a whole number of 1 or more.');
    }
    const status = config.status5xx?.status;
    if (status !== undefined && (status < 500 || status > 599)) throw new Error('faults.status5xx.status must be a 5xx status.');
    this.config = structuredClone(config);
    this.counters = { requests: 0, rateLimited: 0, failed: 0, hung: 0 };
  }

  clear(): void {
    this.set({});
  }

  get(): FaultConfig {
    return structuredClone(this.config);
  }

  /** What the faults did since the last `set`. */
  stats(): FaultStats {
    return { ...this.counters };
  }

  get delayMs(): number {
    return this.config.delayMs ?? 0;
  }

  /** Decides the fate of one incoming request. */
  next(): FaultAction {
    const c = this.counters;
    c.requests++;
    const { hang, status5xx, rateLimit } = this.config;
    if (hang && c.hung < hang.count) {
      c.hung++;
      return { kind: 'hang' };
    }
    if (status5xx && c.failed < status5xx.count) {
      c.failed++;
      return { kind: 'status', status: status5xx.status ?? 503, retryAfterSeconds: status5xx.retryAfterSeconds, message: 'The emulator injected a server error.' };
    }
    if (rateLimit && c.requests % rateLimit.every === 0 && (rateLimit.count === undefined || c.rateLimited < rateLimit.count)) {
      c.rateLimited++;
      return { kind: 'status', status: 429, retryAfterSeconds: rateLimit.retryAfterSeconds, message: 'Rate limit exceeded.' };
    }
    return { kind: 'none' };
  }
}
