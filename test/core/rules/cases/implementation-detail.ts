import type { InvalidCase, ValidCase } from '../rule-tester';

/** A product for app developers: two roles build apps with it. */
const developerProduct = ['As an app developer, I want an SDK for table bookings, so that my app can book tables.', 'As an app developer, I want webhooks for cancelled bookings, so that my app can free the table.'];
/** Data people whose goals name JSON: it is their domain. */
const jsonUsers = ['As an analyst, I want to validate a JSON document against its schema.', 'As an analyst, I want to compare two JSON documents side by side.'];

export const valid: ValidCase[] = [
  { story: 'As a diner, I want to pick my city from a list, so that I only see nearby restaurants.' },
  { story: 'As a diner, I want to pick my city, so that the dropdown of restaurants stays short.', why: 'a widget in the benefit' },
  { story: 'As an analyst, I want to export my bookings as a CSV file.', why: 'the format the user exchanges' },
  { story: 'As an analyst, I want to import last year\'s bookings in JSON.', why: 'the format the user exchanges' },
  { story: 'As a researcher, I want to know whether my CSV file is valid before I publish it.', why: 'the user\'s own file' },
  { story: 'As a data scientist, I want a Python client for the bookings service.', why: 'a deliverable for Python users' },
  { story: 'As a shop owner, I want an Elasticsearch integration for my catalogue.', why: 'an integration with the user\'s system' },
  { story: 'As an IT manager, I want to connect the portal to existing campus systems such as LDAP.', why: 'an example of a system that exists' },
  { story: 'As a member, I want to hide the rest of my profile from visitors.', why: '"rest" is the remainder' },
  { story: 'As a clerk, I want to delete customers who left from the database.', why: 'the lay word for the records' },
  { story: "As a reader, I want to go back a page without having to use my browser's back button.", why: 'a widget the user wants to avoid' },
  { story: 'As a grandparent, I want to press one button to call my family.', why: 'one button is a measure of effort' },
  { story: 'As an app developer, I want examples in Python for every endpoint.', backlog: developerProduct, why: 'a product for builders: their languages are the domain' },
  { story: 'As an analyst, I want to pretty-print JSON in the viewer.', backlog: jsonUsers, why: 'the backlog\'s users name JSON in their goals' },
];

export const invalid: InvalidCase[] = [
  {
    story: 'As a diner, I want a react-select dropdown of cities, so that I only see nearby restaurants.',
    errors: [
      { messageId: 'technology', data: { term: 'react-select' }, field: 'summary', text: 'react-select' },
      { messageId: 'technology', data: { term: 'dropdown' }, field: 'summary', text: 'dropdown' },
    ],
  },
  { story: 'As a reviewer, I want my photos saved in a PostgreSQL table, so that I can see them later.', errors: [{ messageId: 'technology', data: { term: 'PostgreSQL' }, text: 'PostgreSQL' }] },
  { story: 'As a clerk, I want to store customer notes in the database.', why: 'storing in the database is a storage choice', errors: [{ messageId: 'technology', data: { term: 'database' }, text: 'database' }] },
  { story: 'As a manager, I want report results cached, so that the dashboard opens at once.', errors: [{ messageId: 'technology', data: { term: 'cached' }, text: 'cached' }] },
  { story: 'As an accountant, I want invoices sent over a REST call to the bank.', why: 'REST in capitals is the technology', errors: [{ messageId: 'technology', data: { term: 'REST' }, text: 'REST' }] },
  { story: 'As a student, I want to log in using Shibboleth, so that I use my campus account.', errors: [{ messageId: 'technology', data: { term: 'Shibboleth' }, text: 'Shibboleth' }] },
  { story: 'As a member, I want to accept the terms with a checkbox.', errors: [{ messageId: 'technology', data: { term: 'checkbox' }, text: 'checkbox' }] },
  { story: 'As an app developer, I want to embed the booking form via iframe.', backlog: developerProduct, why: 'even for builders, "via" prescribes the means', errors: [{ messageId: 'technology', data: { term: 'iframe' }, text: 'iframe' }] },
  { story: 'As a diner, I want the menu stored as JSON.', why: 'a format with no exchange is a storage choice', errors: [{ messageId: 'technology', data: { term: 'JSON' }, text: 'JSON' }] },
];
