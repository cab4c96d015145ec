/**
 * Undo never loses an edit (§4): it restores only the fields Apply wrote and only while they hold
 * what Apply wrote; the save trigger's label edit does not block it; a browse-only user's failed
 * Apply leaves the snapshot alone; a forged issue property is never trusted; sizes count bytes.
 */
import { onIssueSaved } from '../../src/app/on-save';
import { undoKey } from '../../src/app/undo-snapshot';
import type { ApplyResult, PanelAnalysis } from '../../src/contract/panel';
import { ALICE, BOB, DAN, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const analysis = (key: string, user = ALICE): Promise<PanelAnalysis> => h.analysis(key, user);

async function apply(key: string, summary: string, extra: { description?: string } = {}, user = ALICE) {
  const loaded = await analysis(key, user);
  return h.call<ApplyResult>('panel/apply', { issueKey: key, expectedUpdated: loaded.issue.updated, summary, ...extra }, user);
}

const read = (key: string) => h.deps().asApp().getIssue(key, { fields: ['summary', 'description', 'labels', 'updated'] });
const doc = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

test('Undo restores only the fields Apply wrote: a description edited in between is kept', async () => {
  const original = await read('FOOD-14');
  expect((await apply('FOOD-14', 'As a reviewer, I want to upload a photo of my meal, so that diners see the dish.')).ok).toBe(true);
  const bobs = doc('Bob: photos up to 10 MB, JPEG or PNG.');
  await h.deps(BOB).asUser().editIssue('FOOD-14', { fields: { description: bobs } });

  expect((await analysis('FOOD-14')).undo).toMatchObject({ fields: ['summary'], changed: [] });
  const undo = await h.call('panel/undo', { issueKey: 'FOOD-14' });
  expect(undo.ok).toBe(true);
  const after = await read('FOOD-14');
  expect(after.fields.summary).toBe(original.fields.summary);
  expect(after.fields.description).toEqual(bobs);
});

test("the save trigger's own label edit (label option on) moves `updated` but does not block Undo", async () => {
  const saved = await h.call('settings/set', { projectKey: 'FOOD', settings: { label: { enabled: true, name: 'needs-refinement', threshold: 100 } } });
  expect(saved.ok).toBe(true);
  try {
    const original = await read('FOOD-15');
    const applied = await apply('FOOD-15', 'As a diner, I want to filter restaurants by price'); // no benefit: scores under 100
    expect(applied.ok).toBe(true);
    const before = await read('FOOD-15');
    // The trigger runs after the person's edit and adds its label: `updated` moves.
    const outcome = await onIssueSaved({ issue: { key: 'FOOD-15' } }, h.deps());
    expect(outcome).toMatchObject({ status: 'written', labelChange: 'added' });
    const labelled = await read('FOOD-15');
    expect(labelled.fields.labels).toContain('needs-refinement');
    expect(labelled.fields.updated).not.toBe(before.fields.updated);

    expect((await analysis('FOOD-15')).undo).toMatchObject({ changed: [] });
    const undo = await h.call('panel/undo', { issueKey: 'FOOD-15' });
    expect(undo.ok).toBe(true);
    const undone = await read('FOOD-15');
    expect(undone.fields.summary).toBe(original.fields.summary);
    expect(undone.fields.labels).toContain('needs-refinement'); // Undo touches only what Apply wrote
  } finally {
    await h.call('settings/reset', { projectKey: 'FOOD', preset: 'recommended' });
  }
});

test("a browse-only user's Apply is refused before anything is written: Alice's snapshot and Undo survive", async () => {
  const original = await read('FOOD-16');
  expect((await apply('FOOD-16', 'As an owner, I want to reply to a review, so that diners hear my side.')).ok).toBe(true);
  const snapshot = await h.store.get(undoKey('FOOD-16'));
  expect(snapshot).toBeDefined();

  const dans = await analysis('FOOD-16', DAN);
  expect(dans.canEdit).toBe(false);
  expect(dans.undo).toMatchObject({ appliedByYou: false });
  const refused = await h.call('panel/apply', { issueKey: 'FOOD-16', expectedUpdated: dans.issue.updated, summary: 'Dan would replace the summary' }, DAN);
  expect(!refused.ok && refused.error).toMatchObject({ code: 'forbidden' });
  const dansUndo = await h.call('panel/undo', { issueKey: 'FOOD-16' }, DAN);
  expect(!dansUndo.ok && dansUndo.error.code).toBe('forbidden');
  expect(await h.store.get(undoKey('FOOD-16'))).toEqual(snapshot);

  const undo = await h.call('panel/undo', { issueKey: 'FOOD-16' });
  expect(undo.ok).toBe(true);
  expect((await read('FOOD-16')).fields.summary).toBe(original.fields.summary);
});

test('anyone who may edit can Undo while the values still match; the panel says who applied', async () => {
  const original = await read('FOOD-17');
  expect((await apply('FOOD-17', 'As a moderator, I want to hide an abusive review, so that diners are not exposed to it.')).ok).toBe(true);
  expect((await analysis('FOOD-17', BOB)).undo).toMatchObject({ appliedByYou: false, changed: [] });
  expect((await h.call('panel/undo', { issueKey: 'FOOD-17' }, BOB)).ok).toBe(true);
  expect((await read('FOOD-17')).fields.summary).toBe(original.fields.summary);
});

test('a forged storyHealthUndo issue property is never trusted', async () => {
  const bob = h.deps(BOB).asUser();
  const original = await read('FOOD-18');
  // No Apply happened: a property Bob wrote offers nothing and restores nothing.
  await bob.setIssueProperty('FOOD-18', 'storyHealthUndo', { summary: 'Forged by Bob', description: null, appliedUpdated: '', savedAt: '' });
  expect((await analysis('FOOD-18')).undo).toBeNull();
  expect(await h.call('panel/undo', { issueKey: 'FOOD-18' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  expect((await read('FOOD-18')).fields.summary).toBe(original.fields.summary);

  // After a real Apply, a forged property (old or new shape) changes nothing about what Undo writes.
  expect((await apply('FOOD-18', 'As a diner, I want to save a restaurant, so that I can find it again later.')).ok).toBe(true);
  const now = await read('FOOD-18');
  await bob.setIssueProperty('FOOD-18', 'storyHealthUndo', { summary: 'Forged by Bob', description: doc('forged'), appliedUpdated: now.fields.updated, savedAt: '' });
  expect((await h.call('panel/undo', { issueKey: 'FOOD-18' })).ok).toBe(true);
  const undone = await read('FOOD-18');
  expect(undone.fields.summary).toBe(original.fields.summary);
  expect(undone.fields.description).toEqual(original.fields.description);
});

test('sizes count bytes: a 12,000-character Japanese description (36 KB) is kept for Undo', async () => {
  const japanese = doc('料理の写真を追加'.repeat(1500)); // 12,000 characters, 36,000 bytes of text
  await h.deps(BOB).asUser().editIssue('FOOD-19', { fields: { description: japanese } });
  const applied = await apply('FOOD-19', 'As a reviewer, I want to add photos to my review, so that diners see the dish.', { description: 'Photos appear under the review text.' });
  expect(applied).toMatchObject({ ok: true, data: { changed: true, undoSaved: true } });
  expect((await read('FOOD-19')).fields.description).toEqual(doc('Photos appear under the review text.'));
  expect((await h.call('panel/undo', { issueKey: 'FOOD-19' })).ok).toBe(true);
  expect((await read('FOOD-19')).fields.description).toEqual(japanese);
});

test('a description too big to keep for Undo (over 240 KiB of UTF-8) is refused before anything is written', async () => {
  const huge = doc('写真'.repeat(45_000)); // 90,000 characters, 270,000 bytes
  await h.deps(BOB).asUser().editIssue('FOOD-20', { fields: { description: huge } });
  const before = await read('FOOD-20');
  const refused = await apply('FOOD-20', 'As a host, I want to add room photos, so that guests see the room.', { description: 'Short.' });
  expect(refused.ok).toBe(false);
  if (!refused.ok) {
    expect(refused.error).toMatchObject({ code: 'invalid-payload', field: 'description' });
    expect(refused.error.message).toMatch(/is 26\d\.\d KB, more than app storage keeps for Undo \(240\.0 KB\)\. Nothing was changed/);
  }
  expect(await read('FOOD-20')).toEqual(before);
  expect(await h.store.get(undoKey('FOOD-20'))).toBeUndefined();
  // The summary alone is fine: only the fields Apply writes are kept.
  const summaryOnly = await apply('FOOD-20', 'As a host, I want to add room photos, so that guests see the room.');
  expect(summaryOnly).toMatchObject({ ok: true, data: { undoSaved: true } });
});

test('Apply of the text the issue already has writes nothing and keeps the earlier snapshot', async () => {
  const original = await read('FOOD-21');
  const rewrite = 'As a diner, I want to sort reviews by date, so that I read the newest first.';
  expect((await apply('FOOD-21', rewrite)).ok).toBe(true);
  const snapshot = await h.store.get(undoKey('FOOD-21'));
  const again = await apply('FOOD-21', rewrite);
  expect(again).toMatchObject({ ok: true, data: { changed: false } });
  expect(await h.store.get(undoKey('FOOD-21'))).toEqual(snapshot);
  expect((await h.call('panel/undo', { issueKey: 'FOOD-21' })).ok).toBe(true);
  expect((await read('FOOD-21')).fields.summary).toBe(original.fields.summary);
});
