import { toPlainText } from '../../../src/core/text';
import { convertsEach, lines, wellFormed } from './invariants';

/** A description exported as HTML (Jira's rendered field), with an injection attempt. */
const htmlStory = `<p>As a <strong>returning guest</strong> I want to filter reviews by trip type,
so that I read opinions from people like me.</p>
<script>alert("stolen cookies")</script>
<style>.x { color: red }</style>
<h3>Acceptance&nbsp;criteria</h3>
<ol>
  <li>Filters: <em>business</em>, <em>family</em>, <em>couple</em></li>
  <li>The filter is kept when paging<br>and after a reload</li>
</ol>
<p>Reviewers wrote &lt;script&gt; in a review &amp; it must show as text.</p>`;

describe('HTML', () => {
  it('strips tags, drops scripts and decodes entities', () => {
    const result = wellFormed(htmlStory);
    expect(lines(result.text)).toEqual([
      'As a returning guest I want to filter reviews by trip type, so that I read opinions from people like me.',
      'Acceptance criteria',
      '1. Filters: business, family, couple',
      '2. The filter is kept when paging',
      'and after a reload',
      'Reviewers wrote <script> in a review & it must show as text.',
    ]);
    expect(result.text).not.toContain('alert');
    expect(result.text).not.toContain('color');
    expect(result.sections.map((s) => s.heading)).toEqual([null, 'Acceptance criteria']);
    expect(result.acceptanceCriteria).toEqual(['Filters: business, family, couple', 'The filter is kept when paging']);
  });

  convertsEach('html', [
    ['paragraphs and divs', '<p>one</p><div>two</div>three', ['one', 'two', 'three']],
    ['line breaks', 'a<br>b<br/>c<BR />d', ['a', 'b', 'c', 'd']],
    ['two breaks make one blank line', '<p>a<br><br><br>b</p>', ['a', '', 'b']],
    ['bullets and nested lists', '<ul><li>a<ul><li>a.1</li></ul></li><li>b</li></ul>', ['- a', '- a.1', '- b']],
    ['ordered list with start', '<ol start="4"><li>four</li><li>five</li></ol>', ['4. four', '5. five']],
    ['checkbox list items', '<ul><li><input type="checkbox" checked> done</li><li><input type="checkbox"> open</li></ul>', ['- [x] done', '- [ ] open']],
    ['headings', '<h1>Title</h1><h6>Small</h6>', ['Title', 'Small']],
    ['tables', '<table><tr><th>Room</th><th>Price</th></tr><tr><td><p>Single</p></td><td>80</td></tr></table>', ['Room | Price', 'Single | 80']],
    ['pre keeps its lines', '<pre>line 1\n  line 2</pre>', ['line 1', 'line 2']],
    ['whitespace in text collapses', '<p>a\n   b\t\tc</p>', ['a b c']],
    ['comments, doctype, processing instructions', '<!DOCTYPE html><?xml version="1.0"?><!-- hidden -->shown', ['shown']],
    ['attributes containing ">"', '<a title="a > b" href="x">link</a>', ['link']],
    ['uppercase tags and script', '<P>hi</P><SCRIPT type="text/javascript">var x = "</p>";</SCRIPT>', ['hi']],
    ['literal < that is not a tag', '<p>3 < 5 and 7 <= 8</p>', ['3 < 5 and 7 <= 8']],
    ['numeric entities', '&#123; &#x1F600; &#8212; &#0; &#x110000;', ['{ 😀 — \ufffd \ufffd']],
    ['named entities', '&quot;q&quot; &#39;s&#39; &copy; &hellip; &eacute; &unknown;', ['"q" \'s\' © … é &unknown;']],
    ['nbsp becomes a space', 'a&nbsp;&nbsp;b\u00a0c', ['a b c']],
    ['unterminated comment drops the rest', 'kept<!-- never closed', ['kept']],
    ['unterminated tag', 'text <p class="x', ['text <p class="x']],
  ]);

  it('never returns markup for markup-only input', () => {
    expect(toPlainText('<div><span></span><img src="x.png"><hr></div>', 'html')).toBe('');
  });
});
