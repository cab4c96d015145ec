import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

const story = 'As a clinic manager, I want a weekly no-show report, so that I can see which slots we lose.';
const issue = (description: string) => ({ summary: story, source: 'issue' as const, description });

export const valid: ValidCase[] = [
  passes(issue('Columns: physio, treatment type, count. Sent Monday morning.'), 'every decision is made'),
  passes(issue('Withdrawn versions still open, with a withdrawal notice.'), '"still open" is a fact, not a question'),
  passes(issue('The question is which slots we lose; the report answers it.'), 'a question the story answers is not an open decision'),
  { story, why: 'a bare sentence with nothing open' },
];

export const invalid: InvalidCase[] = [
  { story: issue('Columns TBD. Options discussed: per physio or per treatment type.'), errors: [{ messageId: 'open', data: { text: 'TBD' }, field: 'description', text: 'TBD' }, { messageId: 'open', data: { text: 'Options discussed' }, field: 'description', text: 'Options discussed' }] },
  reports(issue('Format: CSV, or straight into the accounting import? Open question for finance.'), 'open', { field: 'description', text: 'Open question' }),
  reports(issue('Oracle and SQL Server at least, others to be decided.'), 'open', { field: 'description', text: 'to be decided' }),
  reports({ summary: 'As a diner, I want to tip my courier (amount TBD), so that good service is rewarded.' }, 'open', { field: 'summary', text: 'TBD' }),
];
