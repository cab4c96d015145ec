import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  passes('As a hotel guest, I want to rate my stay, so that future guests know what to expect.'),
  passes('As a patron, I want to browse titles by subject to find books for my course.', 'a purpose clause with "to"'),
  passes('As a clerk, I want to print the receipt for clarity.', '"for clarity" is the reason'),
  passes('As a clerk, I want to group invoices for ease of filing at month end.', '"for ease of …"'),
  passes('As a driver, I want offline maps because I travel through areas without signal.', '"because …" without a comma'),
  passes('As a shopper, I want to save my cart since I often shop on two devices.', '"since I …" gives the reason'),
  passes('As a cashier, I want to void a sale due to a scanning mistake.', '"due to …"'),
  passes('As a coach, I want to see each runner\'s splits in order spot the slow laps.', '"in order" with its "to" missing'),
  passes('In order to plan my trip, as a traveller, I want to see hotels near a restaurant.', 'benefit first'),
  passes('As a researcher, would like the ability to export tables, so that I can use them in my paper.', 'the goal indicator lacks its "I"; the benefit is still found'),
];

export const invalid: InvalidCase[] = [
  reports('As a hotel guest, I want to rate my stay.', 'missing', { field: 'summary', text: 'As a hotel guest, I want to rate my stay' }),
  reports('As a tester, I want a tool to compare screenshots.', 'missing', { field: 'summary', text: 'As a tester, I want a tool to compare screenshots' }, 'the "to" completes "a tool"'),
  reports('As a guest, I want the app to remind me of my booking.', 'missing', { field: 'summary', text: 'As a guest, I want the app to remind me of my booking' }, 'the goal\'s own complement'),
  reports('As a member, I would like a page that allows me to export my data.', 'missing', { field: 'summary' }, '"allows me to"'),
  reports('As a visitor, I want to use the kiosk to print my ticket.', 'missing', { field: 'summary' }, 'the means come first; printing is the goal'),
  reports('As an editor, I want to add tags and to sort articles by tag.', 'missing', { field: 'summary' }, 'a second infinitive of the goal'),
  reports('As a teacher, I want to list my classes in order of start date.', 'missing', { field: 'summary' }, '"in order of" sorts'),
];
