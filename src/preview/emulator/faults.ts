/**
 * Fault injection for tests, off by default: a 429 storm, a burst of 5xx, a server that never
 * answers, slow answers. `set` replaces the whole configuration and restarts its counters.
 */

export interface FaultConfig {
  /**
   * Every `every`-th request (1 = all of them) answers 429 with `Retry-After: retryAfterSeconds`
   * (omitted when undefined) and `headers` (e.g. `Beta-Retry-After`, `RateLimit-Reason`,
   * `X-RateLimit-Reset`); at most `count` times when given.
   */
  rateLimit?: { every: number; retryAfterSeconds?: number; count?: number; headers?: Record<string, string> };
  /**
   * Jira's points-based hourly quota for the app (2026): each answer costs 1 point plus 1 per issue
   * it returns (writes cost 1), counted in clock-hour windows on the emulator's clock; every answer
   * carries `Beta-RateLimit-Policy` and `Beta-RateLimit`, and once the points are spent requests
   * answer 429 with `Beta-Retry-After` (seconds to the next hour) and `RateLimit-Reason:
   * jira-quota-tenant-based` until the window ends.
   */
  quota?: { pointsPerHour: number };
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
  | { kind: 'status'; status: number; retryAfterSeconds: number | undefined; message: string; headers?: Record<string, string> };

export interface FaultStats {
  requests: number;
  rateLimited: number;
  failed: number;
  hung: number;
  /** Quota points charged, per clock-hour window (ISO start), when a quota is set. */
  pointsByHour: Record<string, number>;
}

const HOUR_MS = 60 * 60 * 1000;
const QUOTA_POLICY = 'tenant-app-quota';

export class Faults {
  private config: FaultConfig = {};
  private counters: FaultStats = { requests: 0, rateLimited: 0, failed: 0, hung: 0, pointsByHour: {} };

  set(config: FaultConfig): void {
    if (config.rateLimit && (!Number.isInteger(config.rateLimit.every) || config.rateLimit.every < 1)) {
      throw new Error('faults.rateLimit.every must be a whole number of 1 or more.');
    }
    const status = config.status5xx?.status;
    if (status !== undefined && (status < 500 || status > 599)) throw new Error('faults.status5xx.status must be a 5xx status.');
    if (config.quota && !(Number.isInteger(config.quota.pointsPerHour) && config.quota.pointsPerHour > 0)) throw new Error('faults.quota.pointsPerHour must be a whole number above 0.');
    this.config = structuredClone(config);
    this.counters = { requests: 0, rateLimited: 0, failed: 0, hung: 0, pointsByHour: {} };
  }

  clear(): void {
    this.set({});
  }

  get(): FaultConfig {
    return structuredClone(this.config);
  }

  /** What the faults did since the last `set`. */
  stats(): FaultStats {
    return { ...this.counters, pointsByHour: { ...this.counters.pointsByHour } };
  }

  private window(nowMs: number): { key: string; resetSeconds: number } {
    const start = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
    return { key: new Date(start).toISOString(), resetSeconds: Math.max(1, Math.ceil((start + HOUR_MS - nowMs) / 1000)) };
  }

  /** The quota headers of an answer at `nowMs` (none without a quota). */
  quotaHeaders(nowMs: number): Record<string, string> {
    const quota = this.config.quota;
    if (!quota) return {};
    const { key, resetSeconds } = this.window(nowMs);
    const remaining = Math.max(0, quota.pointsPerHour - (this.counters.pointsByHour[key] ?? 0));
    return {
      'beta-ratelimit-policy': `"${QUOTA_POLICY}";q=${quota.pointsPerHour};w=3600`,
      'beta-ratelimit': `"${QUOTA_POLICY}";r=${remaining};t=${resetSeconds}`,
      ...(remaining < quota.pointsPerHour * 0.2 ? { 'x-beta-ratelimit-nearlimit': 'true' } : {}),
    };
  }

  /** Charges an answered request's points to the window of `nowMs`. */
  charge(points: number, nowMs: number): void {
    if (!this.config.quota) return;
    const { key } = this.window(nowMs);
    this.counters.pointsByHour[key] = (this.counters.pointsByHour[key] ?? 0) + points;
  }

  /** The 429 of a spent quota at `nowMs`, or null while points remain. */
  quotaRefusal(nowMs: number): FaultAction | null {
    const quota = this.config.quota;
    if (!quota) return null;
    const { key, resetSeconds } = this.window(nowMs);
    if ((this.counters.pointsByHour[key] ?? 0) < quota.pointsPerHour) return null;
    this.counters.rateLimited++;
    return {
      kind: 'status',
      status: 429,
      retryAfterSeconds: undefined,
      message: 'Rate limit exceeded: the app used its points for this hour.',
      headers: {
        ...this.quotaHeaders(nowMs),
        'beta-retry-after': String(resetSeconds),
        'ratelimit-reason': 'jira-quota-tenant-based',
        'x-beta-ratelimit-reason': 'jira-quota-tenant-based',
        'x-beta-ratelimit-reset': `${new Date(Date.parse(key) + HOUR_MS).toISOString().slice(0, 16)}Z`,
      },
    };
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
      return { kind: 'status', status: 429, retryAfterSeconds: rateLimit.retryAfterSeconds, message: 'Rate limit exceeded.', ...(rateLimit.headers ? { headers: { ...rateLimit.headers } } : {}) };
    }
    return { kind: 'none' };
  }
}
