import type { InvalidCase, ValidCase } from '../rule-tester';

const story = (description: string) => ({ summary: 'As a shopper, I want to share my wish list by link, so that friends can buy me gifts.', description });

export const valid: ValidCase[] = [
  { story: 'As a diner, I want to sort reviews by date, so that I read the recent ones first.' },
  { story: { summary: 'As a diner, I want to sort reviews by date.', links: [{ type: 'Relates', direction: 'outward', key: 'FOOD-3' }] }, why: 'a link that is not a dependency' },
  { story: 'As a rider, I want a receipt by email once the ride ends, so that I can file my expenses.', why: 'a runtime event' },
  { story: 'As a hotel guest, I want my room key to work only once the check-in is complete.', why: 'a runtime state' },
  { story: 'As a shopper, I want to resume checkout after the session times out.', why: 'a runtime event' },
  { story: 'As a project manager, I want to mark one task as blocked by another, so that the team sees what to finish first.', why: 'blocking is the feature' },
  { story: 'As a shopper, I want sizes that depend on my chosen colour to be greyed out when sold out.', why: 'product data, not work' },
  { story: 'As a rider, I want the app to require that I accept the safety rules before my first ride.', why: '"require that" states the feature\'s rule' },
  { story: 'As a server engineer, I want lint tasks to time out, so that I am not waiting on a hung task.', why: 'the benefit describes the pain' },
  { story: story('Export fails to compile after the changes made in SHOP-3.'), why: 'a past change that caused a bug' },
  { story: story('After the merge of SHOP-4, the link stopped working.'), why: 'a past cause' },
  { story: story('After SHOP-6 was implemented, the share test failed.'), why: 'work that happened already' },
  { story: story('The share code depends on the helpers in shop_utils, which was removed in SHOP-5.'), why: 'code depends on code' },
  { story: story('This story is a prerequisite to the gift tracking story.'), why: 'this story comes first' },
  { story: story('The link needs to be fixed before the sale.'), why: 'an obligation, not a wait' },
  { story: story('Once this issue is fixed, friends can open lists on phones.'), why: 'the ticket itself' },
  { story: story('This can build on earlier work on lists.'), why: 'finished work' },
  { story: story('Support depends_on and requires when generating lists.'), why: 'identifiers in code' },
  { story: story('After making a release, check the link on the staging site.'), why: 'a step of the ticket\'s own procedure' },
];

export const invalid: InvalidCase[] = [
  { story: { summary: 'As a diner, I want to sort reviews by date.', links: [{ type: 'Blocks', direction: 'inward', key: 'FOOD-2' }] }, errors: [{ messageId: 'link', data: { key: 'FOOD-2' } }] },
  { story: 'As a diner, I want to sort reviews by date (depends on FOOD-12).', errors: [{ messageId: 'text', data: { text: 'depends on FOOD-12' }, field: 'summary', text: 'depends on FOOD-12' }] },
  { story: 'As a rider, I want to pay with a saved card once the payments story BIKE-14 is done.', errors: [{ messageId: 'text', data: { text: 'once the payments story BIKE-14 is done' }, field: 'summary' }] },
  { story: story('Once SHOP-9 is implemented, add the share button.'), why: 'waits on another ticket', errors: [{ messageId: 'text', data: { text: 'Once SHOP-9 is implemented' }, field: 'description', text: 'Once SHOP-9 is implemented' }] },
  { story: story('Should probably be done after SHOP-21.'), why: 'a bare "after KEY"', errors: [{ messageId: 'text', data: { text: 'after SHOP-21' }, field: 'description' }] },
  { story: story('Once RFC-12 is adopted the share page can go live.'), why: 'waits on an RFC', errors: [{ messageId: 'text', data: { text: 'Once RFC-12 is adopted' }, field: 'description' }] },
  { story: story('Currently blocked by: https://github.com/example/lists/issues/7'), why: 'a link to the blocker', errors: [{ messageId: 'text', data: { text: 'blocked by: https://github.com/example/lists/issues/7' }, field: 'description' }] },
  { story: story('This work is dependent on the wishlist-v2 branch.'), why: 'waits on a branch', errors: [{ messageId: 'text', data: { text: 'dependent on the wishlist-v2 branch' }, field: 'description' }] },
  { story: story('We can only start when the SMS gateway contract is signed.'), why: 'waits on a contract', errors: [{ messageId: 'text', data: { text: 'only start when the SMS gateway contract is signed' }, field: 'description' }] },
  { story: story('Waiting for the new scanners to be delivered by IT.'), why: 'waits on a delivery', errors: [{ messageId: 'text', data: { text: 'Waiting for the new scanners to be delivered' }, field: 'description' }] },
  { story: story('Once the new sharing API is in place, wire the button to it.'), why: 'new work still to come', errors: [{ messageId: 'text', data: { text: 'Once the new sharing API is in place' }, field: 'description' }] },
  { story: story('Needs the short-link endpoint from the platform team.'), why: 'needs another team\'s work', errors: [{ messageId: 'text', data: { text: 'Needs the short-link endpoint from the platform team' }, field: 'description' }] },
  { story: story('Remove the old share page after the next major release.'), why: 'waits on a release', errors: [{ messageId: 'text', data: { text: 'after the next major release' }, field: 'description' }] },
  { story: story('Prerequisite: the gift tracking story SHOP-40.'), why: 'another story comes first', errors: [{ messageId: 'text', data: { text: 'Prerequisite: the gift tracking story SHOP-40' }, field: 'description' }] },
  { story: 'As a UI designer, I want to move on to round 3 of the checkout page edits.', why: 'a numbered step after the first', errors: [{ messageId: 'text', data: { text: 'round 3' }, field: 'summary' }] },
  { story: 'As a trainee, I want to add a class to my schedule if there is a schedule feature on the site.', why: 'a feature that may not exist', errors: [{ messageId: 'text', data: { text: 'if there is a schedule feature' }, field: 'summary' }] },
];
