import type { Report, Rule } from './types';
import { areaTitle, dataKinds, epicVerb, featureArea, integration, platformList, unbounded, type Signal } from '../epic-signals';
import { tokenize } from '../tokens';

export const oversized: Rule = {
  meta: {
    id: 'oversized',
    criterion: 'small',
    scoreAs: 'small',
    description: 'The story fits in a sprint: points within the project\'s threshold, no epic signals.',
    rationale: 'Big stories hide risk and cannot be finished in one iteration. Signals: points above the threshold (default 8); "manage", "maintain" or "administer" wherever it stands in the goal ("use the app to manage my agenda"), unless it is about one small thing ("manage my privacy settings"); three or more capabilities; more acceptance criteria than the project allows (default 8); a whole feature area ("a billing system", "use it for navigation"); an integration of two systems; three or more platforms or interfaces ("on my computer, tablet and phone"); a goal without a bound ("as much material as possible"); four or more kinds of data for one operation ("upload photos, videos, menus and receipts": data variations). A long list of fields, values, roles or examples is not a signal: one screen shows them all. Split into thin vertical slices; the panel proposes splits named after the pattern used.',
    defaultSeverity: { recommended: 'warn', strict: 'error' },
    messages: ['points', 'epicVerb', 'manyGoals', 'manyCriteria', 'featureArea', 'integration', 'platforms', 'unbounded', 'longList'],
    weight: 1.5,
    examples: {
      valid: [
        { summary: 'As an admin, I want to draw a zone on a picture, so that uploads are cut into it.', source: 'issue', storyPoints: 3 },
        { summary: 'As a member, I want to enter my name, email, phone, street, city and postcode, so that the shop can deliver.' },
        { summary: 'As a member, I want to manage my privacy settings, so that I control what others see.' },
      ],
      invalid: [
        { summary: 'As an admin, I want to draw a zone on a picture, so that uploads are cut into it.', source: 'issue', storyPoints: 13 },
        { summary: 'As an admin, I want to manage picture models, so that uploads are cut correctly.' },
        { summary: 'As an admin, I want to upload, crop, rotate and tag pictures, so that the catalogue looks right.' },
        { summary: 'As a shop owner, I want to have a billing system, so that I can charge my customers.' },
        { summary: 'As a traveller, I want to use the app on my laptop, tablet and phone.' },
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
    const at = (messageId: string, signal: Signal | null, key: string, f = field, text = facts.fieldText) => {
      if (signal) out.push({ messageId, data: { [key]: text.slice(signal.match.start, signal.match.end) }, field: f, range: [signal.match.start, signal.match.end] });
    };
    const t = facts.goalTokens;
    at('epicVerb', epicVerb(t, lexicons), 'verb');
    if (facts.actions.length >= 3) {
      const first = facts.actions[0]!;
      const last = facts.actions[facts.actions.length - 1]!;
      out.push({ messageId: 'manyGoals', data: { count: facts.actions.length }, field, range: [first.range[0], last.range[1]] });
    }
    const max = settings.maxAcceptanceCriteria;
    if (story.acceptanceCriteria.length > max) {
      out.push({ messageId: 'manyCriteria', data: { count: story.acceptanceCriteria.length, max } });
    }
    if (template.goal) at('featureArea', featureArea(t, facts.actions.map((a) => a.verb)), 'area');
    else if (template.form === 'none') at('featureArea', areaTitle(tokenize(story.summary)), 'area', 'summary', story.summary);
    at('integration', integration(t), 'text');
    at('platforms', platformList(t), 'text');
    at('unbounded', unbounded(t), 'text');
    const first = facts.actions[0];
    if (first && facts.actions.length === 1) {
      const kinds = dataKinds(t, template.goal?.text ?? '', t.starts.indexOf(first.range[0]), lexicons);
      if (kinds) out.push({ messageId: 'longList', data: { count: kinds.count, text: facts.fieldText.slice(kinds.match.start, kinds.match.end) }, field, range: [kinds.match.start, kinds.match.end] });
    }
    return out;
  },
};
