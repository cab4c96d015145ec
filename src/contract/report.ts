/** Backlog report resolvers: scans, snapshots (aggregates) and live issue lists as the viewing user. */
import { z } from 'zod';
import type { Snapshot } from '../core/aggregate';
import { CRITERIA } from '../core/story';
import { projectKeySchema } from './settings';

export const reportProjectRequest = z.object({ projectKey: projectKeySchema }).strict();

export const issueFilterSchema = z
  .object({
    /** Stories failing this criterion (score below the pass mark). */
    criterion: z.enum(CRITERIA).optional(),
    /** Stories with a finding of this rule. */
    ruleId: z.string().regex(/^[a-z-]+$/).max(64).optional(),
    technical: z.boolean().optional(),
    /** Stories scoring in [minScore, maxScore). */
    minScore: z.number().int().min(0).max(100).optional(),
    maxScore: z.number().int().min(1).max(101).optional(),
    /** Explicit keys (duplicate clusters, cycles, fix-first): shown only if the user may browse them. */
    keys: z.array(z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/)).max(100).optional(),
  })
  .strict();

export type IssueFilter = z.infer<typeof issueFilterSchema>;

export const reportIssuesRequest = z
  .object({
    projectKey: projectKeySchema,
    filter: issueFilterSchema.default({}),
    nextPageToken: z.string().max(2048).optional(),
    maxResults: z.number().int().min(1).max(100).default(50),
  })
  .strict();
export type ReportIssuesRequest = z.infer<typeof reportIssuesRequest>;

export interface ScanStatus {
  status: 'none' | 'running' | 'done' | 'failed' | 'cancelled';
  phase: 'analyzing' | 'aggregating' | 'done' | null;
  done: number;
  pages: number;
  backfilled: number;
  /** Stories the engine could not analyze (recorded with an engine-error, left out of the scores). */
  failed: number;
  startedAt: string | null;
  updatedAt: string | null;
  error: string | null;
  /** A running scan that has not moved for a long time (its events were lost): Start restarts it. */
  stalled: boolean;
  /** True when this call joined a scan someone else started. */
  joined?: boolean;
  /** For a running scan: whether this user may cancel it (they started it, or administer the project). */
  canCancel?: boolean;
  /** A running scan paused to stay within Jira's rate limits: until when (ISO), and why. */
  pausedUntil?: string;
  pausedBecause?: string;
}

export interface ReportIssue {
  key: string;
  summary: string;
  score: number | null;
  technical: boolean;
  ruleIds: string[];
  criteria: Record<string, number> | null;
}

export interface ReportIssuesPage {
  issues: ReportIssue[];
  nextPageToken: string | null;
  jql: string;
}

/** A snapshot as one user may see it: counts are aggregates; key lists are only keys they may browse. */
export interface ReportView {
  snapshot: Snapshot | null;
  /** Older snapshots' scores, oldest first: the trend. */
  history: { createdAt: string; score: number; count: number }[];
  status: ScanStatus;
  /** Keys in the snapshot the user may not browse were removed from lists (counts stay). */
  hiddenKeys: number;
}
