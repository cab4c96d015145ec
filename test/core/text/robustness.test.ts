import fc from 'fast-check';
import { detectFormat, normalizeDescription, toPlainText } from '../../../src/core/text';
import type { DescriptionFormat } from '../../../src/core/story';
import { expectWellFormed } from './invariants';

const FORMATS: (DescriptionFormat | undefined)[] = [undefined, 'adf', 'wiki', 'html', 'markdown', 'text'];
const format = fc.constantFrom(...FORMATS);

/** Strings made of markup fragments of every supported format: the likeliest to trip a converter. */
const markupSoup = fc
  .array(
    fc.constantFrom(
      '*', '**', '_', '__', '-', '+', '^', '~', '~~', '`', '```', '{{', '}}', '{code}', '{code:java}', '{noformat}',
      '{quote}', '{panel:title=AC}', '{color:red}', '[', ']', '|', '||', '[~accountid:1]', '!', 'x.png', '(', ')',
      '<', '>', '</', '<p>', '</p>', '<li>', '<ul>', '<ol>', '<td>', '<tr>', '<br>', '<script>', '</script>', '<!--',
      '-->', '"', "'", '=', '&', '&amp;', '&#x1F600;', '&#', ';', ':', '#', '## ', 'h3. ', 'bq. ', '- ', '1. ',
      '- [ ] ', '[x] ', '> ', 'Given ', 'When ', 'Then ', 'And ', 'Scenario: ', 'AC:', 'Acceptance criteria:',
      'Notes', '\n', '\n\n', '\r\n', '\r', ' ', '  ', '\t', '\u00a0', '\\', '\\\\', 'a', 'word', 'é', '\u200f',
      '\u{1F600}', '\ud800', '{"type":"doc"', '}',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** Random ADF-like trees: right node types, wrong shapes. */
const adfTree = fc.letrec((tie) => ({
  node: fc.record(
    {
      type: fc.constantFrom(
        'doc', 'paragraph', 'text', 'heading', 'bulletList', 'orderedList', 'listItem', 'taskList', 'taskItem',
        'codeBlock', 'blockquote', 'panel', 'table', 'tableRow', 'tableCell', 'tableHeader', 'hardBreak', 'mention',
        'emoji', 'inlineCard', 'blockCard', 'status', 'date', 'rule', 'expand', 'mediaSingle', 'unknown',
      ),
      text: fc.oneof(fc.string(), fc.anything()),
      attrs: fc.oneof(
        fc.record({ text: fc.string(), state: fc.constantFrom('DONE', 'TODO'), timestamp: fc.oneof(fc.string(), fc.double()), order: fc.double(), url: fc.string(), title: fc.string() }, { requiredKeys: [] }),
        fc.anything(),
      ),
      content: fc.oneof(fc.array(tie('node'), { maxLength: 4 }), fc.anything()),
    },
    { requiredKeys: ['type'] },
  ),
})).node;

function check(input: unknown, fmt?: DescriptionFormat): void {
  const result = normalizeDescription(input, fmt);
  expectWellFormed(result);
  expect(toPlainText(input, fmt)).toBe(result.text);
  // The returned text is already normal: normalizing it as text changes nothing.
  expect(toPlainText(result.text, 'text')).toBe(result.text);
  expect(['adf', 'wiki', 'html', 'markdown', 'text']).toContain(detectFormat(input));
}

describe('never throws, always well-formed', () => {
  it('for anything', () => {
    fc.assert(fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withSparseArray: true }), format, (input, fmt) => check(input, fmt)), { numRuns: 300 });
  });

  it('for Unicode strings (graphemes and raw code points)', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }));
    fc.assert(fc.property(text, format, (input, fmt) => check(input, fmt)), { numRuns: 200 });
  });

  it('for markup soup in every format', () => {
    fc.assert(fc.property(markupSoup, format, (input, fmt) => check(input, fmt)), { numRuns: 1000 });
  });

  it('for ADF-shaped trees, as objects and as JSON strings', () => {
    fc.assert(
      fc.property(adfTree, (node) => {
        check({ type: 'doc', content: [node] });
        check(JSON.stringify({ type: 'doc', content: [node] }));
      }),
      { numRuns: 300 },
    );
  });
});

describe('big inputs finish in linear time', () => {
  const MB = 1 << 20;
  // Each is a 1 MB single line (or near it) that would hang a backtracking regex or a quadratic scan.
  const inputs: [string, string][] = [
    ['a', 'a'.repeat(MB)],
    ['spaces', ' '.repeat(MB)],
    ['stars', '*'.repeat(MB)],
    ['less-than signs', '<'.repeat(MB)],
    ['unclosed tags', '<a '.repeat(MB / 3)],
    ['unclosed quoted attributes', '<a x="'.repeat(MB / 6)],
    ['brackets', '[a|'.repeat(MB / 3)],
    ['markdown link openers', '[a]('.repeat(MB / 4)],
    ['emphasis openers', '*a '.repeat(MB / 3)],
    ['ampersands', '&#'.repeat(MB / 2)],
    ['hashes then spaces', `# ${' '.repeat(MB)}#x`],
    ['colons', `${':'.repeat(MB)}x`],
    ['script closers', `<script>${'</script'.repeat(MB / 8)}`],
    ['unclosed code', `{code}${'x'.repeat(MB)}`],
    ['many lines', 'Given x\n- [ ] y\n'.repeat(MB / 16)],
  ];

  it.each(inputs)('%s', (_name, input) => {
    for (const fmt of FORMATS) {
      // Linear time is what is tested: a backtracking regex would not finish within the test timeout.
      const result = normalizeDescription(input, fmt);
      expect(result.text.length).toBeLessThanOrEqual(input.length);
    }
  });

  it('keeps a 1 MB description intact', () => {
    const word = 'review ';
    const input = word.repeat(Math.floor(MB / word.length));
    expect(toPlainText(input)).toBe(input.trim());
  });
});

describe('Unicode whitespace at line edges', () => {
  it.each(['\u1680', '\u2028', '\u3000', '\ufeff', '\u2000x\u2000', ' \u3000a'])('%j is trimmed like String.prototype.trim', (input) => {
    const result = normalizeDescription(input);
    expectWellFormed(result);
    expect(result.text).toBe(input.trim().replace(/\s+/g, ' ').trim());
  });
});
