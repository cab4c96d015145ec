/** The story graph: the story a piece of work serves (link, parent, shared domain phrases) and existing slices. */
import { analyze } from '../../../src/core/analyze';
import type { StoryInput } from '../../../src/core/story';

const technical = 'As a developer, I want a mechanism to store and retrieve images, so that users can add images to their reviews and view them';
const photos: StoryInput = { key: 'FOOD-1', summary: 'As a reviewer, I want to add photos to my review, so that other diners can see the dish' };
const fees: StoryInput = { key: 'FOOD-5', summary: 'As a diner, I want to see the delivery fee before I pay, so that I am not surprised at checkout' };

function rewritesOf(inputs: StoryInput[], key: string) {
  return analyze(inputs).stories.find((s) => s.key === key)!.rewrites;
}

test('shared domain phrases name the served story: photos and images are the same thing', () => {
  const [task] = rewritesOf([photos, fees, { key: 'FOOD-2', summary: technical }], 'FOOD-2');
  expect(task).toMatchObject({ kind: 'task', parentKey: 'FOOD-1', appliable: true });
});

test('a link of any type and direction beats shared phrases', () => {
  const linked: StoryInput = { key: 'FOOD-2', summary: technical, links: [{ type: 'Relates', direction: 'inward', key: 'FOOD-5' }] };
  expect(rewritesOf([photos, fees, linked], 'FOOD-2')[0]).toMatchObject({ kind: 'task', parentKey: 'FOOD-5' });
});

test('the parent names the served story', () => {
  const child: StoryInput = { key: 'FOOD-2', summary: 'Add vector tile server', parent: 'FOOD-5' };
  expect(rewritesOf([photos, fees, child], 'FOOD-2')[0]).toMatchObject({ kind: 'task', parentKey: 'FOOD-5' });
});

test('an epic parent, or a parent the set does not hold, is a theme: the served story comes from shared phrases instead', () => {
  const epic: StoryInput = { key: 'FOOD-9', issueType: 'Epic', summary: 'Reviews and ratings' };
  const underEpic: StoryInput = { key: 'FOOD-2', summary: technical, parent: 'FOOD-9' };
  expect(rewritesOf([photos, fees, epic, underEpic], 'FOOD-2')[0]).toMatchObject({ kind: 'task', parentKey: 'FOOD-1' });
  const unknownParent: StoryInput = { key: 'FOOD-2', summary: technical, parent: 'FOOD-99' };
  expect(rewritesOf([photos, fees, unknownParent], 'FOOD-2')[0]).toMatchObject({ kind: 'task', parentKey: 'FOOD-1' });
});

test('a story that shares only its benefit with the work is not the story it serves', () => {
  const moderation: StoryInput = { key: 'FOOD-30', summary: 'As a moderator, I want to hide abusive reviews, so that the site stays a friendly place' };
  const balancer: StoryInput = { key: 'FOOD-31', summary: 'As a DevOps engineer, I want to set up a load balancer in front of the web servers, so that the site stays up during the dinner rush' };
  const rewrites = rewritesOf([moderation, fees, balancer], 'FOOD-31');
  expect(rewrites.find((r) => r.kind === 'task')).toBeUndefined();
});

test('single shared words are not a served story: the benefit\'s person gets the story in their voice', () => {
  const payouts: StoryInput = { key: 'FOOD-10', summary: 'As a developer, I want to move restaurant payouts from the weekly batch to a daily job, so that restaurant owners get their money sooner' };
  const order: StoryInput = { key: 'FOOD-3', summary: 'As a diner, I want to order food from a restaurant and pay for it, so that I get dinner' };
  const [rewrite] = rewritesOf([order, payouts], 'FOOD-10');
  expect(rewrite).toMatchObject({ kind: 'user-story', summary: 'As a restaurant owner, I want restaurant payouts moved from the weekly batch to a daily job, so that I get my money sooner.' });
});

test('a shared phrase with a story for another person than the benefit names is not the served story', () => {
  const page: StoryInput = { key: 'DATA-13', summary: 'As an analyst, I want each data set page to show when the data was last updated, so that I know the figures are current' };
  const sitemap: StoryInput = { key: 'DATA-9', summary: 'As a developer, I want to generate a sitemap for each data set page, so that researchers can discover our data in search engines' };
  expect(rewritesOf([page, sitemap], 'DATA-9')[0]).toMatchObject({ kind: 'user-story' });
});

test('children that are stories, or outward "Issue split" links, make an epic: no split, existing slices instead', () => {
  const epic: StoryInput = { key: 'P-1', source: 'issue', storyPoints: 40, summary: 'As a restaurant owner, I want to run promotions, so that I fill my quiet evenings', description: 'Split into the stories below.' };
  const slice: StoryInput = { key: 'P-2', issueType: 'Story', parent: 'P-1', summary: 'As a restaurant owner, I want a happy-hour discount, so that I fill my quiet evenings' };
  const task: StoryInput = { key: 'P-3', issueType: 'Sub-task', parent: 'P-1', summary: 'Add promotions table' };
  const report = analyze([epic, slice, task]).stories[0]!;
  expect(report.existingSlices).toEqual(['P-2']);
  expect(report.splits).toEqual([]);
  const onlyTask = analyze([epic, task]).stories[0]!;
  expect(onlyTask.existingSlices).toBeUndefined();
});

test('a story is never "a task of" one of its own slices', () => {
  const epic: StoryInput = { key: 'C-17', summary: 'Add group classes table', links: [{ type: 'Issue split', direction: 'outward', key: 'C-18' }] };
  const slice: StoryInput = { key: 'C-18', summary: 'As a patient, I want to book a place in group classes, so that I train with others', links: [{ type: 'Issue split', direction: 'inward', key: 'C-17' }] };
  const [rewrite] = rewritesOf([epic, slice], 'C-17');
  expect(rewrite?.kind).not.toBe('task');
});

test('a benefit for anyone ("users") is voiced by the persona of the story the work serves; a named persona stays', () => {
  const rewrites = rewritesOf([photos, fees, { key: 'FOOD-2', summary: technical }], 'FOOD-2');
  const voiced = rewrites.find((r) => r.kind === 'user-story');
  expect(voiced?.summary).toMatch(/^As a reviewer, I want /);
  expect(voiced?.rationale).toContain('serves FOOD-1');
  const forDiners = 'As a developer, I want a mechanism to store and retrieve images, so that diners can add images to their reviews and view them';
  const named = rewritesOf([photos, fees, { key: 'FOOD-2', summary: forDiners }], 'FOOD-2').find((r) => r.kind === 'user-story');
  expect(named?.summary).toMatch(/^As a diner, I want /);
  expect(named?.rationale).toContain('The benefit names diners');
});

test('shared words count only inside one project: another project\'s story is served only through a link', () => {
  const zone: StoryInput = { key: 'ZONE-2', summary: 'As an admin, I want to add photos to a zone, so that the model shows the dish' };
  const work: StoryInput = { key: 'FOOD-2', summary: technical };
  expect(rewritesOf([zone, fees, work], 'FOOD-2').find((r) => r.kind === 'task')).toBeUndefined();
  expect(rewritesOf([zone, photos, fees, work], 'FOOD-2')[0]).toMatchObject({ kind: 'task', parentKey: 'FOOD-1' });
  const linked: StoryInput = { ...work, links: [{ type: 'Relates', direction: 'outward', key: 'ZONE-2' }] };
  expect(rewritesOf([zone, fees, linked], 'FOOD-2')[0]).toMatchObject({ kind: 'task', parentKey: 'ZONE-2' });
});

test('a refactoring or an upgrade shares words with many stories: it is an enabler unless a link or its parent names the story', () => {
  const upload: StoryInput = { key: 'FOOD-3', summary: 'As a reviewer, I want to upload photos of my meal, so that other diners see the dish' };
  for (const summary of ['Refactor the photo upload service into separate receive and resize steps', 'Upgrade the photo upload library to the next major version']) {
    const rewrites = rewritesOf([upload, fees, { key: 'FOOD-4', summary }], 'FOOD-4');
    expect(rewrites.find((r) => r.kind === 'task')).toBeUndefined();
    expect(rewrites[0]).toMatchObject({ kind: 'enabler', appliable: false });
    const linked = rewritesOf([upload, fees, { key: 'FOOD-4', summary, links: [{ type: 'Blocks', direction: 'outward', key: 'FOOD-3' }] }], 'FOOD-4');
    expect(linked[0]).toMatchObject({ kind: 'task', parentKey: 'FOOD-3' });
  }
});
