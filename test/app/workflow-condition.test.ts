/**
 * The opt-in workflow condition (`jira:workflowCondition` story-health-condition): the manifest's
 * Jira expression over the stored `storyHealth` property, run by the emulator's workflow on
 * "Start progress" as Jira runs a condition: the transition is listed only when the expression is
 * true, and taking a hidden transition is Jira's 400.
 */
import { CONDITION_DESCRIPTION_EXPRESSION, CONDITION_EXPRESSION } from '../../src/app/gate';
import { HEALTH_PROPERTY, type HealthProperty } from '../../src/app/health-property';
import { TYPES_PROPERTY } from '../../src/app/trigger-filter';
import { DEFAULT_CONDITION_CONFIG, readConditionConfig, type ConditionConfig } from '../../src/contract/gate';
import { JiraError } from '../../src/jira/errors';
import { evaluateCondition } from '../../src/preview/emulator/workflow';
import type { SampleIssue } from '../../src/preview/sample/schema';
import { ALICE, BACK_TO_DO, MANIFEST_TEXT, savedHealth, START_PROGRESS, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => h.emulator.workflow.clear());
afterAll(() => h.close());

function condition(config: ConditionConfig | null): void {
  h.emulator.workflow.setConditions(START_PROGRESS, [{ key: 'story-health-condition', expression: CONDITION_EXPRESSION, config }]);
}

const stored = (key: string): Promise<HealthProperty> => savedHealth(h, key);

async function offered(key: string): Promise<string[]> {
  return (await h.deps(ALICE).asUser().getTransitions(key)).map((t) => t.name);
}

test('manifest.yml carries the condition expression and its summary, next to the validator', () => {
  expect(MANIFEST_TEXT).toContain(`expression: ${JSON.stringify(CONDITION_EXPRESSION)}\n`);
  expect(MANIFEST_TEXT).toContain(`expression: ${JSON.stringify(CONDITION_DESCRIPTION_EXPRESSION)}\n`);
  expect(MANIFEST_TEXT).toMatch(/jira:workflowCondition:\n\s+- key: story-health-condition\n/);
  expect(MANIFEST_TEXT).toMatch(/jira:workflowValidator:\n\s+- key: story-health-gate\n/);
});

test('a story under the minimum does not get "Start progress"; taking it anyway is refused and the issue stays', async () => {
  const p = await stored('FOOD-8');
  condition({ minScore: Math.min(100, p.score + 1), noTechnical: false, hideUnscored: false });
  expect(await offered('FOOD-8')).toEqual([]);
  await expect(h.deps(ALICE).asUser().transitionIssue('FOOD-8', START_PROGRESS)).rejects.toMatchObject({ code: 'bad-request' });
  const issue = await h.deps().asApp().getIssue('FOOD-8', { fields: ['status'] });
  expect((issue.fields.status as { name: string }).name).toBe('To Do');
});

test('at the minimum the transition is offered and taken', async () => {
  const p = await stored('FOOD-8');
  condition({ minScore: p.score, noTechnical: false, hideUnscored: false });
  expect(await offered('FOOD-8')).toEqual(['Start progress']);
  await h.deps(ALICE).asUser().transitionIssue('FOOD-8', START_PROGRESS);
  await h.deps(ALICE).asUser().transitionIssue('FOOD-8', BACK_TO_DO);
});

test('"no technical stories" hides it for technical work whatever its score; a user story keeps it', async () => {
  expect((await stored('FOOD-8')).technical).toBe(true);
  expect((await stored('FOOD-20')).technical).toBe(false);
  condition({ minScore: 0, noTechnical: true, hideUnscored: false });
  expect(await offered('FOOD-8')).toEqual([]);
  expect(await offered('FOOD-20')).toEqual(['Start progress']);
});

test('an unscored story is shown by default and hidden with "hide unscored"; a type the project does not check never is', async () => {
  await h.deps().asApp().deleteIssueProperty('FOOD-13', HEALTH_PROPERTY);
  condition(null);
  expect(await offered('FOOD-13')).toEqual(['Start progress']);
  condition({ ...DEFAULT_CONDITION_CONFIG, hideUnscored: true });
  expect(await offered('FOOD-13')).toEqual([]);
  // A sub-task is not a checked type (no settings saved: Story only), so it is never "unscored".
  expect(await h.deps().asApp().getIssueProperty('FOOD-11', HEALTH_PROPERTY)).toBeNull();
  expect(await offered('FOOD-11')).toEqual(['Start progress']);
  // Once the settings name the checked types (the project property the trigger filter reads too), those count.
  await h.deps().asApp().setProjectProperty('FOOD', TYPES_PROPERTY, { names: ['story', 'subtask'] });
  try {
    expect(await offered('FOOD-11')).toEqual([]);
  } finally {
    await h.deps().asApp().setProjectProperty('FOOD', TYPES_PROPERTY, { names: ['story'] });
  }
  expect(await offered('FOOD-11')).toEqual(['Start progress']);
});

test("an engine error shows the transition: Story Health's own failure never blocks a team", async () => {
  await h.deps().asApp().setIssueProperty('FOOD-12', HEALTH_PROPERTY, { technical: false, ruleIds: ['engine-error'], engineError: 'boom', contentHash: 'x', engineVersion: 'x', analyzedAt: '2026-12-01T00:00:00Z' });
  condition({ minScore: 100, noTechnical: true, hideUnscored: true });
  expect(await offered('FOOD-12')).toEqual(['Start progress']);
  await h.deps().asApp().setIssueProperty('FOOD-12', HEALTH_PROPERTY, { score: 59, technical: false, ruleIds: [], criteria: {}, contentHash: 'x', engineVersion: 'x', analyzedAt: '2026-12-01T00:00:00Z' });
  condition(null);
  expect(await offered('FOOD-12')).toEqual([]);
});

test('only a Boolean true shows a transition: a string or an error hides it (a condition cannot explain)', () => {
  const issue = { key: 'FOOD-1', summary: 's', issueType: 'Story', status: 'To Do', properties: {} } as unknown as SampleIssue;
  expect(evaluateCondition({ key: 'c', expression: "'a message'", config: null }, issue, null)).toBe(false);
  expect(evaluateCondition({ key: 'c', expression: 'issue.nothing.here', config: null }, issue, null)).toBe(false);
  expect(evaluateCondition({ key: 'c', expression: 'true', config: null }, issue, null)).toBe(true);
  // Without a project in the context the expression's own guard decides (no settings: Story is checked).
  expect(evaluateCondition({ key: 'c', expression: CONDITION_EXPRESSION, config: { hideUnscored: true } }, issue, null)).toBe(false);
});

test('the configuration read back: defaults for anything missing or invalid', () => {
  expect(readConditionConfig(undefined)).toEqual(DEFAULT_CONDITION_CONFIG);
  expect(readConditionConfig('{"minScore":75,"noTechnical":true,"hideUnscored":true}')).toEqual({ minScore: 75, noTechnical: true, hideUnscored: true });
  expect(readConditionConfig({ minScore: -1, hideUnscored: 'yes' })).toEqual(DEFAULT_CONDITION_CONFIG);
});

test('a JiraError for the hidden transition names no validator message', async () => {
  const p = await stored('FOOD-8');
  condition({ minScore: Math.min(100, p.score + 1), noTechnical: false, hideUnscored: false });
  try {
    await h.deps(ALICE).asUser().transitionIssue('FOOD-8', START_PROGRESS);
    throw new Error('let through');
  } catch (error) {
    expect(error).toBeInstanceOf(JiraError);
    expect((error as JiraError).errorMessages.join(' ')).toMatch(/not valid for this issue/);
  }
});
