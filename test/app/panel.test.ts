/** Panel resolvers against the emulator: analysis, Apply / Undo, concurrent edits, splits, permissions. */
import type { PanelAnalysis } from '../../src/contract/panel';
import { ALICE, BOB, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const analysis = (key: string, user = ALICE): Promise<PanelAnalysis> => h.analysis(key, user);

test('the motivating technical story: technical-story, a rewrite, and a task of the story it serves', async () => {
  const a = await analysis('FOOD-8');
  expect(a.isStory).toBe(true);
  expect(a.report.technical).toBe(true);
  expect(a.report.findings.map((f) => f.ruleId)).toContain('technical-story');
  // Storing and retrieving images is the system's handling, not what a reviewer sees: the user story takes its goal
  // from the benefit, and is a draft to finish.
  expect(a.report.rewrites.find((w) => w.kind === 'user-story')).toMatchObject({ summary: expect.stringMatching(/^As a reviewer, I want to add\/view images, so that </), appliable: false });
  expect(a.issue.updated).toMatch(/^\d{4}-/);
  expect(a.canEdit).toBe(true);
  expect(a.report.rewrites.find((w) => w.kind === 'task')?.parentKey).toBe('FOOD-9');
});

test('the whole-product zone story is not re-split: its slices already exist under the epics ZONE-2 and ZONE-3', async () => {
  const a = await analysis('ZONE-1');
  expect(a.report.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['not-atomic', 'oversized']));
  // The panel knows the epics from its neighbours' parent field (key, summary, type): no other query.
  expect(a.report.splits).toEqual([]);
  expect(a.report.existingSlices).toEqual(['ZONE-2', 'ZONE-3']);
  expect(a.report.slicesUnder).toEqual([
    { key: 'ZONE-2', summary: 'Zone model editor', stories: expect.any(Number) },
    { key: 'ZONE-3', summary: 'Cutting uploaded pictures', stories: expect.any(Number) },
  ]);
  expect(a.report.slicesUnder!.every((e) => e.stories >= 2)).toBe(true);
});

test('a story asking for two operations gets a split', async () => {
  const a = await analysis('ZONE-11');
  expect(a.report.splits.find((s) => s.pattern === 'operations')).toMatchObject({ appliable: true });
});

test('a forged key the user may not browse gets a clear error and no data', async () => {
  const r = await h.call('panel/analyze', { issueKey: 'FOOD-45' }, BOB);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.code).toBe('not-found');
    expect(JSON.stringify(r)).not.toMatch(/commission/i);
  }
  const bad = await h.call('panel/analyze', { issueKey: '../../etc/passwd' }, BOB);
  expect(bad.ok).toBe(false);
  if (!bad.ok) expect(bad.error).toMatchObject({ code: 'invalid-payload', field: 'issueKey' });
});

test('Apply edits as the user, Undo restores the exact previous text after a reload', async () => {
  const before = await analysis('FOOD-52');
  const original = await h.deps().asApp().getIssue('FOOD-52', { fields: ['summary', 'description'] });
  const rewrite = before.report.rewrites.find((w) => w.kind === 'user-story' && w.appliable)!;
  expect(rewrite.summary).toMatch(/^As a reviewer, I want the review form to save drafts in the browser/);
  const applied = await h.call<{ updated: string }>('panel/apply', { issueKey: 'FOOD-52', expectedUpdated: before.issue.updated, summary: rewrite.summary });
  expect(applied.ok).toBe(true);
  const after = await analysis('FOOD-52'); // a reload
  expect(after.issue.summary).toBe(rewrite.summary);
  expect(after.undo).toEqual({ fields: ['summary'], changed: [], appliedAt: expect.any(String), appliedByYou: true });
  const undone = await h.call('panel/undo', { issueKey: 'FOOD-52' });
  expect(undone.ok).toBe(true);
  const restored = await h.deps().asApp().getIssue('FOOD-52', { fields: ['summary', 'description'] });
  expect(JSON.stringify(restored.fields)).toBe(JSON.stringify(original.fields));
  expect((await analysis('FOOD-52')).undo).toBeNull();
});

test('Apply refuses when the issue changed after the panel loaded, and changes nothing', async () => {
  const loaded = await analysis('FOOD-9');
  await h.deps(BOB).asUser().editIssue('FOOD-9', { fields: { summary: 'As a reviewer, I want to add images of my meal, so that diners see it.' } });
  const r = await h.call('panel/apply', { issueKey: 'FOOD-9', expectedUpdated: loaded.issue.updated, summary: 'Something else entirely' });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.code).toBe('conflict');
  expect((await analysis('FOOD-9')).issue.summary).toBe('As a reviewer, I want to add images of my meal, so that diners see it.');
});

test('Create stories makes each split story in the same parent, linked to the original', async () => {
  const a = await analysis('ZONE-11');
  const split = a.report.splits.find((s) => s.pattern === 'operations')!;
  const r = await h.call<{ created: { key: string }[] }>('panel/create-split', { issueKey: 'ZONE-11', stories: split.stories });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.data.created).toHaveLength(split.stories.length);
  const original = await h.deps().asApp().getIssue('ZONE-11', { fields: ['parent', 'issuelinks'] });
  expect((original.fields.parent as { key?: string } | undefined)?.key).toBe('ZONE-2');
  for (const { key } of r.data.created) {
    const issue = await h.deps().asApp().getIssue(key, { fields: ['parent', 'issuelinks', 'summary'] });
    expect((issue.fields.parent as { key?: string } | undefined)?.key).toBe('ZONE-2');
    expect(JSON.stringify(issue.fields.issuelinks)).toContain('ZONE-11');
  }
});

test('the draft box scores text as the user types, with the project settings', async () => {
  const r = await h.call<{ score: number; findings: { ruleId: string }[] }>('panel/draft', { issueKey: 'FOOD-8', summary: 'As a reviewer, I want my photos stored, so that other diners can see them later.' });
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.data.findings.map((f) => f.ruleId)).not.toContain('technical-story');
});

test('hostile text comes back as text', async () => {
  const a = await analysis('FOOD-44');
  expect(a.issue.summary).toContain('<script>alert(1)</script>');
  expect(typeof a.issue.description).toBe('string');
});

test('Undo refuses when someone edited a field Apply wrote, names the field, and changes nothing', async () => {
  const loaded = await analysis('FOOD-13');
  const applied = await h.call('panel/apply', { issueKey: 'FOOD-13', expectedUpdated: loaded.issue.updated, summary: 'As a reviewer, I want to upload photos, so that my review shows the dish.' });
  expect(applied.ok).toBe(true);
  await h.deps(BOB).asUser().editIssue('FOOD-13', { fields: { summary: 'Bob changed this after the rewrite' } });
  const reloaded = await analysis('FOOD-13');
  // After a reload the panel knows Undo would overwrite Bob's edit: it says so instead of offering it.
  expect(reloaded.undo).toMatchObject({ fields: ['summary'], changed: ['summary'] });
  const undo = await h.call('panel/undo', { issueKey: 'FOOD-13' });
  expect(undo.ok).toBe(false);
  if (!undo.ok) {
    expect(undo.error).toMatchObject({ code: 'conflict', field: 'summary' });
    expect(undo.error.message).toContain('the summary (it now reads "Bob changed this after the rewrite")');
    expect(undo.error.message).toContain('Nothing was changed');
  }
  expect((await analysis('FOOD-13')).issue.summary).toBe('Bob changed this after the rewrite');
});

test('Make it a task creates a subtask of the story it serves with the suggested summary', async () => {
  const a = await analysis('FOOD-8');
  const task = a.report.rewrites.find((w) => w.kind === 'task')!;
  const r = await h.call<{ key: string }>('panel/make-task', { issueKey: 'FOOD-8', parentKey: task.parentKey, expectedUpdated: a.issue.updated, summary: task.summary });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  const sub = await h.deps().asApp().getIssue(r.data.key, { fields: ['summary', 'parent', 'issuetype'] });
  expect(sub.fields.summary).toBe(task.summary);
  expect((sub.fields.parent as { key: string }).key).toBe('FOOD-9');
});
