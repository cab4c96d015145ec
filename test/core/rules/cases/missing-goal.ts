import type { InvalidCase, ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  { story: 'As a diner, I want to filter reviews by cuisine, so that I find places I like.' },
  { story: 'As a diner I need to see opening hours so I do not arrive at a closed restaurant', why: 'no commas' },
  { story: "As a reader, I don't want to see ads for books I already own.", why: 'a negated goal is a goal' },
  { story: 'As a reader, I do not want my reading list shared, so that my tastes stay private.', why: '"I do not want"' },
  { story: 'As a nurse, I would be able to record a dose on the ward round.', why: '"I would be able to"' },
  { story: 'As a tenant, I would like to book the laundry room for an evening.', why: '"I would like to"' },
  { story: 'As a researcher, would like the ability to export tables, so that I can use them in my paper.', why: 'the goal indicator without its "I"' },
];

export const invalid: InvalidCase[] = [
  { story: 'As a diner, reviews by cuisine.', errors: [{ messageId: 'missing', field: 'summary', text: 'As a diner, reviews by cuisine' }] },
  { story: 'Restaurant reviews', errors: [{ messageId: 'missing', field: 'summary', text: 'Restaurant reviews' }] },
  { story: 'As a PM, I want to 🚀 so that we launch', why: 'a goal of symbols only', errors: [{ messageId: 'missing', field: 'summary', text: 'As a PM, I want to 🚀 so that we launch' }] },
  { story: 'As a diner, I want —', why: 'a dash is not a goal', errors: [{ messageId: 'missing', field: 'summary', text: 'As a diner, I want —' }] },
  { story: 'to keep the opening hours right at all times.', why: 'a fragment of a sentence', errors: [{ messageId: 'missing', field: 'summary', text: 'to keep the opening hours right at all times' }] },
];
