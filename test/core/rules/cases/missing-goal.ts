import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  passes('As a diner, I want to filter reviews by cuisine, so that I find places I like.'),
  passes('As a diner I need to see opening hours so I do not arrive at a closed restaurant', 'no commas'),
  passes("As a reader, I don't want to see ads for books I already own.", 'a negated goal is a goal'),
  passes('As a reader, I do not want my reading list shared, so that my tastes stay private.', '"I do not want"'),
  passes('As a nurse, I would be able to record a dose on the ward round.', '"I would be able to"'),
  passes('As a tenant, I would like to book the laundry room for an evening.', '"I would like to"'),
  passes('As a researcher, would like the ability to export tables, so that I can use them in my paper.', 'the goal indicator without its "I"'),
];

export const invalid: InvalidCase[] = [
  reports('As a diner, reviews by cuisine.', 'missing', { field: 'summary', text: 'As a diner, reviews by cuisine' }),
  reports('Restaurant reviews', 'missing', { field: 'summary', text: 'Restaurant reviews' }),
  reports('As a PM, I want to 🚀 so that we launch', 'missing', { field: 'summary', text: 'As a PM, I want to 🚀 so that we launch' }, 'a goal of symbols only'),
  reports('As a diner, I want —', 'missing', { field: 'summary', text: 'As a diner, I want —' }, 'a dash is not a goal'),
  reports('to keep the opening hours right at all times.', 'missing', { field: 'summary', text: 'to keep the opening hours right at all times' }, 'a fragment of a sentence'),
];
