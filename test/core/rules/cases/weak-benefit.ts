import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  passes('As a guest, I want to log in, so that my reviews appear under my name.'),
  passes('As a diner, I want to download a menu, so that I can read it offline.', 'offline reading is a gain beyond the download'),
  passes('As a clerk, I want to import invoices from a spreadsheet, so that I don\'t have to type each one.', 'what the user avoids'),
  passes('As a member, I want to post a recipe, so that others can cook it.', 'someone else gains'),
  passes('As a cook, I want to scale a recipe, so that I know if my pans are big enough.', 'what is to be known is new'),
  passes('As a librarian, I want to upload scans of old maps, so that they can be used again for other exhibitions.', 'other uses than the goal names'),
  passes('As a tutor, I want to start a draft lesson plan, so that I can begin inviting pupils.', '"begin" is not the goal\'s act; inviting is new'),
  passes('As a buyer, I want to see the delivery date, so that I can plan my week.'),
];

export const invalid: InvalidCase[] = [
  reports('As a host, I want to delete a listing, so that I can remove it.', 'restates', { data: { benefit: 'I can remove it' }, field: 'summary', text: 'I can remove it' }, 'delete → remove'),
  reports('As a diner, I want to search restaurants by cuisine, so that I can find the ones I want.', 'restates', { field: 'summary', text: 'I can find the ones I want' }, 'searching finds'),
  reports('As a developer, I want a calendar integration, so that I can integrate my events with the calendar.', 'restates', { text: 'I can integrate my events with the calendar' }, 'an integration integrates'),
  reports('As a player, I want to join a tournament, so that I can participate.', 'restates', { text: 'I can participate' }, 'join → participate'),
  reports('As a tenant, I want to modify my contact details, so that I can keep my contact details up to date.', 'restates', { text: 'I can keep my contact details up to date' }, 'editing keeps it up to date'),
  reports('As an author, I want to publish a chapter, so that it is available and published.', 'restates', { text: 'it is available and published' }, 'it only exists now'),
  reports('As an author, I want to restore a deleted chapter, so that the deleted chapter is visible again to readers.', 'restates', { text: 'the deleted chapter is visible again to readers' }, 'it is back; the audience aside'),
  reports('As a student, I want to view lecture snippets, so that I can watch clips of lectures.', 'restates', { text: 'I can watch clips of lectures' }, 'view → watch, snippets → clips'),
  reports('As a clerk, I want to prevent double payments, so that there are no duplicate payments.', 'restates', { text: 'there are no duplicate payments' }, 'a prevention restated as its absence'),
  reports('As a member, I want to download my certificates, so that I have them.', 'empty', { data: { benefit: 'I have them' }, field: 'summary', text: 'I have them' }),
  reports('As a moderator, I want to log in with my email address, so that I can start using the application.', 'empty', { text: 'I can start using the application' }),
  reports('As a patron, I want to search the catalogue by author, so that I can facilitate my use of the catalogue.', 'restates', { text: 'I can facilitate my use of the catalogue' }, '"facilitate my use" only frames it'),
  reports('As a patron, I want to browse the catalogue by subject to locate the books I need.', 'restates', { text: 'locate the books I need' }, 'a purpose clause is a benefit too'),
];
