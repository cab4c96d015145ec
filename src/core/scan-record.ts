/**
 * The compact per-story result a backlog scan stores between chunks (a few hundred bytes), and how
 * to make one. Set-level analysis later runs on these records alone, so a scan of 20,000 stories
 * never holds 20,000 full stories in memory.
 */
import type { Settings } from './config';
import { analyzePrepared, prepareSafely } from './analyze';
import { failedStoryReport } from './engine-error';
import { ENGINE_PARTS, type EngineParts } from './engine-parts';
import { lexiconsFor } from './lexicons';
import { findIssueKeyMentions } from './backlog/index';
import type { CriteriaScores, EngineStage, StoryLink, StoryReport, TemplateForm } from './story';

/** How much of the description takes part in set-level duplicate detection (as in analyze()). */
const DUPLICATE_TEXT_PREFIX = 150;

export interface ScanRecord {
  key: string;
  score: number;
  criteria: CriteriaScores;
  technical: boolean;
  ruleIds: string[];
  /** The worst finding, for "fix these first". */
  top: { ruleId: string; messageId: string; data: Record<string, string | number> } | null;
  form: TemplateForm;
  role: string | null;
  /** Summary + description opening, for near-duplicate detection across the backlog. */
  dupText: string;
  links: StoryLink[];
  mentions: string[];
  storyPoints: number | null | undefined;
  /** Set when the engine could not analyze the story (the error's message): no verdict, left out of every score. */
  failed?: string;
}

/** Message data kept short (quoted story text is cut), so records and snapshots stay small. */
function compactData(data: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) out[k] = typeof v === 'string' && v.length > 80 ? `${v.slice(0, 79)}…` : v;
  return out;
}

const SEVERITY_RANK = { error: 3, warn: 2, info: 1 } as const;

function worst(report: StoryReport): ScanRecord['top'] {
  let best: ScanRecord['top'] = null;
  let rank = 0;
  for (const f of report.findings) {
    const r = SEVERITY_RANK[f.severity];
    if (r > rank) {
      rank = r;
      best = { ruleId: f.ruleId, messageId: f.messageId, data: compactData(f.data) };
    }
  }
  return best;
}

/** Dependency mentions for the set-level graph; a failure there leaves only this story's mentions out. */
function mentionsOf(text: string): string[] {
  try {
    return findIssueKeyMentions(text);
  } catch {
    return [];
  }
}

function failedRecord(report: StoryReport): ScanRecord {
  return {
    key: report.key,
    score: 0,
    criteria: report.criteria,
    technical: false,
    ruleIds: [...new Set(report.findings.map((f) => f.ruleId))],
    top: worst(report),
    form: 'none',
    role: null,
    dupText: '',
    links: [],
    mentions: [],
    storyPoints: undefined,
    failed: report.failed?.message ?? 'unknown error',
  };
}

/** The report and record of a story the engine could not analyze (or that could not even be read). */
export function failedScan(key: string, summary: string, stage: EngineStage, error: unknown): { report: StoryReport; record: ScanRecord } {
  const report = failedStoryReport(key, summary, stage, error);
  return { report, record: failedRecord(report) };
}

/**
 * Analyzes one story for a scan: its report (per-story rules) and its compact record. Never throws:
 * a story the engine cannot analyze gets an `engine-error` report and a record marked `failed`.
 */
export function analyzeForScan(input: unknown, settings: Settings, parts: EngineParts = ENGINE_PARTS): { report: StoryReport; record: ScanRecord } {
  const lex = lexiconsFor(settings);
  const slot = prepareSafely(input, 0, lex, parts);
  if (!slot.ok) return failedScan(slot.key, slot.summary, 'prepare', slot.error);
  const p = slot.p;
  const report = analyzePrepared(p, settings, lex, null, { parts });
  if (report.failed) return { report, record: failedRecord(report) };
  const d = p.story.description;
  const record: ScanRecord = {
    key: p.story.key,
    score: report.score,
    criteria: report.criteria,
    technical: report.technical,
    ruleIds: [...new Set(report.findings.map((f) => f.ruleId))],
    top: worst(report),
    form: p.template.form,
    role: p.template.roleName,
    dupText: d ? `${p.story.summary}\n${d.slice(0, DUPLICATE_TEXT_PREFIX)}` : p.story.summary,
    links: p.story.links,
    mentions: mentionsOf(`${p.story.summary}\n${d}`),
    storyPoints: p.story.storyPoints,
  };
  return { report, record };
}
