/**
 * The compact per-story result a backlog scan stores between chunks (a few hundred bytes), and how
 * to make one. Set-level analysis later runs on these records alone, so a scan of 20,000 stories
 * never holds 20,000 full stories in memory.
 */
import type { Settings } from './config';
import { analyzePrepared } from './analyze';
import { prepare } from './prepare';
import { lexiconsFor } from './lexicons';
import { duplicateItem, findIssueKeyMentions } from './backlog/index';
import type { CriteriaScores, StoryLink, StoryReport, TemplateForm } from './story';


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
  /** What near-duplicate detection compares across the backlog: the goal, or the summary (see backlog/duplicate-item.ts). */
  dupText: string;
  /** The summary, when `dupText` is a goal: identical summaries are duplicates. */
  dupKey?: string;
  /** `dupText` is a goal, so one contained in another is a duplicate. */
  dupGoal?: boolean;
  links: StoryLink[];
  mentions: string[];
  storyPoints: number | null | undefined;
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

/** Analyzes one story for a scan: its report (per-story rules) and its compact record. */
export function analyzeForScan(input: unknown, settings: Settings): { report: StoryReport; record: ScanRecord } {
  const lex = lexiconsFor(settings);
  const p = prepare(input, 0, lex);
  const report = analyzePrepared(p, settings, lex, null);
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
    role: p.template.roleName,
    dupText: dup.text,
    ...(dup.exactKey !== undefined ? { dupKey: dup.exactKey } : {}),
    ...(dup.containable ? { dupGoal: true } : {}),
    links: p.story.links,
    mentions: findIssueKeyMentions(`${p.story.summary}\n${d}`),
    storyPoints: p.story.storyPoints,
  };
  return { report, record };
}
