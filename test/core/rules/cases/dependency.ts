import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

const story = (description: string) => ({ summary: 'As a shopper, I want to share my wish list by link, so that friends can buy me gifts.', description });

export const valid: ValidCase[] = [
  passes('As a diner, I want to sort reviews by date, so that I read the recent ones first.'),
  passes({ summary: 'As a diner, I want to sort reviews by date.', links: [{ type: 'Relates', direction: 'outward', key: 'FOOD-3' }] }, 'a link that is not a dependency'),
  passes('As a rider, I want a receipt by email once the ride ends, so that I can file my expenses.', 'a runtime event'),
  passes('As a hotel guest, I want my room key to work only once the check-in is complete.', 'a runtime state'),
  passes('As a shopper, I want to resume checkout after the session times out.', 'a runtime event'),
  passes('As a project manager, I want to mark one task as blocked by another, so that the team sees what to finish first.', 'blocking is the feature'),
  passes('As a shopper, I want sizes that depend on my chosen colour to be greyed out when sold out.', 'product data, not work'),
  passes('As a rider, I want the app to require that I accept the safety rules before my first ride.', '"require that" states the feature\'s rule'),
  passes('As a server engineer, I want lint tasks to time out, so that I am not waiting on a hung task.', 'the benefit describes the pain'),
  passes(story('Export fails to compile after the changes made in SHOP-3.'), 'a past change that caused a bug'),
  passes(story('After the merge of SHOP-4, the link stopped working.'), 'a past cause'),
  passes(story('After SHOP-6 was implemented, the share test failed.'), 'work that happened already'),
  passes(story('The share code depends on the helpers in shop_utils, which was removed in SHOP-5.'), 'code depends on code'),
  passes(story('This story is a prerequisite to the gift tracking story.'), 'this story comes first'),
  passes(story('The link needs to be fixed before the sale.'), 'an obligation, not a wait'),
  passes(story('Once this issue is fixed, friends can open lists on phones.'), 'the ticket itself'),
  passes(story('This can build on earlier work on lists.'), 'finished work'),
  passes(story('Support depends_on and requires when generating lists.'), 'identifiers in code'),
  passes(story('After making a release, check the link on the staging site.'), 'a step of the ticket\'s own procedure'),
];

export const invalid: InvalidCase[] = [
  reports({ summary: 'As a diner, I want to sort reviews by date.', links: [{ type: 'Blocks', direction: 'inward', key: 'FOOD-2' }] }, 'link', { data: { key: 'FOOD-2' } }),
  reports('As a diner, I want to sort reviews by date (depends on FOOD-12).', 'text', { data: { text: 'depends on FOOD-12' }, field: 'summary', text: 'depends on FOOD-12' }),
  reports('As a rider, I want to pay with a saved card once the payments story BIKE-14 is done.', 'text', { data: { text: 'once the payments story BIKE-14 is done' }, field: 'summary' }),
  reports(story('Once SHOP-9 is implemented, add the share button.'), 'text', { data: { text: 'Once SHOP-9 is implemented' }, field: 'description', text: 'Once SHOP-9 is implemented' }, 'waits on another ticket'),
  reports(story('Should probably be done after SHOP-21.'), 'text', { data: { text: 'after SHOP-21' }, field: 'description' }, 'a bare "after KEY"'),
  reports(story('Once RFC-12 is adopted the share page can go live.'), 'text', { data: { text: 'Once RFC-12 is adopted' }, field: 'description' }, 'waits on an RFC'),
  reports(story('Currently blocked by: https://github.com/example/lists/issues/7'), 'text', { data: { text: 'blocked by: https://github.com/example/lists/issues/7' }, field: 'description' }, 'a link to the blocker'),
  reports(story('This work is dependent on the wishlist-v2 branch.'), 'text', { data: { text: 'dependent on the wishlist-v2 branch' }, field: 'description' }, 'waits on a branch'),
  reports(story('We can only start when the SMS gateway contract is signed.'), 'text', { data: { text: 'only start when the SMS gateway contract is signed' }, field: 'description' }, 'waits on a contract'),
  reports(story('Waiting for the new scanners to be delivered by IT.'), 'text', { data: { text: 'Waiting for the new scanners to be delivered' }, field: 'description' }, 'waits on a delivery'),
  reports(story('Once the new sharing API is in place, wire the button to it.'), 'text', { data: { text: 'Once the new sharing API is in place' }, field: 'description' }, 'new work still to come'),
  reports(story('Needs the short-link endpoint from the platform team.'), 'text', { data: { text: 'Needs the short-link endpoint from the platform team' }, field: 'description' }, 'needs another team\'s work'),
  reports(story('Remove the old share page after the next major release.'), 'text', { data: { text: 'after the next major release' }, field: 'description' }, 'waits on a release'),
  reports(story('Prerequisite: the gift tracking story SHOP-40.'), 'text', { data: { text: 'Prerequisite: the gift tracking story SHOP-40' }, field: 'description' }, 'another story comes first'),
  reports('As a UI designer, I want to move on to round 3 of the checkout page edits.', 'text', { data: { text: 'round 3' }, field: 'summary' }, 'a numbered step after the first'),
  reports('As a trainee, I want to add a class to my schedule if there is a schedule feature on the site.', 'text', { data: { text: 'if there is a schedule feature' }, field: 'summary' }, 'a feature that may not exist'),
];
