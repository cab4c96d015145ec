/**
 * What comparing the stories of a set tells the backlog rules (duplicate, non-uniform) and the
 * suggestions (the user story a technical story serves). Never read for a story's score: that reads
 * the project context (project-context.ts) only.
 */
import type { DuplicateCluster, PersonaCount, TemplateForm } from '../story';

export interface RelatedStory {
  key: string;
  summary: string;
  persona: string | null;
  /** Shared domain words / union, 0..1. */
  score: number;
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
}
