import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  passes('As a guest, I want to accept the terms and conditions, so that I can book a room.', 'nouns of one object'),
  passes('As a clerk, I want to have accurate and complete invoices, so that audits pass.', 'an adjective pair'),
  passes('As a listener, I want to search and discover podcasts by topic.', 'a fixed pair'),
  passes('As a reviewer, I want to approve or reject submitted talks, so that the programme fills up.', 'one decision'),
  passes('As a teacher, I want to create quizzes that pupils can answer and submit online, so that I can mark them at home.', 'verbs of a clause about the quizzes'),
  passes('As a host, I want to list the questions guests can ask and vote on.', 'a clause with its own subject and modal'),
  passes('As a gardener, I want to set a date after which reminders will stop and be archived.', 'a clause after "after which"'),
  passes('As a developer, I want to rebuild the cache when I deploy a release and update the config.', 'the "and" is inside the condition'),
  passes('As a buyer, I want to enter my card details and have the order charged at once.', 'what the first act brings about'),
  passes('As a shopper, I want to browse the sale items and see which ones ship today.', 'seeing is what browsing yields'),
  passes('As a user, I want to either keep a note private or share it with my team.', 'alternatives of one setting'),
  passes('As an editor, I want to see comments in both the read and edit views.', 'verbs used as nouns after "the"'),
  passes('As an editor, I want to create a custom query/report for my desk.', 'a slash noun, not in a verb\'s place'),
  passes('As an admin, I want to perform segmentation or localization of zones in pictures.', 'two ways to one need'),
  passes('As an archivist, I want to alias (or map) a folder into a second collection.', 'an alternative word in brackets'),
  passes('As a resident, I want to enter my postcode and get a list of nearby recycling points, so that I can pick one.', 'a query and its answer are one capability'),
];

export const invalid: InvalidCase[] = [
  reports('As an admin, I want to create and delete zones, so that the model fits the picture.', 'conjunction', { data: { first: 'create', second: 'delete', joiner: 'and', count: 2 }, field: 'summary', text: 'and delete' }),
  reports('As an author, I want to upload a chapter and put a licence on it, so that readers know how to reuse it.', 'conjunction', { data: { first: 'upload', second: 'put' }, text: 'and put' }, 'a second verb with its own object'),
  reports('As a student, I want to research courses and to select a tutor.', 'conjunction', { data: { first: 'research', second: 'select' }, text: 'and to select' }, 'the first verb by its place; "and to"'),
  reports('As a Planner, I want to Conduct and Track Site Visits.', 'conjunction', { data: { first: 'conduct', second: 'track' }, text: 'and Track' }, 'title case'),
  reports('As a clerk, I want to prepare for and support the hearings.', 'conjunction', { data: { first: 'prepare', second: 'support' }, text: 'and support' }, 'a particle after the first verb'),
  reports('As a chemist, I want to modify or branch a lab protocol while keeping the original.', 'conjunction', { data: { first: 'modify', second: 'branch', joiner: 'or' }, text: 'or branch' }),
  reports('As an analyst, I want to import/export survey tables.', 'conjunction', { data: { first: 'import', second: 'export', joiner: '/' }, text: '/export' }, 'two directions'),
  reports('As a scientist, I want to mark which samples are good/bad, hide the bad samples from charts.', 'conjunction', { data: { first: 'mark', second: 'hide', joiner: ',' }, text: ', hide' }, 'a comma before a verb with its object'),
  reports('As a depositor, I want to have metadata filled from the staff system and remembered from earlier deposits.', 'conjunction', { data: { second: 'remembered' }, text: 'and remembered' }, 'two participles, each with its own source'),
  reports('As a runner, I want to log my runs with the watch and the watch should also track my pulse.', 'conjunction', { data: { first: 'log', second: 'track' }, text: 'and the watch should also track' }, 'a second clause with its own subject'),
  reports('As an admin, I want to choose where the demo database lives and I want it to be backed up nightly.', 'conjunction', { data: { first: 'choose', second: 'want' }, text: 'and I want' }, 'a second "I want"'),
  reports('As a moderator, I want to see, validate and edit comments, so that the site stays civil.', 'conjunction', { data: { first: 'see', second: 'validate', joiner: ',', count: 3 }, text: ', validate' }),
  reports('As an admin, I want to define zones on a picture as a model, then cut uploaded pictures into the zones.', 'sequence', { data: { first: 'define', second: 'cut' }, text: 'then cut' }),
  reports('As a tenant, I want to see who is at my door and open it from my phone.', 'conjunction', { data: { first: 'see', second: 'open' }, text: 'and open' }, 'the clause "who is at my door" describes; opening is the second capability'),
  reports('As a clerk, I want to select a date and delete the free slots.', 'conjunction', { data: { first: 'select', second: 'delete' }, text: 'and delete' }, 'a query input, then an act that is not its answer'),
];
