import type { Rule } from './types';

export const duplicate: Rule = {
  meta: {
    id: 'duplicate',
    criterion: 'backlog',
    scoreAs: null,
    description: 'The story is not identical or nearly identical to another story in the same set.',
    rationale: 'Duplicates split the conversation and get estimated and built twice. Merge them, or make the difference explicit. Near-duplicates are found with MinHash over word shingles and confirmed by exact similarity.',
    defaultSeverity: { recommended: 'warn', strict: 'error' },
    messages: ['duplicate'],
    weight: 0,
    examples: { valid: [], invalid: [] },
  },
  check(story, { backlog }) {
    const others = backlog?.duplicatesOf.get(story.key);
    if (!others || !others.length) return [];
    const similarity = backlog?.similarityOf?.(story.key) ?? 1;
    return [{ messageId: 'duplicate', data: { others: others.join(', '), key: story.key, similarity: Math.round(similarity * 100) }, field: 'summary', range: [0, story.summary.length] }];
  },
};
