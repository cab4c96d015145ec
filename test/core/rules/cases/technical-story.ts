import type { InvalidCase, ValidCase } from '../rule-tester';

/** A product whose users are developers (a sync CLI): its maintainers and contributors still build it. */
const SYNC_CLI_BACKLOG = [
  'As a developer, I want to sync a folder with one command, so that my build always has the latest assets.',
  'As a developer, I want the sync command to print JSON, so that my scripts can read its result.',
  'As a plugin author, I want to register a custom storage target, so that my users can sync to it.',
  'As an app developer, I want to run the sync from my CI job, so that releases carry fresh assets.',
  'As a developer, I want a dry-run flag, so that I can see what would change before it does.',
];

export const valid: ValidCase[] = [
  { story: 'As a reviewer, I want my uploaded photos stored, so that other diners can see them at any time.' },
  {
    story: { summary: 'Add ability to log out from the admin screen', description: 'The server endpoint for logging out exists; the screen has no way to call it yet.' },
    why: '"add ability" is a capability: "add" is no change to our construction, whatever the description names',
  },
  { story: 'As a diner, I want to book a table by the window, so that I can see the harbour.', why: 'a table of the user\'s world' },
  { story: 'As a host, I want to create a table plan for my restaurant, so that guests are seated quickly.', why: '"create" on a thing of the user\'s world' },
  { story: 'As a diner, I want to export my bookings as a calendar file, so that I see them beside my other plans.', why: 'a technology the user cares about' },
  { story: 'As an admin, I want to configure the tax rates per country, so that invoices show the right amount.', why: 'an admin console serves admins' },
  {
    story: 'As a developer, I want to retry a payment with the same idempotency key, so that my checkout never charges twice.',
    backlog: [
      'As a developer, I want to create a card payment with one call, so that I can take payments quickly.',
      'As a developer, I want typed error codes, so that I can tell my customers why a payment failed.',
      'As a developer, I want a test mode with fake cards, so that I can try my checkout safely.',
      'As a developer, I want to refund part of a payment, so that I can handle one returned item.',
    ],
    why: 'a product whose users are developers',
  },
  { story: 'As an app developer, I want to publish my plugin to the marketplace, so that clinics can install it.', why: 'a developer who builds with the product' },
  { story: 'As a moderator, I want to schedule a planning session, so that my team can estimate together.', backlog: ['As a moderator, I want to start a planning session, so that we can estimate.', 'As a participant, I want to join a planning session, so that I can vote.', 'As a moderator, I want to reveal the estimates of the planning session, so that we can discuss.'], why: 'team words are the product of a planning tool' },
  // Mechanisms of the work-kind judgement (src/core/work-kind.ts), each with its contrast among the invalid cases.
  {
    story: 'As a team member, I want to see the tasks assigned to me, so that I know what to do today.',
    backlog: ['As a team member, I want to move a task to done, so that I can show my progress.', 'As a team member, I want to comment on a task, so that I can ask a question.', 'As a team member, I want to attach a file to a task, so that I keep the details together.'],
    why: 'a team role the backlog shows to be the users of a task app',
  },
  { story: 'As a shift supervisor, I want to see who is on call tonight, so that the team knows whom to ring.', why: 'a team in the benefit of a user is not team work' },
  {
    story: 'Document the webhook payload fields for integrators',
    backlog: [
      'As an integrator, I want to subscribe to order webhooks, so that my system hears about new orders.',
      'As an integrator, I want to page through orders with the API, so that I can sync them.',
      'As an app developer, I want to test my webhook endpoint with a sample event, so that I can debug it.',
      'As an app developer, I want an API key per environment, so that tests never touch live data.',
    ],
    why: "documentation for the product's users, not of its internals",
  },
  { story: 'As a shopper, I want to compare two phones side by side, so that I can pick one.', why: 'comparing is a feature here, not an evaluation' },
  { story: 'As a patient, I want to understand my bill, so that I know what I pay for.', why: 'understanding without a question or a property of the system' },
  { story: 'As a course author, I want to see the failing tests of my exercise, so that I can correct the answer key.', why: "tests of the user's own work" },
  { story: 'As a runner, I want to go 5 km further each week, so that I reach my goal.', why: 'a number after a word that names a toolchain elsewhere is not a version' },
  { story: 'As a shop admin, I want to see why a payment was declined, so that I can troubleshoot it with the customer.', why: 'troubleshooting is an admin feature when nothing is built for the team' },
  { story: 'As a reader, I want older messages loaded when I scroll up, so that I can read the whole thread.', why: 'loading as behaviour, not a one-off data load' },
  { story: 'As a marketer, I want to see how many clicks my campaign link got, so that I can judge it.', why: "clicks on the user's own link" },
  { story: 'As a developer, I want to prevent members from booking the same court twice, so that nobody is turned away.', why: 'the goal acts on the users: behaviour they see' },
  { story: 'As a developer, I want to write a custom exporter for our ledger format, so that the tool reads our books.', why: 'an extension built with the product' },
  { story: 'As a coach, I want to move a swimmer to another class, so that lanes stay balanced.', why: 'a class of swimmers, not of code' },
  { story: "As a dispatcher, I want to see each driver's availability tomorrow, so that I can fill the rota.", why: 'a driver and their availability are the domain' },
  { story: 'As a member, I want to renew a borrowed tool from the app, so that I avoid a fine.', why: 'renewing a loan' },
  { story: 'As a shop owner, I want to integrate my shop with the courier, so that labels print automatically.', why: "integrating the user's own shop" },
  { story: 'As a floor manager, I want to plan the staff training evening in the rota, so that no shifts are booked that night.', why: "staff training is the restaurant's business" },
  { story: 'As a plugin author, I want to declare the settings my storage target needs, so that users are asked for them.', backlog: SYNC_CLI_BACKLOG, why: 'a developer building with the product is its user' },
];

export const invalid: InvalidCase[] = [
  {
    story: 'As a developer I want to develop a mechanism to store and retrieve images so that users can add/view images',
    errors: [{ messageId: 'technical', data: { evidence: 'developer' }, field: 'summary', text: 'developer' }],
  },
  { story: 'Renew the TLS certificate for bookings.example.com', errors: [{ messageId: 'technical', field: 'summary', text: 'Renew' }] },
  { story: 'As a product owner, I want a nightly export job that sends the day\'s orders to finance.', errors: [{ messageId: 'technical', field: 'summary', text: 'export job' }] },
  { story: 'Upgrade the HTTP client to 5.2.1', errors: [{ messageId: 'technical', field: 'summary', text: 'Upgrade' }] },
  { story: 'As the team, we want a MySQL table for bookings, so that bookings are kept.', why: 'a named technology with a construction noun is an artefact: technical work, not team work, whoever asks', errors: [{ messageId: 'technical', field: 'summary' }] },
  { story: 'Add a retention job for old delivery locations', why: 'a job of the running system, named by what it does to data', errors: [{ messageId: 'technical', field: 'summary', text: 'retention job' }] },
  { story: 'Create the audit_entry index for the ledger', why: '"create" on a code identifier', errors: [{ messageId: 'technical', field: 'summary' }] },
  { story: 'As a team member, I want a retrospective every two weeks, so that we keep improving.', errors: [{ messageId: 'team', field: 'summary', text: 'retrospective' }] },
  { story: 'As a UX researcher, I want to recruit six diners for interviews, so that we can test our hypothesis.', errors: [{ messageId: 'team', field: 'summary' }] },
  { story: 'Investigate whether the payment provider supports refunds in the sandbox', errors: [{ messageId: 'spike', field: 'summary', text: 'Investigate' }] },
  { story: 'Spike: compare three map libraries for the delivery tracker', errors: [{ messageId: 'spike', field: 'summary', text: 'Spike' }] },
  // Mechanisms of the work-kind judgement (src/core/work-kind.ts).
  { story: 'As an interaction designer, I want to walk through the claims screens with the adjusters, so that I can gather their feedback.', errors: [{ messageId: 'team', data: { signals: 'team role' }, field: 'summary', text: 'interaction designer' }] },
  { story: 'As a developer, I want a page that explains each status of the claims flow, so that everyone on the project reads a claim the same way.', errors: [{ messageId: 'team', data: { evidence: 'everyone on the project' }, field: 'summary', text: 'everyone on the project' }] },
  { story: 'Search index and cache migration work planning', errors: [{ messageId: 'team', field: 'summary', text: 'work planning' }] },
  { story: 'Document the pricing engine architecture for new engineers', errors: [{ messageId: 'team', field: 'summary', text: 'Document the pricing engine architecture' }] },
  { story: 'As a team member, I want to understand how our release checklist is used before a sprint ends.', errors: [{ messageId: 'team', field: 'summary', text: 'release checklist' }] },
  { story: 'As a developer, I want to understand how the tax rules differ between regions.', errors: [{ messageId: 'spike', field: 'summary', text: 'understand' }] },
  { story: 'As a clinic manager, I want a decision on whether the video provider can record consultations.', errors: [{ messageId: 'spike', data: { signals: 'spike marker' }, field: 'summary', text: 'decision on whether' }] },
  { story: 'As an architect, I want to narrow down the message brokers to two options, so that we can estimate the migration.', errors: [{ messageId: 'spike', field: 'summary', text: 'narrow down' }] },
  { story: 'As a developer, I want to understand the latency behaviour of the quote service under load', errors: [{ messageId: 'spike', field: 'summary', text: 'understand' }] },
  { story: 'Payment suites fail sporadically at night', errors: [{ messageId: 'technical', data: { signals: 'implementation artefact' }, field: 'summary', text: 'fail sporadically' }] },
  { story: 'Re-enable the skipped smoke tests for the invoice service', errors: [{ messageId: 'technical', field: 'summary', text: 'smoke tests' }] },
  { story: 'Add two Linux build agents to the nightly run', errors: [{ messageId: 'technical', field: 'summary', text: 'build agents' }] },
  { story: 'Publish a GPG signature with every release archive', errors: [{ messageId: 'technical', field: 'summary', text: 'GPG signature' }] },
  { story: 'Move the admin screens to Vue 3', errors: [{ messageId: 'technical', data: { signals: 'technical title, implementation artefact' }, field: 'summary', text: 'Move' }] },
  { story: 'As a developer, I want the quote service to record each rejected request, so that I can troubleshoot complaints.', errors: [{ messageId: 'technical', data: { signals: 'builder role, benefit about code' }, field: 'summary', text: 'developer' }] },
  { story: 'As a finance clerk, I want the 2021 expense claims processed before the year closes.', errors: [{ messageId: 'technical', field: 'summary', text: '2021 expense claims processed' }] },
  { story: 'As a warden, I want the historical visitor data loaded before the new gate opens.', errors: [{ messageId: 'technical', field: 'summary', text: 'historical visitor data loaded' }] },
  { story: 'Track clicks on the share button of the recipe page', errors: [{ messageId: 'technical', field: 'summary', text: 'Track clicks' }] },
  {
    story: { summary: 'Put the greeting texts in one place', description: 'Each screen has duplicated code for the greeting; nobody using the app sees a difference.' },
    errors: [{ messageId: 'technical', data: { signals: 'described as' }, field: 'description', text: 'duplicated code' }],
  },
  { story: 'As a developer, I want to prevent the cache from growing past one gigabyte, so that pages stay fast.', errors: [{ messageId: 'technical', field: 'summary', text: 'developer' }] },
  { story: 'As a developer, I want to write a custom cache layer for the quotes, so that pages load faster.', errors: [{ messageId: 'technical', field: 'summary', text: 'developer' }] },
  { story: 'As a developer, I want to split the billing module in two.', errors: [{ messageId: 'technical', field: 'summary', text: 'developer' }] },
  {
    story: { summary: 'Investigate slow PDF export', description: "We'd like to let accountants export their reports faster." },
    errors: [{ messageId: 'spike', field: 'summary', text: 'Investigate' }],
  },
  { story: 'As a release engineer, I want a script that runs the smoke tests against staging.', errors: [{ messageId: 'technical', data: { signals: 'builder role, implementation artefact' }, field: 'summary', text: 'release engineer' }] },
  {
    story: 'As a maintainer, I want to understand the memory behaviour of the sync command on large folders.',
    backlog: SYNC_CLI_BACKLOG,
    errors: [{ messageId: 'spike', data: { signals: 'investigation, builder role' }, field: 'summary', text: 'understand' }],
  },
  {
    story: 'As a contributor, I want to move the retry helpers into one module, so that the code stays maintainable.',
    backlog: SYNC_CLI_BACKLOG,
    errors: [{ messageId: 'technical', field: 'summary', text: 'contributor' }],
  },
  {
    story: "As a developer, I want to put the model's forecasts into a dashboard, so that stakeholders can read them at a glance.",
    errors: [{ messageId: 'technical', data: { signals: 'builder role' }, field: 'summary', text: 'developer' }],
  },
  { story: 'As a technology developer, I want to build a platform that ranks playlists by predicted success.', errors: [{ messageId: 'technical', field: 'summary', text: 'build' }] },
];
