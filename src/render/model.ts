/**
 * The backlog report as a view model: a snapshot (from `aggregate`, the same numbers the Forge scan
 * stores) joined with per-story rows for summaries and finding messages. Plain data: the HTML,
 * Markdown and JSON renderers only lay it out.
 */
import { PASS_SCORE, type Snapshot } from '../core/aggregate';
import { formatMessage } from '../core/locales/en';
import type { ScanRecord } from '../core/scan-record';
import type { CriteriaScores, StoryReport, TemplateForm } from '../core/story';
import { bucketCounts, bucketLabel } from './view/charts/ScoreHistogram';
import type { TrendPoint } from './view/charts/TrendChart';
import { COUNT_ROWS, CRITERIA, CRITERION_NAMES, CRITERION_SHORT, failingAnchor, FORM_NAMES, type Criterion } from './view/criteria';

export type { TrendPoint };

/** The worst finding of a story, with the data its message needs. */
export interface TopFinding {
  ruleId: string;
  messageId: string;
  data: Record<string, string | number>;
}

/** One analyzed story, as the report needs it. */
export interface ReportStory {
  key: string;
  summary: string;
  score: number;
  criteria: CriteriaScores;
  technical: boolean;
  ruleIds: string[];
  top: TopFinding | null;
}

/** A story named in a list: its summary and score when the report has the story. */
export interface StoryRef {
  key: string;
  summary: string | null;
  score: number | null;
}

export interface CriterionRow {
  criterion: Criterion;
  name: string;
  /** INVEST letter ('' for the template). */
  letter: string;
  /** Share of stories passing (score ≥ PASS_SCORE), 0..1. */
  passRate: number;
  meanScore: number;
  failingCount: number;
  /** The failing stories, lowest criterion score first, at most `listLimit`; `score` is the criterion's. */
  failing: StoryRef[];
  /** In-page anchor of the list. */
  anchor: string;
}

export interface CountRow {
  id: (typeof COUNT_ROWS)[number]['id'];
  label: string;
  hint: string;
  count: number;
}

export interface FixFirstRow {
  key: string;
  summary: string | null;
  score: number;
  ruleId: string | null;
  /** The top finding's message (locale table), or null for a story without findings. */
  message: string | null;
}

export interface ReportModel {
  title: string;
  /** What was analyzed: file names, or the site and project. */
  source: string | null;
  createdAt: string;
  engineVersion: string;
  toolVersion: string | null;
  count: number;
  score: number;
  /** Earlier scans and this one, oldest first. */
  trend: TrendPoint[];
  criteria: CriterionRow[];
  histogram: { label: string; count: number }[];
  counts: CountRow[];
  fixFirst: FixFirstRow[];
  /** Shown clusters: their first stories, and `size`, how many the cluster has in all. */
  duplicates: { similarity: number; size: number; stories: StoryRef[] }[];
  duplicateClusters: number;
  storiesInDuplicates: number;
  /** Shown cycles: their first stories, and `size`, how many block each other in all. */
  cycles: { size: number; stories: StoryRef[] }[];
  cycleCount: number;
  longestChain: StoryRef[];
  longestChainLength: number;
  /** `count` is all the persona's stories; `keys` the first few. */
  personas: { persona: string; count: number; keys: string[] }[];
  personaCount: number;
  servesNobody: number;
  uniformity: { dominantForm: TemplateForm; formName: string; share: number };
  /** Issue links go to `${browseUrl}/browse/KEY` (a live site); null: keys are plain text. */
  browseUrl: string | null;
  /** Caveats about the input, shown under the title. */
  notes: string[];
  /** Issues left out because the settings do not check their type (also said in a note). */
  skipped: SkippedIssueRef[];
  listLimit: number;
  snapshot: Snapshot;
  stories: ReportStory[];
}

export interface ReportOptions {
  title?: string;
  source?: string;
  /** Earlier scans (any order); the snapshot's own scan is added. */
  history?: readonly TrendPoint[];
  /** Stories listed per criterion, duplicate clusters shown (default 50). */
  listLimit?: number;
  toolVersion?: string;
  browseUrl?: string;
  notes?: string[];
  skipped?: SkippedIssueRef[];
}

/** An issue the report left out, and its type. */
export interface SkippedIssueRef {
  key: string;
  issueType: string;
}

export const DEFAULT_LIST_LIMIT = 50;
/** Personas listed (the rest are counted). */
export const PERSONA_LIMIT = 20;

/** Issue keys in natural order: PROJ-9 before PROJ-10. */
function byKey(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A report row from what `analyzeForScan` returns for one story. */
export function reportStory({ report, record }: { report: StoryReport; record: ScanRecord }): ReportStory {
  const top = record.top;
  const finding = top ? report.findings.find((f) => f.ruleId === top.ruleId && f.messageId === top.messageId) : undefined;
  return {
    key: record.key,
    summary: report.summary,
    score: record.score,
    criteria: record.criteria,
    technical: record.technical,
    ruleIds: record.ruleIds,
    top: top ? { ruleId: top.ruleId, messageId: top.messageId, data: finding?.data ?? {} } : null,
  };
}

/** The message of a story's top finding, from the locale table. */
export function topMessage(top: TopFinding | null): string | null {
  return top ? formatMessage(top.ruleId, top.messageId, top.data) : null;
}

function trendOf(snapshot: Snapshot, history: readonly TrendPoint[]): TrendPoint[] {
  const byTime = new Map<string, TrendPoint>();
  for (const p of history) {
    if (typeof p.createdAt === 'string' && typeof p.score === 'number' && Number.isFinite(p.score)) byTime.set(p.createdAt, { createdAt: p.createdAt, score: p.score });
  }
  byTime.set(snapshot.createdAt, { createdAt: snapshot.createdAt, score: snapshot.score });
  const time = (p: TrendPoint) => {
    const t = Date.parse(p.createdAt);
    return Number.isNaN(t) ? Infinity : t;
  };
  return [...byTime.values()].sort((a, b) => time(a) - time(b));
}

export function buildReport(snapshot: Snapshot, stories: readonly ReportStory[], options: ReportOptions = {}): ReportModel {
  const limit = Math.max(1, Math.floor(options.listLimit ?? DEFAULT_LIST_LIMIT));
  const rows = new Map(stories.map((s) => [s.key, s]));
  const ref = (key: string, score?: number): StoryRef => {
    const s = rows.get(key);
    return { key, summary: s?.summary ?? null, score: score ?? s?.score ?? null };
  };

  const criteria: CriterionRow[] = CRITERIA.map((c) => {
    const failing = stories
      .filter((s) => s.criteria[c] < PASS_SCORE)
      .sort((a, b) => a.criteria[c] - b.criteria[c] || a.score - b.score || byKey(a.key, b.key));
    const passRate = snapshot.passRates[c];
    return {
      criterion: c,
      name: CRITERION_NAMES[c],
      letter: CRITERION_SHORT[c],
      passRate,
      meanScore: snapshot.criteria[c],
      failingCount: stories.length ? failing.length : Math.round((1 - passRate) * snapshot.count),
      failing: failing.slice(0, limit).map((s) => ({ key: s.key, summary: s.summary, score: s.criteria[c] })),
      anchor: failingAnchor(c),
    };
  });

  const fixFirst: FixFirstRow[] = snapshot.fixFirst.map((f) => {
    const s = rows.get(f.key);
    const top = s?.top && s.top.ruleId === f.ruleId ? s.top : f.ruleId && f.messageId ? { ruleId: f.ruleId, messageId: f.messageId, data: f.data ?? {} } : null;
    return { key: f.key, summary: s?.summary ?? null, score: f.score, ruleId: f.ruleId, message: topMessage(top) };
  });

  return {
    title: options.title ?? 'Story Health report',
    source: options.source ?? null,
    createdAt: snapshot.createdAt,
    engineVersion: snapshot.engineVersion,
    toolVersion: options.toolVersion ?? null,
    count: snapshot.count,
    score: snapshot.score,
    trend: trendOf(snapshot, options.history ?? []),
    criteria,
    histogram: bucketCounts(snapshot.histogram).map((count, i) => ({ label: bucketLabel(i), count })),
    counts: COUNT_ROWS.map((r) => ({ ...r, count: snapshot.counts[r.id] })),
    fixFirst,
    duplicates: snapshot.duplicates.slice(0, limit).map((d) => ({ similarity: d.similarity, size: d.size, stories: d.keys.map((k) => ref(k)) })),
    duplicateClusters: snapshot.counts.duplicateClusters,
    storiesInDuplicates: snapshot.counts.storiesInDuplicates,
    cycles: snapshot.dependencyCycles.map((cycle) => ({ size: cycle.size, stories: cycle.keys.map((k) => ref(k)) })),
    cycleCount: snapshot.counts.dependencyCycles,
    longestChain: snapshot.longestBlockedChain.map((k) => ref(k)),
    longestChainLength: snapshot.longestChainLength,
    personas: snapshot.personas.slice(0, Math.min(limit, PERSONA_LIMIT)).map((p) => ({ persona: p.persona, count: p.count, keys: p.keys })),
    personaCount: snapshot.counts.personas,
    servesNobody: snapshot.servesNobodyCount,
    uniformity: { dominantForm: snapshot.uniformity.dominantForm, formName: FORM_NAMES[snapshot.uniformity.dominantForm], share: snapshot.uniformity.share },
    browseUrl: options.browseUrl ?? null,
    notes: options.notes ?? [],
    skipped: (options.skipped ?? []).map((s) => ({ key: s.key, issueType: s.issueType })),
    listLimit: limit,
    snapshot,
    stories: [...stories],
  };
}
