import type { InvalidCase, ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  { story: 'As a hotel guest, I want to rate my stay, so that future guests know what to expect.' },
  { story: 'As a patron, I want to browse titles by subject to find books for my course.', why: 'a purpose clause with "to"' },
  { story: 'As a clerk, I want to print the receipt for clarity.', why: '"for clarity" is the reason' },
  { story: 'As a clerk, I want to group invoices for ease of filing at month end.', why: '"for ease of …"' },
  { story: 'As a driver, I want offline maps because I travel through areas without signal.', why: '"because …" without a comma' },
  { story: 'As a shopper, I want to save my cart since I often shop on two devices.', why: '"since I …" gives the reason' },
  { story: 'As a cashier, I want to void a sale due to a scanning mistake.', why: '"due to …"' },
  { story: 'As a coach, I want to see each runner\'s splits in order spot the slow laps.', why: '"in order" with its "to" missing' },
  { story: 'In order to plan my trip, as a traveller, I want to see hotels near a restaurant.', why: 'benefit first' },
  { story: 'As a researcher, would like the ability to export tables, so that I can use them in my paper.', why: 'the goal indicator lacks its "I"; the benefit is still found' },
];

export const invalid: InvalidCase[] = [
  { story: 'As a hotel guest, I want to rate my stay.', errors: [{ messageId: 'missing', field: 'summary', text: 'As a hotel guest, I want to rate my stay' }] },
  { story: 'As a tester, I want a tool to compare screenshots.', why: 'the "to" completes "a tool"', errors: [{ messageId: 'missing', field: 'summary', text: 'As a tester, I want a tool to compare screenshots' }] },
  { story: 'As a guest, I want the app to remind me of my booking.', why: 'the goal\'s own complement', errors: [{ messageId: 'missing', field: 'summary', text: 'As a guest, I want the app to remind me of my booking' }] },
  { story: 'As a member, I would like a page that allows me to export my data.', why: '"allows me to"', errors: [{ messageId: 'missing', field: 'summary' }] },
  { story: 'As a visitor, I want to use the kiosk to print my ticket.', why: 'the means come first; printing is the goal', errors: [{ messageId: 'missing', field: 'summary' }] },
  { story: 'As an editor, I want to add tags and to sort articles by tag.', why: 'a second infinitive of the goal', errors: [{ messageId: 'missing', field: 'summary' }] },
  { story: 'As a teacher, I want to list my classes in order of start date.', why: '"in order of" sorts', errors: [{ messageId: 'missing', field: 'summary' }] },
];
