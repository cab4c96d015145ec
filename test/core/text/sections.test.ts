import { normalizeAcceptanceCriteria, normalizeDescription } from '../../../src/core/text';
import { expectWellFormed, headed } from './invariants';

type Row = [string, string | null, string];

describe('sections', () => {
  it('splits at headings; text before the first heading has heading null', () => {
    const result = normalizeDescription('Intro line\n\nh3. Scope\nGuests only\n\nh3. Risks\nNone', 'wiki');
    expectWellFormed(result);
    expect(result.sections).toEqual([
      { heading: null, text: 'Intro line', start: 0, end: 10 },
      { heading: 'Scope', text: 'Guests only', start: 18, end: 29 },
      { heading: 'Risks', text: 'None', start: 37, end: 41 },
    ]);
  });

  it('gives no null section when the text starts with a heading, and [] for empty text', () => {
    expect(normalizeDescription('## Only\nbody').sections.map((s) => s.heading)).toEqual(['Only']);
    expect(normalizeDescription('').sections).toEqual([]);
    expect(normalizeDescription('   \n\t').sections).toEqual([]);
  });

  it('keeps a heading with an empty body, positioned at the end of its line', () => {
    const result = normalizeDescription('## Empty\n## Full\nx');
    expect(result.sections).toEqual([
      { heading: 'Empty', text: '', start: 5, end: 5 },
      { heading: 'Full', text: 'x', start: 11, end: 12 },
    ]);
  });

  it('covers the whole text without headings in one section', () => {
    const result = normalizeDescription('As a guest I want a map.\nThat is all.');
    expect(result.sections).toEqual([{ heading: null, text: result.text, start: 0, end: result.text.length }]);
  });

  it.each<Row>([
    ['Acceptance criteria:', 'Acceptance criteria', 'x'],
    ['Acceptance Criteria', 'Acceptance Criteria', 'x'],
    ['AC:', 'AC', 'x'],
    ['Definition of done:', 'Definition of done', 'x'],
    ['Notes:', 'Notes', 'x'],
    ['Background:', 'Background', 'x'],
    ['Out of scope', 'Out of scope', 'x'],
  ])('a line that is only the label "%s" is a heading', (label, heading, body) => {
    const result = normalizeDescription(`Story.\n${label}\n${body}`, 'text');
    expect(headed(result)).toEqual([
      [null, 'Story.'],
      [heading, body],
    ]);
  });

  it('does not take ordinary short lines for labels', () => {
    expect(normalizeDescription('Story.\nThanks!\nNotes on the API are below').sections).toHaveLength(1);
  });

  it('opens a section after an inline label, with offsets inside the line', () => {
    const result = normalizeDescription('Story.\nAcceptance criteria: fast; safe\nMore');
    expectWellFormed(result);
    const ac = result.sections[1];
    expect(ac?.heading).toBe('Acceptance criteria');
    expect(ac?.text).toBe('fast; safe\nMore');
    expect(result.text.slice(ac?.start, ac?.end)).toBe('fast; safe\nMore');
  });
});

describe('acceptance criteria', () => {
  it.each<[string, string, string[]]>([
    ['wiki h3. section with * bullets', 'Story\nh3. Acceptance Criteria\n* one\n* two\nh3. Notes\n* not AC', ['one', 'two']],
    ['"AC:" label with numbered items', 'Story\nAC:\n1. one\n2) two', ['one', 'two']],
    ['definition of done', 'Definition of Done\n- reviewed\n- deployed', ['reviewed', 'deployed']],
    ['lines without bullets', 'Acceptance criteria:\nGuests can sort by date.\nGuests can sort by rating.', ['Guests can sort by date.', 'Guests can sort by rating.']],
    ['only the list when the section has one', 'AC:\nThe following hold:\n- a\n- b\n\nThanks, Bob', ['a', 'b']],
    ['inline list separated by ;', 'Acceptance criteria: loads in 2s; works offline; ', ['loads in 2s', 'works offline']],
    ['inline with markers', 'AC: 1) one; 2) two', ['one', 'two']],
    ['"AC1:" prefixes are trimmed', 'AC:\n- AC1: one\n- AC-2 - two', ['one', 'two']],
    ['empty items are ignored', 'AC:\n-\n- [ ]\n- real', ['real']],
    [
      'Given/When/Then anywhere is one item',
      'Some story.\nGiven a guest with a booking\nWhen they open the review page\nAnd they pick 4 stars\nThen the review is saved\nUnrelated line.',
      ['Given a guest with a booking When they open the review page And they pick 4 stars Then the review is saved'],
    ],
    [
      'two scenarios in an AC section',
      '## Acceptance criteria\nScenario: happy path\nGiven A\nWhen B\nThen C\n\nGiven D\nThen E',
      ['Scenario: happy path Given A When B Then C', 'Given D Then E'],
    ],
    ['bulleted scenario steps', 'AC:\n- Given A\n- When B\n- Then C\n- Another rule', ['Given A When B Then C', 'Another rule']],
    ['one-line scenario outside AC', 'Given a guest, when they cancel, then they are refunded.', ['Given a guest, when they cancel, then they are refunded.']],
    ['prose starting with "Given" is not a scenario', 'Given the load, we should cache results.', []],
    ['checklists anywhere', 'Todo:\n[ ] write docs\n- [x] add tests\nplain', ['write docs', 'add tests']],
    ['no criteria', 'As a guest I want a map.', []],
  ])('%s', (_name, input, expected) => {
    const result = normalizeDescription(input);
    expectWellFormed(result);
    expect(result.acceptanceCriteria).toEqual(expected);
  });

  it('reads ADF task items as checklist items', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Story' }] },
        { type: 'taskList', content: [{ type: 'taskItem', attrs: { state: 'TODO' }, content: [{ type: 'text', text: 'check refunds' }] }] },
      ],
    };
    expect(normalizeDescription(doc).acceptanceCriteria).toEqual(['check refunds']);
  });

  it('treats a dedicated acceptance-criteria field as criteria throughout', () => {
    expect(normalizeAcceptanceCriteria('- one\n- two').acceptanceCriteria).toEqual(['one', 'two']);
    expect(normalizeAcceptanceCriteria('Works offline.\nSyncs later.').acceptanceCriteria).toEqual(['Works offline.', 'Syncs later.']);
    expect(normalizeAcceptanceCriteria('- one\nNotes:\n- not AC').acceptanceCriteria).toEqual(['one']);
  });
});

describe('whitespace', () => {
  it.each<[string, string, string]>([
    ['collapses spaces and tabs, trims lines', '  a \t  b  \n\t c ', 'a b\nc'],
    ['keeps at most one blank line', 'a\n\n\n\n b\n \n\t\nc', 'a\n\nb\n\nc'],
    ['trims the whole text', '\n\n  a  \n\n', 'a'],
    ['normalizes CRLF and CR', 'a\r\nb\rc', 'a\nb\nc'],
    ['NBSP becomes a space', 'a\u00a0\u00a0b', 'a b'],
    ['keeps RTL marks, zero-width and other Unicode', '\u200fשלום\u200b 世界 \u{1F600} e\u0301', '\u200fשלום\u200b 世界 \u{1F600} e\u0301'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeDescription(input, 'text').text).toBe(expected);
  });
});
