import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  passes('As a designer, I want to delete a zone on the picture, so that I can cut it out.', { backlog: ['As a designer, I want to create a zone on the picture, so that I can cut it out.'], why: 'a replaced act' }),
  passes('As a clerk, I want the rules to accept blank amounts for non-loan records.', { backlog: ['As a clerk, I want the rules to accept blank amounts for loan records.'], why: 'a negation' }),
  passes('As a researcher, I want to upload files to a page using a mapped network drive.', { backlog: ['As a researcher, I want to upload files to a page using the web interface.'], why: 'a contrasting qualifier' }),
  passes('As a publisher, I want to publish a dataset, so that everyone can reuse it.', { backlog: ['As a publisher, I want to publish a dataset, so that only my lab can see it.'], why: 'a short goal is told apart by its benefit' }),
  passes('As an analyst, I want to update previously downloaded data packages.', { backlog: ['As an analyst, I want to download data packages.'], why: 'another act comes first' }),
  passes("As a reader, I don't want to see ads for books I already own.", { backlog: ['As a reader, I want to see ads for books I already own.'], why: 'a negated goal' }),
];

export const invalid: InvalidCase[] = [
  reports('As an archivist, I want to search all files by keyword.', 'duplicate', { data: { others: 'B-1', key: 'CASE-1', similarity: 100 }, field: 'summary', text: 'As an archivist, I want to search all files by keyword.' }, { backlog: ['As a researcher, I want to search all files by keyword.'], why: 'the same goal under another role' }),
  reports('As a student, I want to find out who teaches data science here, so that I can pick an advisor.', 'duplicate', { data: { others: 'B-1' } }, { backlog: ['As a student, I want to find out who teaches data science here, so that I can decide whether to apply.'], why: 'the same role and goal with another reason' }),
  reports('As a donor, I want to see thumbnails of images, so that I can pick one.', 'duplicate', { data: { others: 'B-1' } }, { backlog: ['As a researcher, I want to view thumbnails of photos, so that I can choose which one to license.'], why: 'see/view, images/photos' }),
  reports('As a pensioner, I want to be able to pay for small amounts.', 'duplicate', { data: { others: 'B-1' } }, { backlog: ['As a pensioner, I want to use the assistant to pay for small amounts.'], why: 'one goal wholly inside the other' }),
  reports('As a visitor, I want to see a list of all the summits that show their dates, so that I can pick one to attend.', 'duplicate', { data: { others: 'B-1' } }, { backlog: ['As a visitor, I want to see a list of all the summits, so that I can decide which to attend.'], why: 'the other is contained in this one' }),
  reports('As a pensioner, I want to receive suggestions about local sport classes.', 'duplicate', { data: { others: 'B-1' } }, { backlog: ['As a pensioner, I want to get suggestions for sports classes in my neighbourhood.'], why: 'the same words in another order, with synonyms' }),
  reports({ summary: 'Room photos', description: 'As a guest, I want to see photos of the rooms, so that I know what I book.\n\nAcceptance criteria:\n- at least five photos per room' }, 'duplicate', { data: { others: 'B-1' } }, { backlog: [{ summary: 'Room photos', description: 'As a guest, I want to browse pictures of each room before booking.' }], why: 'identical summaries, one with acceptance criteria' }),
  reports('As an editor, I want to upload photos to an article prior to attaching them using the web form.', 'duplicate', { data: { others: 'B-1' } }, { backlog: ['As an editor, I want to upload photos to an article prior to attaching them.', 'As an editor, I want to upload photos to an article prior to attaching them using the desktop app.'], why: 'a variant is a duplicate of the generic story, not of its sibling variant' }),
];
