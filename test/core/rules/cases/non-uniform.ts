import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

const templated = [
  'As a diner, I want to filter restaurants by cuisine, so that I find food I like.',
  'As a diner, I want to see opening hours, so that I do not arrive at a closed door.',
  'As a reviewer, I want to rate the service, so that others know what to expect.',
  'As a host, I want to answer a review, so that diners hear my side.',
];

export const valid: ValidCase[] = [
  passes('As a diner, I want to book a table, so that I am sure to get a seat.', { backlog: templated, why: 'the backlog\'s own form' }),
  passes('Book a table', { backlog: ['Show opening hours', 'Rate the service'], why: 'no form covers a clear majority' }),
  passes('Book a table', 'alone: no backlog to compare with'),
];

export const invalid: InvalidCase[] = [
  reports('I want to book a table so that I am sure to get a seat', 'form', { data: { dominant: 'As a …, I want …, so that …' } }, { backlog: templated }),
];
