import { normalizeDescription, toPlainText } from '../../../src/core/text';
import { convertsEach, headed, lines, wellFormed } from './invariants';

/** A Jira Server issue body for a hotel-review site. */
const wikiIssue = `As a *hotel manager* I want to _reply_ to reviews so that guests see we care.

h3. Background
Managers asked for this in [the survey|https://feedback.example.com/q3_survey]; see {{ReviewReplyService}}.

h3. Acceptance Criteria
* A manager can reply once to each review
* The reply shows under the review with the hotel's name
** Replies are limited to {color:red}1,000{color} characters
* Editing a reply keeps -the old text- a history

h3. Notes
Ask [~accountid:5b10ac8d82e05b22cc7d4ef5] and [~mkhan] about moderation. !reply-mockup.png|thumbnail!`;

describe('Jira wiki markup', () => {
  it('converts a realistic issue', () => {
    const result = wellFormed(wikiIssue);
    expect(lines(result.text)).toEqual([
      'As a hotel manager I want to reply to reviews so that guests see we care.',
      '',
      'Background',
      'Managers asked for this in the survey; see ReviewReplyService.',
      '',
      'Acceptance Criteria',
      '- A manager can reply once to each review',
      "- The reply shows under the review with the hotel's name",
      '- Replies are limited to 1,000 characters',
      '- Editing a reply keeps the old text a history',
      '',
      'Notes',
      'Ask @user and @mkhan about moderation.',
    ]);
    expect(result.sections.map((s) => s.heading)).toEqual([null, 'Background', 'Acceptance Criteria', 'Notes']);
    expect(result.acceptanceCriteria).toEqual([
      'A manager can reply once to each review',
      "The reply shows under the review with the hotel's name",
      'Replies are limited to 1,000 characters',
      'Editing a reply keeps the old text a history',
    ]);
  });

  convertsEach('wiki', [
    ['headings h1–h6', 'h1. One\nh6. Six', ['One', 'Six']],
    ['bold, italic, strike, inserted, mono', '*bold* _italic_ -strike- +ins+ {{mono}}', ['bold italic strike ins mono']],
    ['superscript and subscript', 'x^2^ and H~2~O', ['x2 and H2O']],
    ['hyphens, maths and identifiers stay', 'well-known -5 to +5, 5 * 3 * 2, snake_case_name', ['well-known -5 to +5, 5 * 3 * 2, snake_case_name']],
    ['links', 'See [the spec|https://example.com/spec] or [https://example.com]', ['See the spec or https://example.com']],
    ['a link with an empty label shows the url', 'at [|https://example.com/x]', ['at https://example.com/x']],
    ['anchors and attachments', '[#overview] [^report.pdf]', ['overview report.pdf']],
    ['plain brackets stay', '[WIP] tidy [ ] box', ['[WIP] tidy [ ] box']],
    ['mentions', '[~accountid:557058:f5a1] and [~jdoe]', ['@user and @jdoe']],
    ['images removed, exclamations kept', 'Wow! !diagram.png! !https://example.com/a.gif|width=300! Great!', ['Wow! Great!']],
    ['code block kept verbatim', 'Before\n{code:java}\nint *x* = [a|b];\n{code}\nAfter', ['Before', 'int *x* = [a|b];', 'After']],
    ['noformat kept verbatim', '{noformat}\n*raw* _text_\n{noformat}', ['*raw* _text_']],
    ['code inside noformat is content', '{noformat}a {code} b{noformat}', ['a {code} b']],
    ['unclosed code block', 'x\n{code}\n*still code*', ['x', '*still code*']],
    ['quote and bq.', '{quote}\nquoted text\n{quote}\nbq. short quote', ['quoted text', 'short quote']],
    ['panel title becomes a heading line', '{panel:title=Out of scope|borderStyle=dashed}\nRefunds\n{panel}', ['Out of scope', 'Refunds']],
    ['colour', '{color:#de350b}red{color} text', ['red text']],
    ['bullets * ** - and numbered # ##', '* a\n** b\n- c\n# one\n# two\n## two.one\n# three', ['- a', '- b', '- c', '1. one', '2. two', '1. two.one', '3. three']],
    ['numbering restarts after a paragraph', '# a\n# b\n\nbreak\n# c', ['1. a', '2. b', '', 'break', '1. c']],
    ['tables', '||Room||Price||\n|Single|[80 EUR|http://x]|\n| Double | 120 EUR |', ['Room | Price', 'Single | 80 EUR', 'Double | 120 EUR']],
    ['line break \\\\', 'first\\\\second', ['first', 'second']],
    ['horizontal rule', 'above\n----\nbelow', ['above', '', 'below']],
    ['escaped markup', 'keep \\*stars\\* literal', ['keep *stars* literal']],
    ['entities', 'Tom &amp; Jerry', ['Tom & Jerry']],
    ['CRLF line endings', 'h3. Title\r\n* item\r\n', ['Title', '- item']],
  ]);

  it('marks h1.–h6. and panel titles as section headings', () => {
    const result = normalizeDescription('intro\nh2. Scope\nin\n{panel:title=Risks}\nnone\n{panel}', 'wiki');
    expect(headed(result)).toEqual([
      [null, 'intro'],
      ['Scope', 'in'],
      ['Risks', 'none'],
    ]);
  });

  it('recognises "*Acceptance criteria*" in bold as a heading', () => {
    const result = normalizeDescription('Story text.\n*Acceptance criteria:*\n* one\n* two', 'wiki');
    expect(result.sections.map((s) => s.heading)).toEqual([null, 'Acceptance criteria']);
    expect(result.acceptanceCriteria).toEqual(['one', 'two']);
  });

  it('removes markup only, never words', () => {
    expect(toPlainText('h3. *Important:* read {{config.yml}} before [deploying|https://x]', 'wiki')).toBe(
      'Important: read config.yml before deploying',
    );
  });
});
