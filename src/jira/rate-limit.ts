/**
 * Jira Cloud's rate-limit headers (the points-based limits enforced since March 2026: an hourly
 * points quota per app, per-second burst limits per endpoint, per-issue write limits), read into
 * one shape. Every header is optional; names are matched lower-cased (types.ts).
 *
 * - `Retry-After`: seconds (or an HTTP date) before retrying; burst and per-issue 429s, some 503s.
 * - `Beta-Retry-After`: the wait the hourly points quota asks for while it is announced but not yet
 *   enforced for the app (a shadow header); honoured all the same, the conservative reading.
 * - `X-RateLimit-Reset`: when the limit resets, ISO 8601 (`yyyy-MM-ddTHH:mmZ`).
 * - `X-RateLimit-Limit`, `X-RateLimit-Remaining`: the burst budget.
 * - `X-RateLimit-NearLimit` / `X-Beta-RateLimit-NearLimit`: `true` when under 20 % of a budget remains.
 * - `RateLimit-Reason` / `X-Beta-RateLimit-Reason`: which limit (`jira-burst-based`,
 *   `jira-per-issue-on-write`, `jira-quota-tenant-based`, `jira-quota-global-based`, …).
 * - `Beta-RateLimit-Policy: "tenant-app-quota";q=100100;w=3600`: the quota and its window (s).
 * - `Beta-RateLimit: "tenant-app-quota";r=17842;t=2107`: points remaining and seconds to the reset
 *   (`r` only once about 80 % of the quota is used).
 * - `RateLimit-Policy`, `RateLimit`: the same two once the quota is enforced for the app (the
 *   `Beta-` prefix dropped); read first, the `Beta-` ones otherwise.
 *
 * Sources: Atlassian's "Rate limiting" page for Jira Cloud and the Forge community's observed
 * headers (docs/jira-native.md, "Rate limits").
 */
import { parseRetryAfter } from './retry-after';

export interface RateLimitInfo {
  /** How long Jira asks us to wait (the longest of the headers that say so); undefined when none does. */
  waitMs?: number;
  /** `RateLimit-Reason` as sent. */
  reason?: string;
  /** True when the reason names the hourly points quota. */
  quota: boolean;
  nearLimit: boolean;
  /** The hourly points quota (`Beta-RateLimit-Policy` q) and its window in seconds (w). */
  quotaLimit?: number;
  quotaWindowSeconds?: number;
  /** Points left in this window (`Beta-RateLimit` r) and milliseconds until it resets (t). */
  quotaRemaining?: number;
  quotaResetMs?: number;
}

function parameter(value: string | undefined, name: string): number | undefined {
  if (!value) return undefined;
  const m = new RegExp(`(?:^|;)\\s*${name}=(\\d+(?:\\.\\d+)?)`).exec(value);
  return m ? Number(m[1]) : undefined;
}

function resetAt(value: string | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  // Some services send epoch seconds; Jira sends ISO 8601.
  if (/^\d{9,11}$/.test(text)) return Math.max(0, Number(text) * 1000 - nowMs);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function seconds(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+(?:\.\d+)?\s*$/.test(value)) return undefined;
  return Math.round(Number(value) * 1000);
}

/** True when the response carries any rate-limit header worth recording. */
export function hasRateLimitHeaders(headers: Record<string, string>): boolean {
  return ['retry-after', 'beta-retry-after', 'x-ratelimit-reset', 'x-ratelimit-remaining', 'ratelimit', 'beta-ratelimit', 'ratelimit-reason', 'x-beta-ratelimit-reason', 'x-ratelimit-nearlimit', 'x-beta-ratelimit-nearlimit'].some(
    (h) => headers[h] !== undefined,
  );
}

export function readRateLimit(headers: Record<string, string>, nowMs: number): RateLimitInfo {
  const reason = headers['ratelimit-reason'] ?? headers['x-beta-ratelimit-reason'];
  const quotaState = headers['ratelimit'] ?? headers['beta-ratelimit'];
  const policy = headers['ratelimit-policy'] ?? headers['beta-ratelimit-policy'];
  const quotaReset = parameter(quotaState, 't');
  const waits = [
    parseRetryAfter(headers['retry-after'], nowMs),
    seconds(headers['beta-retry-after']),
    // The reset only says how long to wait on a refusal, not on every answer.
    ...(headers['retry-after'] !== undefined || headers['beta-retry-after'] !== undefined || reason !== undefined ? [resetAt(headers['x-ratelimit-reset'] ?? headers['x-beta-ratelimit-reset'], nowMs)] : []),
  ].filter((w): w is number => w !== undefined);
  const info: RateLimitInfo = {
    quota: reason !== undefined && /quota/i.test(reason),
    nearLimit: [headers['x-ratelimit-nearlimit'], headers['x-beta-ratelimit-nearlimit']].some((v) => v?.trim().toLowerCase() === 'true'),
  };
  if (waits.length) info.waitMs = Math.max(...waits);
  if (reason !== undefined) info.reason = reason;
  const q = parameter(policy, 'q');
  const w = parameter(policy, 'w');
  const r = parameter(quotaState, 'r');
  if (q !== undefined) info.quotaLimit = q;
  if (w !== undefined) info.quotaWindowSeconds = w;
  if (r !== undefined) info.quotaRemaining = r;
  if (quotaReset !== undefined) info.quotaResetMs = quotaReset * 1000;
  return info;
}

/** The latest rate-limit state Jira reported to one client (as app, in one function invocation). */
export interface RateLimitMonitor {
  record(info: RateLimitInfo): void;
  /** The last report and when it arrived (ms); undefined before any. */
  latest(): { info: RateLimitInfo; at: number } | undefined;
}

export function createRateLimitMonitor(now: () => number = Date.now): RateLimitMonitor {
  let last: { info: RateLimitInfo; at: number } | undefined;
  return {
    record(info) {
      // Keep the quota figures of earlier answers when this one lacks them (burst headers only).
      const merged = last && info.quotaLimit === undefined && info.quotaRemaining === undefined ? { ...info, ...pickQuota(last.info) } : info;
      last = { info: merged, at: now() };
    },
    latest: () => last,
  };
}

function pickQuota(info: RateLimitInfo): Partial<RateLimitInfo> {
  const out: Partial<RateLimitInfo> = {};
  if (info.quotaLimit !== undefined) out.quotaLimit = info.quotaLimit;
  if (info.quotaWindowSeconds !== undefined) out.quotaWindowSeconds = info.quotaWindowSeconds;
  if (info.quotaRemaining !== undefined) out.quotaRemaining = info.quotaRemaining;
  if (info.quotaResetMs !== undefined) out.quotaResetMs = info.quotaResetMs;
  return out;
}
