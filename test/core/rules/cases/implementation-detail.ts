import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

/** A product for app developers: two roles build apps with it. */
const developerProduct = ['As an app developer, I want an SDK for table bookings, so that my app can book tables.', 'As an app developer, I want webhooks for cancelled bookings, so that my app can free the table.'];
/** Data people whose goals name JSON: it is their domain. */
const jsonUsers = ['As an analyst, I want to validate a JSON document against its schema.', 'As an analyst, I want to compare two JSON documents side by side.'];

export const valid: ValidCase[] = [
  passes('As a diner, I want to pick my city from a list, so that I only see nearby restaurants.'),
  passes('As a diner, I want to pick my city, so that the dropdown of restaurants stays short.', 'a widget in the benefit'),
  passes('As an analyst, I want to export my bookings as a CSV file.', 'the format the user exchanges'),
  passes('As an analyst, I want to import last year\'s bookings in JSON.', 'the format the user exchanges'),
  passes('As a researcher, I want to know whether my CSV file is valid before I publish it.', 'the user\'s own file'),
  passes('As a data scientist, I want a Python client for the bookings service.', 'a deliverable for Python users'),
  passes('As a shop owner, I want an Elasticsearch integration for my catalogue.', 'an integration with the user\'s system'),
  passes('As an IT manager, I want to connect the portal to existing campus systems such as LDAP.', 'an example of a system that exists'),
  passes('As a member, I want to hide the rest of my profile from visitors.', '"rest" is the remainder'),
  passes('As a clerk, I want to delete customers who left from the database.', 'the lay word for the records'),
  passes("As a reader, I want to go back a page without having to use my browser's back button.", 'a widget the user wants to avoid'),
  passes('As a grandparent, I want to press one button to call my family.', 'one button is a measure of effort'),
  passes('As an app developer, I want examples in Python for every endpoint.', { backlog: developerProduct, why: 'a product for builders: their languages are the domain' }),
  passes('As an analyst, I want to pretty-print JSON in the viewer.', { backlog: jsonUsers, why: 'the backlog\'s users name JSON in their goals' }),
];

export const invalid: InvalidCase[] = [
  {
    story: 'As a diner, I want a react-select dropdown of cities, so that I only see nearby restaurants.',
    errors: [
      { messageId: 'technology', data: { term: 'react-select' }, field: 'summary', text: 'react-select' },
      { messageId: 'technology', data: { term: 'dropdown' }, field: 'summary', text: 'dropdown' },
    ],
  },
  reports('As a reviewer, I want my photos saved in a PostgreSQL table, so that I can see them later.', 'technology', { data: { term: 'PostgreSQL' }, text: 'PostgreSQL' }),
  reports('As a clerk, I want to store customer notes in the database.', 'technology', { data: { term: 'database' }, text: 'database' }, 'storing in the database is a storage choice'),
  reports('As a manager, I want report results cached, so that the dashboard opens at once.', 'technology', { data: { term: 'cached' }, text: 'cached' }),
  reports('As an accountant, I want invoices sent over a REST call to the bank.', 'technology', { data: { term: 'REST' }, text: 'REST' }, 'REST in capitals is the technology'),
  reports('As a student, I want to log in using Shibboleth, so that I use my campus account.', 'technology', { data: { term: 'Shibboleth' }, text: 'Shibboleth' }),
  reports('As a member, I want to accept the terms with a checkbox.', 'technology', { data: { term: 'checkbox' }, text: 'checkbox' }),
  reports('As an app developer, I want to embed the booking form via iframe.', 'technology', { data: { term: 'iframe' }, text: 'iframe' }, { backlog: developerProduct, why: 'even for builders, "via" prescribes the means' }),
  reports('As a diner, I want the menu stored as JSON.', 'technology', { data: { term: 'JSON' }, text: 'JSON' }, 'a format with no exchange is a storage choice'),
];
