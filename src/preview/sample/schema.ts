/**
 * The sample project file the Jira emulator serves (`sample/project.json`): projects, users with
 * their permissions, the site's custom fields, and issues with ADF descriptions and links.
 */
import { z } from 'zod';

/** Problems the sample plants on purpose, with how the sample's README names them. */
export const PLANTED_PROBLEMS = {
  motivating: 'Motivating cases from the mission, nearly verbatim',
  technical: 'Technical stories (implementation work framed as a story)',
  oversized: 'Oversized (epic-sized, "manage …", 13+ points, many criteria, long goal lists)',
  'not-atomic': 'Non-atomic goals ("create and delete", "upload and tag")',
  'horizontal-slice': 'Horizontal slices (one layer: tables, API, frontend only)',
  duplicate: 'Duplicates (stories in identical or near-identical pairs)',
  vague: 'Vague words ("fast", "user-friendly", "all")',
  'missing-role': 'Missing role (title only)',
  'missing-benefit': 'Missing benefit (no "so that")',
  'bracketed-note': 'Bracketed notes in the summary',
  'job-story': 'Job story ("When …, I want …, so I can …")',
  'benefit-first': 'Benefit-first story ("In order to …, as a …, I want …")',
  'text-dependency': 'Dependencies written in the text ("depends on KEY", "after the … story is done")',
  cycle: 'Stories in the dependency cycle (Blocks links)',
  chain: 'Stories in the longest chain of Blocks links',
  hostile: 'Hostile text for rendering tests (script tag, javascript: link, U+202E)',
} as const;
export type PlantedProblem = keyof typeof PLANTED_PROBLEMS;

const key = z.string().regex(/^[A-Z][A-Z0-9]+-\d+$/, 'an issue key such as FOOD-12');

export const sampleLinkSchema = z
  .object({
    /** Jira link type name: Blocks ("blocks" / "is blocked by"), Relates, Duplicate, Cloners. */
    type: z.enum(['Blocks', 'Relates', 'Duplicate', 'Cloners']),
    /** `inward`: the other issue acts on this one (this "is blocked by" key); `outward`: this issue acts on key. */
    direction: z.enum(['inward', 'outward']),
    key,
  })
  .strict();

export const sampleCommentSchema = z
  .object({
    id: z.string().regex(/^\d+$/),
    /** The author's accountId (a user of the file, or the app). */
    author: z.string(),
    /** Atlassian Document Format. */
    body: z.object({ type: z.literal('doc'), version: z.literal(1), content: z.array(z.unknown()) }).passthrough(),
    created: z.string().datetime(),
  })
  .strict();

export const sampleIssueSchema = z
  .object({
    key,
    issueType: z.enum(['Epic', 'Story', 'Task', 'Bug', 'Subtask']),
    summary: z.string().min(1).max(255),
    /** Atlassian Document Format, as Jira Cloud returns it; null for no description. */
    description: z.object({ type: z.literal('doc'), version: z.literal(1), content: z.array(z.unknown()) }).passthrough().nullable(),
    status: z.enum(['To Do', 'In Progress', 'In Review', 'Done']),
    storyPoints: z.number().min(0).nullable(),
    labels: z.array(z.string().regex(/^\S+$/)).default([]),
    /** Parent issue key (an epic for stories; a story for subtasks). */
    parent: key.optional(),
    links: z.array(sampleLinkSchema).default([]),
    /** Issues with a security level are hidden from users who lack it. */
    securityLevel: z.enum(['restricted']).optional(),
    reporter: z.string(),
    created: z.string().datetime(),
    updated: z.string().datetime(),
    /** Entity properties already set on the issue. */
    properties: z.record(z.string(), z.unknown()).default({}),
    /** Comments, oldest first (absent until someone comments). */
    comments: z.array(sampleCommentSchema).optional(),
    /**
     * What the sample plants in this issue on purpose, for its README and tests: the problems, and
     * the story an unlinked duplicate copies. Jira has no such field; the emulator never serves it.
     */
    planted: z
      .object({
        problems: z.array(z.enum(Object.keys(PLANTED_PROBLEMS) as [PlantedProblem, ...PlantedProblem[]])).default([]),
        copyOf: key.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const sampleUserSchema = z
  .object({
    accountId: z.string().min(1),
    displayName: z.string().min(1),
    emailAddress: z.string().email(),
    /**
     * Project key -> role. Admins may change project settings; members browse, create, edit and
     * link; viewers may only browse.
     */
    projects: z.record(z.string(), z.enum(['admin', 'member', 'viewer'])),
    /** Security levels this user holds; without `restricted` the user cannot browse restricted issues. */
    securityLevels: z.array(z.enum(['restricted'])).default([]),
  })
  .strict();

const customFieldSchema = z.object({ id: z.string().regex(/^customfield_\d+$/), name: z.string() });

export const sampleProjectSchema = z
  .object({
    id: z.string().regex(/^\d+$/),
    key: z.string().regex(/^[A-Z][A-Z0-9]+$/),
    name: z.string(),
    description: z.string().optional(),
    /**
     * The story points field this project's screens use (an id of `fields.storyPoints` or
     * `fields.extraStoryPoints`); default `fields.storyPoints`. Real sites differ per project:
     * team-managed "Story point estimate", company-managed "Story Points".
     */
    storyPointsField: z.string().regex(/^customfield_\d+$/).optional(),
    /** What this project calls its sub-task issue type (default "Subtask"; classic projects say "Sub-task"). */
    subtaskTypeName: z.string().min(1).max(60).optional(),
    /** Project entity properties (`/project/{key}/properties/{propertyKey}`), by key. */
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const sampleProjectFileSchema = z
  .object({
    fields: z
      .object({
        storyPoints: customFieldSchema,
        /** More story points fields on the site, used by the projects that name them. */
        extraStoryPoints: z.array(customFieldSchema).optional(),
        acceptanceCriteria: customFieldSchema.optional(),
      })
      .strict(),
    projects: z.array(sampleProjectSchema).min(1),
    users: z.array(sampleUserSchema).min(2),
    issues: z.array(sampleIssueSchema),
  })
  .strict();

export type SampleLink = z.infer<typeof sampleLinkSchema>;
export type SampleComment = z.infer<typeof sampleCommentSchema>;
export type SampleIssue = z.infer<typeof sampleIssueSchema>;
export type SampleUser = z.infer<typeof sampleUserSchema>;
export type SampleProject = z.infer<typeof sampleProjectSchema>;
export type SampleProjectFile = z.infer<typeof sampleProjectFileSchema>;
