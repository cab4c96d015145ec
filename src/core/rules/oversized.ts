import type { Report, Rule } from './types';

export const oversized: Rule = {
  meta: {
    id: 'oversized',
    criterion: 'small',
    scoreAs: 'small',
    description: 'The story fits in a sprint: points within the project\'s threshold, no epic signals.',
    rationale: 'Big stories hide risk and cannot be finished in one iteration. Signals: points above the threshold (default 8), "manage …" goals, three or more capabilities, many acceptance criteria, long lists. Split into thin vertical slices; the panel proposes splits named after the pattern used.',
    defaultSeverity: { recommended: 'warn', strict: 'error' },
    messages: ['points', 'epicVerb', 'manyGoals', 'manyCriteria', 'longList'],
    weight: 1.5,
    examples: {
      valid: [
        { summary: 'As an admin, I want to draw a zone on a picture, so that uploads are cut into it.', source: 'issue', storyPoints: 3 },
      ],
      invalid: [
        { summary: 'As an admin, I want to draw a zone on a picture, so that uploads are cut into it.', source: 'issue', storyPoints: 13 },
        { summary: 'As an admin, I want to manage picture models, so that uploads are cut correctly.' },
        { summary: 'As an admin, I want to upload, crop, rotate and tag pictures, so that the catalogue looks right.' },
      ],
    },
  },
  check(story, { template, facts, lexicons, settings }) {
    const out: Report[] = [];
    const field = template.field;
    const threshold = settings.oversizeThreshold;
    if (typeof story.storyPoints === 'number' && story.storyPoints > threshold) {
      out.push({ messageId: 'points', data: { points: story.storyPoints, threshold } });
    }
    const epic = lexicons.epicVerbs.find(facts.goalTokens, 0, Math.min(3, facts.goalTokens.words.length))[0];
    if (epic && epic.first === 0) {
      out.push({ messageId: 'epicVerb', data: { verb: facts.fieldText.slice(epic.start, epic.end) }, field, range: [epic.start, epic.end] });
    }
    if (facts.actions.length >= 3) {
      const first = facts.actions[0]!;
      const last = facts.actions[facts.actions.length - 1]!;
      out.push({ messageId: 'manyGoals', data: { count: facts.actions.length }, field, range: [first.range[0], last.range[1]] });
    }
    const max = settings.maxAcceptanceCriteria;
    if (story.acceptanceCriteria.length > max) {
      out.push({ messageId: 'manyCriteria', data: { count: story.acceptanceCriteria.length, max } });
    }
    const goal = template.goal;
    if (goal && facts.actions.length < 3) {
      const commas = goal.text.split(/,|\band\b|\bor\b/).length - 1;
      if (commas >= 4) out.push({ messageId: 'longList', data: { count: commas + 1 }, field, range: goal.range });
    }
    return out;
  },
};
