import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  passes('As a diner, I want to see the price range of a restaurant, so that I can choose one I can afford.'),
  passes('As a curator, I want to limit my search to chosen collection(s).', 'a plural marker'),
  passes('As an analyst, I want to know which tools made the data, so that I know what I need to (re-)use it.', 'a word-form marker'),
  passes('As a reader, I want to see what on earth Scrum is, so that I stay on the page.', 'a capital word inside a question'),
  passes('As a member, I want news for members only, so that the Scrum Alliance can reach me.', 'a capital name after "so that"'),
  passes('As a walker, I want to see the trail profile as it rises and falls, so that I pace myself.'),
];

export const invalid: InvalidCase[] = [
  reports('As a diner, I want to see the price range (in euros or pounds), so that I can choose one I can afford.', 'brackets', { data: { text: '(in euros or pounds)' }, field: 'summary', text: '(in euros or pounds)' }),
  reports('As a diner, I want to see prices, so that I can choose. Prices come from the partner feed.', 'trailing', { text: 'Prices come from the partner feed' }),
  reports('As a diner, I want to see prices, so that so that I can choose.', 'repeated', { data: { text: 'so that so that' } }, 'one repetition, one finding'),
  reports('As a cyclist, I want to save my routes, so that I can ride them again, so that I keep fit.', 'repeated', { data: { text: 'so that' }, text: 'so that' }, 'a second benefit chained on'),
  reports('As a tutor, I want a page per course showing all enrolled pupils Tutors can see every class at first, so that no pupil is missed.', 'runOn', { text: 'Tutors can see every class at first, so that no pupil is missed' }, 'a second sentence with a capital subject'),
  reports('As a reader, I want the link to open the full article. not another summary, so that I can finish reading.', 'runOn', { text: 'not another summary, so that I can finish reading' }, 'a lower-case sentence after a full stop'),
  reports('As a maker, I want to design my shop page on my own - though a few house rules apply.', 'aside', { data: { text: 'though a few house rules apply' }, text: 'though a few house rules apply' }, 'a dash aside'),
  reports('As a manager, I want to know what happened to a record, e.g., record 12 was merged.', 'example', { data: { text: 'e.g., record 12 was merged' }, text: 'e.g., record 12 was merged' }, 'an inline example'),
  { story: 'As a diner, I want a page for each restaurant The following must be shown: logo, title, prices.', errors: [{ messageId: 'runOn' }, { messageId: 'list' }] },
];
