/**
 * The browser-test harness: the local preview on a free port with a fresh working copy, Debian's
 * Chromium through playwright-core, error collection from every frame, axe-core checks and
 * screenshots in test-results/.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { startLocalPreview, type LocalPreview } from '../../src/preview/host/local';

export const ROOT = path.resolve(__dirname, '..', '..');
export const RESULTS = path.join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface User {
  accountId: string;
  displayName: string;
}

export interface Harness {
  preview: LocalPreview;
  browser: Browser;
  users: Record<'alice' | 'bob' | 'carol', User>;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'story-health-e2e-'));
  const preview = await startLocalPreview({ root: ROOT, workDir, port: 0, fresh: true, build: 'always' });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    await preview.close();
    throw error;
  }
  const session = (await (await fetch(new URL('/api/session', preview.url), { headers: pageHeaders(preview, 'GET') })).json()) as { users: User[] };
  const byName = (first: string) => {
    const user = session.users.find((u) => u.displayName.toLowerCase().startsWith(first));
    if (!user) throw new Error(`The sample has no user ${first}.`);
    return user;
  };
  await mkdir(RESULTS, { recursive: true });
  return {
    preview,
    browser,
    users: { alice: byName('alice'), bob: byName('bob'), carol: byName('carol') },
    async stop() {
      await browser.close();
      await preview.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/**
 * The headers the host's own pages send with an API call (the per-start token; for a POST also
 * this origin and JSON): what a test needs to call the preview API directly.
 */
export function pageHeaders(preview: LocalPreview, method: 'GET' | 'POST' = 'POST'): Record<string, string> {
  const token = { 'X-Story-Health-Preview-Token': preview.token };
  return method === 'GET' ? token : { ...token, Origin: new URL(preview.url).origin, 'Content-Type': 'application/json' };
}

const expectedProblems = new WeakMap<Page, RegExp[]>();

/** Lets one test expect a console error it provokes on purpose (e.g. the 403 of a refused request). */
export function expectProblem(page: Page, pattern: RegExp): void {
  expectedProblems.set(page, [...(expectedProblems.get(page) ?? []), pattern]);
}

/** Console errors, uncaught exceptions and dialogs from the page and all its frames. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const problem = `console error in ${message.location().url || 'page'}: ${message.text()}`;
    if (!(expectedProblems.get(page) ?? []).some((p) => p.test(problem))) problems.push(problem);
  });
  page.on('pageerror', (error) => problems.push(`uncaught ${error.name}: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

export function previewUrl(harness: Harness, params: Record<string, string>): string {
  const url = new URL(harness.preview.url);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

export const PANEL = 'iframe[title="Story Health panel"]';
export const SETTINGS = 'iframe[title="Story Health settings"]';
export const REPORT = 'iframe[title="Backlog health"]';

/** The Frame behind an iframe element (for evaluate and axe). */
export async function frameOf(page: Page, selector: string): Promise<Frame> {
  const handle = await page.locator(selector).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`No frame for ${selector}`);
  return frame;
}

export async function screenshot(target: Page | Locator, name: string): Promise<string> {
  const file = path.join(RESULTS, `${name}.png`);
  await target.screenshot({ path: file });
  return file;
}

let axeSource: string | undefined;

interface AxeViolation {
  target: string;
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Serious and critical axe-core violations in one document (its frames are checked separately). */
async function axeFrame(frame: Frame): Promise<AxeViolation[]> {
  axeSource ??= await readFile(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays in force.
  await frame.evaluate(axeSource);
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], iframes: false });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ ...v, target: frame.url() }));
}

/** Runs axe in the top page and in every app frame; returns readable serious/critical violations. */
export async function axeCheck(page: Page): Promise<string[]> {
  const frames = [page.mainFrame(), ...page.frames().filter((f) => f !== page.mainFrame() && f.url().includes('/apps/'))];
  const found: string[] = [];
  for (const frame of frames) {
    for (const v of await axeFrame(frame)) found.push(`${v.impact} ${v.id} (${v.help}) in ${v.target}:\n  ${v.nodes.join('\n  ')}`);
  }
  return found;
}

/** The preview of a browser test file and the page of the running test. */
export interface PreviewSession {
  readonly harness: Harness;
  readonly page: Page;
}

/**
 * Registers the hooks every browser test file needs: one preview and browser per file, a fresh
 * page per test, and a test that fails when any frame logged an error. Tests read the preview and
 * their page from the returned session.
 */
export function usePreviewPage(viewport: { width: number; height: number }): PreviewSession {
  let harness: Harness | undefined;
  let page: Page | undefined;
  let problems: string[] = [];
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });
  beforeEach(async () => {
    page = await harness!.browser.newPage({ viewport });
    problems = collectProblems(page);
  });
  afterEach(async () => {
    await page?.close();
    expect(problems).toEqual([]);
  });
  return {
    get harness() {
      if (!harness) throw new Error('The preview is started in beforeAll: read it inside a test or hook.');
      return harness;
    },
    get page() {
      if (!page) throw new Error('Each test gets its page in beforeEach: read it inside a test or hook.');
      return page;
    },
  };
}
