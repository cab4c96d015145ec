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

describe('operating the system serves no single story: shared words do not make it a task', () => {
  const waitlist: StoryInput = { key: 'GYM-1', summary: 'As a member, I want to join the waiting list for a yoga class, so that I get a place when someone cancels' };
  const schedule: StoryInput = { key: 'GYM-2', summary: 'As a member, I want to see the class schedule of the week, so that I can plan my visits' };
  const operations = [
    'Set up a nightly backup of the class waiting lists',
    'Rotate the logs of the class schedule service every week',
    'Renew the TLS certificate of the class schedule site',
    'Set up uptime monitoring for the class schedule',
    'Autoscale the class schedule servers on Monday mornings',
  ];
  test.each(operations)('%s: an enabler, not a task of a story it shares words with', (summary) => {
    const rewrites = rewritesOf([waitlist, schedule, { key: 'GYM-9', summary }], 'GYM-9');
    expect(rewrites.find((r) => r.kind === 'task')).toBeUndefined();
    expect(rewrites[0]).toMatchObject({ kind: 'enabler', appliable: false });
  });

  test('the enabler names the operation when nothing else names its topic', () => {
    const [rewrite] = rewritesOf([waitlist, schedule, { key: 'GYM-9', summary: 'Rotate the logs of the class schedule service every week' }], 'GYM-9');
    expect(rewrite?.rationale).toMatch(/^"rotate the logs" has no user face/);
  });

  test('a link or the parent still names the story operations work serves', () => {
    const linked: StoryInput = { key: 'GYM-9', summary: operations[0]!, links: [{ type: 'Relates', direction: 'outward', key: 'GYM-1' }] };
    expect(rewritesOf([waitlist, schedule, linked], 'GYM-9')[0]).toMatchObject({ kind: 'task', parentKey: 'GYM-1' });
    const child: StoryInput = { key: 'GYM-9', issueType: 'Sub-task', summary: operations[3]!, parent: 'GYM-2' };
    expect(rewritesOf([waitlist, schedule, child], 'GYM-9')[0]).toMatchObject({ kind: 'task', parentKey: 'GYM-2' });
  });
});

describe('a read-path artefact (cache, index, CDN) serves a story that reads what it holds, not one that only changes it', () => {
  const claim: StoryInput = { key: 'EAT-40', summary: "As a host, I want to claim my restaurant's page, so that only my staff can reply to reviews" };
  const view: StoryInput = { key: 'EAT-41', summary: "As a diner, I want to view a restaurant's page with its menu, so that I can decide where to eat" };
  const cache: StoryInput = { key: 'EAT-47', summary: 'As a backend developer, I want a Redis cache for restaurant pages, so that pages load fast' };

  test('only a story that claims the pages shares the words: no task of it, an enabler', () => {
    const rewrites = rewritesOf([claim, fees, cache], 'EAT-47');
    expect(rewrites.find((r) => r.kind === 'task')).toBeUndefined();
    expect(rewrites[0]).toMatchObject({ kind: 'enabler', appliable: false });
  });

  test('a story that views the pages is the one served, even next to the one that claims them', () => {
    expect(rewritesOf([claim, view, fees, cache], 'EAT-47')[0]).toMatchObject({ kind: 'task', parentKey: 'EAT-41' });
  });

  test('an index serves the story that searches, not the one that posts (and shares more words)', () => {
    const post: StoryInput = { key: 'EAT-10', summary: 'As a host, I want to post a daily special with a title and a photo, so that regulars come back' };
    const search: StoryInput = { key: 'EAT-11', summary: 'As a diner, I want to search daily specials by dish, so that I find soup on a cold day' };
    const index: StoryInput = { key: 'EAT-30', summary: 'Add a search index on the titles of daily specials' };
    expect(rewritesOf([post, search, index], 'EAT-30')[0]).toMatchObject({ kind: 'task', parentKey: 'EAT-11' });
  });

  test('a link always wins, whatever the linked story does', () => {
    const linked: StoryInput = { ...cache, links: [{ type: 'Relates', direction: 'outward', key: 'EAT-40' }] };
    expect(rewritesOf([claim, view, fees, linked], 'EAT-47')[0]).toMatchObject({ kind: 'task', parentKey: 'EAT-40' });
  });
});

describe('what the description says the work is for names the story it serves', () => {
  const card: StoryInput = { key: 'BAKE-1', summary: 'As a customer, I want to pay by card in the shop app, so that I need no cash' };
  const cake: StoryInput = { key: 'BAKE-2', summary: 'As a customer, I want to pre-order a birthday cake online, so that it is ready when I come' };
  const queue: StoryInput = { key: 'BAKE-3', summary: "As a regular, I want to get in line for the Saturday sourdough from home, so that I don't queue in the cold" };
  const gateway = (description: string): StoryInput => ({ key: 'BAKE-4', summary: 'Integrate the card payment gateway in the shop app', description });
  const vendor = (description: string, extra: Partial<StoryInput> = {}): StoryInput => ({ key: 'BAKE-5', summary: "Connect to the queue vendor's API", description, ...extra });

  test('the stated purpose outranks the words the title shares with another story', () => {
    const [task] = rewritesOf([card, cake, queue, gateway('Needed for cake pre-orders.')], 'BAKE-4');
    expect(task).toMatchObject({ kind: 'task', parentKey: 'BAKE-2' });
    expect(task?.rationale).toContain('its description says what it is for ("Needed for cake pre-orders")');
  });

  test('without a stated purpose the title\'s shared words decide, as before', () => {
    expect(rewritesOf([card, cake, queue, gateway('A deposit is taken when the order is placed.')], 'BAKE-4')[0]).toMatchObject({ kind: 'task', parentKey: 'BAKE-1' });
  });

  test('a purpose that names a user story by key names the story served, with no word shared', () => {
    const [task] = rewritesOf([card, cake, queue, vendor('Needed for BAKE-3. Sandbox access next week.')], 'BAKE-5');
    expect(task).toMatchObject({ kind: 'task', parentKey: 'BAKE-3' });
    expect(task?.rationale).toContain('its description names BAKE-3 ("Needed for BAKE-3")');
  });

  test('a key the description names without stating a purpose ("Blocked by"), or a key of work that is no user story, names nothing', () => {
    expect(rewritesOf([card, cake, queue, vendor('Blocked by BAKE-3 until the pricing is agreed.')], 'BAKE-5')[0]).toMatchObject({ kind: 'enabler' });
    const table: StoryInput = { key: 'BAKE-7', summary: 'Create a Postgres table for deposits', description: 'Needed for BAKE-4.' };
    expect(rewritesOf([card, cake, queue, gateway('Needed for cake pre-orders.'), table], 'BAKE-7')[0]).toMatchObject({ kind: 'enabler' });
  });

  test('a link still wins over the stated purpose', () => {
    const linked = vendor('Needed for BAKE-3.', { links: [{ type: 'Relates', direction: 'outward', key: 'BAKE-2' }] });
    expect(rewritesOf([card, cake, queue, linked], 'BAKE-5')[0]).toMatchObject({ kind: 'task', parentKey: 'BAKE-2' });
  });
});
