/**
 * The project page "Backlog health" in a real browser: the production bundle in its iframe, the
 * real resolvers and scan consumer (the preview's in-process queue) over the Jira emulator. Start
 * a scan and watch the progress bar reach the end, read the report and its live lists, see bob's
 * view (same numbers, never the restricted FOOD-45), export CSV and JSON, the scan's failure and
 * stall states, and "Load more" on a long list. Any console error, uncaught exception or dialog
 * in any frame fails a test, and so does a serious or critical axe-core violation.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Frame } from 'playwright-core';
import type { ReportIssue, ReportIssuesPage, ReportView, ScanStatus } from '../../src/contract/report';
import { createJiraClient, emulatorTransport } from '../../src/jira';
import { axeCheck, frameOf, pageHeaders, previewUrl, REPORT, RESULTS, ROOT, screenshot, usePreviewPage, type User } from './harness';

const preview = usePreviewPage({ width: 1280, height: 1000 });

const report = () => preview.page.frameLocator(REPORT);

/** A resolver called directly, as `user` (what the report frame's bridge does). */
async function bridge<T>(user: User, functionKey: string, payload: Record<string, unknown>): Promise<T> {
  const response = await fetch(new URL('/api/bridge', preview.harness.preview.url), {
    method: 'POST',
    headers: pageHeaders(preview.harness.preview),
    body: JSON.stringify({ app: 'report', functionKey, payload: { projectKey: 'FOOD', ...payload }, context: { accountId: user.accountId, projectKey: 'FOOD' } }),
  });
  const envelope = (await response.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${functionKey}: ${envelope.error?.message}`);
  return envelope.data as T;
}

/** Every story of a live list, as `user` sees it. */
async function listAll(user: User, filter: Record<string, unknown>): Promise<ReportIssue[]> {
  const all: ReportIssue[] = [];
  let token: string | null = null;
  do {
    const page: ReportIssuesPage = await bridge<ReportIssuesPage>(user, 'report/issues', { filter, maxResults: 100, ...(token ? { nextPageToken: token } : {}) });
    all.push(...page.issues);
    token = page.nextPageToken;
  } while (token);
  return all;
}

async function waitForScan(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const status = await bridge<ScanStatus>(preview.harness.users.alice, 'report/status', {});
    if (status.status !== 'running') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The scan did not finish.');
}

/** A snapshot exists (tests that do not scan through the page itself need one). */
async function ensureScanned(): Promise<ReportView> {
  let view = await bridge<ReportView>(preview.harness.users.alice, 'report/snapshot', {});
  if (!view.snapshot) {
    await bridge<ScanStatus>(preview.harness.users.alice, 'report/start', {});
    await waitForScan();
    view = await bridge<ReportView>(preview.harness.users.alice, 'report/snapshot', {});
  }
  return view;
}

async function open(user: User, params: Record<string, string> = {}): Promise<Frame> {
  await preview.page.goto(previewUrl(preview.harness, { user: user.accountId, project: 'FOOD', tab: 'report', ...params }));
  await report().getByRole('heading', { name: 'Backlog health', level: 1 }).waitFor();
  return frameOf(preview.page, REPORT);
}

async function expectAccessible(): Promise<void> {
  expect(await axeCheck(preview.page)).toEqual([]);
}

/** Keys of the rows of the open live list, after it has loaded. */
async function listKeys(): Promise<string[]> {
  const list = report().locator('[data-testid="issue-list"]');
  await list.locator('[role="status"]', { hasText: /^Showing/ }).waitFor();
  return list.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key') ?? ''));
}

async function download(button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([preview.page.waitForEvent('download'), report().getByRole('button', { name: button }).click()]);
  const target = path.join(RESULTS, `download-${file.suggestedFilename()}`);
  await file.saveAs(target);
  return { name: file.suggestedFilename(), text: await readFile(target, 'utf8') };
}

async function docsImage(name: string): Promise<void> {
  if (!process.env.UPDATE_DOCS_SCREENSHOT) return;
  await mkdir(path.join(ROOT, 'docs', 'images'), { recursive: true });
  await copyFile(path.join(RESULTS, `${name}.png`), path.join(ROOT, 'docs', 'images', `${name}.png`));
}

test('alice scans the project: the progress bar runs to the end, then the report and its live lists', async () => {
  const alice = preview.harness.users.alice;
  const frame = await open(alice);
  // Never scanned: an empty state whose call to action starts the scan.
  const empty = report().locator('[data-testid="never-scanned"]');
  await empty.getByRole('heading', { name: 'No scan yet' }).waitFor();
  await expectAccessible();

  // Record every value the progress bar takes.
  await frame.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    const record = () => {
      const bar = document.querySelector('[role="progressbar"]');
      const now = bar?.getAttribute('aria-valuenow') ?? (bar ? 'indeterminate' : null);
      if (now !== null && seen[seen.length - 1] !== now) seen.push(now);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  await empty.getByRole('button', { name: 'Start scan' }).click();
  const scan = report().locator('[data-testid="scan"]');
  await scan.and(report().locator('[data-state="running"]')).waitFor();
  await expect(scan.getByRole('heading').innerText()).resolves.toBe('Scanning the backlog');
  const bar = report().getByRole('progressbar', { name: 'Backlog scan progress' });
  // Atlassian's progress bar counts from 0 to 1.
  await expect(bar.getAttribute('aria-valuemax')).resolves.toBe('1');
  await report().getByRole('button', { name: 'Cancel scan' }).waitFor();
  // The bar reaches its maximum: the scan is done and the report replaces the empty state.
  await frame.waitForFunction(() => {
    const b = document.querySelector('[role="progressbar"]');
    return b !== null && b.getAttribute('aria-valuenow') === b.getAttribute('aria-valuemax');
  });
  await scan.and(report().locator('[data-state="done"]')).waitFor();
  const view = await bridge<ReportView>(alice, 'report/snapshot', {});
  const s = view.snapshot!;
  await expect(scan.innerText()).resolves.toContain(`Scan complete: ${s.count} stories analyzed.`);
  const values = await frame.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
  expect(values[values.length - 1]).toBe('1');
  const numbers = values.filter((v) => v !== 'indeterminate').map(Number);
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b)); // never goes back
  expect(await empty.count()).toBe(0);

  // The report: score, trend, charts with text equivalents, counts, lists.
  await report().locator('[data-testid="report"]').waitFor();
  await expect(report().getByTestId('health-score').innerText()).resolves.toBe(String(s.score));
  for (const title of ['Health score trend', 'Pass rate per criterion', 'Stories per score range']) {
    await expect(report().locator('svg title', { hasText: title }).count()).resolves.toBe(1);
  }
  for (const [id, n] of Object.entries(s.counts).filter(([id]) => ['technical', 'oversized', 'noAcceptanceCriteria', 'noEstimate', 'notAtomic', 'dependent'].includes(id))) {
    await expect(report().getByTestId(`count-${id}`).locator('.sh-card-count').innerText()).resolves.toBe(String(n));
  }
  await expect(report().getByTestId('duplicates').innerText()).resolves.toMatch(/FOOD-21, FOOD-24/);
  await expect(report().getByTestId('cycles').innerText()).resolves.toContain('FOOD-39 → FOOD-40 → FOOD-41');
  await expect(report().getByTestId('chain-length').innerText()).resolves.toBe(`${s.longestChainLength} stories`);
  await expect(report().getByTestId('personas').innerText()).resolves.toContain('FOOD-45'); // alice may see it
  await expect(report().getByTestId('uniformity').innerText()).resolves.toMatch(/^\d+% of stories are written as As a …, I want …, so that …\.$/);
  // Fix these first: the snapshot's order, each with its top finding's message and its live summary.
  const fixFirst = report().getByTestId('fix-first');
  await expect(fixFirst.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))).resolves.toEqual(s.fixFirst.map((f) => f.key));
  await fixFirst.getByText('Database tables for hotel room ratings').waitFor();
  await expect(fixFirst.locator('tr[data-key="FOOD-38"]').innerText()).resolves.toContain('Estimated at 13 points, above the threshold of 8: split it.');
  expect(await report().getByTestId('hidden-note').count()).toBe(0);
  await expectAccessible();

  // A criterion bar opens the stories failing it, live: exactly the backend's list, each really failing.
  await report().getByRole('button', { name: /^Valuable: \d+% of stories pass/ }).click();
  const list = report().locator('[data-testid="issue-list"][data-list="criterion:valuable"]');
  await list.getByRole('heading', { name: 'Stories failing Valuable' }).waitFor();
  await frame.waitForFunction(() => document.activeElement?.textContent === 'Stories failing Valuable');
  const failingValuable = await listAll(alice, { criterion: 'valuable' });
  const keys = await listKeys();
  expect(keys).toEqual(failingValuable.map((i) => i.key));
  expect(keys).toContain('FOOD-8'); // the motivating technical story
  const scores = await list.locator('[data-criterion-score]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-criterion-score'))));
  expect(scores).toHaveLength(keys.length);
  for (const score of scores) expect(score).toBeLessThan(80);
  await screenshot(preview.page.locator(REPORT), 'report-light-full');
  await preview.page.screenshot({ path: path.join(RESULTS, 'report-light.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1462 } });
  await docsImage('report-light');

  // From the keyboard: a bar is a button; Enter opens its list and focus moves to the list.
  await report().getByRole('button', { name: /^Testable:/ }).focus();
  await preview.page.keyboard.press('Enter');
  await report().locator('[data-list="criterion:testable"]').waitFor();
  await frame.waitForFunction(() => document.activeElement?.textContent === 'Stories failing Testable');
  expect(await report().locator('[data-testid="issue-list"]').count()).toBe(1); // one list at a time

  // A count opens its live list: the technical stories.
  await report().getByTestId('count-technical').click();
  await report().locator('[data-list="count:technical"]').waitFor();
  expect(await listKeys()).toEqual((await listAll(alice, { technical: true })).map((i) => i.key));
  await expect(report().getByTestId('count-technical').getAttribute('aria-expanded')).resolves.toBe('true');

  // Stories scoring 80–100 include the hostile one: its markup is shown as text.
  await report().getByTestId('range-80-100').click();
  await report().locator('[data-list="score:80-100"]').waitFor();
  expect(await listKeys()).toContain('FOOD-44');
  await expect(report().locator('tr[data-key="FOOD-44"] .sh-summary').innerText()).resolves.toContain('<script>alert(1)</script>');
  expect(await frame.locator('script:not([src]):not([type="application/json"])').count()).toBe(0);
  await expectAccessible();

  // The dark theme: same page, token colours.
  const background = () => frame.evaluate(() => getComputedStyle(document.querySelector('.sh-section')!).backgroundColor);
  const light = await background();
  await report().getByRole('button', { name: /^Valuable:/ }).click();
  await listKeys();
  await preview.page.getByRole('button', { name: 'Dark theme' }).click();
  await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
  await frame.waitForFunction((before) => getComputedStyle(document.querySelector('.sh-section')!).backgroundColor !== before, light);
  await preview.page.mouse.move(0, 0);
  await screenshot(preview.page.locator(REPORT), 'report-dark-full');
  await preview.page.screenshot({ path: path.join(RESULTS, 'report-dark.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1462 } });
  await docsImage('report-dark');
  await expectAccessible();
});

test('bob sees the same numbers but never the restricted FOOD-45, and a note that some stories are hidden', async () => {
  const alice = await ensureScanned();
  const bob = preview.harness.users.bob;
  // What alice may see and bob may not: FOOD-45 scores 100, so it is in the 80–100 list and the personas.
  expect((await listAll(preview.harness.users.alice, { minScore: 80 })).map((i) => i.key)).toContain('FOOD-45');
  const frame = await open(bob);
  await report().locator('[data-testid="report"]').waitFor();
  await expect(report().getByTestId('hidden-note').innerText()).resolves.toContain('1 story in this report is not visible to you');
  const s = alice.snapshot!;
  await expect(report().getByTestId('health-score').innerText()).resolves.toBe(String(s.score));
  await expect(report().getByTestId('story-count').innerText()).resolves.toBe(`${s.count} stories`);
  for (const id of ['technical', 'oversized', 'noAcceptanceCriteria', 'noEstimate', 'notAtomic', 'dependent'] as const) {
    await expect(report().getByTestId(`count-${id}`).locator('.sh-card-count').innerText()).resolves.toBe(String(s.counts[id]));
  }
  // The persona comes only from FOOD-45: its name would tell bob about a story he may not see.
  expect(s.personas.map((p) => p.persona)).toContain('partner manager');
  await expect(report().getByTestId('personas').locator('tr').first().innerText()).resolves.toBeTruthy();
  await expect(report().getByTestId('personas').locator('tr', { hasText: 'partner manager' }).count()).resolves.toBe(0);

  // Open every list FOOD-45 could be in: the score range, and each rule's list.
  await report().getByTestId('range-80-100').click();
  await report().locator('[data-list="score:80-100"]').waitFor();
  const visible = await listKeys();
  expect(visible).toEqual((await listAll(bob, { minScore: 80 })).map((i) => i.key));
  expect(visible).not.toContain('FOOD-45');
  const html = () => frame.evaluate(() => document.documentElement.outerHTML);
  expect(await html()).not.toContain('FOOD-45');
  await preview.page.screenshot({ path: path.join(RESULTS, 'report-bob.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1000 } });
  for (const rule of Object.keys(s.ruleCounts)) {
    await report().getByTestId(`rule-${rule}`).click();
    await report().locator(`[data-list="rule:${rule}"]`).waitFor();
    expect(await listKeys()).not.toContain('FOOD-45');
  }
  expect(await html()).not.toContain('FOOD-45');

  // Bob's exports leave it out too.
  const csv = await download('Download CSV');
  expect(csv.text).not.toContain('FOOD-45');
  const rows = parse(csv.text, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((r) => r.key)).toEqual((await listAll(bob, {})).map((i) => i.key));
  const json = await download('Download snapshot JSON');
  expect(json.text).not.toContain('FOOD-45');
  expect(JSON.parse(json.text)).toMatchObject({ projectKey: 'FOOD', hiddenKeys: 1, snapshot: { count: s.count, counts: s.counts } });
  await expectAccessible();
});

test('exports: a CSV with one row per story the user can see, and the snapshot as JSON', async () => {
  const view = await ensureScanned();
  const alice = preview.harness.users.alice;
  await open(alice);
  await report().locator('[data-testid="report"]').waitFor();

  const csv = await download('Download CSV');
  expect(csv.name).toMatch(/^FOOD-story-health-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text.startsWith('\uFEFFkey,summary,score,independent,negotiable,valuable,estimable,small,testable,template,technical,rules\r\n')).toBe(true);
  const rows = parse(csv.text, { bom: true, columns: true }) as Record<string, string>[];
  const stories = await listAll(alice, {});
  expect(rows).toHaveLength(stories.length);
  expect(rows).toHaveLength(view.snapshot!.count); // alice sees every story
  expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const story of stories) {
    const row = byKey.get(story.key)!;
    expect(row.summary).toBe(/^[=+\-@\t\r]/.test(story.summary) ? `'${story.summary}` : story.summary); // quoted exactly, formulas defused
    expect(row.score).toBe(String(story.score));
    expect(row.valuable).toBe(String(story.criteria!.valuable));
    expect(row.technical).toBe(story.technical ? 'yes' : 'no');
    expect(row.rules).toBe(story.ruleIds.join(' '));
  }
  expect(byKey.get('FOOD-44')!.summary).toContain('<script>alert(1)</script>');
  expect(byKey.get('FOOD-8')).toMatchObject({ technical: 'yes' });
  await report().getByTestId('export-status').getByText(`Downloaded ${rows.length} stories as CSV.`).waitFor();

  const json = await download('Download snapshot JSON');
  expect(json.name).toMatch(/^FOOD-story-health-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(json.text) as { snapshot: ReportView['snapshot']; history: unknown[]; hiddenKeys: number };
  expect(data.snapshot).toEqual(view.snapshot);
  expect(data.history).toEqual(view.history);
  expect(data.hiddenKeys).toBe(0);
  // The shape `story-health report --history` reads for its trend: history points and a snapshot with createdAt and score.
  expect(data).toMatchObject({ tool: { name: 'story-health' }, snapshot: { createdAt: expect.any(String), score: expect.any(Number) } });
  for (const point of data.history) expect(point).toMatchObject({ createdAt: expect.any(String), score: expect.any(Number) });
  await expectAccessible();
});

test('a Start that joins a running scan says so, shows done of the total so far, and Cancel ends it', async () => {
  const view = await ensureScanned();
  const count = view.history[view.history.length - 1]!.count;
  // The answers are shaped here: a real scan of the sample ends before anyone could join or cancel it.
  let cancelledWith: unknown = null;
  await preview.page.route('**/api/bridge', async (route) => {
    const body = route.request().postDataJSON() as { functionKey?: string; payload?: unknown };
    const now = new Date().toISOString();
    const state: ScanStatus = { status: 'running', phase: 'analyzing', done: 20, pages: 1, backfilled: 0, failed: 0, startedAt: now, updatedAt: now, error: null, stalled: false };
    if (body.functionKey === 'report/start') return route.fulfill({ json: { ok: true, data: { ...state, joined: true } } });
    if (body.functionKey === 'report/status') return route.fulfill({ json: { ok: true, data: cancelledWith ? { ...state, status: 'cancelled' } : state } });
    if (body.functionKey === 'report/cancel') {
      cancelledWith = body.payload;
      return route.fulfill({ json: { ok: true, data: { ...state, status: 'cancelled' } } });
    }
    return route.continue();
  });
  await open(preview.harness.users.alice);
  await report().getByRole('button', { name: /^(Scan again|Try again)$/ }).click();
  const running = report().locator('[data-testid="scan"][data-state="running"]');
  await expect(running.innerText()).resolves.toContain('A scan was already running, so you joined it');
  // The last scan's count is the total so far.
  await expect(report().getByTestId('progress-text').innerText()).resolves.toContain(`Analyzing: 20 of about ${count} stories`);
  await expect(report().getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe(String(Math.floor((20 / count) * 90) / 100));
  await preview.page.waitForTimeout(1500); // a poll or two: still running
  await expect(running.count()).resolves.toBe(1);
  await expectAccessible();
  await running.getByRole('button', { name: 'Cancel scan' }).click();
  const cancelled = report().locator('[data-testid="scan"][data-state="cancelled"]');
  await cancelled.getByText('The scan was cancelled').waitFor();
  expect(cancelledWith).toEqual({ projectKey: 'FOOD' });
  await cancelled.getByRole('button', { name: 'Start a new scan' }).waitFor();
  await report().locator('[data-testid="report"]').waitFor(); // the last completed scan's report stays
});

test('cut lists say how many more they have; a scan someone else started offers no Cancel', async () => {
  const view = await ensureScanned();
  const s = view.snapshot!;
  // The answers are shaped here: the sample is too small for cut lists, and its scan ends at once.
  const cut = {
    ...s,
    duplicates: s.duplicates.map((d, i) => (i === 0 ? { ...d, size: d.keys.length + 998 } : d)),
    dependencyCycles: s.dependencyCycles.map((c) => ({ ...c, size: c.keys.length + 248 })),
    personas: s.personas.map((p, i) => (i === 0 ? { ...p, count: Math.min(6, p.keys.length) + 40 } : p)),
  };
  const now = new Date().toISOString();
  const running: ScanStatus = { status: 'running', phase: 'analyzing', done: 20, pages: 1, backfilled: 0, failed: 0, startedAt: now, updatedAt: now, error: null, stalled: false, canCancel: false };
  await preview.page.route('**/api/bridge', async (route) => {
    const body = route.request().postDataJSON() as { functionKey?: string };
    if (body.functionKey === 'report/snapshot') return route.fulfill({ json: { ok: true, data: { ...view, snapshot: cut, status: running } } });
    if (body.functionKey === 'report/status') return route.fulfill({ json: { ok: true, data: running } });
    return route.continue();
  });
  await open(preview.harness.users.carol);
  await expect(report().getByTestId('duplicates').innerText()).resolves.toContain('and 998 more stories');
  await expect(report().getByTestId('cycles').innerText()).resolves.toContain('and 248 more stories');
  await expect(report().getByTestId('personas').innerText()).resolves.toContain('and 40 more stories');
  const scan = report().locator('[data-testid="scan"][data-state="running"]');
  await expect(scan.getByTestId('cancel-not-allowed').innerText()).resolves.toContain('Only the person who started this scan, or a project admin, can cancel it.');
  await expect(scan.getByRole('button', { name: 'Cancel scan' }).count()).resolves.toBe(0);
  await expectAccessible();
});

test('a failed scan shows Jira\'s reason; a stalled one offers a restart that runs to the end', async () => {
  await ensureScanned();
  const alice = preview.harness.users.alice;
  // An issue type the site does not have: Jira refuses the JQL and the scan fails.
  await fetch(new URL('/api/bridge', preview.harness.preview.url), {
    method: 'POST',
    headers: pageHeaders(preview.harness.preview),
    body: JSON.stringify({ app: 'settings', functionKey: 'settings/set', payload: { projectKey: 'FOOD', settings: { issueTypes: ['Spike'] } }, context: { accountId: alice.accountId, projectKey: 'FOOD' } }),
  });
  try {
    await open(alice);
    await report().getByRole('button', { name: 'Scan again' }).click();
    const failed = report().locator('[data-testid="scan"][data-state="failed"]');
    await failed.waitFor();
    await expect(failed.getByTestId('scan-error').innerText()).resolves.toMatch(/Spike/);
    await expect(failed.innerText()).resolves.toContain('The report below is from the last completed scan.');
    await report().locator('[data-testid="report"]').waitFor();
    await expectAccessible();
  } finally {
    await fetch(new URL('/api/bridge', preview.harness.preview.url), {
      method: 'POST',
      headers: pageHeaders(preview.harness.preview),
      body: JSON.stringify({ app: 'settings', functionKey: 'settings/reset', payload: { projectKey: 'FOOD', preset: 'recommended' }, context: { accountId: alice.accountId, projectKey: 'FOOD' } }),
    });
  }

  // A scan whose events were lost: the page shows it stalled (the first answer is made so) and restarts it.
  let stalledOnce = false;
  await preview.page.route('**/api/bridge', async (route) => {
    const body = route.request().postDataJSON() as { functionKey?: string };
    if (body.functionKey !== 'report/snapshot' || stalledOnce) return route.continue();
    stalledOnce = true;
    const response = await route.fetch();
    const envelope = (await response.json()) as { ok: true; data: ReportView };
    envelope.data.status = { ...envelope.data.status, status: 'running', phase: 'analyzing', done: 100, stalled: true, updatedAt: '2024-01-01T10:00:00.000Z' };
    await route.fulfill({ response, json: envelope });
  });
  const frame = await open(alice);
  const stalled = report().locator('[data-testid="scan"][data-state="stalled"]');
  await stalled.getByText('The scan stopped making progress').waitFor();
  await expect(stalled.innerText()).resolves.toContain('Nothing has moved since 2024-01-01 10:00 UTC, after 100 stories');
  await expectAccessible();
  await stalled.getByRole('button', { name: 'Restart scan' }).click();
  await report().locator('[data-testid="scan"][data-state="done"]').waitFor();
  await frame.waitForFunction(() => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') === '1');
  const view = await bridge<ReportView>(alice, 'report/snapshot', {});
  await expect(report().getByTestId('score-delta').innerText()).resolves.toContain(`since the scan of`);
  expect(view.history.length).toBeGreaterThanOrEqual(2);
});

test('a list of more than 50 stories loads 50 at a time with "Load more"', async () => {
  await ensureScanned();
  const alice = preview.harness.users.alice;
  // 60 more stories without the template ("Nightly export 1" …): the template's failing list passes 50.
  const jira = createJiraClient(emulatorTransport(preview.harness.preview.emulatorUrl, { accountId: alice.accountId }));
  for (let i = 1; i <= 60; i++) await jira.createIssue({ fields: { project: { key: 'FOOD' }, issuetype: { name: 'Story' }, summary: `Nightly export ${i}` } });
  const frame = await open(alice);
  // "Scan again" in the header, or the retry of a failed scan's message: whichever the last scan left.
  await report().getByRole('button', { name: /^(Scan again|Try again)$/ }).click();
  await report().locator('[data-testid="scan"][data-state="done"]').waitFor();
  const failing = await listAll(alice, { criterion: 'template' });
  expect(failing.length).toBeGreaterThan(50);
  await report().getByRole('button', { name: /^Story template:/ }).click();
  const list = report().locator('[data-list="criterion:template"]');
  expect(await listKeys()).toHaveLength(50);
  await expect(list.locator('[role="status"]').last().innerText()).resolves.toBe('Showing 50 stories; there are more.');
  await list.getByRole('button', { name: 'Load more' }).click();
  await list.locator('[role="status"]', { hasText: `Showing ${failing.length} stories.` }).waitFor();
  // The table shows 50 rows a page: Load more turned to the page of the new stories.
  expect(await listKeys()).toEqual(failing.slice(50).map((i) => i.key));
  // Focus moves to the first story that was loaded.
  await frame.waitForFunction((key) => document.activeElement?.textContent === key, failing[50]!.key);
  await list.getByRole('button', { name: 'Page 1' }).click();
  expect(await listKeys()).toEqual(failing.slice(0, 50).map((i) => i.key));
  expect(await list.getByRole('button', { name: 'Load more' }).count()).toBe(0);
  await expectAccessible();
});
