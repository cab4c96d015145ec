/**
 * A user-story rewrite names an effect the beneficiary sees. The system's own handling of data
 * (store and retrieve, fetch, cache …) made passive is not one ("invoices stored and retrieved"):
 * the goal comes from the capability the benefit names instead, and the rewrite is a draft.
 */
import { analyzeStory } from '../../../src/core/analyze';
import { PLACEHOLDER } from '../../../src/core/suggest/grammar';

const userStory = (summary: string) => analyzeStory({ summary }).rewrites.find((w) => w.kind === 'user-story');

test.each([
  [
    'As a developer I want to develop a mechanism to store and retrieve invoices so that accountants can download past invoices',
    'As an accountant, I want to download past invoices, so that',
  ],
  ['As a developer I want to develop a mechanism to fetch and cache menus so that diners can see menus offline', 'As a diner, I want to see menus offline, so that'],
  // A built thing that is the handling ("a service to store and retrieve …") is no effect either.
  ['As a developer I want to build a service to store and retrieve invoices so that accountants can download past invoices', 'As an accountant, I want to download past invoices, so that'],
])('handling made passive is no effect: %s', (summary, start) => {
  const rewrite = userStory(summary);
  expect(rewrite?.summary.startsWith(start)).toBe(true);
  expect(rewrite?.summary).not.toMatch(/stored|retrieved|fetched|cached/);
  expect(rewrite?.placeholders).toEqual([PLACEHOLDER.benefit]);
  expect(rewrite?.appliable).not.toBe(true);
});

test('an effect a person sees is still the goal, checked: uploaded photos compressed', () => {
  const rewrite = userStory('As a developer I want to develop a mechanism to compress uploaded photos so that reviewers can add photos from a slow phone');
  expect(rewrite).toMatchObject({ summary: 'As a reviewer, I want uploaded photos compressed, so that I can add photos from a slow phone.', placeholders: [], appliable: true });
});
