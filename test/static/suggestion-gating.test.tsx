/** The panel offers a write button only for what the engine's self-check confirmed; everything else is a draft. */
import { renderToStaticMarkup } from 'react-dom/server';
import type { PanelIssue, Rewrite, Split, StoryReport } from '../../src/contract';
import { RewriteActions } from '../../static/panel/src/RewriteActions';
import { SplitActions } from '../../static/panel/src/SplitActions';
import { Suggestions } from '../../static/panel/src/Suggestions';
import { AcceptanceDraft, ExistingSlices } from '../../static/panel/src/StoryShape';
import { analyzeStory } from '../../src/core/analyze';

jest.mock('@forge/bridge', () => ({ router: { navigate: async () => undefined }, invoke: async () => undefined }));
// Atlaskit components import their CSS, which jest cannot load: plain stand-ins with the same content.
jest.mock('@atlaskit/section-message', () => ({
  __esModule: true,
  default: ({ title, children }: { title: string; children: unknown }) => <section aria-label={title}>{title}{children as never}</section>,
}));
jest.mock('@atlaskit/lozenge', () => ({ __esModule: true, default: ({ children }: { children: unknown }) => <span className="lozenge">{children as never}</span> }));
jest.mock('@atlaskit/button/new', () => ({ __esModule: true, default: ({ children }: { children: unknown }) => <button>{children as never}</button> }));

const issue = { key: 'SHOP-1', summary: 'As a buyer I want stuff', projectKey: 'SHOP', issueType: 'Story' } as unknown as PanelIssue;
const noop = () => undefined;

function rewriteButtons(rewrite: Rewrite): string {
  return renderToStaticMarkup(
    <RewriteActions rewrite={rewrite} issue={issue} canEdit busy={null} applyId="a" taskId="t" error={undefined} taskAction={undefined} lead onApply={noop} onEditInDraft={noop} onMakeTask={noop} onReload={noop} />,
  );
}

const userStory: Rewrite = { kind: 'user-story', summary: 'As a buyer, I want my orders listed, so that I can track them.', rationale: 'r', placeholders: [] };

test.each([
  ['confirmed by the check', { ...userStory, appliable: true }, true],
  ['not confirmed', { ...userStory, appliable: false }, false],
  ['never checked (absent)', userStory, false],
  ['with a placeholder, even if marked appliable', { ...userStory, summary: 'As a <who benefits?>, I want …', placeholders: ['<who benefits?>'], appliable: true }, false],
])('a rewrite %s: Apply offered = %s', (_name, rewrite, offered) => {
  const html = rewriteButtons(rewrite);
  expect(html.includes('>Apply<')).toBe(offered);
  expect(html).toContain('Edit in the draft box');
});

test('a task rewrite: "Make it a task" only when confirmed', () => {
  const task: Rewrite = { kind: 'task', summary: 'Store uploaded photos', rationale: 'r', placeholders: [], parentKey: 'SHOP-2' };
  expect(rewriteButtons({ ...task, appliable: true })).toContain('Make it a task of SHOP-2');
  const draft = rewriteButtons({ ...task, appliable: false });
  expect(draft).not.toContain('Make it a task of');
  expect(draft).toContain('the engine&#x27;s check did not confirm it');
});

test('a split is created from the panel only when every part was confirmed', () => {
  const split: Split = { pattern: 'operations', rationale: 'r', placeholders: [], stories: [{ summary: 'As a buyer, I want to add an address.' }, { summary: 'As a buyer, I want to delete an address.' }] };
  const render = (s: Split) =>
    renderToStaticMarkup(
      <SplitActions id="split-0" split={s} issue={issue} canEdit busy={null} actionId="s" markId="m" action={undefined} otherSplit={undefined} marked={undefined} lead error={undefined} markError={undefined} onCreate={async () => undefined} onMarkSplit={noop} />,
    );
  expect(render({ ...split, appliable: true })).toContain('Create stories');
  const draft = render({ ...split, appliable: false });
  expect(draft).not.toContain('Create stories');
  expect(draft).toContain('split-draft');
});

test('the card says what the check verified, or why it is a draft', () => {
  const html = renderToStaticMarkup(
    <Suggestions rewrites={[{ ...userStory, appliable: false, checks: ['still two capabilities'] }]} splits={[{ pattern: 'operations', rationale: 'r', placeholders: [], stories: [{ summary: 'x' }], appliable: true, checks: ['each part is one capability'] }]} />,
  );
  expect(html).toContain('A draft, because: ');
  expect(html).toContain('still two capabilities');
  expect(html).toContain('Checked: ');
  expect(html).toContain('each part is one capability');
  expect(html).toMatch(/data-suggestion="rewrite-0" data-appliable="false"/);
  expect(html).toMatch(/data-suggestion="split-0" data-appliable="true"/);
});

test('existing slices and the acceptance-criteria draft are shown when the engine gives them, and nothing otherwise', () => {
  const base = analyzeStory({ key: 'SHOP-3', summary: 'As a buyer, I want to see my orders, so that I can track them.', acceptanceCriteria: ['Orders are listed newest first'] }) as StoryReport;
  expect(renderToStaticMarkup(<ExistingSlices report={{ ...base, existingSlices: [] }} />)).toBe('');
  expect(renderToStaticMarkup(<AcceptanceDraft report={{ ...base, acceptanceDraft: undefined }} />)).toBe('');
  const epic = renderToStaticMarkup(<ExistingSlices report={{ ...base, existingSlices: ['SHOP-4', 'SHOP-5'] }} />);
  expect(epic).toContain('SHOP-3 is an epic');
  expect(epic).toContain('data-key="SHOP-5"');
  const spans = renderToStaticMarkup(
    <ExistingSlices report={{ ...base, existingSlices: ['SHOP-1', 'SHOP-2'], slicesUnder: [{ key: 'SHOP-1', summary: 'Order history', stories: 4 }, { key: 'SHOP-2', summary: 'Parcel tracking', stories: 1 }] }} />,
  );
  expect(spans).toContain('SHOP-3 spans');
  expect(spans).toContain('data-key="SHOP-1"');
  expect(spans).toContain('“Order history” (4 stories)');
  expect(spans).toContain('“Parcel tracking” (1 story)');
  expect(spans).toContain('make SHOP-3 an epic or close it');
  expect(spans).not.toContain('<button');
  const ac = renderToStaticMarkup(<AcceptanceDraft report={{ ...base, acceptanceDraft: ['Given a buyer with orders, when they open the list, then they see them'] }} />);
  expect(ac).toContain('Draft acceptance criteria');
  expect(ac).toContain('Given a buyer with orders');
  expect(ac).not.toContain('<button');
});
