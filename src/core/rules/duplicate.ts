import type { Rule } from './types';

export const duplicate: Rule = {
  meta: {
    id: 'duplicate',
    criterion: 'backlog',
    scoreAs: null,
    description: 'The story does not ask for what another story in the same set asks for.',
    rationale: 'Duplicates split the conversation and get estimated and built twice. Merge them (naming every role that needs the feature), or make the difference explicit. Stories are compared by their goals, by meaning (lemmas and synonyms: "see" and "view", "photos" and "images"): the same goal under another role or with another reason is one feature; a goal wholly inside another one ("pay for small amounts" in "use the app to pay for small amounts") is a duplicate of it; stories with identical summaries are duplicates whatever their descriptions say. A replaced word ("create" / "delete", "web interface" / "network drive") or a negation ("loan" / "non-loan") makes two stories; a goal too short to tell ("publish a dataset") is compared with its benefit. Near-duplicates are found with MinHash over words and shingles and confirmed by exact similarity; a story is reported with the stories it was paired with, not with every story of its cluster.',
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
