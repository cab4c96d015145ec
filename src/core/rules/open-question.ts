import type { Field, Range } from '../story';
import type { Report, Rule } from './types';

/**
 * A decision the description leaves open: "open question", "options discussed", "TBD", "to be
 * decided" … One pass of one alternation per field: linear in the text. "still open" is not among
 * them (a withdrawn version that still opens is a fact, not a question).
 */
const OPEN =
  /\b(?:open questions?|options (?:discussed|considered|on the table)|tbd|tbc|to be (?:decided|confirmed|determined|agreed|clarified|defined)|not (?:yet )?decided|undecided|still to (?:decide|be decided)|decision pending|pending (?:a )?decision|needs? a decision)\b/gi;

/** At most this many findings per field: the first say enough. */
const MAX_PER_FIELD = 3;

function scan(text: string, field: Field): Report[] {
  const out: Report[] = [];
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(text); m && out.length < MAX_PER_FIELD; m = OPEN.exec(text)) {
    const range: Range = [m.index, m.index + m[0].length];
    out.push({ messageId: 'open', data: { text: m[0] }, field, range });
  }
  return out;
}

export const openQuestion: Rule = {
  meta: {
    id: 'open-question',
    criterion: 'estimable',
    scoreAs: 'estimable',
    description: 'The story leaves no decision open ("open question", "options discussed", "TBD", "to be decided").',
    rationale:
      'A story whose description still lists options or marks a decision "TBD" cannot be estimated: the team would estimate each option. Decide it with the product owner before refinement, or plan a time-boxed spike that answers it, and write the decision into the story. Read in the summary, the description and the acceptance criteria.',
    defaultSeverity: { recommended: 'warn', strict: 'warn' },
    messages: ['open'],
    weight: 0.5,
    examples: {
      valid: [
        { summary: 'As a clinic manager, I want a weekly no-show report, so that I can see which slots we lose.', source: 'issue', description: 'Columns: physio, treatment type, count. Sent Monday morning.' },
        { summary: 'As a journalist, I want a permanent link to a data set version, so that my article keeps pointing at it.', source: 'issue', description: 'Withdrawn versions still open, with a notice.' },
      ],
      invalid: [
        { summary: 'As a clinic manager, I want a weekly no-show report, so that I can see which slots we lose.', source: 'issue', description: 'Columns TBD. Options discussed: per physio or per treatment type.' },
      ],
    },
  },
  check(story) {
    return [...scan(story.summary, 'summary'), ...scan(story.description, 'description'), ...(story.acceptanceCriteriaText ? scan(story.acceptanceCriteriaText, 'acceptanceCriteria') : [])];
  },
};
