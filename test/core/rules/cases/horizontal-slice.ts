import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  passes('As a reviewer, I want to upload one photo to a review, so that readers see the dish.'),
  passes("As a partner developer, I want a REST endpoint for today's menu, so that my app can show it.", 'the API is the product for the developers who call it'),
  passes('REST API for loyalty points', 'a title naming an API: the API is the work item\'s product'),
  passes('Add an API for exporting invoices', 'an API for an activity, asked without a role'),
  passes('Support server-side encryption for uploaded files', '"server-side" describes another noun'),
  passes('Make the Firefly backend reconnect after a timeout', 'a named component'),
  passes('As a front desk clerk, I want to check in a guest from the front end of the hotel app.', 'the place a user acts from'),
  passes('Create the UI for managing staff rotas', 'a UI for an activity is the feature'),
  passes('[Backend] Totals wrong after refund', 'a component tag on a report'),
  passes('Improve the chart plotting backend', 'a layer word standing alone after another verb names a component'),
  passes('Create the UI for voucher management', 'a UI for what users do is the feature'),
  passes('App should start when an api_only user is misconfigured', 'an identifier, not prose'),
  passes('Copy page REST API copies the page tree twice', 'a report about an API, not built for our screens'),
  passes('As a developer using our SDK, I want a data model reference page in the docs.', 'documentation about the data model'),
  passes('As a rider, I want to book a bike from the station screen, so that the server side can reserve it.', 'a layer named in the benefit'),
  passes('As a clinic manager, I want a monthly no-show report from the appointments database.', 'no layer phrase'),
];

export const invalid: InvalidCase[] = [
  reports('Create the database tables for reviews', 'layer', { data: { text: 'database tables' }, field: 'summary', text: 'database tables' }),
  reports('As a reviewer, I want a REST API for photo uploads, so that photos can be stored.', 'layer', { data: { text: 'REST API for' }, text: 'REST API for' }, 'a user who calls no API asks for one'),
  reports('Write the bookings API for UI', 'layer', { data: { text: 'API for' }, text: 'API for' }, 'an API built for our own screens'),
  reports('Review form, frontend only (backend later)', 'layer', { data: { text: 'frontend only' }, text: 'frontend only' }),
  reports('As a chef, I want backend changes for the seasonal menu.', 'layer', { data: { text: 'backend' }, text: 'backend' }, 'a layer word before a layer head'),
  reports('Gift card balance search - backend', 'layer', { data: { text: 'backend' }, text: 'backend' }, 'a "- backend" suffix'),
  reports('Show loyalty points on receipts (Frontend)', 'layer', { data: { text: 'Frontend' }, text: 'Frontend' }, 'a "(Frontend)" suffix'),
  reports('Create offline mode back end', 'layer', { data: { text: 'back end' }, text: 'back end' }, '"back end" written as two words, standing alone'),
  reports('Client-side validation only for the signup form', 'layer', { data: { text: 'Client-side' }, text: 'Client-side' }, '"only" after the noun it describes'),
  reports('As a receptionist, I want the appointment form UI (logic later).', 'layer', { data: { text: 'logic later' }, text: 'logic later' }),
  reports('Implement db persistence for gift cards', 'layer', { data: { text: 'db persistence' }, text: 'db persistence' }),
  reports('Implement the UI for the voucher service', 'layer', { data: { text: 'UI for' }, text: 'UI for' }, 'the UI layer of a service'),
  reports('As a librarian, I want the server side of the overdue fines, so that the page can use it later.', 'layer', { data: { text: 'server side of' }, text: 'server side of' }),
];
