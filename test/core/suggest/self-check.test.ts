/** The self-check: a suggestion is appliable only when the engine, reading it as a story, finds nothing wrong. */
import { analyzeStory } from '../../../src/core/analyze';
import { lexiconsFor } from '../../../src/core/lexicons';
import { checkSplit, type Scored } from '../../../src/core/suggest/self-check';
import { parseTemplate } from '../../../src/core/template';
import type { CriteriaScores, Split } from '../../../src/core/story';

const lex = lexiconsFor(null);
const score = (summary: string): Scored => {
  const r = analyzeStory({ summary, source: 'line' });
  return { kind: r.kind, criteria: r.criteria, findings: r.findings, template: parseTemplate(summary, '') };
};
const low: CriteriaScores = { independent: 100, negotiable: 100, valuable: 100, estimable: 100, small: 50, testable: 100, template: 100 };
const original = { criteria: low, domainWords: ['zones', 'picture'], criteriaWords: [['zone', 'moves', 'when', 'drag', 'inside', 'resizes', 'corner']] };
const split = (...summaries: string[]): Split => ({ pattern: 'operations', rationale: '', stories: summaries.map((summary) => ({ summary })), placeholders: [] });

test('parts that read as atomic user stories keeping the domain and scoring higher on small are appliable', () => {
  const s = checkSplit(split('As an admin, I want to create zones, so that the model fits the picture.', 'As an admin, I want to delete zones, so that the model fits the picture.'), original, score, lex);
  expect(s.appliable).toBe(true);
  expect(s.checks?.[0]).toMatch(/scores higher on small/);
});

test.each([
  ['a placeholder', 'As an admin, I want to <other operations> zones, so that the model fits the picture.', /placeholders/],
  ['"I want to" without a verb', 'As an admin, I want to zones on a picture, so that the model fits the picture.', /not followed by a verb/],
  ['technical work', 'As an admin, I want to refactor the zone service, so that the model fits the picture.', /technical work/],
  ['a part that still joins two acts', 'As an admin, I want to create zones and delete pictures, so that the model fits the picture.', /more than one thing/],
  ['a benefit restating the goal', 'As an admin, I want to create zones, so that I can create zones.', /restates/],
  ['a pasted criterion', 'As an admin, I want to see the zone moves when I drag its inside and resizes at a corner, so that the model fits the picture.', /acceptance criterion/],
  ['lost domain objects', 'As an admin, I want to print invoices, so that accounting is happy.', /domain objects/],
  ['a phrase cut short', 'As an admin, I want to create zones (zones can be listed per …), so that the model fits the picture.', /cut short/],
])('%s is never appliable', (_what, summary, problem) => {
  const s = checkSplit(split('As an admin, I want to create zones, so that the model fits the picture.', summary), original, score, lex);
  expect(s.appliable).toBe(false);
  expect(s.checks!.join(' ')).toMatch(problem);
});

test('a part that scores no higher on the criterion it fixes is not appliable', () => {
  const same = { ...original, criteria: { ...low, small: 100 } };
  const s = checkSplit(split('As an admin, I want to create zones, so that the model fits the picture.'), same, score, lex);
  expect(s.appliable).toBe(false);
  expect(s.checks!.join(' ')).toMatch(/does not score higher on small/);
});

test('"I want to add/view images": the first of a slash pair is the verb the self-check reads', () => {
  const s = checkSplit(split('As an admin, I want to add/view zones, so that the model fits the picture.', 'As an admin, I want to delete zones, so that the model fits the picture.'), original, score, lex);
  expect(s.checks?.join(' ') ?? '').not.toMatch(/not followed by a verb/);
});
