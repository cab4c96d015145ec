import type { InvalidCase, ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  { story: 'As a diner, I want to filter reviews by cuisine, so that I find places I like.' },
  { story: 'As a diner I need to see opening hours so I do not arrive at a closed restaurant', why: 'no commas' },
  { story: "As a reader, I don't want to see ads for books I already own.", why: 'a negated goal is a goal' },
  { story: 'As a reader, I do not want my reading list shared, so that my tastes stay private.', why: '"I do not want"' },
  { story: 'As a nurse, I would be able to record a dose on the ward round.', why: '"I would be able to"' },
  { story: 'As a tenant, I would like to book the laundry room for an evening.', why: '"I would like to"' },
  { story: 'As a researcher, would like the ability to export tables, so that I can use them in my paper.', why: 'the goal indicator without its "I"' },
  // Goals stated outside the template: a title that leads with a verb, a wish or a capability.
  { story: 'Print boarding passes from the booking page', why: 'an imperative title' },
  { story: 'fix the seat map after a gate change', why: 'a lower-case imperative title' },
  { story: '[Check-in] Add a reminder e-mail the day before departure', why: 'an imperative after a bracketed tag' },
  { story: 'Seat map: show the exit rows in another colour', why: 'an imperative after a topic prefix' },
  { story: 'When a flight is cancelled, pop up the rebooking options', why: 'a condition, then an order' },
  { story: 'The fare calculator should round to whole cents', why: '"X should …" states the wanted behaviour' },
  { story: 'Traveller wants to split the booking between two cards', why: 'a wish in the third person' },
  { story: 'Ability to hold a seat for 24 hours', why: 'a capability phrase' },
  { story: 'Update icons in the booking app to match the new style', why: 'a verb that is also a noun, acting on an object' },
  // With no story sentence anywhere, the opening of the description may state the goal.
  { story: { summary: 'Fare rules tooltip', description: 'Add a tooltip to every fare that lists its change rules.' }, why: 'an imperative sentence in the description' },
  { story: { summary: 'Baggage allowance', description: 'Came up in the review. There should be one place that shows the allowance per leg.' }, why: '"There should be" in the second sentence' },
  { story: { summary: 'Group bookings', description: 'This task is to create a form for groups of ten or more.' }, why: '"This task is to create"' },
  { story: { summary: 'Lounge access', description: 'It would be great to see which lounges my ticket opens.' }, why: '"It would be great to"' },
  { story: { summary: 'Refund status', description: 'h3. Card\nAs a traveller, I want to follow my refund step by step.' }, why: 'a story sentence under a wiki heading' },
  { story: 'Ledger history: As a data steward, I want to see every change of a record, so that I can audit it.', why: 'a story sentence after a topic prefix' },
];

export const invalid: InvalidCase[] = [
  { story: 'As a diner, reviews by cuisine.', errors: [{ messageId: 'missing', field: 'summary', text: 'As a diner, reviews by cuisine' }] },
  { story: 'Restaurant reviews', errors: [{ messageId: 'missing', field: 'summary', text: 'Restaurant reviews' }] },
  { story: 'As a PM, I want to 🚀 so that we launch', why: 'a goal of symbols only', errors: [{ messageId: 'missing', field: 'summary', text: 'As a PM, I want to 🚀 so that we launch' }] },
  { story: 'As a diner, I want —', why: 'a dash is not a goal', errors: [{ messageId: 'missing', field: 'summary', text: 'As a diner, I want —' }] },
  { story: 'to keep the opening hours right at all times.', why: 'a fragment of a sentence', errors: [{ messageId: 'missing', field: 'summary', text: 'to keep the opening hours right at all times' }] },
  // Topic titles still fire, also with a verb that is a noun here or a description that wants nothing.
  { story: 'Testing of the seat map widget', why: 'a nominalised action', errors: [{ messageId: 'missing', field: 'summary', text: 'Testing of the seat map widget' }] },
  { story: 'Release notes for the spring release', why: 'a verb-noun in a compound', errors: [{ messageId: 'missing', field: 'summary', text: 'Release notes for the spring release' }] },
  { story: { summary: 'Lounge access', description: 'Came up in the review. See the notes from the workshop.' }, why: 'a pointer to notes is no goal', errors: [{ messageId: 'missing', field: 'summary', text: 'Lounge access' }] },
  { story: { summary: 'Baggage rules archive', description: 'This will help the desk staff answer questions.' }, why: 'a reason without a goal', errors: [{ messageId: 'missing', field: 'summary', text: 'Baggage rules archive' }] },
  { story: { summary: 'Seat map crash', description: 'Steps to reproduce: open the seat map and choose a row.' }, why: 'reproduction steps are not a wish', errors: [{ messageId: 'missing', field: 'summary', text: 'Seat map crash' }] },
  { story: 'Export to PDF fails when the booking has infants', why: 'a statement about behaviour, not an order', errors: [{ messageId: 'missing', field: 'summary', text: 'Export to PDF fails when the booking has infants' }] },
  { story: { summary: 'As a traveller I am confused by the two fare tables', description: 'Add a legend to both tables.' }, why: 'a story sentence in the title without a goal is not rescued by the description', errors: [{ messageId: 'missing', field: 'summary', text: 'As a traveller I am confused by the two fare tables' }] },
  { story: 'As a tenant, I want, so that my deposit is returned on time.', why: 'the benefit is not a goal', errors: [{ messageId: 'missing', field: 'summary', text: 'As a tenant, I want, so that my deposit is returned on time' }] },
];
