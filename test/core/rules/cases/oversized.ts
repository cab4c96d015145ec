import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

/** An acceptance-criteria field with `n` items. */
const criteria = (n: number) => Array.from({ length: n }, (_, i) => `- Given order ${i + 1} is open, when I cancel it, then it is marked cancelled.`).join('\n');

export const valid: ValidCase[] = [
  passes({ summary: 'As an admin, I want to draw a zone on a picture, so that uploads are cut into it.', source: 'issue', storyPoints: 3 }),
  passes('As a member, I want to enter my name, email, phone, street, city and postcode, so that the shop can deliver.', 'a list of fields is one screen'),
  passes('As an admin, I want to read new and renewed memberships and approve or reject them.', 'the list ends where a second act begins'),
  passes('As a planner, I want to pick a size from 1, 2, 3, 5, 8, 13 or 21, so that estimates stay comparable.', 'a number sequence'),
  passes('As a curator, I want to describe an object, including its title, dates, languages and other aspects.', 'examples after "including"'),
  passes('As a member, I want to manage my privacy and data settings, so that I control what others see.', '"manage" over one small thing'),
  passes('As a visitor, I want to use the chat to ask the shop a question.', 'an existing feature used as the means'),
  passes('As a user, I want to update one field of a record without knowing all other fields.', '"all other" here bounds nothing new'),
  passes('As a guest, I want to use the kiosk as much as possible without help.', '"as much as possible" measures, not scope'),
  passes({ summary: 'As a buyer, I want to cancel an open order, so that I am not charged.', acceptanceCriteria: criteria(8) }, 'eight criteria is the default limit'),
];

export const invalid: InvalidCase[] = [
  reports({ summary: 'As an admin, I want to draw a zone on a picture, so that uploads are cut into it.', source: 'issue', storyPoints: 13 }, 'points', { data: { points: 13, threshold: 8 } }),
  reports('As an admin, I want to manage picture models, so that uploads are cut correctly.', 'epicVerb', { data: { verb: 'manage' }, field: 'summary', text: 'manage' }),
  reports('As a pensioner, I want to use the assistant to manage my agenda.', 'epicVerb', { data: { verb: 'manage' }, text: 'manage' }, 'the epic verb after "use … to"'),
  reports('As an editor, I want to create and maintain the glossary, so that terms stay consistent.', 'epicVerb', { data: { verb: 'maintain' }, text: 'maintain' }, 'after "and"'),
  reports('As an admin, I want to upload, crop, rotate and tag pictures, so that the catalogue looks right.', 'manyGoals', { data: { count: 4 }, text: 'upload, crop, rotate and tag' }),
  reports({ summary: 'As a buyer, I want to cancel an open order, so that I am not charged.', acceptanceCriteria: criteria(9) }, 'manyCriteria', { data: { count: 9, max: 8 } }),
  reports('As a shop owner, I want to have a billing system, so that I can charge my customers.', 'featureArea', { data: { area: 'billing system' }, text: 'billing system' }),
  reports('As a driver, I want to use the app for navigation.', 'featureArea', { data: { area: 'navigation' }, text: 'navigation' }),
  reports('Auditing & Reporting', 'featureArea', { data: { area: 'Auditing' }, field: 'summary', text: 'Auditing' }, 'a title that names feature areas'),
  reports('As a records manager, I want to integrate the archive with the finance system, so that invoices are filed once.', 'integration', { data: { text: 'integrate' }, text: 'integrate' }),
  reports('As a traveller, I want to use the app on my laptop, tablet and phone.', 'platforms', { data: { text: 'laptop, tablet and phone' }, text: 'laptop, tablet and phone' }),
  reports('As an operator, I want to run jobs from the web UI and the CLI or the REST API.', 'platforms', { text: 'web UI and the CLI or the REST API' }),
  reports('As a tenant, I want to upload photos, videos, invoices and signed contracts to my file.', 'longList', { data: { count: 4 }, text: 'photos, videos, invoices and signed contracts' }, 'four kinds of data for one operation'),
  reports('As an archivist, I want to make as much of the collection as possible available online.', 'unbounded', { data: { text: 'as much of the collection as possible' }, text: 'as much of the collection as possible' }),
];
