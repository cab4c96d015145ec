import type { InvalidCase, ValidCase } from '../rule-tester';

/** An acceptance-criteria field with `n` items. */
const criteria = (n: number) => Array.from({ length: n }, (_, i) => `- Given order ${i + 1} is open, when I cancel it, then it is marked cancelled.`).join('\n');

export const valid: ValidCase[] = [
  { story: { summary: 'As an admin, I want to draw a zone on a picture, so that uploads are cut into it.', source: 'issue', storyPoints: 3 } },
  { story: 'As a member, I want to enter my name, email, phone, street, city and postcode, so that the shop can deliver.', why: 'a list of fields is one screen' },
  { story: 'As an admin, I want to read new and renewed memberships and approve or reject them.', why: 'the list ends where a second act begins' },
  { story: 'As a planner, I want to pick a size from 1, 2, 3, 5, 8, 13 or 21, so that estimates stay comparable.', why: 'a number sequence' },
  { story: 'As a curator, I want to describe an object, including its title, dates, languages and other aspects.', why: 'examples after "including"' },
  { story: 'As a member, I want to manage my privacy and data settings, so that I control what others see.', why: '"manage" over one small thing' },
  { story: 'As a visitor, I want to use the chat to ask the shop a question.', why: 'an existing feature used as the means' },
  { story: 'As a user, I want to update one field of a record without knowing all other fields.', why: '"all other" here bounds nothing new' },
  { story: 'As a guest, I want to use the kiosk as much as possible without help.', why: '"as much as possible" measures, not scope' },
  { story: { summary: 'As a buyer, I want to cancel an open order, so that I am not charged.', acceptanceCriteria: criteria(8) }, why: 'eight criteria is the default limit' },
];

export const invalid: InvalidCase[] = [
  { story: { summary: 'As an admin, I want to draw a zone on a picture, so that uploads are cut into it.', source: 'issue', storyPoints: 13 }, errors: [{ messageId: 'points', data: { points: 13, threshold: 8 } }] },
  { story: 'As an admin, I want to manage picture models, so that uploads are cut correctly.', errors: [{ messageId: 'epicVerb', data: { verb: 'manage' }, field: 'summary', text: 'manage' }] },
  { story: 'As a pensioner, I want to use the assistant to manage my agenda.', why: 'the epic verb after "use … to"', errors: [{ messageId: 'epicVerb', data: { verb: 'manage' }, text: 'manage' }] },
  { story: 'As an editor, I want to create and maintain the glossary, so that terms stay consistent.', why: 'after "and"', errors: [{ messageId: 'epicVerb', data: { verb: 'maintain' }, text: 'maintain' }] },
  { story: 'As an admin, I want to upload, crop, rotate and tag pictures, so that the catalogue looks right.', errors: [{ messageId: 'manyGoals', data: { count: 4 }, text: 'upload, crop, rotate and tag' }] },
  { story: { summary: 'As a buyer, I want to cancel an open order, so that I am not charged.', acceptanceCriteria: criteria(9) }, errors: [{ messageId: 'manyCriteria', data: { count: 9, max: 8 } }] },
  { story: 'As a shop owner, I want to have a billing system, so that I can charge my customers.', errors: [{ messageId: 'featureArea', data: { area: 'billing system' }, text: 'billing system' }] },
  { story: 'As a driver, I want to use the app for navigation.', errors: [{ messageId: 'featureArea', data: { area: 'navigation' }, text: 'navigation' }] },
  { story: 'Auditing & Reporting', why: 'a title that names feature areas', errors: [{ messageId: 'featureArea', data: { area: 'Auditing' }, field: 'summary', text: 'Auditing' }] },
  { story: 'As a records manager, I want to integrate the archive with the finance system, so that invoices are filed once.', errors: [{ messageId: 'integration', data: { text: 'integrate' }, text: 'integrate' }] },
  { story: 'As a traveller, I want to use the app on my laptop, tablet and phone.', errors: [{ messageId: 'platforms', data: { text: 'laptop, tablet and phone' }, text: 'laptop, tablet and phone' }] },
  { story: 'As an operator, I want to run jobs from the web UI and the CLI or the REST API.', errors: [{ messageId: 'platforms', text: 'web UI and the CLI or the REST API' }] },
  { story: 'As a tenant, I want to upload photos, videos, invoices and signed contracts to my file.', why: 'four kinds of data for one operation', errors: [{ messageId: 'longList', data: { count: 4 }, text: 'photos, videos, invoices and signed contracts' }] },
  { story: 'As an archivist, I want to make as much of the collection as possible available online.', errors: [{ messageId: 'unbounded', data: { text: 'as much of the collection as possible' }, text: 'as much of the collection as possible' }] },
];
