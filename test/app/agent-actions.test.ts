/**
 * The Rovo agent's actions through the app's handlers: validated inputs (the model's key, else the
 * page's), the asking user's permissions, and the engine's findings and suggestions as data.
 */
import { backlogHealth, checkStory, suggestRewrite, suggestSplit } from '../../src/app/agent-actions';
import { runScanChunk, type ScanEvent } from '../../src/app/scan';
import { ALICE, BOB, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const as = (accountId: string | null) => ({ accountId });
/** Rovo's payload on an issue page: the declared inputs plus `context.jira`. */
const onIssue = (issueKey: string, inputs: Record<string, unknown> = {}) => ({ ...inputs, context: { cloudId: 'c', moduleKey: 'check-story', jira: { resourceType: 'issue', issueKey, projectKey: issueKey.split('-')[0] } } });

test('check-story: the panel\'s score and findings, as data', async () => {
  const r = await checkStory({ issueKey: 'FOOD-8' }, as(ALICE), h.deps(ALICE));
  const panel = await h.analysis('FOOD-8');
  if (!r.ok) throw new Error(r.error.message);
  expect(r).toMatchObject({ issueKey: 'FOOD-8', isStory: true, score: panel.report.score, kind: panel.report.kind });
  expect(r.grade).toMatch(/^(healthy|needs work|poor)$/);
  expect(r.findings.map((f) => f.ruleId)).toEqual(panel.report.findings.map((f) => f.ruleId));
  expect(r.findings.find((f) => f.ruleId === 'technical-story')?.message).toMatch(/technical work framed as a story/);
});

test('the issue comes from the model\'s input when it is a key, else from the page the user is on', async () => {
  const fromContext = await checkStory(onIssue('FOOD-8'), as(ALICE), h.deps(ALICE));
  expect(fromContext.ok && fromContext.issueKey).toBe('FOOD-8');
  // A hallucinated "key" is not trusted: the page's issue is used.
  const hallucinated = await checkStory(onIssue('FOOD-8', { issueKey: 'the image story' }), as(ALICE), h.deps(ALICE));
  expect(hallucinated.ok && hallucinated.issueKey).toBe('FOOD-8');
  expect(await checkStory({ issueKey: 'food-20' }, as(ALICE), h.deps(ALICE))).toMatchObject({ ok: true, issueKey: 'FOOD-20' });
  expect(await checkStory({ issueKey: 'nothing here' }, as(ALICE), h.deps(ALICE))).toEqual({ ok: false, error: { code: 'invalid-payload', message: 'Name the issue: an issue key such as FOOD-12.' } });
  expect(await checkStory(undefined, as(ALICE), h.deps(ALICE))).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
});

test('as the asking user: a restricted issue is not found for Bob; no user, no answer', async () => {
  const bob = await checkStory({ issueKey: 'FOOD-45' }, as(BOB), h.deps(BOB));
  expect(bob).toMatchObject({ ok: false, error: { code: 'not-found' } });
  expect(JSON.stringify(bob)).not.toMatch(/partner/i);
  expect(await checkStory({ issueKey: 'FOOD-45' }, as(ALICE), h.deps(ALICE))).toMatchObject({ ok: true, issueKey: 'FOOD-45' });
  expect(await checkStory({ issueKey: 'FOOD-8' }, as(null), h.deps(ALICE))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
});

test('suggest-rewrite: the engine\'s rewrites with their rationale and whether they passed the self-check', async () => {
  const r = await suggestRewrite({ issueKey: 'FOOD-8' }, as(ALICE), h.deps(ALICE));
  if (!r.ok) throw new Error(r.error.message);
  const panel = await h.analysis('FOOD-8');
  expect(r.rewrites.map((x) => x.summary)).toEqual(panel.report.rewrites.map((x) => x.summary));
  // First the task of the story the work serves, then the user story in the beneficiary's voice.
  expect(r.rewrites[0]).toMatchObject({ kind: 'task', parentKey: 'FOOD-9', rationale: expect.any(String), checked: expect.any(Boolean) });
  expect(r.rewrites.find((x) => x.kind === 'user-story')).toMatchObject({ summary: expect.stringMatching(/^As a reviewer, I want to add\/view images, so that </), checked: false });
});

test('suggest-split: the engine\'s splits of a story asking for two things', async () => {
  const r = await suggestSplit({ issueKey: 'ZONE-11' }, as(ALICE), h.deps(ALICE));
  if (!r.ok) throw new Error(r.error.message);
  expect(r.splits.length).toBeGreaterThan(0);
  expect(r.splits[0]!.stories.length).toBeGreaterThanOrEqual(2);
  expect(r.splits[0]!.pattern).toEqual(expect.any(String));
  expect(r.existingSlices).toEqual([]);
});

test('suggest-split: no split of a story whose slices already exist under epics, which are named instead', async () => {
  const r = await suggestSplit({ issueKey: 'ZONE-1' }, as(ALICE), h.deps(ALICE));
  if (!r.ok) throw new Error(r.error.message);
  expect(r.splits).toEqual([]);
  expect(r.existingSlices).toEqual(['ZONE-2', 'ZONE-3']);
});

test('backlog-health: says to scan first, then summarizes the last scan as the user may see it', async () => {
  const before = await backlogHealth({ context: { jira: { projectKey: 'FOOD' } } }, as(ALICE), h.deps(ALICE));
  expect(before).toMatchObject({ ok: true, projectKey: 'FOOD', score: null, note: 'FOOD has not been scanned yet: start a scan on its Backlog health page.' });
  const start = await h.call('report/start', { projectKey: 'FOOD' });
  expect(start.ok).toBe(true);
  while (h.events.length) await runScanChunk(h.events.shift() as unknown as ScanEvent, h.deps());
  const view = await h.call<{ snapshot: { score: number; count: number } }>('report/snapshot', { projectKey: 'FOOD' });
  if (!view.ok) throw new Error(view.error.message);
  const alice = await backlogHealth({ projectKey: 'FOOD' }, as(ALICE), h.deps(ALICE));
  expect(alice).toMatchObject({ ok: true, projectKey: 'FOOD', score: view.data.snapshot.score, stories: view.data.snapshot.count });
  if (!alice.ok) throw new Error('unreachable');
  expect(alice.fixFirst.length).toBeGreaterThan(0);
  expect(Object.keys(alice.passRates)).toContain('valuable');
  // Bob may not browse the restricted story: it is never named to him.
  const bob = await backlogHealth({ projectKey: 'FOOD' }, as(BOB), h.deps(BOB));
  if (!bob.ok) throw new Error(bob.error.message);
  expect(bob.fixFirst.map((f) => f.key)).not.toContain('FOOD-45');
  expect(await backlogHealth({ projectKey: 'NOPE' }, as(BOB), h.deps(BOB))).toMatchObject({ ok: false });
});
