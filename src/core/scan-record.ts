/**
 * The compact per-story result a backlog scan stores between chunks (a few hundred bytes), and how
 * to make one. Set-level analysis later runs on these records alone, so a scan of 20,000 stories
 * never holds 20,000 full stories in memory.
 */
import type { Settings } from './config';
import { analyzePrepared, prepareSafely } from './analyze';
import { failedStoryReport } from './engine-error';
import { ENGINE_PARTS, type EngineParts } from './engine-parts';
import { lexiconsFor, type Lexicons } from './lexicons';
import type { Prepared } from './prepare';
import { duplicateItem, findIssueKeyMentions, linkDependency } from './backlog/index';
import { personaRole } from './backlog/personas';
import { contextFeatures, EMPTY_PROJECT_CONTEXT, type ContextFeatures, type ProjectContext } from './backlog/project-context';
import { contextReader, type ContextRead } from './backlog/context-reads';
import type { CriteriaScores, EngineStage, StoryLink, StoryReport, TemplateForm } from './story';


/**
 * A record's lists are bounded, so a story with 10,000 links or mentioned keys still makes a
 * record of a few kilobytes: dependency links (the ones set-level analysis reads) come first.
 */
export const RECORD_LIMITS = { links: 50, mentions: 50, role: 100, dupText: 600 } as const;

function cut(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

function boundedLinks(links: StoryLink[]): StoryLink[] {
  if (links.length <= RECORD_LIMITS.links) return links;
  const dependencies = links.filter((l) => linkDependency(l) !== null);
  const others = links.filter((l) => linkDependency(l) === null);
  return [...dependencies, ...others].slice(0, RECORD_LIMITS.links);
}

export interface ScanRecord {
  key: string;
  score: number;
  criteria: CriteriaScores;
  technical: boolean;
  ruleIds: string[];
  /** The worst finding, for "fix these first". */
  top: { ruleId: string; messageId: string; data: Record<string, string | number> } | null;
  form: TemplateForm;
  /** The role of the story sentence (null without one): the persona inventory and the project context count it. */
  role: string | null;
  /** What the project context's builder needs of this story (all but the role, kept above). */
  contextFeatures: Omit<ContextFeatures, 'role'>;
  /** What the analysis read from the project context: a scan re-scores the story when a newer context answers differently. */
  contextReads: ContextRead[];
  /** What near-duplicate detection compares across the backlog: the goal, or the summary (see backlog/duplicate-item.ts). */
  dupText: string;
  /** The summary, when `dupText` is a goal: identical summaries are duplicates. */
  dupKey?: string;
  /** `dupText` is a goal, so one contained in another is a duplicate. */
  dupGoal?: boolean;
  links: StoryLink[];
  mentions: string[];
  storyPoints: number | null | undefined;
  /** Set when the engine could not analyze the story (the error's message): no verdict, left out of every score. */
  failed?: string;
}

/** The context features without the role (the record keeps it). */
function compactFeatures(f: ContextFeatures): Omit<ContextFeatures, 'role'> {
  const { role: _role, ...rest } = f;
  return rest;
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

/** What the project context needs of the story; a failure there leaves only this story out of the context. */
function featuresOf(p: Prepared, lex: Lexicons): ContextFeatures {
  try {
    return contextFeatures(p, lex);
  } catch {
    return { role: null, teamWork: null };
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
    contextFeatures: { teamWork: null },
    contextReads: [],
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
 * Analyzes one story for a scan with the project context: its report (story-level findings) and its compact record. Never throws:
 * a story the engine cannot analyze gets an `engine-error` report and a record marked `failed`.
 */
export function analyzeForScan(input: unknown, settings: Settings, context: ProjectContext = EMPTY_PROJECT_CONTEXT, parts: EngineParts = ENGINE_PARTS): { report: StoryReport; record: ScanRecord } {
  const lex = lexiconsFor(settings);
  const slot = prepareSafely(input, 0, lex, parts);
  if (!slot.ok) return failedScan(slot.key, slot.summary, 'prepare', slot.error);
  const p = slot.p;
  const reader = contextReader(context);
  // A scan records scores and findings, not suggestions: they are not built.
  const report = analyzePrepared(p, settings, lex, reader, null, { parts, suggestions: false });
  if (report.failed) return { report, record: failedRecord(report) };
  const features = featuresOf(p, lex);
  const d = p.story.description;
  const dup = duplicateItem(p.story, p.template);
  const record: ScanRecord = {
    key: p.story.key,
    score: report.score,
    criteria: report.criteria,
    technical: report.technical,
    ruleIds: [...new Set(report.findings.map((f) => f.ruleId))],
    top: worst(report),
    form: p.template.form,
    role: personaRole(p.template) === null ? null : cut(personaRole(p.template)!, RECORD_LIMITS.role),
    contextFeatures: compactFeatures(features),
    contextReads: reader.reads(),
    dupText: cut(dup.text, RECORD_LIMITS.dupText),
    ...(dup.exactKey !== undefined ? { dupKey: dup.exactKey } : {}),
    ...(dup.containable ? { dupGoal: true } : {}),
    links: boundedLinks(p.story.links),
    mentions: mentionsOf(`${p.story.summary}\n${d}`).slice(0, RECORD_LIMITS.mentions),
    storyPoints: p.story.storyPoints,
  };
  return { report, record };
}
