/** Set-level (backlog) analysis: pure functions over all the stories at once. */
export { findDuplicates, duplicateSimilarity, DEFAULT_DUPLICATE_THRESHOLD } from './duplicates';
export type { DuplicateOptions } from './duplicates';
export { dependencyGraph, linkDependency } from './dependencies';
export type { DependencyItem, DependencyGraph } from './dependencies';
export { normalizePersona, personaInventory } from './personas';
export { uniformity, TEMPLATE_FORMS, CONVENTION_MIN_SHARE, CONVENTION_MIN_COUNT } from './uniformity';
export { findIssueKeyMentions } from './keys';
