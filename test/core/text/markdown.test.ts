import { normalizeDescription } from '../../../src/core/text';
import { convertsEach, headed, lines, wellFormed } from './invariants';

const markdownStory = `## Compare hotels

As a **budget traveller** I want to compare up to three hotels side by side,
so that I can pick the [best value](https://example.com/compare_v2 "spec").

### Acceptance criteria
- [ ] Compare shows price, rating and distance
- [x] A hotel can be removed from the comparison
* Works with \`keyboard\` only

\`\`\`json
{ "max": 3, "note": "**not bold**" }
\`\`\``;

describe('Markdown', () => {
  it('converts a realistic story', () => {
    const result = wellFormed(markdownStory);
    expect(lines(result.text)).toEqual([
      'Compare hotels',
      '',
      'As a budget traveller I want to compare up to three hotels side by side,',
      'so that I can pick the best value.',
      '',
      'Acceptance criteria',
      '[ ] Compare shows price, rating and distance',
      '[x] A hotel can be removed from the comparison',
      '- Works with keyboard only',
      '',
      '{ "max": 3, "note": "**not bold**" }',
    ]);
    expect(result.sections.map((s) => s.heading)).toEqual(['Compare hotels', 'Acceptance criteria']);
    expect(result.acceptanceCriteria).toEqual([
      'Compare shows price, rating and distance',
      'A hotel can be removed from the comparison',
      'Works with keyboard only',
    ]);
  });

  convertsEach('markdown', [
    ['ATX headings with closing hashes', '# One #\n###### Six', ['One', 'Six']],
    ['setext headings', 'Title\n=====\nSub\n---', ['Title', 'Sub']],
    ['emphasis', '**bold** __bold__ *it* _it_ ~~gone~~ ***both***', ['bold bold it it gone both']],
    ['intraword underscores and maths stay', 'snake_case and 2 * 3 * 4', ['snake_case and 2 * 3 * 4']],
    ['links, images, autolinks, reference links', '[text](http://a.b) ![alt](i.png) <https://x.y> [ref][1]', ['text alt https://x.y ref']],
    ['lists', '* a\n+ b\n- c\n1. one\n2) two', ['- a', '- b', '- c', '1. one', '2. two']],
    ['checklists', '- [ ] open\n* [X] done', ['[ ] open', '[x] done']],
    ['blockquotes', '> quoted\n> > nested', ['quoted', 'nested']],
    ['rules', 'a\n\n***\n\nb', ['a', '', 'b']],
    ['tables', '| Room | Price |\n|:-----|------:|\n| Single | 80 |', ['Room | Price', 'Single | 80']],
    ['tilde fences', '~~~\n# not a heading\n~~~', ['# not a heading']],
    ['inline html', 'a<br>b <span class="x">c</span>', ['a', 'b c']],
    ['escapes', '\\*not emphasis\\* and 1\\. not a list', ['*not emphasis* and 1. not a list']],
    ['entities', 'A &amp; B', ['A & B']],
  ]);

  it('treats "**Acceptance Criteria**" on its own line as a heading', () => {
    const result = normalizeDescription('Intro.\n\n**Acceptance Criteria**\n1. first\n2. second', 'markdown');
    expect(headed(result)).toEqual([
      [null, 'Intro.'],
      ['Acceptance Criteria', '1. first\n2. second'],
    ]);
    expect(result.acceptanceCriteria).toEqual(['first', 'second']);
  });
});
