/**
 * The Rovo agent's actions in the preview's "Rovo agent" tab: each runs through the function the
 * manifest's action module names (app/agent-actions.ts) as the viewing user, and the page shows
 * the structured result the agent receives and a short rendered view. The results are compared
 * with what the panel's own handler answers for the same issue.
 */
import { copyFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { CheckStoryResult, RewriteResult, SplitResult } from '../../src/contract/agent';
import { axeCheck, pageHeaders, previewUrl, ROOT, screenshot, usePreviewPage } from './harness';

const preview = usePreviewPage({ width: 1280, height: 1000 });

async function openAgent(params: Record<string, string>): Promise<void> {
  await preview.page.goto(previewUrl(preview.harness, { tab: 'agent', ...params }));
  await preview.page.getByRole('heading', { name: 'Rovo agent: Story Health' }).waitFor();
}

/** Picks the action, types the key (when given) and runs it; answers the JSON the page shows. */
async function run(action: string, key?: string): Promise<{ ok: boolean } & Record<string, unknown>> {
  await preview.page.getByLabel('Action', { exact: true }).selectOption(action);
  if (key !== undefined) await preview.page.locator('.host-agent-key').fill(key);
  await preview.page.getByRole('button', { name: 'Run action' }).click();
  const output = preview.page.locator(`[data-testid="agent-output"][data-action="${action}"]`);
  await output.waitFor();
  return JSON.parse(await output.getByTestId('agent-json').innerText()) as { ok: boolean } & Record<string, unknown>;
}

/** The panel's own handler for the same issue, called as the panel calls it. */
async function panelAnalysis(user: string, issueKey: string): Promise<{ report: { score: number; findings: { ruleId: string }[]; rewrites: { summary: string }[]; splits: { pattern: string }[] } }> {
  const response = await fetch(new URL('/api/bridge', preview.harness.preview.url), {
    method: 'POST',
    headers: pageHeaders(preview.harness.preview),
    body: JSON.stringify({ app: 'panel', functionKey: 'panel/analyze', payload: { issueKey }, context: { accountId: user, issueKey } }),
  });
  const envelope = (await response.json()) as { ok: boolean; data: { report: { score: number; findings: { ruleId: string }[]; rewrites: { summary: string }[]; splits: { pattern: string }[] } } };
  expect(envelope.ok).toBe(true);
  return envelope.data;
}

test('check a story: the engine\'s score and findings for the issue the chat is on, as the panel computes them', async () => {
  const alice = preview.harness.users.alice.accountId;
  await openAgent({ user: alice, project: 'FOOD', issue: 'FOOD-8' });
  // The issue of the page is the default input.
  await expect(preview.page.locator('.host-agent-key').inputValue()).resolves.toBe('FOOD-8');
  const result = (await run('check-story')) as unknown as { ok: true } & CheckStoryResult;
  const expected = await panelAnalysis(alice, 'FOOD-8');
  expect(result).toMatchObject({ ok: true, issueKey: 'FOOD-8', isStory: true, score: expected.report.score });
  expect(result.findings.map((f) => f.ruleId)).toEqual(expected.report.findings.map((f) => f.ruleId));
  expect(result.findings.map((f) => f.ruleId)).toContain('technical-story');
  const rendered = preview.page.getByTestId('agent-rendered');
  await expect(rendered.getByTestId('agent-score').innerText()).resolves.toBe(String(expected.report.score));
  await rendered.locator('[data-rule="technical-story"]').waitFor();
  expect(await axeCheck(preview.page)).toEqual([]);
  await screenshot(preview.page.locator('.host-agent'), 'rovo-agent');
  if (process.env.UPDATE_DOCS_SCREENSHOT) await copyFile(path.join(ROOT, 'test-results', 'rovo-agent.png'), path.join(ROOT, 'docs', 'images', 'rovo-agent.png'));
});

test('suggest a rewrite and a split: the engine\'s suggestions with whether they passed its self-check', async () => {
  const alice = preview.harness.users.alice.accountId;
  await openAgent({ user: alice, project: 'FOOD', issue: 'FOOD-8' });
  const rewrite = (await run('suggest-rewrite')) as unknown as { ok: true } & RewriteResult;
  const expected = await panelAnalysis(alice, 'FOOD-8');
  expect(rewrite.rewrites.map((r) => r.summary)).toEqual(expected.report.rewrites.map((r) => r.summary));
  const story = rewrite.rewrites.find((r) => r.kind === 'user-story');
  expect(story).toMatchObject({ summary: expect.stringMatching(/^As a reviewer, I want to add\/view images, so that </), checked: false });
  await preview.page.getByTestId('agent-rendered').locator('li[data-kind="user-story"]', { hasText: 'As a reviewer, I want to add/view images' }).waitFor();

  // Another issue than the page's: the key typed in (what the model extracted from the chat) wins.
  const split = (await run('suggest-split', 'ZONE-11')) as unknown as { ok: true } & SplitResult;
  const zone = await panelAnalysis(alice, 'ZONE-11');
  expect(split.issueKey).toBe('ZONE-11');
  expect(split.splits.length).toBeGreaterThan(0);
  expect(split.splits.map((s) => s.pattern)).toEqual(zone.report.splits.map((s) => s.pattern));
  expect(await preview.page.getByTestId('agent-rendered').locator(':scope > li').count()).toBe(split.splits.length);
  expect(await axeCheck(preview.page)).toEqual([]);

  // The whole product in one story: its slices already exist under two epics, so the agent offers no split either.
  const sliced = (await run('suggest-split', 'ZONE-1')) as unknown as { ok: true } & SplitResult;
  expect(sliced.splits).toEqual([]);
  expect(sliced.existingSlices).toEqual(['ZONE-2', 'ZONE-3']);
});

test('backlog health: before a scan the action says so; an issue that does not exist is refused with its reason', async () => {
  await openAgent({ user: preview.harness.users.alice.accountId, project: 'ZONE' });
  const health = await run('backlog-health');
  expect(health).toMatchObject({ ok: true, projectKey: 'ZONE', score: null, note: 'ZONE has not been scanned yet: start a scan on its Backlog health page.' });
  await expect(preview.page.getByTestId('agent-rendered').innerText()).resolves.toContain('has not been scanned yet');

  // The action's own refusal ({ok: false, error}), shown as such.
  const refused = (await run('check-story', 'ZONE-999')) as unknown as { ok: false; error: { code: string; message: string } };
  expect(refused.ok).toBe(false);
  expect(refused.error.message).toMatch(/ZONE-999/);
  await expect(preview.page.getByTestId('agent-refusal').innerText()).resolves.toContain('ZONE-999');
  expect(await axeCheck(preview.page)).toEqual([]);
});

test('the asker is the viewing user: bob cannot get a restricted story through the agent', async () => {
  await openAgent({ user: preview.harness.users.bob.accountId, project: 'FOOD' });
  const refused = await run('check-story', 'FOOD-45');
  expect(refused.ok).toBe(false);
  expect(JSON.stringify(refused)).toMatch(/FOOD-45/);
  // The story's text never reaches him.
  expect(await preview.page.locator('[data-testid="agent-output"]').innerText()).not.toMatch(/partner/i);
  // Alice, who holds the security level, gets it.
  await openAgent({ user: preview.harness.users.alice.accountId, project: 'FOOD' });
  expect((await run('check-story', 'FOOD-45')).ok).toBe(true);
});
