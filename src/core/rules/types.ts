/** The shape of a rule: metadata plus a pure check (ESLint-style, STYLE.md §1). */
import type { Settings } from '../config';
import type { Criterion, Field, Range, RuleCriterion, Severity, Story, StoryInput, TemplateParse, WorkKind } from '../story';
import type { Lexicons } from '../lexicons';
import type { Facts } from '../facts';
import type { BacklogContext } from '../backlog/context';
import type { TechnicalAssessment } from '../work-kind';

export interface RuleExample extends Partial<StoryInput> {
  summary: string;
}

export interface RuleMeta {
  id: string;
  criterion: RuleCriterion;
  /**
   * The INVEST letter or template score a finding lowers; null for a backlog rule (criterion
   * `backlog`): its findings exist only by comparing stories, are reported beside the story and are
   * never scored, so a story's score does not depend on which neighbours were loaded.
   */
  scoreAs: Criterion | null;
  /** One plain sentence: what the rule checks. */
  description: string;
  /** Why it matters and how to fix it, for the rules catalogue. */
  rationale: string;
  defaultSeverity: { recommended: Severity; strict: Severity };
  /** Message ids this rule reports; wording lives in the locale table. */
  messages: readonly string[];
  /** Relative weight in the criterion score (1 = normal; 0 for a backlog rule). */
  weight: number;
  /** Examples run as tests and shown in docs/rules.md. */
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  field?: Field;
  range?: Range;
  /** technical-story: what kind of work this is, so the fix can differ. */
  kind?: WorkKind;
}

/** What story rules may know of the project (the project context, each lookup remembered; settings win). */
export interface ProjectLookups {
  /** Do the project's users use this word in their goals (two stories or more)? Their domain. */
  userWord(word: string): boolean;
  /** Is this builder-looking role a real user in this project? */
  userRole(role: string): boolean;
  /** Does the product serve builders (an SDK, a CLI, a data tool)? */
  builderProduct(): boolean;
}

export interface RuleContext {
  settings: Settings;
  template: TemplateParse;
  lexicons: Lexicons;
  facts: Facts;
  technical: TechnicalAssessment;
  /** The project context, for story rules (their findings are scored). */
  project: ProjectLookups;
  /** Comparing the story with its neighbours: for backlog rules only (duplicate, non-uniform), never scored. */
  backlog: BacklogContext | null;
}

export interface Rule {
  meta: RuleMeta;
  check(story: Story, ctx: RuleContext): Report[];
}
