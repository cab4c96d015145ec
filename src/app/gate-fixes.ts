/**
 * How to fix a story's top finding, in one imperative sentence: what the quality gate's message
 * says after naming the finding (the panel on the issue shows the evidence and a suggested rewrite).
 */
const FIXES: Record<string, string> = {
  'missing-role': 'Say who wants it: start with "As a <role>".',
  'missing-goal': 'Say what they want to do: "I want <goal>".',
  'missing-benefit': 'Add why it matters: "so that <benefit>".',
  'weak-benefit': 'Name the value the user gets, not the feature again.',
  'not-atomic': 'Split it: one capability per story.',
  'not-minimal': 'Move notes and design detail out of the story text.',
  'technical-story': 'Rewrite it in the voice of the person who benefits, or make it a task of the story it serves.',
  'implementation-detail': 'Describe what the user needs, not how it is built.',
  dependency: 'Remove or link the dependency so the story can be done on its own.',
  'vague-term': 'Replace vague words with a measure or an example.',
  'missing-estimate': 'Estimate it with the team.',
  oversized: 'Split it into stories the team can finish in a sprint.',
  'horizontal-slice': 'Slice it vertically: a thin piece the user can use end to end.',
  'missing-acceptance-criteria': 'Add acceptance criteria the team can test.',
  'engine-error': 'Edit the story or ask your Jira admin: Story Health could not analyze it.',
};

export function fixFor(ruleId: string): string {
  return FIXES[ruleId] ?? 'Open Story Health on this issue for the evidence and a suggested rewrite.';
}
