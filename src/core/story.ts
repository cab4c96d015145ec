/**
 * The vocabulary of the whole app: what a story is, what a finding is, what a suggestion is.
 * Everything here is plain JSON so it crosses the Forge bridge, the CLI and the browser unchanged.
 */

/** The INVEST letters, the user-story template, and set-level checks. */
export const CRITERIA = [
  'independent',
  'negotiable',
  'valuable',
  'estimable',
  'small',
  'testable',
  'template',
] as const;
export type Criterion = (typeof CRITERIA)[number];
/**
 * Backlog rules (duplicate, non-uniform) report against a criterion too; `backlog` is their family.
 * `engine` marks an `engine-error` finding: the engine failed, it is not a verdict on the story.
 */
export type RuleCriterion = Criterion | 'backlog' | 'engine';

/** ESLint-style: severity belongs to configuration, not to the rule. */
export const SEVERITIES = ['off', 'info', 'warn', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type ActiveSeverity = Exclude<Severity, 'off'>;

/** The text fields a finding can point into. Ranges are `[start, end)` in that field's plain text. */
export type Field = 'summary' | 'description' | 'acceptanceCriteria';
export type Range = [number, number];

export type DescriptionFormat = 'adf' | 'wiki' | 'html' | 'markdown' | 'text';

export interface StoryLink {
  /** Link type name as Jira names it, e.g. "Blocks", "Relates", "Duplicate", or the phrase "is blocked by". */
  type: string;
  /** `inward` = the other issue acts on this one (this issue "is blocked by" key); `outward` = this issue acts on key. */
  direction: 'inward' | 'outward';
  key: string;
}

/**
 * A story as it arrives from any reader (CLI files, Jira REST, the emulator).
 * `description` may be ADF JSON, wiki markup, HTML, Markdown or plain text; the engine normalizes it.
 */
export interface StoryInput {
  key?: string;
  summary: string;
  description?: unknown;
  descriptionFormat?: DescriptionFormat;
  acceptanceCriteria?: unknown;
  /** `undefined`: the source has no such field (not reported); `null`: the field exists and is empty. */
  storyPoints?: number | null;
  issueType?: string;
  labels?: string[];
  links?: StoryLink[];
  parent?: string;
  /** What Jira's `parent` field (or a "Parent summary" column) says of the parent: its summary and issue type. */
  parentSummary?: string;
  parentType?: string;
  status?: string;
  /** `line`: a bare story sentence (one line of a .txt file, a draft); `issue`: issue data with fields. */
  source?: 'line' | 'issue';
}

/** A titled part of the description, with its range in the description's plain text. */
export interface Section {
  heading: string | null;
  text: string;
  start: number;
  end: number;
}

/** An epic holding slices of a story whose goal spans it. */
export interface EpicSlices {
  key: string;
  summary: string;
  stories: number;
}

/** The normalized story every rule sees. Small on purpose: five fields and what we derive from them. */
export interface Story {
  key: string;
  summary: string;
  /** Plain text of the description (markup removed). */
  description: string;
  sections: Section[];
  /** Acceptance criteria items found in the description or the dedicated field, in order. */
  acceptanceCriteria: string[];
  /** Plain text of a dedicated acceptance-criteria field, when the source had one. */
  acceptanceCriteriaText: string;
  storyPoints: number | null | undefined;
  issueType: string | undefined;
  labels: string[];
  links: StoryLink[];
  parent: string | undefined;
  parentSummary?: string;
  parentType?: string;
  source: 'line' | 'issue';
  /** Fields the engine cut to its bounds before analyzing them (absent when nothing was cut). */
  truncated?: Truncation[];
}

/**
 * Text the engine did not read in full: a field cut to the engine's bound, or a story sentence
 * longer than the template parser reads. Reports say so instead of judging unread text.
 */
export interface Truncation {
  field: Field;
  /** `field`: the field itself was cut; `sentence`: the story sentence in it was read only in part. */
  part: 'field' | 'sentence';
  /** Characters analyzed (from the start). */
  analyzed: number;
  /** Characters the field (as given, markup included) or the sentence has. */
  total: number;
}

/** Where the story sentence was found. `range` is in that field's plain text. */
export interface Span {
  text: string;
  range: Range;
}

export type TemplateForm =
  | 'role-goal-benefit' /* As a …, I want …, so that … */
  | 'benefit-first' /* In order to …, as a …, I want … */
  | 'job-story' /* When …, I want to …, so I can … */
  | 'i-want' /* I want … (no role) */
  | 'none';

export interface TemplateParse {
  form: TemplateForm;
  /** Which field holds the story sentence. */
  field: Field;
  /** Range of the whole story sentence in that field. */
  sentence: Span | null;
  role: Span | null;
  /** The role with its article stripped and lower-cased, e.g. "site administrator". */
  roleName: string | null;
  /** The indicator phrase that opens the role ("As a", "As an", "When"). */
  roleIndicator: Span | null;
  goal: Span | null;
  goalIndicator: Span | null;
  benefit: Span | null;
  benefitIndicator: Span | null;
  /** Text after the benefit (or goal) that is not part of the template: notes, extra sentences. */
  trailing: Span | null;
  /** For job stories, the situation ("When …"). */
  situation: Span | null;
  /**
   * Set when the line holding the story sentence is longer than the parser reads: parts not found
   * in the analyzed start may lie beyond it, so they are unknown rather than missing.
   */
  cut?: { analyzed: number; total: number };
}

export interface Finding {
  ruleId: string;
  criterion: RuleCriterion;
  severity: ActiveSeverity;
  messageId: string;
  data: Record<string, string | number>;
  /** Rendered from the locale table; tests assert messageId and data, never this. */
  message: string;
  field?: Field;
  range?: Range;
  /** technical-story findings: the kind of work (technical, team, spike), because the fix differs. */
  kind?: WorkKind;
}

/**
 * What kind of work an item is: a user story (a capability someone uses), technical work (a
 * construction artefact or an operation on the system), team work (the team is the beneficiary), or
 * a spike (a question to answer). The fix differs for each.
 */
export const WORK_KINDS = ['user', 'technical', 'team', 'spike'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/**
 * What a rewrite makes of work that is not a user story: a user story in the beneficiary's voice, a
 * task (sub-task) of the user story it serves, an explicit enabler, a task for the team, or a
 * time-boxed spike stating its question.
 */
export type RewriteKind = 'user-story' | 'task' | 'enabler' | 'team-task' | 'spike';

export interface Rewrite {
  kind: RewriteKind;
  summary: string;
  description?: string;
  /** Why this rewrite, in one or two plain sentences. */
  rationale: string;
  /** For `task`: the user story this work serves. */
  parentKey?: string;
  /** Visible placeholders left where a fact could not be found, e.g. "<who benefits?>". */
  placeholders: string[];
  /**
   * The engine checked the suggestion by analyzing it like any story and it is right as it stands:
   * it may be offered with an Apply / Create button. False (or absent) means a draft to edit.
   */
  appliable?: boolean;
  /** What the self-check verified or found, in plain words (shown with the rationale). */
  checks?: string[];
  /** Why the evidence for this fix is thin (the role alone says it is team work): it stays a draft that says so. */
  doubt?: string;
}

export const SPLIT_PATTERNS = [
  'workflow-steps',
  'operations',
  'business-rules',
  'data-variations',
  'interface-variations',
  'scenarios',
  'simple-complex',
  'defer-performance',
  'spike',
  'conjunctions',
] as const;
export type SplitPattern = (typeof SPLIT_PATTERNS)[number];

export interface SplitStory {
  summary: string;
  description?: string;
}

export interface Split {
  pattern: SplitPattern;
  rationale: string;
  stories: SplitStory[];
  placeholders: string[];
  /** Every part passed the engine's self-check and holds no placeholder: Create may be offered. */
  appliable?: boolean;
  checks?: string[];
}

export type CriteriaScores = Record<Criterion, number>;

export interface StoryReport {
  key: string;
  summary: string;
  score: number;
  criteria: CriteriaScores;
  template: {
    form: TemplateForm;
    role: string | null;
    goal: string | null;
    benefit: string | null;
  };
  /** True for any work that is not a user story (technical, team work or a spike). */
  technical: boolean;
  /** What kind of work this is; `technical` is true exactly when this is not `user`. */
  kind: WorkKind;
  /** Story-level findings: what the score and criteria count. */
  findings: Finding[];
  /**
   * Backlog findings (duplicate, non-uniform …: they exist only by comparing stories), reported beside
   * the story and never scored. Empty when the story was analyzed without its neighbours.
   */
  backlogFindings: Finding[];
  rewrites: Rewrite[];
  splits: Split[];
  /** The story's slices already exist (children, linked parts, or the epics in `slicesUnder`): it is an epic, not re-split. */
  existingSlices?: string[];
  /** Set when the story's goal spans epics that already hold its slices: each epic, its title and how many stories it holds. */
  slicesUnder?: EpicSlices[];
  /** Drafted Given/When/Then acceptance criteria for a story without any: a draft to edit, never applied as is. */
  acceptanceDraft?: string[];
  /** Text the engine cut before analyzing it (absent when it read everything). */
  truncated?: Truncation[];
  /**
   * Set when the engine could not analyze the story at all. Its `score` and `criteria` are then 0
   * placeholders, not a verdict: every surface shows the error instead, and backlog scores leave it out.
   */
  failed?: EngineFailure;
}

/** The stages of the engine a failure is attributed to. */
export type EngineStage = 'prepare' | 'analyze' | 'rule' | 'suggestion' | 'backlog';

export interface EngineFailure {
  stage: EngineStage;
  /** The error's own message, one line (never a stack). */
  message: string;
}

export interface DuplicateCluster {
  keys: string[];
  /** Jaccard similarity estimate of the closest pair, 0..1. */
  similarity: number;
}

export interface PersonaCount {
  persona: string;
  count: number;
  keys: string[];
}

export interface BacklogSummary {
  /** Stories with a verdict (analyzed); every score and count below is over these. */
  count: number;
  /** Keys of stories the engine could not analyze (`failed` on their reports), in input order. */
  failed: string[];
  /** Set-level checks that could not run (the per-story results stand), each with the error's message. */
  failedChecks?: { check: 'backlog-context' | 'dependencies'; message: string }[];
  score: number;
  criteria: CriteriaScores;
  technicalCount: number;
  duplicates: DuplicateCluster[];
  personas: PersonaCount[];
  /** Keys of stories whose role is missing: they serve nobody we can name. */
  servesNobody: string[];
  dependencyCycles: string[][];
  longestBlockedChain: string[];
  uniformity: { dominantForm: TemplateForm; share: number };
  /** Histogram of story scores in 10-point buckets: index 0 = 0–9 … index 10 = 100. */
  scoreHistogram: number[];
  /** Number of stories that have a finding of each rule. */
  ruleCounts: Record<string, number>;
}

export interface AnalysisReport {
  tool: { name: string; version: string; engineVersion: string };
  stories: StoryReport[];
  backlog: BacklogSummary;
}
