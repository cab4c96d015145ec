import { parseTemplate } from '../../src/core/template';

type Row = [string, { form: string; role?: string | null; goal?: string | null; benefit?: string | null }];

const rows: Row[] = [
  ['As a reviewer, I want to upload photos of my meal, so that other diners see the dish.', { form: 'role-goal-benefit', role: 'reviewer', goal: 'upload photos of my meal', benefit: 'other diners see the dish' }],
  ['As an admin I want to define zones on a picture so that uploads are cut into folders', { form: 'role-goal-benefit', role: 'admin', goal: 'define zones on a picture', benefit: 'uploads are cut into folders' }],
  ['as the Site Editor, i need to approve reviews in order to keep the site civil', { form: 'role-goal-benefit', role: 'Site Editor', goal: 'approve reviews', benefit: 'keep the site civil' }],
  ['As a Developer , I want to be able to log better, so that I can troubleshoot failed uploads.', { form: 'role-goal-benefit', role: 'Developer', goal: 'log better', benefit: 'I can troubleshoot failed uploads' }],
  ["As a guest, I'd like to rate a hotel so others know what to expect", { form: 'role-goal-benefit', role: 'guest', goal: 'rate a hotel', benefit: 'others know what to expect' }],
  ['As a guest I would like to see menus, so I can choose', { form: 'role-goal-benefit', role: 'guest', goal: 'see menus', benefit: 'I can choose' }],
  ['As a guest, I can filter hotels by price.', { form: 'role-goal-benefit', role: 'guest', goal: 'filter hotels by price', benefit: null }],
  ['As a guest, I am able to cancel a booking, so that I get my money back', { form: 'role-goal-benefit', role: 'guest', goal: 'cancel a booking', benefit: 'I get my money back' }],
  ['As repository manager, I want to see all files of an object.', { form: 'role-goal-benefit', role: 'repository manager', goal: 'see all files of an object', benefit: null }],
  ['AS A   DINER,   I WANT   TO SEE PRICES, SO THAT I CAN CHOOSE', { form: 'role-goal-benefit', role: 'DINER', goal: 'SEE PRICES', benefit: 'I CAN CHOOSE' }],
  ['In order to find good food, as a diner, I want to filter reviews by cuisine', { form: 'benefit-first', role: 'diner', goal: 'filter reviews by cuisine', benefit: 'find good food' }],
  ['When I arrive in a new city, I want to see nearby restaurants, so I can eat without searching', { form: 'job-story', role: null, goal: 'see nearby restaurants', benefit: 'I can eat without searching' }],
  ['I want to upload photos so that my review is complete', { form: 'i-want', role: null, goal: 'upload photos', benefit: 'my review is complete' }],
  ['Photo upload', { form: 'none', role: null, goal: null, benefit: null }],
  ['', { form: 'none', role: null, goal: null, benefit: null }],
  ['As a diner, I want to see prices, e.g. for the set menu, so that I can choose.', { form: 'role-goal-benefit', role: 'diner', goal: 'see prices, e.g. for the set menu', benefit: 'I can choose' }],
];

test.each(rows)('%s', (summary, expected) => {
  const p = parseTemplate(summary);
  expect(p.form).toBe(expected.form);
  if ('role' in expected) expect(p.role?.text ?? null).toBe(expected.role);
  if ('goal' in expected) expect(p.goal?.text ?? null).toBe(expected.goal);
  if ('benefit' in expected) expect(p.benefit?.text ?? null).toBe(expected.benefit);
  // Ranges point at the text they name.
  for (const s of [p.role, p.goal, p.benefit]) if (s) expect(summary.slice(s.range[0], s.range[1])).toBe(s.text);
});

test('finds the story sentence in the description when the summary is a title', () => {
  const description = 'Background: guests asked for this.\n\nAs a guest, I want to see photos of the rooms, so that I know what I book.\n\nAcceptance criteria: ...';
  const p = parseTemplate('Room photos', description);
  expect(p.field).toBe('description');
  expect(p.role?.text).toBe('guest');
  expect(description.slice(p.goal!.range[0], p.goal!.range[1])).toBe('see photos of the rooms');
});

test('text after the benefit is trailing, not benefit', () => {
  const p = parseTemplate('As a diner, I want to see prices, so that I can choose. Prices come from the partner API.');
  expect(p.benefit?.text).toBe('I can choose');
  expect(p.trailing?.text).toBe('Prices come from the partner API');
});

test('a very long line is parsed in bounded time and without error', () => {
  const long = 'As a diner, I want ' + 'very '.repeat(200_000) + 'long goals, so that it breaks.';
  const p = parseTemplate(long);
  expect(p.form).toBe('role-goal-benefit');
});

test.each([
  ['As a guest, I want to see menus, so that that I can choose.', 'so that that', 'I can choose'],
  ['As a guest, I want to see menus, so that so I can choose.', 'so that so', 'I can choose'],
  ['As a librarian, I want to manage holds so patrons are able to pick up books.', 'so', 'patrons are able to pick up books'],
])('doubled or bare indicators: %s', (summary, indicator, benefit) => {
  const p = parseTemplate(summary);
  expect(p.benefitIndicator?.text).toBe(indicator);
  expect(p.benefit?.text).toBe(benefit);
});

test.each([
  ['As an owner, I only want to see my listings.', 'owner'],
  ['As a Researcher, working with data, I want to share a package.', 'Researcher'],
  ['As a site member who has read a teaser, I want to read the article.', 'site member'],
])('role ends before a clause about it: %s', (summary, role) => {
  expect(parseTemplate(summary).role?.text).toBe(role);
});

test.each(['As described in the spec, the parser fails on empty lines', 'As per the meeting, uploads are limited to 10 MB', 'As part of the migration, move the images', 'As soon as possible please fix login'])(
  '"As …" that is not a role: %s',
  (summary) => {
    expect(parseTemplate(summary).role).toBeNull();
  },
);

// Purpose clauses without "so that" are the benefit; a "to" that completes what precedes it is not.
test.each([
  ['As a patron, I want to browse titles by subject to find books for my course.', 'browse titles by subject', 'find books for my course'],
  ['As a clerk, I want to print the receipt for clarity.', 'print the receipt', 'clarity'],
  ['As a clerk, I want to group invoices for ease of filing at month end.', 'group invoices', 'ease of filing at month end'],
  ['As a driver, I want offline maps because I travel through areas without signal.', 'offline maps', 'I travel through areas without signal'],
  ['As a shopper, I want to save my cart since I often shop on two devices.', 'save my cart', 'I often shop on two devices'],
  ['As a cashier, I want to void a sale due to a scanning mistake.', 'void a sale', 'a scanning mistake'],
  ['As a cook, I want to see the oven timers as I am often away from the kitchen.', 'see the oven timers', 'I am often away from the kitchen'],
  ['As a coach, I want to see each runner\'s splits in order spot the slow laps.', 'see each runner\'s splits', 'spot the slow laps'],
  ['As a tester, I want a tool to compare screenshots.', 'a tool to compare screenshots', null],
  ['As a guest, I want the app to remind me of my booking.', 'the app to remind me of my booking', null],
  ['As a member, I would like a page that allows me to export my data.', 'a page that allows me to export my data', null],
  ['As a visitor, I want to use the kiosk to print my ticket.', 'use the kiosk to print my ticket', null],
  ['As an editor, I want to add tags and to sort articles by tag.', 'add tags and to sort articles by tag', null],
  ['As a teacher, I want to list my classes in order of start date.', 'list my classes in order of start date', null],
  ['As a tenant, I want to know how to report a leak.', 'know how to report a leak', null],
])('purpose clause: %s', (summary, goal, benefit) => {
  const p = parseTemplate(summary);
  expect(p.goal?.text).toBe(goal);
  expect(p.benefit?.text ?? null).toBe(benefit);
});

// Negated goals, "would be able to" and a goal indicator without its "I" are goals.
test.each([
  ["As a reader, I don't want to see ads for books I already own.", 'reader', 'see ads for books I already own', null],
  ['As a reader, I do not want my reading list shared, so that my tastes stay private.', 'reader', 'my reading list shared', 'my tastes stay private'],
  ['As a nurse, I would be able to record a dose on the ward round.', 'nurse', 'record a dose on the ward round', null],
  ['As a researcher, would like the ability to export tables, so that I can use them in my paper.', 'researcher', 'the ability to export tables', 'I can use them in my paper'],
])('goal indicators: %s', (summary, role, goal, benefit) => {
  const p = parseTemplate(summary);
  expect(p.role?.text).toBe(role);
  expect(p.goal?.text).toBe(goal);
  expect(p.benefit?.text ?? null).toBe(benefit);
});

test.each([
  ['As an analyst, I want to compare ranking algorithms to find the most effective approach.', 'compare ranking algorithms to find the most effective approach'],
  ['As an operator, I want to run a check to see if the backups are complete.', 'run a check to see if the backups are complete'],
])('a "to" clause that asks the question under investigation stays in the goal: %s', (summary, goal) => {
  const p = parseTemplate(summary);
  expect(p.goal?.text).toBe(goal);
  expect(p.benefit).toBeNull();
});

test.each([
  ['Ledger history: As a data steward, I want to see every change of a record, so that I can audit it.', 'data steward', 'see every change of a record', 'As a data steward'],
  ['Payroll export: I want to download the month as a spreadsheet', null, 'download the month as a spreadsheet', 'I want to download'],
  ['[Billing] As a tenant I want to pay rent by card', 'tenant', 'pay rent by card', 'As a tenant'],
])('a story sentence after a short topic prefix of the summary: %s', (summary, role, goal, sentenceStart) => {
  const p = parseTemplate(summary);
  expect(p.field).toBe('summary');
  expect(p.role?.text ?? null).toBe(role);
  expect(p.goal?.text).toBe(goal);
  expect(p.sentence?.text.startsWith(sentenceStart)).toBe(true);
  expect(summary.slice(...p.goal!.range)).toBe(goal);
});

test('a long clause before a colon is not a topic prefix', () => {
  expect(parseTemplate('When the nightly job runs on a weekend and the queue is already full: I want to see a warning').form).toBe('none');
});

test.each([
  ['As a tenant, I want, so that my deposit is returned on time.', 'my deposit is returned on time'],
  ['As a tenant, I want so that my deposit is returned on time.', 'my deposit is returned on time'],
])('"I want" followed by the benefit: the goal is empty, the benefit is read (%s)', (summary, benefit) => {
  const p = parseTemplate(summary);
  expect(p.goal).toBeNull();
  expect(p.benefit?.text).toBe(benefit);
  expect(p.benefitIndicator?.text).toBe('so that');
});

test.each([
  ['As a user, so that I can sleep better.', 'user', 'I can sleep better'],
  ['As a night nurse so that we can hand over on time', 'night nurse', 'we can hand over on time'],
])('a benefit right after the role: its "I can" is no goal indicator (%s)', (summary, role, benefit) => {
  const p = parseTemplate(summary);
  expect(p.goal).toBeNull();
  expect(p.roleName).toBe(role);
  expect(p.benefit?.text).toBe(benefit);
});

test('a benefit between the role and "I want": both are read', () => {
  const p = parseTemplate('As a systems developer, so that I can minimize downtime, I want to reach remote packages when the mirror is down.');
  expect(p.roleName).toBe('systems developer');
  expect(p.benefit?.text).toBe('I can minimize downtime');
  expect(p.goal?.text).toBe('reach remote packages when the mirror is down');
});

test('a goal before "so that I can" keeps its indicator', () => {
  const p = parseTemplate('As a user, I want a dark mode so that I can sleep better.');
  expect(p.goal?.text).toBe('a dark mode');
  expect(p.benefit?.text).toBe('I can sleep better');
});

test('"I want so many …": "so" without a comma can start a goal', () => {
  expect(parseTemplate('As a cook, I want so many recipes in one place that I never search again').goal?.text).toMatch(/^so many recipes/);
});
