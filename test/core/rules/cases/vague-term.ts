import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  passes('As a diner, I want search results within 2 seconds, so that I can decide quickly and easily.', 'vague words in the benefit do not change what is built'),
  passes('As a cyclist, I want to log a ride, to quickly see my weekly distance.', 'a purpose clause after a comma is a reason'),
  passes('As a gardener, I want a watering reminder because I forget things easily.', 'a reason clause'),
  passes('As a librarian, I want to add cover images to records to allow for better browsing.', 'a purpose clause without a comma'),
  passes('As a diner, I want to see all my past orders on one page.', 'a quantifier that names the whole set is precise'),
  passes('As a moderator, I want to delete any comment on my forum.', '"any" means each one'),
  passes('As a host, I want to see how many seats are left at each table.', 'a question asks for the number'),
  passes('As an auditor, I want to know how secure or robust each backup is.', 'a question asks for the measure'),
  passes('As a data steward, I want to clean the imported supplier records.', '"clean" is a verb with an object'),
  passes('As a traveller, I want to secure remote access to my bookings with a PIN.', '"secure" starts the goal after "I want to": a verb'),
  passes('Clear expired vouchers from the shop', 'a title starts with its verb'),
  passes('As a cashier, I want the till to clear the basket after payment.', '"to" before it makes it a verb'),
  passes('Checkout: clear the basket after payment', 'a title part after a colon starts with its verb'),
  passes('As a cashier, I want a receipt printed even if the till does not clear the basket.', 'a negation before it makes it a verb'),
  passes('As a coach, I want to pick a point scale such as {1, 2, 3, 5, 8, etc.} for my team.', '"etc." continues a number sequence'),
  passes('As a shopper, I want to compare the prices of the things I saved.', 'a relative clause bounds "things"'),
  passes('As a teacher, I want to message all parents at once.', 'an idiom that holds "all"'),
  passes('As a curator, I want to add notes to an exhibit at some point in time after it opens.', 'an idiom that holds "some"'),
  passes('As an admin, I want passwords to have a minimum of 12 characters.', 'a number makes the amount precise'),
  passes('As a tenant, I want to report a broken boiler to my landlord.', 'no vague word'),
  passes('As a planner, I want suggestions relevant to my trip dates.', '"relevant to" names what it is relevant to'),
];

export const invalid: InvalidCase[] = [
  reports('As a diner, I want fast search results, so that I can decide while walking.', 'vague', { data: { term: 'fast' }, field: 'summary', text: 'fast' }),
  {
    story: 'As a reviewer, I want useful and meaningful tips for my reviews.',
    errors: [
      { messageId: 'vague', data: { term: 'useful' }, field: 'summary', text: 'useful' },
      { messageId: 'vague', data: { term: 'meaningful' }, field: 'summary', text: 'meaningful' },
    ],
  },
  reports('As a patient, I want to book a check-up as early as possible.', 'vague', { data: { term: 'as early as possible' }, text: 'as early as possible' }, 'a gap phrase'),
  reports('As a collector, I want to record the title, artist, year and other details of a print.', 'vague', { data: { term: 'and other details' }, text: 'and other details' }, 'an open list'),
  reports('As a baker, I want to see some statistics about my orders.', 'vague', { data: { term: 'some' }, text: 'some' }),
  reports('As a host, I want a clean layout for the menu page.', 'vague', { data: { term: 'clean' }, text: 'clean' }, '"clean" as an adjective'),
  reports('As a parent, I want clear instructions for the school trip form.', 'vague', { data: { term: 'clear' }, text: 'clear' }),
  reports('As a tenant, I want to report repairs, possibly with photos.', 'vague', { data: { term: 'possibly' }, text: 'possibly' }, 'a hedge leaves the scope open'),
  { story: 'As a member, I want to read lots of articles and so on.', errors: [{ messageId: 'vague', data: { term: 'lots of' }, text: 'lots of' }, { messageId: 'vague', data: { term: 'and so on' }, text: 'and so on' }] },
  reports('Make the checkout faster', 'vague', { data: { term: 'faster' }, field: 'summary', text: 'faster' }, 'a title with no story sentence'),
  reports({ summary: 'As a runner, I want to export my runs as GPX.', acceptanceCriteria: 'The export finishes in a reasonable time.' }, 'vague', { data: { term: 'reasonable' }, field: 'acceptanceCriteria', text: 'reasonable' }, 'the acceptance criteria are judged too'),
  reports('As an editor, I want to see everything about an article on one screen.', 'vague', { data: { term: 'everything' }, text: 'everything' }, '"everything" with nothing to bound it'),
  { story: 'As an editor, I want the text spellchecked where necessary.', settings: { vagueTerms: ['spellchecked'] }, why: 'project terms join the list', errors: [{ messageId: 'vague', data: { term: 'spellchecked' } }, { messageId: 'vague', data: { term: 'where necessary' } }] },
];
