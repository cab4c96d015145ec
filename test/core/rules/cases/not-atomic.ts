import type { InvalidCase, ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  { story: 'As a guest, I want to accept the terms and conditions, so that I can book a room.', why: 'nouns of one object' },
  { story: 'As a clerk, I want to have accurate and complete invoices, so that audits pass.', why: 'an adjective pair' },
  { story: 'As a listener, I want to search and discover podcasts by topic.', why: 'a fixed pair' },
  { story: 'As a reviewer, I want to approve or reject submitted talks, so that the programme fills up.', why: 'one decision' },
  { story: 'As a teacher, I want to create quizzes that pupils can answer and submit online, so that I can mark them at home.', why: 'verbs of a clause about the quizzes' },
  { story: 'As a host, I want to list the questions guests can ask and vote on.', why: 'a clause with its own subject and modal' },
  { story: 'As a gardener, I want to set a date after which reminders will stop and be archived.', why: 'a clause after "after which"' },
  { story: 'As a developer, I want to rebuild the cache when I deploy a release and update the config.', why: 'the "and" is inside the condition' },
  { story: 'As a buyer, I want to enter my card details and have the order charged at once.', why: 'what the first act brings about' },
  { story: 'As a shopper, I want to browse the sale items and see which ones ship today.', why: 'seeing is what browsing yields' },
  { story: 'As a user, I want to either keep a note private or share it with my team.', why: 'alternatives of one setting' },
  { story: 'As an editor, I want to see comments in both the read and edit views.', why: 'verbs used as nouns after "the"' },
  { story: 'As an editor, I want to create a custom query/report for my desk.', why: 'a slash noun, not in a verb\'s place' },
  { story: 'As an admin, I want to perform segmentation or localization of zones in pictures.', why: 'two ways to one need' },
  { story: 'As an archivist, I want to alias (or map) a folder into a second collection.', why: 'an alternative word in brackets' },
];

export const invalid: InvalidCase[] = [
  { story: 'As an admin, I want to create and delete zones, so that the model fits the picture.', errors: [{ messageId: 'conjunction', data: { first: 'create', second: 'delete', joiner: 'and', count: 2 }, field: 'summary', text: 'and delete' }] },
  { story: 'As an author, I want to upload a chapter and put a licence on it, so that readers know how to reuse it.', why: 'a second verb with its own object', errors: [{ messageId: 'conjunction', data: { first: 'upload', second: 'put' }, text: 'and put' }] },
  { story: 'As a student, I want to research courses and to select a tutor.', why: 'the first verb by its place; "and to"', errors: [{ messageId: 'conjunction', data: { first: 'research', second: 'select' }, text: 'and to select' }] },
  { story: 'As a Planner, I want to Conduct and Track Site Visits.', why: 'title case', errors: [{ messageId: 'conjunction', data: { first: 'conduct', second: 'track' }, text: 'and Track' }] },
  { story: 'As a clerk, I want to prepare for and support the hearings.', why: 'a particle after the first verb', errors: [{ messageId: 'conjunction', data: { first: 'prepare', second: 'support' }, text: 'and support' }] },
  { story: 'As a chemist, I want to modify or branch a lab protocol while keeping the original.', errors: [{ messageId: 'conjunction', data: { first: 'modify', second: 'branch', joiner: 'or' }, text: 'or branch' }] },
  { story: 'As an analyst, I want to import/export survey tables.', why: 'two directions', errors: [{ messageId: 'conjunction', data: { first: 'import', second: 'export', joiner: '/' }, text: '/export' }] },
  { story: 'As a scientist, I want to mark which samples are good/bad, hide the bad samples from charts.', why: 'a comma before a verb with its object', errors: [{ messageId: 'conjunction', data: { first: 'mark', second: 'hide', joiner: ',' }, text: ', hide' }] },
  { story: 'As a depositor, I want to have metadata filled from the staff system and remembered from earlier deposits.', why: 'two participles, each with its own source', errors: [{ messageId: 'conjunction', data: { second: 'remembered' }, text: 'and remembered' }] },
  { story: 'As a runner, I want to log my runs with the watch and the watch should also track my pulse.', why: 'a second clause with its own subject', errors: [{ messageId: 'conjunction', data: { first: 'log', second: 'track' }, text: 'and the watch should also track' }] },
  { story: 'As an admin, I want to choose where the demo database lives and I want it to be backed up nightly.', why: 'a second "I want"', errors: [{ messageId: 'conjunction', data: { first: 'choose', second: 'want' }, text: 'and I want' }] },
  { story: 'As a moderator, I want to see, validate and edit comments, so that the site stays civil.', errors: [{ messageId: 'conjunction', data: { first: 'see', second: 'validate', joiner: ',', count: 3 }, text: ', validate' }] },
  { story: 'As an admin, I want to define zones on a picture as a model, then cut uploaded pictures into the zones.', errors: [{ messageId: 'sequence', data: { first: 'define', second: 'cut' }, text: 'then cut' }] },
  { story: 'As a tenant, I want to see who is at my door and open it from my phone.', why: 'the clause "who is at my door" describes; opening is the second capability', errors: [{ messageId: 'conjunction', data: { first: 'see', second: 'open' }, text: 'and open' }] },
];
