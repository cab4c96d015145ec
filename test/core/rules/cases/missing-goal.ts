import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  passes('As a diner, I want to filter reviews by cuisine, so that I find places I like.'),
  passes('As a diner I need to see opening hours so I do not arrive at a closed restaurant', 'no commas'),
  passes("As a reader, I don't want to see ads for books I already own.", 'a negated goal is a goal'),
  passes('As a reader, I do not want my reading list shared, so that my tastes stay private.', '"I do not want"'),
  passes('As a nurse, I would be able to record a dose on the ward round.', '"I would be able to"'),
  passes('As a tenant, I would like to book the laundry room for an evening.', '"I would like to"'),
  passes('As a researcher, would like the ability to export tables, so that I can use them in my paper.', 'the goal indicator without its "I"'),
  // Goals stated outside the template: a title that leads with a verb, a wish or a capability.
  passes('Print boarding passes from the booking page', 'an imperative title'),
  passes('fix the seat map after a gate change', 'a lower-case imperative title'),
  passes('[Check-in] Add a reminder e-mail the day before departure', 'an imperative after a bracketed tag'),
  passes('Seat map: show the exit rows in another colour', 'an imperative after a topic prefix'),
  passes('When a flight is cancelled, pop up the rebooking options', 'a condition, then an order'),
  passes('The fare calculator should round to whole cents', '"X should …" states the wanted behaviour'),
  passes('Traveller wants to split the booking between two cards', 'a wish in the third person'),
  passes('Ability to hold a seat for 24 hours', 'a capability phrase'),
  passes('Update icons in the booking app to match the new style', 'a verb that is also a noun, acting on an object'),
  passes('Fix the broken link on the fares page', 'a statement word after a determiner describes the object'),
  // With no story sentence anywhere, the opening of the description may state the goal.
  passes({ summary: 'Fare rules tooltip', description: 'Add a tooltip to every fare that lists its change rules.' }, 'an imperative sentence in the description'),
  passes({ summary: 'Baggage allowance', description: 'Came up in the review. There should be one place that shows the allowance per leg.' }, '"There should be" in the second sentence'),
  passes({ summary: 'Group bookings', description: 'This task is to create a form for groups of ten or more.' }, '"This task is to create"'),
  passes({ summary: 'Lounge access', description: 'It would be great to see which lounges my ticket opens.' }, '"It would be great to"'),
  passes({ summary: 'Refund status', description: 'h3. Card\nAs a traveller, I want to follow my refund step by step.' }, 'a story sentence under a wiki heading'),
  passes('Ledger history: As a data steward, I want to see every change of a record, so that I can audit it.', 'a story sentence after a topic prefix'),
];

export const invalid: InvalidCase[] = [
  reports('As a diner, reviews by cuisine.', 'missing', { field: 'summary', text: 'As a diner, reviews by cuisine' }),
  reports('Restaurant reviews', 'missing', { field: 'summary', text: 'Restaurant reviews' }),
  reports('As a PM, I want to 🚀 so that we launch', 'missing', { field: 'summary', text: 'As a PM, I want to 🚀 so that we launch' }, 'a goal of symbols only'),
  reports('As a diner, I want —', 'missing', { field: 'summary', text: 'As a diner, I want —' }, 'a dash is not a goal'),
  reports('to keep the opening hours right at all times.', 'missing', { field: 'summary', text: 'to keep the opening hours right at all times' }, 'a fragment of a sentence'),
  // Topic titles still fire, also with a verb that is a noun here or a description that wants nothing.
  reports('Testing of the seat map widget', 'missing', { field: 'summary', text: 'Testing of the seat map widget' }, 'a nominalised action'),
  reports('Release notes for the spring release', 'missing', { field: 'summary', text: 'Release notes for the spring release' }, 'a verb-noun in a compound'),
  reports({ summary: 'Lounge access', description: 'Came up in the review. See the notes from the workshop.' }, 'missing', { field: 'summary', text: 'Lounge access' }, 'a pointer to notes is no goal'),
  reports({ summary: 'Baggage rules archive', description: 'This will help the desk staff answer questions.' }, 'missing', { field: 'summary', text: 'Baggage rules archive' }, 'a reason without a goal'),
  reports({ summary: 'Seat map crash', description: 'Steps to reproduce: open the seat map and choose a row.' }, 'missing', { field: 'summary', text: 'Seat map crash' }, 'reproduction steps are not a wish'),
  reports('Export to PDF fails when the booking has infants', 'missing', { field: 'summary', text: 'Export to PDF fails when the booking has infants' }, 'a statement about behaviour, not an order'),
  reports({ summary: 'As a traveller I am confused by the two fare tables', description: 'Add a legend to both tables.' }, 'missing', { field: 'summary', text: 'As a traveller I am confused by the two fare tables' }, 'a story sentence in the title without a goal is not rescued by the description'),
  reports('As a tenant, I want, so that my deposit is returned on time.', 'missing', { field: 'summary', text: 'As a tenant, I want, so that my deposit is returned on time' }, 'the benefit is not a goal'),
  reports('As a tenant, so that I can pay on time.', 'missing', { field: 'summary', text: 'As a tenant, so that I can pay on time' }, 'a benefit right after the role: its "I can" is not a goal'),
];
