import type { InvalidCase, ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  { story: 'As a diner, I want search results within 2 seconds, so that I can decide quickly and easily.', why: 'vague words in the benefit do not change what is built' },
  { story: 'As a cyclist, I want to log a ride, to quickly see my weekly distance.', why: 'a purpose clause after a comma is a reason' },
  { story: 'As a gardener, I want a watering reminder because I forget things easily.', why: 'a reason clause' },
  { story: 'As a librarian, I want to add cover images to records to allow for better browsing.', why: 'a purpose clause without a comma' },
  { story: 'As a diner, I want to see all my past orders on one page.', why: 'a quantifier that names the whole set is precise' },
  { story: 'As a moderator, I want to delete any comment on my forum.', why: '"any" means each one' },
  { story: 'As a host, I want to see how many seats are left at each table.', why: 'a question asks for the number' },
  { story: 'As an auditor, I want to know how secure or robust each backup is.', why: 'a question asks for the measure' },
  { story: 'As a data steward, I want to clean the imported supplier records.', why: '"clean" is a verb with an object' },
  { story: 'As a traveller, I want to secure remote access to my bookings with a PIN.', why: '"secure" starts the goal after "I want to": a verb' },
  { story: 'Clear expired vouchers from the shop', why: 'a title starts with its verb' },
  { story: 'As a cashier, I want the till to clear the basket after payment.', why: '"to" before it makes it a verb' },
  { story: 'Checkout: clear the basket after payment', why: 'a title part after a colon starts with its verb' },
  { story: 'As a cashier, I want a receipt printed even if the till does not clear the basket.', why: 'a negation before it makes it a verb' },
  { story: 'As a coach, I want to pick a point scale such as {1, 2, 3, 5, 8, etc.} for my team.', why: '"etc." continues a number sequence' },
  { story: 'As a shopper, I want to compare the prices of the things I saved.', why: 'a relative clause bounds "things"' },
  { story: 'As a teacher, I want to message all parents at once.', why: 'an idiom that holds "all"' },
  { story: 'As a curator, I want to add notes to an exhibit at some point in time after it opens.', why: 'an idiom that holds "some"' },
  { story: 'As an admin, I want passwords to have a minimum of 12 characters.', why: 'a number makes the amount precise' },
  { story: 'As a tenant, I want to report a broken boiler to my landlord.', why: 'no vague word' },
  { story: 'As a planner, I want suggestions relevant to my trip dates.', why: '"relevant to" names what it is relevant to' },
];

export const invalid: InvalidCase[] = [
  { story: 'As a diner, I want fast search results, so that I can decide while walking.', errors: [{ messageId: 'vague', data: { term: 'fast' }, field: 'summary', text: 'fast' }] },
  {
    story: 'As a reviewer, I want useful and meaningful tips for my reviews.',
    errors: [
      { messageId: 'vague', data: { term: 'useful' }, field: 'summary', text: 'useful' },
      { messageId: 'vague', data: { term: 'meaningful' }, field: 'summary', text: 'meaningful' },
    ],
  },
  { story: 'As a patient, I want to book a check-up as early as possible.', why: 'a gap phrase', errors: [{ messageId: 'vague', data: { term: 'as early as possible' }, text: 'as early as possible' }] },
  { story: 'As a collector, I want to record the title, artist, year and other details of a print.', why: 'an open list', errors: [{ messageId: 'vague', data: { term: 'and other details' }, text: 'and other details' }] },
  { story: 'As a baker, I want to see some statistics about my orders.', errors: [{ messageId: 'vague', data: { term: 'some' }, text: 'some' }] },
  { story: 'As a host, I want a clean layout for the menu page.', why: '"clean" as an adjective', errors: [{ messageId: 'vague', data: { term: 'clean' }, text: 'clean' }] },
  { story: 'As a parent, I want clear instructions for the school trip form.', errors: [{ messageId: 'vague', data: { term: 'clear' }, text: 'clear' }] },
  { story: 'As a tenant, I want to report repairs, possibly with photos.', why: 'a hedge leaves the scope open', errors: [{ messageId: 'vague', data: { term: 'possibly' }, text: 'possibly' }] },
  { story: 'As a member, I want to read lots of articles and so on.', errors: [{ messageId: 'vague', data: { term: 'lots of' }, text: 'lots of' }, { messageId: 'vague', data: { term: 'and so on' }, text: 'and so on' }] },
  { story: 'Make the checkout faster', why: 'a title with no story sentence', errors: [{ messageId: 'vague', data: { term: 'faster' }, field: 'summary', text: 'faster' }] },
  {
    story: { summary: 'As a runner, I want to export my runs as GPX.', acceptanceCriteria: 'The export finishes in a reasonable time.' },
    why: 'the acceptance criteria are judged too',
    errors: [{ messageId: 'vague', data: { term: 'reasonable' }, field: 'acceptanceCriteria', text: 'reasonable' }],
  },
  { story: 'As an editor, I want to see everything about an article on one screen.', why: '"everything" with nothing to bound it', errors: [{ messageId: 'vague', data: { term: 'everything' }, text: 'everything' }] },
  { story: 'As an editor, I want the text spellchecked where necessary.', settings: { vagueTerms: ['spellchecked'] }, why: 'project terms join the list', errors: [{ messageId: 'vague', data: { term: 'spellchecked' } }, { messageId: 'vague', data: { term: 'where necessary' } }] },
];
