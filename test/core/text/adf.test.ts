import { normalizeDescription, toPlainText } from '../../../src/core/text';
import { convertsEach, lines, wellFormed } from './invariants';

const t = (text: string, marks?: unknown[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const h = (level: number, text: string) => ({ type: 'heading', attrs: { level }, content: [t(text)] });
const li = (...content: unknown[]) => ({ type: 'listItem', content });
const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });

/** A story for a hotel-review site, as Jira Cloud returns it. */
const hotelReviewStory = doc(
  p(t('As a '), t('guest who stayed at a hotel', [{ type: 'strong' }]), t(', I want to post a review with photos, so that future guests can judge the rooms.')),
  h(3, 'Acceptance criteria'),
  {
    type: 'bulletList',
    content: [
      li(p(t('Only guests with a completed booking can post a review'))),
      li(p(t('A review has a rating from 1 to 5 stars and up to '), t('2,000', [{ type: 'code' }]), t(' characters'))),
      li(p(t('Up to 6 photos, each under 10 MB'))),
    ],
  },
  h(3, 'Notes'),
  p(t('Ask '), { type: 'mention', attrs: { id: '123', text: '@Priya Raman' } }, t(' about moderation '), { type: 'emoji', attrs: { shortName: ':eyes:', text: '👀' } }),
);

describe('ADF', () => {
  it('turns a hotel-review story into text, sections and criteria', () => {
    const result = wellFormed(hotelReviewStory);
    expect(lines(result.text)).toEqual([
      'As a guest who stayed at a hotel, I want to post a review with photos, so that future guests can judge the rooms.',
      'Acceptance criteria',
      '- Only guests with a completed booking can post a review',
      '- A review has a rating from 1 to 5 stars and up to 2,000 characters',
      '- Up to 6 photos, each under 10 MB',
      'Notes',
      'Ask @Priya Raman about moderation 👀',
    ]);
    expect(result.sections.map((s) => [s.heading, s.text.split('\n').length])).toEqual([
      [null, 1],
      ['Acceptance criteria', 3],
      ['Notes', 1],
    ]);
    expect(result.acceptanceCriteria).toEqual([
      'Only guests with a completed booking can post a review',
      'A review has a rating from 1 to 5 stars and up to 2,000 characters',
      'Up to 6 photos, each under 10 MB',
    ]);
  });

  it('accepts the same document as a JSON string', () => {
    expect(normalizeDescription(JSON.stringify(hotelReviewStory))).toEqual(normalizeDescription(hotelReviewStory));
  });

  convertsEach(undefined, ([
    ['ordered list, numbered from attrs.order', { type: 'orderedList', attrs: { order: 3 }, content: [li(p(t('three'))), li(p(t('four')))] }, ['3. three', '4. four']],
    [
      'nested lists',
      { type: 'bulletList', content: [li(p(t('parent')), { type: 'orderedList', content: [li(p(t('child')))] })] },
      ['- parent', '1. child'],
    ],
    [
      'task list keeps the state',
      {
        type: 'taskList',
        attrs: { localId: 'x' },
        content: [
          { type: 'taskItem', attrs: { state: 'DONE', localId: 'a' }, content: [t('Export reviews as CSV')] },
          { type: 'taskItem', attrs: { state: 'TODO', localId: 'b' }, content: [t('Translate the form')] },
        ],
      },
      ['[x] Export reviews as CSV', '[ ] Translate the form'],
    ],
    ['code block keeps its lines', { type: 'codeBlock', attrs: { language: 'ts' }, content: [t('const a = 1;\n  const b = 2;')] }, ['const a = 1;', 'const b = 2;']],
    ['blockquote and panel', { type: 'panel', attrs: { panelType: 'info' }, content: [{ type: 'blockquote', content: [p(t('quoted'))] }] }, ['quoted']],
    [
      'table cells joined with " | "',
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [{ type: 'tableHeader', content: [p(t('Field'))] }, { type: 'tableHeader', content: [p(t('Rule'))] }] },
          { type: 'tableRow', content: [{ type: 'tableCell', content: [p(t('rating'))] }, { type: 'tableCell', content: [p(t('1–5')), p(t('required'))] }] },
        ],
      },
      ['Field | Rule', 'rating | 1–5 required'],
    ],
    ['hard break', p(t('first'), { type: 'hardBreak' }, t('second')), ['first', 'second']],
    ['mention without @', p({ type: 'mention', attrs: { text: 'Ana' } }), ['@Ana']],
    ['emoji short name', p({ type: 'emoji', attrs: { shortName: ':tada:' } }), [':tada:']],
    ['inline card', p(t('see '), { type: 'inlineCard', attrs: { url: 'https://example.com/spec' } }), ['see https://example.com/spec']],
    ['block card', { type: 'blockCard', attrs: { url: 'https://example.com/board' } }, ['https://example.com/board']],
    ['status', p(t('state: '), { type: 'status', attrs: { text: 'IN REVIEW', color: 'blue' } }), ['state: IN REVIEW']],
    ['date', p(t('due '), { type: 'date', attrs: { timestamp: '1718755200000' } }), ['due 2024-06-19']],
    ['invalid date is skipped', p(t('due'), { type: 'date', attrs: { timestamp: 'soon' } }), ['due']],
    ['expand title', { type: 'expand', attrs: { title: 'Details' }, content: [p(t('hidden'))] }, ['Details', 'hidden']],
    ['unknown nodes keep their text', { type: 'futureNode', content: [t('kept')] }, ['kept']],
  ] as [string, unknown, string[]][]).map(([name, node, expected]) => [name, doc(node), expected] as const));

  it.each<[string, unknown]>([
    ['doc without content', { type: 'doc' }],
    ['content is not an array', { type: 'doc', content: 'nope' }],
    ['nodes of the wrong type', { type: 'doc', content: [null, 42, 'x', [], { type: 7 }, { text: 5 }] }],
    ['text that is not a string', doc(p({ type: 'text', text: { evil: true } }))],
    ['attrs that are not objects', doc(p({ type: 'mention', attrs: 'x' }, { type: 'date', attrs: { timestamp: 1e300 } }))],
    ['a table cell outside a row', doc({ type: 'tableCell', content: [p(t('lonely'))] })],
  ])('survives invalid ADF: %s', (_name, input) => {
    expect(() => normalizeDescription(input)).not.toThrow();
    wellFormed(input);
  });

  it('keeps text from invalid nodes when it can', () => {
    expect(toPlainText(doc(null, p(t('fine'))))).toBe('fine');
  });

  it('reads an array of nodes as a document', () => {
    expect(toPlainText([p(t('one')), p(t('two'))])).toBe('one\ntwo');
  });

  it('handles 100,000 levels of nesting', () => {
    let node: unknown = t('bottom');
    for (let i = 0; i < 100_000; i++) node = i % 2 ? { type: 'blockquote', content: [node] } : { type: 'bulletList', content: [li(node)] };
    const result = wellFormed(doc(node));
    expect(result.text).toBe('- bottom');
  });

  it('handles 100,000 levels of nesting in a JSON string', () => {
    const json = `${'{"type":"blockquote","content":['.repeat(100_000)}{"type":"text","text":"deep"}${']}'.repeat(100_000)}`;
    expect(toPlainText(`{"type":"doc","content":[${json}]}`)).toBe('deep');
  });
});
