/**
 * What comparing the stories of a set tells the backlog rules (duplicate, non-uniform) and the
 * suggestions (the user story a technical story serves). Never read for a story's score: that reads
 * the project context (project-context.ts) only.
 */
import type { DuplicateCluster, PersonaCount, StoryLink, TemplateForm } from '../story';

export interface RelatedStory {
  key: string;
  summary: string;
  persona: string | null;
  /** Shared domain words / union, 0..1. */
  score: number;
}

/** One story as the story graph sees it (suggest/graph.ts): who asks, where it hangs, what it is about. */
export interface GraphStory {
  key: string;
  summary: string;
  /** A user story: a role that is a user of the product, in an issue type that is not a task. */
  userStory: boolean;
  persona: string | null;
  issueType: string | undefined;
  parent: string | undefined;
  links: readonly StoryLink[];
  /** Topical concepts (lemma or synonym head) of the goal and benefit, for shared domain phrases. */
  concepts: readonly string[];
  /** The goal's own concepts: what the story offers (a shared benefit alone serves nothing). */
  goalConcepts: readonly string[];
  /** Concept of the goal's head verb ("search" for "search customers"), or null. */
  act: string | null;
  /** Concepts of every act the goal joins ("filter and sort restaurants": filter, sort). */
  acts: readonly string[];
  /** What Jira's parent field says of the parent (its summary and type), when the source gave it. */
  parentSummary: string | undefined;
  parentType: string | undefined;
}

/**
 * A parent that holds stories of the set (most often an epic), as its children's parent field or
 * the set itself describes it: what the story graph compares a whole-product story with.
 */
export interface EpicNode {
  key: string;
  summary: string;
  /** Topical concepts of what it is about: its goal when it is a story of the set, else its title. */
  concepts: readonly string[];
  /** Its children that are stories for someone (slices), in input order. */
  slices: readonly string[];
  /** How many of its children in the set are stories (by issue type, or of no type given): what a reader counts. */
  stories: number;
}

export interface BacklogContext {
  duplicateClusters: DuplicateCluster[];
  /** Story key -> keys of its near-duplicates in the set. */
  duplicatesOf: ReadonlyMap<string, string[]>;
  nonUniform: ReadonlySet<string>;
  dominantForm: TemplateForm;
  /** Share of stories written in the dominant form, 0..1. */
  uniformityShare: number;
  /** Keys of stories with no story sentence naming a role: they serve nobody we can name. */
  servesNobody: string[];
  personas: PersonaCount[];
  /** Highest similarity of a story to its duplicates, 0..1. */
  similarityOf?(key: string): number;
  /** User stories (not technical) that share domain words with the given words, best first. */
  related(key: string, domainWords: readonly string[]): RelatedStory[];
  /** The story graph: a story of the set by key (absent in contexts built without it). */
  story?(key: string): GraphStory | undefined;
  /** Keys of the stories whose parent is `key`, in input order. */
  childrenOf?(key: string): readonly string[];
  /** Every story of the set, in input order (for shared domain phrases). */
  graphStories?(): readonly GraphStory[];
  /** The parents that hold two or more slices, built on first use (only suggestions ask). */
  epics?(): readonly EpicNode[];
}
