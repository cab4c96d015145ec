/**
 * The workflow quality gate: the manifest's Jira expression over the stored `storyHealth`
 * property, run by the emulator's workflow on "Start progress" (as Jira runs a validator), with the
 * configuration page's `config`.
 */
import { GATE_DESCRIPTION_EXPRESSION, GATE_EXPRESSION } from '../../src/app/gate';
import { HEALTH_PROPERTY, type HealthProperty } from '../../src/app/health-property';
import { DEFAULT_GATE_CONFIG, readGateConfig, type GateConfig } from '../../src/contract/gate';
import { JiraError } from '../../src/jira/errors';
import { ALICE, BACK_TO_DO, MANIFEST_TEXT, savedHealth, START_PROGRESS, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

function gate(config: GateConfig | null): void {
  h.emulator.workflow.setValidators(START_PROGRESS, [{ key: 'story-health-gate', expression: GATE_EXPRESSION, errorMessage: 'The story does not pass the Story Health quality gate.', config }]);
}

const stored = (key: string): Promise<HealthProperty> => savedHealth(h, key);

async function refusal(key: string): Promise<string> {
  try {
    await h.deps(ALICE).asUser().transitionIssue(key, START_PROGRESS);
  } catch (error) {
    if (error instanceof JiraError && error.code === 'bad-request') return error.errorMessages.join(' ');
    throw error;
  }
  throw new Error(`${key} was let through`);
}

async function statusOf(key: string): Promise<string> {
  const issue = await h.deps().asApp().getIssue(key, { fields: ['status'] });
  return (issue.fields.status as { name: string }).name;
}

test('manifest.yml carries the gate expression and its summary', () => {
  expect(MANIFEST_TEXT).toContain(`expression: ${JSON.stringify(GATE_EXPRESSION)}\n`);
  expect(MANIFEST_TEXT).toContain(`expression: ${JSON.stringify(GATE_DESCRIPTION_EXPRESSION)}\n`);
  expect(MANIFEST_TEXT).toMatch(/jira:workflowValidator:\n\s+- key: story-health-gate\n/);
});

test('a story under the minimum is refused with its score, the minimum, its top finding and how to fix it', async () => {
  const p = await stored('FOOD-8');
  expect(p.top).toBeDefined();
  gate({ minScore: Math.min(100, p.score + 1), noTechnical: false });
  const message = await refusal('FOOD-8');
  expect(message).toBe(`FOOD-8 scores ${p.score} in Story Health; this transition needs ${Math.min(100, p.score + 1)}. Top finding: ${p.top!.message} How to fix: ${p.top!.fix}`);
  expect(await statusOf('FOOD-8')).toBe('To Do');
});

test('at the minimum it passes and the issue moves', async () => {
  const p = await stored('FOOD-8');
  gate({ minScore: p.score, noTechnical: false });
  await h.deps(ALICE).asUser().transitionIssue('FOOD-8', START_PROGRESS);
  expect(await statusOf('FOOD-8')).toBe('In Progress');
  await h.deps(ALICE).asUser().transitionIssue('FOOD-8', BACK_TO_DO);
});

test('"no technical stories" refuses technical work whatever its score', async () => {
  const p = await stored('FOOD-8');
  expect(p.technical).toBe(true);
  gate({ minScore: 0, noTechnical: true });
  expect(await refusal('FOOD-8')).toMatch(/^FOOD-8 is technical work written as a story; this transition needs a user story\. How to fix: rewrite it/);
  // A user story passes the same gate.
  const clean = await stored('FOOD-20');
  expect(clean.technical).toBe(false);
  await h.deps(ALICE).asUser().transitionIssue('FOOD-20', START_PROGRESS);
  expect(await statusOf('FOOD-20')).toBe('In Progress');
  await h.deps(ALICE).asUser().transitionIssue('FOOD-20', BACK_TO_DO);
});

test('an issue Story Health never scored passes (a type it does not check, or not saved since install)', async () => {
  gate({ minScore: 100, noTechnical: true });
  expect(await h.deps().asApp().getIssueProperty('FOOD-11', HEALTH_PROPERTY)).toBeNull();
  await h.deps(ALICE).asUser().transitionIssue('FOOD-11', START_PROGRESS);
  expect(await statusOf('FOOD-11')).toBe('In Progress');
  await h.deps(ALICE).asUser().transitionIssue('FOOD-11', BACK_TO_DO);
});

test('no saved configuration: the default minimum of 60; an engine error passes', async () => {
  gate(null);
  await h.deps().asApp().setIssueProperty('FOOD-12', HEALTH_PROPERTY, { score: 59, technical: false, ruleIds: ['vague-term'], criteria: {}, contentHash: 'x', engineVersion: 'x', analyzedAt: '2026-12-01T00:00:00Z' });
  expect(await refusal('FOOD-12')).toBe('FOOD-12 scores 59 in Story Health; this transition needs 60. Open Story Health on the issue to see why.');
  await h.deps().asApp().setIssueProperty('FOOD-12', HEALTH_PROPERTY, { technical: false, ruleIds: ['engine-error'], engineError: 'boom', contentHash: 'x', engineVersion: 'x', analyzedAt: '2026-12-01T00:00:00Z' });
  await h.deps(ALICE).asUser().transitionIssue('FOOD-12', START_PROGRESS);
  await h.deps(ALICE).asUser().transitionIssue('FOOD-12', BACK_TO_DO);
});

test('the configuration read back: defaults for anything missing or invalid', () => {
  expect(readGateConfig(undefined)).toEqual(DEFAULT_GATE_CONFIG);
  expect(readGateConfig('{"minScore":75,"noTechnical":true}')).toEqual({ minScore: 75, noTechnical: true });
  expect(readGateConfig({ minScore: 101, noTechnical: 'yes' })).toEqual(DEFAULT_GATE_CONFIG);
  expect(readGateConfig('not json')).toEqual(DEFAULT_GATE_CONFIG);
});
