/**
 * Golden cases for the engine's suggestions (test/eval/suggestions/*.json, see the README there):
 * small original projects, each with the rewrites and splits an agile coach accepts. This module is
 * the file format (zod schema) and the loader; `suggestion-cases-check.ts` checks a project's inner
 * consistency and counts the expectations.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SPLIT_PATTERNS } from '../../src/core/story';
import { REPO_ROOT } from './datasets';

export const SUGGESTION_CASES_DIR = join(REPO_ROOT, 'test', 'eval', 'suggestions');

/** Lawrence's splitting patterns as the golden cases name them: the engine's, but for its own
 * `conjunctions` split, which no coach names. */
const casePattern = z.enum(SPLIT_PATTERNS).exclude(['conjunctions']);
export const CASE_SPLIT_PATTERNS = casePattern.options;
export type CaseSplitPattern = z.infer<typeof casePattern>;

export const CASE_REWRITE_KINDS = ['task', 'user-story', 'enabler', 'team-task', 'spike'] as const;
export type CaseRewriteKind = (typeof CASE_REWRITE_KINDS)[number];

const word = z.string().regex(/^[a-z0-9][a-z0-9 .'-]*$/, 'lower-case word or short phrase');
const key = z.string().regex(/^[A-Z][A-Z0-9]*-\d+$/, 'Jira issue key');

const link = z.object({ type: z.string().min(1), direction: z.enum(['inward', 'outward']), key }).strict();

const issue = z
  .object({
    key,
    type: z.string().min(1),
    summary: z.string().min(1),
    description: z.string().min(1).optional(),
    storyPoints: z.number().nonnegative().nullable().optional(),
    parent: key.optional(),
    links: z.array(link).optional(),
  })
  .strict();

const rewrite = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('task'), servedKey: key }).strict(),
  z.object({ kind: z.literal('user-story'), beneficiary: word, mustMention: z.array(word).optional() }).strict(),
  z.object({ kind: z.literal('enabler'), mustMention: z.array(word).optional() }).strict(),
  z.object({ kind: z.literal('team-task') }).strict(),
  z.object({ kind: z.literal('spike'), mustMention: z.array(word).optional() }).strict(),
]);

const slicedSplit = z
  .object({
    pattern: casePattern,
    /** Each inner list: the words one slice must contain. Every list must be met by some slice. */
    slices: z.array(z.array(word).min(1)).min(2),
    /** Only for workflow steps: the slices come in this order. */
    ordered: z.literal(true).optional(),
    /** Operations the role would never perform: no slice's goal may contain these words. */
    forbidden: z.array(word).min(1).optional(),
  })
  .strict();

const expectation = z
  .object({
    key,
    rewrite: rewrite.optional(),
    split: z.union([z.literal('epic'), z.literal('none'), slicedSplit]).optional(),
    acDraft: z.literal(true).optional(),
    finding: z.object({ rule: z.string().min(1), evidence: z.string().min(1) }).strict().optional(),
    none: z.literal(true).optional(),
    /** The coach's reason, for borderline cases. */
    note: z.string().min(1).optional(),
  })
  .strict();

export const suggestionProjectSchema = z
  .object({
    project: z.string().regex(/^[A-Z][A-Z0-9]*$/),
    product: z.string().min(1),
    issues: z.array(issue).min(1),
    expect: z.array(expectation).min(1),
  })
  .strict();

export type SuggestionProject = z.infer<typeof suggestionProjectSchema>;
export type CaseIssue = SuggestionProject['issues'][number];
export type CaseExpectation = SuggestionProject['expect'][number];
export type CaseSlicedSplit = z.infer<typeof slicedSplit>;

export interface LoadedProject {
  file: string;
  project: SuggestionProject;
}

/** Parses one file's text; throws an Error naming the file and the first problems. */
export function parseSuggestionProject(file: string, text: string): SuggestionProject {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`, { cause: e });
  }
  const parsed = suggestionProjectSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${file}: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/** Every `*.json` in the folder, sorted by file name. */
export function loadSuggestionCases(dir: string = SUGGESTION_CASES_DIR): LoadedProject[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, project: parseSuggestionProject(file, readFileSync(join(dir, file), 'utf8')) }));
}
