/**
 * The `storyHealth` issue property: what checks on save and scans store on every checked issue, and
 * what the indexed JQL aliases (`storyHealthScore`, `storyHealthRule` …) search.
 */
import { ENGINE_VERSION } from '../core/analyze';
import type { StoryReport } from '../core/story';

export const HEALTH_PROPERTY = 'storyHealth';

/** What is stored on the issue (well under Jira's 32 KB property limit). */
export interface HealthProperty {
  score: number;
  criteria: StoryReport['criteria'];
  technical: boolean;
  ruleIds: string[];
  contentHash: string;
  engineVersion: string;
  analyzedAt: string;
}

/**
 * What is stored when the engine could not analyze the issue: no score and no criteria, so JQL on
 * them never lists it as weak or healthy; `storyHealthRule = "engine-error"` finds it.
 */
export interface EngineErrorProperty {
  technical: false;
  ruleIds: string[];
  /** The error's message (one line, no stack). */
  engineError: string;
  contentHash: string;
  engineVersion: string;
  analyzedAt: string;
}

export type StoredHealth = HealthProperty | EngineErrorProperty;

export function toProperty(report: StoryReport, hash: string, now: Date): StoredHealth {
  const common = { ruleIds: [...new Set(report.findings.map((f) => f.ruleId))], contentHash: hash, engineVersion: ENGINE_VERSION, analyzedAt: now.toISOString() };
  if (report.failed) return { technical: false, engineError: report.failed.message, ...common };
  return { score: report.score, criteria: report.criteria, technical: report.technical, ...common };
}
