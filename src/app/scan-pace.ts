/**
 * Spreading scan work over time so a big project never uses up the app's hourly points quota
 * (Jira Cloud's points-based rate limits, 2026): the scan counts the points its requests cost
 * (a read costs 1 plus 1 per issue it returns; a write costs 1), keeps to a share of the hourly
 * quota per window, and pauses (its next queue event is delayed) when that share is spent or when
 * Jira's own headers say little quota is left. Checks on save and the panels use the rest.
 *
 * The quota is what Jira reports (`Beta-RateLimit-Policy` q) when it does; otherwise an assumed
 * 65,000 points an hour (an assumption: Atlassian's tiers depend on the site, and the header says).
 */
import type { RateLimitInfo } from '../jira/rate-limit';

/** Points an hour assumed until Jira reports the app's quota. */
export const ASSUMED_HOURLY_QUOTA = 65_000;
/** The share of the hourly quota a scan may use; the rest is for checks on save and the panels. */
export const SCAN_SHARE = 0.5;
export const WINDOW_MS = 60 * 60 * 1000;
/** Forge's queue delays an event by at most 900 s; a longer pause is several delayed events. */
export const MAX_DELAY_SECONDS = 900;

/** What the scan spent in the current hour window. */
export interface PaceState {
  windowStart: string;
  points: number;
}

/** Points of one scanned page: its search request (1 + the issues it returned) and its property writes (1 each). */
export function pagePoints(issuesRead: number, propertiesWritten: number): number {
  return 1 + issuesRead + propertiesWritten;
}

export interface PaceDecision {
  pace: PaceState;
  /** Null: go on; otherwise pause until then (the next queue event is delayed, 900 s at a time). */
  resumeAt: Date | null;
  /** Why the scan waits, in words for the report page and the logs. */
  reason?: string;
}

/**
 * After a page costing `points`: the updated window, and whether to pause. `seen` is Jira's latest
 * rate-limit report (undefined when it sent none).
 */
export function afterPage(pace: PaceState | undefined, points: number, now: Date, seen?: RateLimitInfo): PaceDecision {
  const t = now.getTime();
  const start = pace ? Date.parse(pace.windowStart) : NaN;
  const inWindow = pace !== undefined && Number.isFinite(start) && t >= start && t - start < WINDOW_MS;
  const current: PaceState = inWindow ? { windowStart: pace.windowStart, points: pace.points + points } : { windowStart: now.toISOString(), points };
  const quota = seen?.quotaLimit && seen.quotaLimit > 0 ? seen.quotaLimit : ASSUMED_HOURLY_QUOTA;
  const windowEnd = Date.parse(current.windowStart) + WINDOW_MS;
  // Jira says the app's quota is being used up (by anything): leave the rest to the people using Jira.
  if (seen?.quotaRemaining !== undefined && seen.quotaRemaining < quota * (1 - SCAN_SHARE)) {
    const resumeAt = new Date(t + Math.max(1000, seen.quotaResetMs ?? windowEnd - t));
    return { pace: current, resumeAt, reason: `Jira reports ${seen.quotaRemaining} of the app's ${quota} points left this hour` };
  }
  if (seen?.quota && seen.waitMs !== undefined) return { pace: current, resumeAt: new Date(t + Math.max(1000, seen.waitMs)), reason: "Jira refused a request: the app's hourly quota is used up" };
  if (current.points >= quota * SCAN_SHARE) {
    return { pace: { windowStart: new Date(windowEnd).toISOString(), points: 0 }, resumeAt: new Date(windowEnd), reason: `the scan used its ${Math.round(quota * SCAN_SHARE)} points for this hour` };
  }
  return { pace: current, resumeAt: null };
}

/** The queue delay towards `resumeAt`: at least 1 s, at most Forge's 900 s. */
export function delaySeconds(resumeAt: Date, now: Date): number {
  return Math.min(MAX_DELAY_SECONDS, Math.max(1, Math.ceil((resumeAt.getTime() - now.getTime()) / 1000)));
}
