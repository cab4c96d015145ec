import type { InvalidCase, ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  { story: 'As a reviewer, I want my uploaded photos stored, so that other diners can see them at any time.' },
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
];

export const invalid: InvalidCase[] = [
  {
    story: 'As a developer I want to develop a mechanism to store and retrieve images so that users can add/view images',
    errors: [{ messageId: 'technical', data: { evidence: 'developer' }, field: 'summary', text: 'developer' }],
  },
  { story: 'Renew the TLS certificate for bookings.example.com', errors: [{ messageId: 'technical', field: 'summary', text: 'Renew' }] },
  { story: 'As a product owner, I want a nightly export job that sends the day\'s orders to finance.', errors: [{ messageId: 'technical', field: 'summary', text: 'export job' }] },
  { story: 'Upgrade the HTTP client to 5.2.1', errors: [{ messageId: 'technical', field: 'summary', text: 'Upgrade' }] },
  { story: 'As a team member, I want a retrospective every two weeks, so that we keep improving.', errors: [{ messageId: 'team', field: 'summary', text: 'retrospective' }] },
  { story: 'As a UX researcher, I want to recruit six diners for interviews, so that we can test our hypothesis.', errors: [{ messageId: 'team', field: 'summary' }] },
  { story: 'Investigate whether the payment provider supports refunds in the sandbox', errors: [{ messageId: 'spike', field: 'summary', text: 'Investigate' }] },
  { story: 'Spike: compare three map libraries for the delivery tracker', errors: [{ messageId: 'spike', field: 'summary', text: 'Spike' }] },
];
