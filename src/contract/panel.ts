/** Issue panel resolvers: request and response schemas shared by static/panel and src/forge. */
import { z } from 'zod';
import type { StoryReport } from '../core/story';

export const issueKeySchema = z.string().trim().regex(/^[A-Z][A-Z0-9_]+-\d+$/, 'an issue key such as FOOD-12').max(64);

/** The issue as the panel shows it (plain text; the panel never renders markup). */
export interface PanelIssue {
  key: string;
  summary: string;
  /** Plain text of the description, as the engine's ranges index it. */
  description: string;
  issueType: string;
  projectKey: string;
  /** Jira's `updated` timestamp when read: Apply refuses if the issue changed since. */
  updated: string;
  parentKey: string | null;
}

export interface PanelAnalysis {
  issue: PanelIssue;
  /** False when the issue type is not one the project checks (the panel shows "not a story"). */
  isStory: boolean;
  report: StoryReport;
  /** The last Apply on this issue, which Undo can put back; null when there is none. */
  undo: PanelUndo | null;
  canEdit: boolean;
  /** What Story Health already created or changed from this issue (shown instead of offering it again). */
  actions: PanelAction[];
  /** The action id of each suggestion, in the report's order (null: a rewrite that creates nothing). */
  actionIds: { rewrites: (string | null)[]; splits: string[] };
  /** AI assist is on for the project: the panel asks panel/ai-assist once per view. */
  aiAssist: boolean;
}

/** An issue an action created, read live as the user. */
export interface CreatedIssue {
  key: string;
  summary: string;
  /** Status name; null when the user cannot see it or it is gone. */
  status: string | null;
  statusCategory: 'new' | 'indeterminate' | 'done' | null;
  /** `hidden`: exists but this user may not see it; `deleted`: Jira no longer has it; `unknown`: Jira did not answer. */
  state: 'visible' | 'hidden' | 'deleted' | 'unknown';
}

export interface PanelAction {
  id: string;
  kind: 'make-task' | 'create-split' | 'mark-split';
  /** `partial`: some parts are missing (a retry creates only those); `running`: under way right now. */
  status: 'done' | 'partial' | 'running';
  /** A task's parent story. */
  parentKey: string | null;
  created: CreatedIssue[];
  /** Summaries of the parts not created yet. */
  missing: string[];
  at: string;
  byYou: boolean;
}

/** What Undo would do. */
export interface PanelUndo {
  /** The fields that Apply wrote: Undo restores these and nothing else. */
  fields: ('summary' | 'description')[];
  /** Of those, the ones someone edited since: Undo would overwrite them, so it is not offered. */
  changed: ('summary' | 'description')[];
  appliedAt: string;
  appliedByYou: boolean;
}

/** Jira's limits on what the panel writes: a summary of 1-255 characters, a description of plain text. */
const SUMMARY_MAX = 255;
const summaryToWrite = z.string().trim().min(1).max(SUMMARY_MAX);
const descriptionText = z.string().max(32_768);
/** The issue's `updated` value as the panel loaded it: a write is refused when the issue changed since. */
const loadedUpdated = z.string().min(1).max(64);

export const analyzeRequest = z.object({ issueKey: issueKeySchema }).strict();
export type AnalyzeRequest = z.infer<typeof analyzeRequest>;

/** Score a draft as the user types (no Jira call). */
export const draftRequest = z
  .object({
    issueKey: issueKeySchema,
    summary: z.string().max(SUMMARY_MAX),
    description: descriptionText.optional(),
  })
  .strict();
export type DraftRequest = z.infer<typeof draftRequest>;
export type DraftResult = StoryReport;

export const applyRequest = z
  .object({
    issueKey: issueKeySchema,
    /** The `updated` value the panel loaded; Apply refuses when the issue changed since. */
    expectedUpdated: loadedUpdated,
    summary: summaryToWrite,
    /** Plain text; stored as an ADF paragraph per line. Omitted = description unchanged. */
    description: descriptionText.optional(),
  })
  .strict();
export type ApplyRequest = z.infer<typeof applyRequest>;
export interface ApplyResult {
  updated: string;
  /** False when the issue already read that (nothing was written). */
  changed: boolean;
  /** False when the edit was made but app storage refused the Undo snapshot. */
  undoSaved: boolean;
}

/** Undo compares the written fields' values, not `updated`: nothing else is needed. */
export const undoRequest = z.object({ issueKey: issueKeySchema }).strict();
export type UndoRequest = z.infer<typeof undoRequest>;

export const createSplitRequest = z
  .object({
    issueKey: issueKeySchema,
    stories: z.array(z.object({ summary: summaryToWrite, description: descriptionText.optional() }).strict()).min(1).max(10),
  })
  .strict();
export type CreateSplitRequest = z.infer<typeof createSplitRequest>;
export interface CreateSplitResult {
  created: { key: string; summary: string }[];
  /** Stories still to create (the call stopped to stay inside the platform's time limit): call again. */
  missing: number;
  /** True when these stories had been created before: nothing new was created. */
  alreadyDone: boolean;
}

/** After a split: mark the original (a label and a comment naming its parts, which are linked to it). */
export const markSplitRequest = z.object({ issueKey: issueKeySchema }).strict();
export type MarkSplitRequest = z.infer<typeof markSplitRequest>;
export interface MarkSplitResult {
  label: string;
  parts: string[];
  alreadyDone: boolean;
}

export const makeTaskRequest = z
  .object({
    issueKey: issueKeySchema,
    parentKey: issueKeySchema,
    expectedUpdated: loadedUpdated,
    /** The task's summary (the suggestion's wording); defaults to the original story's summary. */
    summary: summaryToWrite.optional(),
  })
  .strict();
export type MakeTaskRequest = z.infer<typeof makeTaskRequest>;
export interface MakeTaskResult {
  key: string;
  /** True when this task had been created before: nothing new was created. */
  alreadyDone: boolean;
}
