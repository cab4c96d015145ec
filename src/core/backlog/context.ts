/** What backlog-level analysis tells the per-story rules and suggestions. */
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
  /** Keys of stories with no role: they serve nobody we can name. */
  servesNobody: string[];
  /** Builder-looking roles that this backlog shows to be real users (a product for developers). */
  userRoles: ReadonlySet<string>;
  /** Words that the goals of the backlog's user stories (not builders' or the team's) use: the product's domain. */
  userVocabulary: ReadonlySet<string>;
  /** The words a good share of the user stories use (the product's core, e.g. "estimate" in a planning-poker app). */
  userCoreVocabulary: ReadonlySet<string>;
  /** The product serves builders (an SDK, a CLI, a data tool): developers are its users, their artefacts its domain. */
  builderProduct: boolean;
  personas: PersonaCount[];
  /** Normalized persona names, for recognizing a beneficiary named in a benefit. */
  personaNames: ReadonlySet<string>;
  /** Highest similarity of a story to its duplicates, 0..1. */
  similarityOf?(key: string): number;
  /** User stories (not technical) that share domain words with the given words, best first. */
  related(key: string, domainWords: readonly string[]): RelatedStory[];
}
