import type { InvalidCase, ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  { story: 'As a reviewer, I want to upload one photo to a review, so that readers see the dish.' },
  { story: "As a partner developer, I want a REST endpoint for today's menu, so that my app can show it.", why: 'the API is the product for the developers who call it' },
  { story: 'REST API for loyalty points', why: 'a title naming an API: the API is the work item\'s product' },
  { story: 'Add an API for exporting invoices', why: 'an API for an activity, asked without a role' },
  { story: 'Support server-side encryption for uploaded files', why: '"server-side" describes another noun' },
  { story: 'Make the Firefly backend reconnect after a timeout', why: 'a named component' },
  { story: 'As a front desk clerk, I want to check in a guest from the front end of the hotel app.', why: 'the place a user acts from' },
  { story: 'Create the UI for managing staff rotas', why: 'a UI for an activity is the feature' },
  { story: '[Backend] Totals wrong after refund', why: 'a component tag on a report' },
  { story: 'Improve the chart plotting backend', why: 'a layer word standing alone after another verb names a component' },
  { story: 'Create the UI for voucher management', why: 'a UI for what users do is the feature' },
  { story: 'App should start when an api_only user is misconfigured', why: 'an identifier, not prose' },
  { story: 'Copy page REST API copies the page tree twice', why: 'a report about an API, not built for our screens' },
  { story: 'As a developer using our SDK, I want a data model reference page in the docs.', why: 'documentation about the data model' },
  { story: 'As a rider, I want to book a bike from the station screen, so that the server side can reserve it.', why: 'a layer named in the benefit' },
  { story: 'As a clinic manager, I want a monthly no-show report from the appointments database.', why: 'no layer phrase' },
];

export const invalid: InvalidCase[] = [
  { story: 'Create the database tables for reviews', errors: [{ messageId: 'layer', data: { text: 'database tables' }, field: 'summary', text: 'database tables' }] },
  { story: 'As a reviewer, I want a REST API for photo uploads, so that photos can be stored.', why: 'a user who calls no API asks for one', errors: [{ messageId: 'layer', data: { text: 'REST API for' }, text: 'REST API for' }] },
  { story: 'Write the bookings API for UI', why: 'an API built for our own screens', errors: [{ messageId: 'layer', data: { text: 'API for' }, text: 'API for' }] },
  { story: 'Review form, frontend only (backend later)', errors: [{ messageId: 'layer', data: { text: 'frontend only' }, text: 'frontend only' }] },
  { story: 'As a chef, I want backend changes for the seasonal menu.', why: 'a layer word before a layer head', errors: [{ messageId: 'layer', data: { text: 'backend' }, text: 'backend' }] },
  { story: 'Gift card balance search - backend', why: 'a "- backend" suffix', errors: [{ messageId: 'layer', data: { text: 'backend' }, text: 'backend' }] },
  { story: 'Show loyalty points on receipts (Frontend)', why: 'a "(Frontend)" suffix', errors: [{ messageId: 'layer', data: { text: 'Frontend' }, text: 'Frontend' }] },
  { story: 'Create offline mode back end', why: '"back end" written as two words, standing alone', errors: [{ messageId: 'layer', data: { text: 'back end' }, text: 'back end' }] },
  { story: 'Client-side validation only for the signup form', why: '"only" after the noun it describes', errors: [{ messageId: 'layer', data: { text: 'Client-side' }, text: 'Client-side' }] },
  { story: 'As a receptionist, I want the appointment form UI (logic later).', errors: [{ messageId: 'layer', data: { text: 'logic later' }, text: 'logic later' }] },
  { story: 'Implement db persistence for gift cards', errors: [{ messageId: 'layer', data: { text: 'db persistence' }, text: 'db persistence' }] },
  { story: 'Implement the UI for the voucher service', why: 'the UI layer of a service', errors: [{ messageId: 'layer', data: { text: 'UI for' }, text: 'UI for' }] },
  { story: 'As a librarian, I want the server side of the overdue fines, so that the page can use it later.', errors: [{ messageId: 'layer', data: { text: 'server side of' }, text: 'server side of' }] },
];
