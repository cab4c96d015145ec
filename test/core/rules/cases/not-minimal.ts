import type { InvalidCase, ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  { story: 'As a diner, I want to see the price range of a restaurant, so that I can choose one I can afford.' },
  { story: 'As a curator, I want to limit my search to chosen collection(s).', why: 'a plural marker' },
  { story: 'As an analyst, I want to know which tools made the data, so that I know what I need to (re-)use it.', why: 'a word-form marker' },
  { story: 'As a reader, I want to see what on earth Scrum is, so that I stay on the page.', why: 'a capital word inside a question' },
  { story: 'As a member, I want news for members only, so that the Scrum Alliance can reach me.', why: 'a capital name after "so that"' },
  { story: 'As a walker, I want to see the trail profile as it rises and falls, so that I pace myself.' },
];

export const invalid: InvalidCase[] = [
  { story: 'As a diner, I want to see the price range (in euros or pounds), so that I can choose one I can afford.', errors: [{ messageId: 'brackets', data: { text: '(in euros or pounds)' }, field: 'summary', text: '(in euros or pounds)' }] },
  { story: 'As a diner, I want to see prices, so that I can choose. Prices come from the partner feed.', errors: [{ messageId: 'trailing', text: 'Prices come from the partner feed' }] },
  { story: 'As a diner, I want to see prices, so that so that I can choose.', why: 'one repetition, one finding', errors: [{ messageId: 'repeated', data: { text: 'so that so that' } }] },
  { story: 'As a cyclist, I want to save my routes, so that I can ride them again, so that I keep fit.', why: 'a second benefit chained on', errors: [{ messageId: 'repeated', data: { text: 'so that' }, text: 'so that' }] },
  { story: 'As a tutor, I want a page per course showing all enrolled pupils Tutors can see every class at first, so that no pupil is missed.', why: 'a second sentence with a capital subject', errors: [{ messageId: 'runOn', text: 'Tutors can see every class at first, so that no pupil is missed' }] },
  { story: 'As a reader, I want the link to open the full article. not another summary, so that I can finish reading.', why: 'a lower-case sentence after a full stop', errors: [{ messageId: 'runOn', text: 'not another summary, so that I can finish reading' }] },
  { story: 'As a maker, I want to design my shop page on my own - though a few house rules apply.', why: 'a dash aside', errors: [{ messageId: 'aside', data: { text: 'though a few house rules apply' }, text: 'though a few house rules apply' }] },
  { story: 'As a manager, I want to know what happened to a record, e.g., record 12 was merged.', why: 'an inline example', errors: [{ messageId: 'example', data: { text: 'e.g., record 12 was merged' }, text: 'e.g., record 12 was merged' }] },
  { story: 'As a diner, I want a page for each restaurant The following must be shown: logo, title, prices.', errors: [{ messageId: 'runOn' }, { messageId: 'list' }] },
];
