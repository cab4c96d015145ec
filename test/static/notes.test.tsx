/** The notes the panel and the report page show for cut text and for stories the engine could not analyze. */
import { renderToStaticMarkup } from 'react-dom/server';
import { TruncationNote } from '../../static/panel/src/TruncationNote';
import { FailedNote } from '../../static/report/src/FailedNote';
import { criterionName, groupFindings } from '../../static/panel/src/criteria';
import { analyzeStory } from '../../src/core/analyze';

jest.mock('@forge/bridge', () => ({ router: { open: async () => undefined }, invoke: async () => undefined }));
// Atlaskit components import their CSS, which jest cannot load: plain stand-ins with the same props.
jest.mock('@atlaskit/section-message', () => ({
  __esModule: true,
  default: ({ title, children }: { title: string; children: unknown }) => <section aria-label={title}>{title}{children as never}</section>,
}));

test('the panel says which text was not analyzed, and nothing when all was', () => {
  const report = analyzeStory({ summary: `As a diner, I want to ${'see menus '.repeat(300)}so that I can choose` });
  const html = renderToStaticMarkup(<TruncationNote truncated={report.truncated} />);
  expect(html).toContain('Part of this story was not analyzed');
  expect(html).toContain('Read the first 2,000 characters of the story sentence in the summary (it has 3,042)');
  expect(renderToStaticMarkup(<TruncationNote truncated={undefined} />)).toBe('');
});

test('engine errors are grouped apart from the INVEST letters', () => {
  expect(criterionName('engine')).toBe('Engine errors');
  const groups = groupFindings([{ ruleId: 'engine-error', criterion: 'engine', severity: 'warn', messageId: 'rule', data: {}, message: 'm' }], { template: 100 });
  expect(groups.map((g) => g.criterion)).toEqual(['engine']);
});

test('the report page lists the stories that could not be analyzed, with the error, as text', () => {
  const html = renderToStaticMarkup(<FailedNote count={3} failed={[{ key: 'FOOD-23', error: 'RangeError: <b>x</b>' }]} />);
  expect(html).toContain('3 stories could not be analyzed');
  expect(html).toContain('FOOD-23');
  expect(html).toContain('RangeError: &lt;b&gt;x&lt;/b&gt;');
  expect(html).toContain('storyHealthRule = &quot;engine-error&quot;');
  expect(renderToStaticMarkup(<FailedNote count={0} failed={[]} />)).toBe('');
});
