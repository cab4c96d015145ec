/**
 * The Rovo agent's actions (`action` modules): their inputs as Rovo passes them (the inputs the
 * manifest declares, plus `context` with the Jira issue or project the chat is on), validated, and
 * their structured outputs: the engine's findings and suggestions, not free text.
 */
import { z } from 'zod';
import { issueKeySchema } from './panel';

const projectKeySchema = z.string().trim().regex(/^[A-Z][A-Z0-9_]+$/, 'a project key such as FOOD').max(32);

/** Rovo's `context.jira` on an issue or project page (only what the actions read). */
const jiraContext = z.object({ issueKey: z.unknown().optional(), projectKey: z.unknown().optional() }).passthrough();
const rovoContext = z.object({ jira: jiraContext.optional() }).passthrough();

/**
 * An action's payload naming one thing (`name`): the model-extracted value wins when it is valid,
 * else the page's (Rovo's `context.jira[name]`).
 */
function namedPayload<K extends 'issueKey' | 'projectKey'>(name: K, keySchema: z.ZodType<string>, missing: string) {
  return z
    .object({ context: rovoContext.optional() })
    .catchall(z.unknown())
    .transform((p, ctx) => {
      for (const candidate of [p[name], p.context?.jira?.[name]]) {
        const parsed = keySchema.safeParse(typeof candidate === 'string' ? candidate.toUpperCase() : candidate);
        if (parsed.success) return { [name]: parsed.data } as Record<K, string>;
      }
      ctx.addIssue({ code: 'custom', message: missing, path: [name] });
      return z.NEVER;
    });
}

export const issueActionPayload = namedPayload('issueKey', issueKeySchema, 'Name the issue: an issue key such as FOOD-12.');
export const projectActionPayload = namedPayload('projectKey', projectKeySchema, 'Name the project: a project key such as FOOD.');

export interface AgentFinding {
  ruleId: string;
  severity: string;
  criterion: string;
  message: string;
}

/** Every action answers `{ok: true, ...}` or `{ok: false, error: {code, message}}`: the agent words it. */
export type AgentResult<T> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string } };

export interface CheckStoryResult {
  issueKey: string;
  summary: string;
  isStory: boolean;
  score: number;
  grade: 'healthy' | 'needs work' | 'poor';
  kind: string;
  criteria: Record<string, number>;
  findings: AgentFinding[];
  backlogFindings: AgentFinding[];
}

export interface RewriteResult {
  issueKey: string;
  /** `parentKey`: for a task, the story it serves; `checks`: what the engine's self-check verified or found. */
  rewrites: { kind: string; summary: string; description?: string; rationale: string; parentKey?: string; placeholders: string[]; checked: boolean; checks: string[] }[];
}

export interface SplitResult {
  issueKey: string;
  splits: { pattern: string; rationale: string; stories: { summary: string; description?: string }[]; placeholders: string[]; checked: boolean; checks: string[] }[];
  /** The story's parts already exist: it is an epic, not split again. */
  existingSlices: string[];
}

export interface BacklogHealthResult {
  projectKey: string;
  scannedAt: string | null;
  stories: number;
  score: number | null;
  grade: 'healthy' | 'needs work' | 'poor' | null;
  passRates: Record<string, number>;
  counts: Record<string, number>;
  fixFirst: { key: string; score: number; ruleId: string | null }[];
  /** Stories in the snapshot this user may not browse (left out of the lists). */
  hiddenStories: number;
  /** When there is no scan yet: what to do. */
  note?: string;
}
