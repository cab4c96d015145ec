/**
 * The `storyHealth` issue property: what checks on save and scans store on every checked issue, and
 * what the indexed JQL aliases (`storyHealthScore`, `storyHealthRule` …) search.
 */
import { ENGINE_VERSION } from '../core/analyze';
import type { ContextRead } from '../core/backlog/context-reads';
import type { Settings } from '../core/config';
import type { StoryInput, StoryReport } from '../core/story';
import { contentHash } from './content-hash';
import { fixFor } from './gate-fixes';

export const HEALTH_PROPERTY = 'storyHealth';

/**
 * What the stored result depends on: the story's content (labels aside: our own label edit is not a
 * content change), the settings, the engine, and what the analysis read from the project context.
 * Equal hashes write nothing (events arrive at least once; the app's own writes cannot loop); a
 * changed context rewrites exactly the properties whose analysis read a changed answer.
 */
export function propertyHash(story: StoryInput, settings: Settings, reads: readonly ContextRead[]): string {
  // What the parent field says of the parent (its title) feeds suggestions only, never the score.
  return contentHash({ ...story, labels: undefined, parentSummary: undefined, parentType: undefined }, scoringSettings(settings), ENGINE_VERSION, reads);
}

/** The settings a score depends on: AI assist never changes one, so switching it makes nothing stale. */
export function scoringSettings(settings: Settings): Omit<Settings, 'aiAssist'> {
  const { aiAssist: _ai, ...scoring } = settings;
  return scoring;
}

/** True when the stored property was written from the same inputs by this engine: nothing to write. */
export function isCurrent(stored: unknown, hash: string): boolean {
  const p = stored as Partial<HealthProperty> | undefined;
  return p?.contentHash === hash && p.engineVersion === ENGINE_VERSION;
}

/** What is stored on the issue (well under Jira's 32 KB property limit). Story-level results only: backlog findings (duplicates) are in the backlog report. */
export interface HealthProperty {
  score: number;
  criteria: StoryReport['criteria'];
  technical: boolean;
  ruleIds: string[];
  /** The most severe finding and how to fix it: what the workflow quality gate's message quotes. Absent when there is none (and in properties of older versions). */
  top?: TopFinding;
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

export interface TopFinding {
  ruleId: string;
  /** The finding's message, at most 300 characters. */
  message: string;
  fix: string;
}

const SEVERITY_RANK = { error: 0, warn: 1, info: 2 } as const;

/** The finding a person should fix first: the most severe, then the one in the weakest criterion, then the first reported. */
export function topFinding(report: StoryReport): TopFinding | undefined {
  const criterionScore = (f: StoryReport['findings'][number]) => (report.criteria as Record<string, number | undefined>)[f.criterion] ?? 100;
  const ranked = report.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (SEVERITY_RANK[a.f.severity] ?? 3) - (SEVERITY_RANK[b.f.severity] ?? 3) || criterionScore(a.f) - criterionScore(b.f) || a.i - b.i);
  const first = ranked[0]?.f;
  if (!first) return undefined;
  const message = first.message.length > 300 ? `${first.message.slice(0, 299)}…` : first.message;
  return { ruleId: first.ruleId, message, fix: fixFor(first.ruleId) };
}

export function toProperty(report: StoryReport, hash: string, now: Date): StoredHealth {
  const common = { ruleIds: [...new Set(report.findings.map((f) => f.ruleId))], contentHash: hash, engineVersion: ENGINE_VERSION, analyzedAt: now.toISOString() };
  if (report.failed) return { technical: false, engineError: report.failed.message, ...common };
  const top = topFinding(report);
  return { score: report.score, criteria: report.criteria, technical: report.technical, ...common, ...(top ? { top } : {}) };
}
