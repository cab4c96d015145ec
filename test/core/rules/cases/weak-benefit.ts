import type { InvalidCase, ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  { story: 'As a guest, I want to log in, so that my reviews appear under my name.' },
  { story: 'As a diner, I want to download a menu, so that I can read it offline.', why: 'offline reading is a gain beyond the download' },
  { story: 'As a clerk, I want to import invoices from a spreadsheet, so that I don\'t have to type each one.', why: 'what the user avoids' },
  { story: 'As a member, I want to post a recipe, so that others can cook it.', why: 'someone else gains' },
  { story: 'As a cook, I want to scale a recipe, so that I know if my pans are big enough.', why: 'what is to be known is new' },
  { story: 'As a librarian, I want to upload scans of old maps, so that they can be used again for other exhibitions.', why: 'other uses than the goal names' },
  { story: 'As a tutor, I want to start a draft lesson plan, so that I can begin inviting pupils.', why: '"begin" is not the goal\'s act; inviting is new' },
  { story: 'As a buyer, I want to see the delivery date, so that I can plan my week.' },
];

export const invalid: InvalidCase[] = [
  { story: 'As a host, I want to delete a listing, so that I can remove it.', why: 'delete → remove', errors: [{ messageId: 'restates', data: { benefit: 'I can remove it' }, field: 'summary', text: 'I can remove it' }] },
  { story: 'As a diner, I want to search restaurants by cuisine, so that I can find the ones I want.', why: 'searching finds', errors: [{ messageId: 'restates', field: 'summary', text: 'I can find the ones I want' }] },
  { story: 'As a developer, I want a calendar integration, so that I can integrate my events with the calendar.', why: 'an integration integrates', errors: [{ messageId: 'restates', text: 'I can integrate my events with the calendar' }] },
  { story: 'As a player, I want to join a tournament, so that I can participate.', why: 'join → participate', errors: [{ messageId: 'restates', text: 'I can participate' }] },
  { story: 'As a tenant, I want to modify my contact details, so that I can keep my contact details up to date.', why: 'editing keeps it up to date', errors: [{ messageId: 'restates', text: 'I can keep my contact details up to date' }] },
  { story: 'As an author, I want to publish a chapter, so that it is available and published.', why: 'it only exists now', errors: [{ messageId: 'restates', text: 'it is available and published' }] },
  { story: 'As an author, I want to restore a deleted chapter, so that the deleted chapter is visible again to readers.', why: 'it is back; the audience aside', errors: [{ messageId: 'restates', text: 'the deleted chapter is visible again to readers' }] },
  { story: 'As a student, I want to view lecture snippets, so that I can watch clips of lectures.', why: 'view → watch, snippets → clips', errors: [{ messageId: 'restates', text: 'I can watch clips of lectures' }] },
  { story: 'As a clerk, I want to prevent double payments, so that there are no duplicate payments.', why: 'a prevention restated as its absence', errors: [{ messageId: 'restates', text: 'there are no duplicate payments' }] },
  { story: 'As a member, I want to download my certificates, so that I have them.', errors: [{ messageId: 'empty', data: { benefit: 'I have them' }, field: 'summary', text: 'I have them' }] },
  { story: 'As a moderator, I want to log in with my email address, so that I can start using the application.', errors: [{ messageId: 'empty', text: 'I can start using the application' }] },
  { story: 'As a patron, I want to search the catalogue by author, so that I can facilitate my use of the catalogue.', why: '"facilitate my use" only frames it', errors: [{ messageId: 'restates', text: 'I can facilitate my use of the catalogue' }] },
  { story: 'As a patron, I want to browse the catalogue by subject to locate the books I need.', why: 'a purpose clause is a benefit too', errors: [{ messageId: 'restates', text: 'locate the books I need' }] },
];
