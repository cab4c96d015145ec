/** Set-level (backlog) analysis: pure functions over all the stories at once. */
export { findDuplicates, duplicateGroups, duplicateSimilarity, DEFAULT_DUPLICATE_THRESHOLD } from './duplicates';
export type { DuplicateItem, DuplicateOptions, Partners } from './duplicates';
export { duplicateItem } from './duplicate-item';
export { dependencyGraph, linkDependency } from './dependencies';
export type { DependencyItem, DependencyGraph } from './dependencies';
export { normalizePersona, personaInventory } from './personas';
export { uniformity, TEMPLATE_FORMS, CONVENTION_MIN_SHARE, CONVENTION_MIN_COUNT } from './uniformity';
export { findIssueKeyMentions } from './keys';
