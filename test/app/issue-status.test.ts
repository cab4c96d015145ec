/**
 * The collapsed issue context's lozenge (`dynamicProperties`): read from the stored property as the
 * viewing user, with Jira's payload shape, never throwing.
 */
import { issueContextStatus, statusOf } from '../../src/app/issue-status';
import { onIssueSaved } from '../../src/app/on-save';
import { HEALTH_PROPERTY } from '../../src/app/health-property';
import { ALICE, BOB, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** The payload Jira passes a `dynamicProperties` function of `jira:issueContext`. */
function jiraPayload(key: string) {
  return {
    cloudId: '00000000-0000-4000-8000-00000000c10d',
    extension: { type: 'jira:issueContext', issue: { id: '10008', key, type: 'Story', typeId: '10001' }, project: { id: '10000', key: key.split('-')[0], type: 'software' } },
  };
}

test('a story checked on save shows its stored score and grade', async () => {
  const out = await onIssueSaved({ issue: { key: 'FOOD-8' } }, h.deps());
  if (out.status !== 'written') throw new Error(`expected a write, got ${out.status}`);
  const status = await issueContextStatus(jiraPayload('FOOD-8'), h.deps(ALICE));
  const stored = await h.deps().asApp().getIssueProperty<{ score: number }>('FOOD-8', HEALTH_PROPERTY);
  expect(stored?.score).toBe(out.score);
  expect(status).toEqual(statusOf(stored));
  expect(status.status.type).toBe('lozenge');
  expect(status.status.value.label).toMatch(new RegExp(`^${out.score} · (healthy|needs work|poor)$`));
});

test('an issue never checked says so, in the neutral appearance', async () => {
  expect(await issueContextStatus(jiraPayload('FOOD-9'), h.deps(ALICE))).toEqual({ status: { type: 'lozenge', value: { label: 'not checked yet', type: 'default' } } });
});

test('a person who may not see the issue gets no score', async () => {
  // FOOD-45 has a security level only Alice holds.
  await onIssueSaved({ issue: { key: 'FOOD-45' } }, h.deps());
  const forAlice = await issueContextStatus(jiraPayload('FOOD-45'), h.deps(ALICE));
  expect(forAlice.status.value.label).toMatch(/^\d+ · /);
  expect((await issueContextStatus(jiraPayload('FOOD-45'), h.deps(BOB))).status.value.label).toBe('score unavailable');
});

test('a payload without an issue key is answered, not thrown', async () => {
  for (const bad of [undefined, {}, { extension: {} }, { extension: { issue: { key: 'not a key' } } }]) {
    expect((await issueContextStatus(bad, h.deps())).status.value).toEqual({ label: 'score unavailable', type: 'default' });
  }
});

test('grades: 80 healthy, 50 needs work, below 50 poor; engine errors are not scored', () => {
  expect(statusOf({ score: 80 }).status.value).toEqual({ label: '80 · healthy', type: 'success' });
  expect(statusOf({ score: 79 }).status.value).toEqual({ label: '79 · needs work', type: 'moved' });
  expect(statusOf({ score: 72 }).status.value).toEqual({ label: '72 · needs work', type: 'moved' });
  expect(statusOf({ score: 50 }).status.value).toEqual({ label: '50 · needs work', type: 'moved' });
  expect(statusOf({ score: 49 }).status.value).toEqual({ label: '49 · poor', type: 'removed' });
  expect(statusOf({ technical: false, engineError: 'boom', ruleIds: ['engine-error'] }).status.value).toEqual({ label: 'not scored', type: 'default' });
  expect(statusOf({ score: 'high' }).status.value.label).toBe('not checked yet');
  expect(statusOf(null).status.value.label).toBe('not checked yet');
});
