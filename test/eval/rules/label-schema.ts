/**
 * The two label files of test/eval/rules: what one line may hold, and how a file is parsed.
 *
 * labels.jsonl points at real text in the shared data sets (a user-stories line, or a jira-issues row by key);
 * original.jsonl carries stories written for this project. Neither holds data-set text.
 */
import { z } from 'zod';
import { RULE_IDS } from '../../../src/core/rules/ids';

const ruleId = z.string().refine((r) => RULE_IDS.includes(r), { message: 'unknown rule id' });
/** The coach's reason, in their own words: short, never a quotation. */
const why = z.string().trim().min(3).refine((s) => s.split(/\s+/).length <= 15, { message: 'why has more than 15 words' });
/** What should trigger the rule: at most four words. */
const evidence = z.string().trim().min(1).refine((s) => s.split(/\s+/).length <= 4, { message: 'evidence has more than 4 words' });

const userStoryLabel = z.strictObject({
  rule: ruleId,
  source: z.string().regex(/^user-stories\/g\d{2}-[a-z]+\.txt$/),
  line: z.number().int().positive(),
  other: z.number().int().positive().optional(),
  expected: z.boolean(),
  evidence: evidence.optional(),
  why,
});

const jiraLabel = z.strictObject({
  rule: ruleId,
  source: z.string().regex(/^jira-issues\/[A-Z]+_deep-se\.csv$/),
  key: z.string().regex(/^[A-Z]+-\d+$/),
  expected: z.boolean(),
  evidence: evidence.optional(),
  why,
});

export const datasetLabel = z.union([userStoryLabel, jiraLabel]);
export type DatasetLabel = z.infer<typeof datasetLabel>;
export type UserStoryLabel = z.infer<typeof userStoryLabel>;
export type JiraLabel = z.infer<typeof jiraLabel>;

export const originalLabel = z.strictObject({
  rule: ruleId,
  key: z.string().regex(/^ORIG-[A-Z]+\d+$/),
  summary: z.string().trim().min(1),
  description: z.string().optional(),
  expected: z.boolean(),
  evidence: evidence.optional(),
  why,
});
export type OriginalLabel = z.infer<typeof originalLabel>;

/** Rules whose positives have no trigger word: they report an absence, or a pair (`other`). */
export const NO_EVIDENCE_RULES: ReadonlySet<string> = new Set(['missing-benefit', 'missing-goal', 'missing-role', 'duplicate']);

export function isJiraLabel(l: DatasetLabel): l is JiraLabel {
  return 'key' in l;
}

/** Cross-field rules a schema cannot say: evidence on positives only, `other` on duplicates only. */
export function shapeProblems(l: { rule: string; expected: boolean; evidence?: string; other?: number; line?: number }): string[] {
  const out: string[] = [];
  if (!l.expected && l.evidence !== undefined) out.push('a negative carries evidence');
  if (l.expected && l.evidence === undefined && !NO_EVIDENCE_RULES.has(l.rule)) out.push('a positive needs evidence');
  if (l.rule === 'duplicate') {
    if (l.other === undefined) out.push('a duplicate label needs "other"');
    else if (l.other === l.line) out.push('"other" is the line itself');
    if (l.evidence !== undefined) out.push('duplicate labels take "other", not evidence');
  } else if (l.other !== undefined) {
    out.push('"other" belongs to duplicate labels only');
  }
  return out;
}

export interface Parsed<T> {
  labels: { lineNo: number; label: T }[];
  problems: string[];
}

/** Parses a JSONL label file; every bad line is reported with its line number and the rest still load. */
export function parseLabels<T>(text: string, schema: z.ZodType<T>, file: string): Parsed<T> {
  const labels: { lineNo: number; label: T }[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const lineNo = i + 1;
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      problems.push(`${file}:${lineNo}: not JSON (${(e as Error).message})`);
      return;
    }
    const r = schema.safeParse(json);
    if (!r.success) {
      problems.push(`${file}:${lineNo}: ${r.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`).join('; ')}`);
      return;
    }
    for (const p of shapeProblems(r.data as Parameters<typeof shapeProblems>[0])) problems.push(`${file}:${lineNo}: ${p}`);
    labels.push({ lineNo, label: r.data });
  });
  return { labels, problems };
}
