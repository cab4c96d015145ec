import { detectFormat, normalizeDescription } from '../../../src/core/text';
import type { DescriptionFormat } from '../../../src/core/story';

const adf = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }] };

describe('detectFormat', () => {
  it.each<[string, DescriptionFormat, unknown]>([
    ['ADF object', 'adf', adf],
    ['ADF JSON string', 'adf', JSON.stringify(adf)],
    ['ADF JSON string with whitespace and type last', 'adf', ` {"content":[],"version":1,"type":"doc"}\n`],
    ['ADF node with content', 'adf', { type: 'paragraph', content: [] }],
    ['array of ADF nodes', 'adf', [{ type: 'paragraph', content: [] }]],
    ['JSON that is not ADF', 'text', '{"type":"issue","id":1}'],
    ['broken JSON', 'text', '{"type":"doc", "content": ['],
    ['HTML paragraphs', 'html', '<p>Guests can <strong>filter</strong> reviews</p>'],
    ['HTML line breaks', 'html', 'first line<br/>second line'],
    ['HTML document', 'html', '<!DOCTYPE html><html><body>x</body></html>'],
    ['wiki heading', 'wiki', 'h2. Background\nSome text'],
    ['wiki code block (even with HTML inside)', 'wiki', '{code:html}<p>x</p>{code}'],
    ['wiki noformat', 'wiki', '{noformat}raw{noformat}'],
    ['wiki table', 'wiki', '||Room||Price||\n|a|b|'],
    ['wiki link', 'wiki', 'see [the spec|https://example.com]'],
    ['wiki mention', 'wiki', 'ask [~jdoe]'],
    ['wiki numbered list', 'wiki', '# first\n# second'],
    ['markdown heading', 'markdown', '## Background\nSome text'],
    ['markdown checklist', 'markdown', '- [ ] export reviews'],
    ['markdown bold', 'markdown', 'this is **important**'],
    ['markdown link', 'markdown', 'see [the spec](https://example.com)'],
    ['markdown fence', 'markdown', '```\ncode\n```'],
    ['plain sentence', 'text', 'As a guest I want to cancel a booking so that I get a refund.'],
    ['plain bullets', 'text', 'Notes:\n- one\n- two'],
    ['a comparison is not a tag', 'text', 'if a<b and c>d then'],
    ['empty string', 'text', ''],
    ['number', 'text', 42],
    ['null', 'text', null],
    ['undefined', 'text', undefined],
    ['plain object', 'text', { summary: 'x' }],
    ['function', 'text', () => 'x'],
  ])('%s → %s', (_name, expected, input) => {
    expect(detectFormat(input)).toBe(expected);
  });

  it('only scans the start of long strings', () => {
    const late = `${'plain words '.repeat(2000)}\nh2. Heading`;
    expect(detectFormat(late)).toBe('text');
  });
});

describe('explicit format', () => {
  it('overrides detection for strings', () => {
    expect(normalizeDescription('h2. Title', 'text').text).toBe('h2. Title');
    expect(normalizeDescription('<b>x</b>', 'text').text).toBe('<b>x</b>');
  });

  it('falls back to detection when "adf" is given a non-ADF string', () => {
    expect(normalizeDescription('h2. Title', 'adf').sections[0]?.heading).toBe('Title');
  });

  it('always reads objects as ADF', () => {
    expect(normalizeDescription(adf, 'wiki').text).toBe('hi');
  });

  it('ignores an unknown format value', () => {
    expect(normalizeDescription('## Title', 'rtf' as DescriptionFormat).sections[0]?.heading).toBe('Title');
  });

  it('turns numbers and booleans into text, other values into ""', () => {
    expect(normalizeDescription(3.5).text).toBe('3.5');
    expect(normalizeDescription(false).text).toBe('false');
    expect(normalizeDescription(10n).text).toBe('10');
    expect(normalizeDescription(Symbol('s')).text).toBe('');
    expect(normalizeDescription({ description: 'x' }).text).toBe('');
  });
});
