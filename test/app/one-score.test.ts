/**
 * One story, one score on every surface, over the sample project: the identical twins FOOD-21 and
 * FOOD-24, and every other story, score the same on the panel, in the save trigger's property, in
 * the scan's snapshot and lists, in `story-health analyze` and in `story-health report`.
 */
import { main } from '../../src/cli/main';
import { onIssueSaved } from '../../src/app/on-save';
import { runScanChunk, scanJql, type ScanEvent } from '../../src/app/scan';
import { contextKey, type StoredContext } from '../../src/app/context-store';
import { stateKey, type ScanState } from '../../src/app/scan-state';
import { HEALTH_PROPERTY, type HealthProperty } from '../../src/app/health-property';
import { DEFAULT_SETTINGS } from '../../src/core/config';
import { STORY_FIELDS } from '../../src/jira';
import type { PanelAnalysis } from '../../src/contract/panel';
import type { ReportIssuesPage, ReportView } from '../../src/contract/report';
import type { AnalysisReport } from '../../src/core/story';
import type { ReportJson } from '../../src/render/json';
import { captureIO } from '../cli/helpers';
import { startHarness, type Harness } from './harness';

let h: Harness;
/** The scan's stories as Jira's search returns them: the CLI reads the same response from a file. */
let searchResponse: string;

beforeAll(async () => {
  h = await startHarness(() => new Date('2026-11-02T10:00:00Z'));
  const started = await h.call('report/start', { projectKey: 'FOOD' });
  if (!started.ok) throw new Error(started.error.message);
  while (h.events.length) await runScanChunk(h.events.shift() as unknown as ScanEvent, h.deps());
  const jira = h.deps().asApp();
  const page = await jira.searchJql({ jql: scanJql('FOOD', DEFAULT_SETTINGS), fields: STORY_FIELDS({ storyPoints: 'customfield_10016' }), maxResults: 100 });
  expect(page.isLast).toBe(true);
  searchResponse = JSON.stringify({ issues: page.issues });
});
afterAll(() => h.close());

async function cli(argv: string[]): Promise<string> {
  const c = captureIO({ readFile: async () => searchResponse, cwd: '/virtual' });
  const code = await main(argv, c.io);
  if (code !== 0) throw new Error(`story-health ${argv.join(' ')} exited ${code}: ${c.stderr()}`);
  return c.stdout();
}

async function property(key: string): Promise<HealthProperty> {
  const p = await h.deps().asApp().getIssueProperty<HealthProperty>(key, HEALTH_PROPERTY);
  if (!p) throw new Error(`${key} has no property`);
  return p;
}

test('the scan stores the project context it built, and re-scores only the stories it changes', async () => {
  const stored = await h.store.get<StoredContext>(contextKey('FOOD'));
  expect(stored?.context.personaNames).toEqual(expect.arrayContaining(['reviewer', 'diner']));
  const state = await h.store.get<ScanState>(stateKey('FOOD'));
  expect(state).toMatchObject({ status: 'done', settledChunks: state!.pages });
  expect(state!.rescored).toBeGreaterThan(0);
  expect(state!.rescored).toBeLessThan(state!.done / 2);
});

test('a story with an identical twin scores the same on the panel, the property, the trigger, the scan\'s lists, analyze and report', async () => {
  const panel = await h.call<PanelAnalysis>('panel/analyze', { issueKey: 'FOOD-21' });
  if (!panel.ok) throw new Error(panel.error.message);
  const { report } = panel.data;
  expect(report.backlogFindings.find((f) => f.ruleId === 'duplicate')?.data.others).toBe('FOOD-24');
  expect(report.findings.map((f) => f.ruleId)).not.toContain('duplicate');

  const stored = await property('FOOD-21');
  expect(stored.score).toBe(report.score);
  expect(stored.criteria).toEqual(report.criteria);
  expect(stored.ruleIds).toEqual([...new Set(report.findings.map((f) => f.ruleId))]);

  // The trigger computes the same inputs: nothing to write. Written afresh, it stores the same.
  expect((await onIssueSaved({ issue: { key: 'FOOD-21' } }, h.deps())).status).toBe('unchanged');
  await h.deps().asApp().deleteIssueProperty('FOOD-21', HEALTH_PROPERTY);
  expect(await onIssueSaved({ issue: { key: 'FOOD-21' } }, h.deps())).toEqual({ status: 'written', key: 'FOOD-21', score: report.score });

  const lists = await h.call<ReportIssuesPage>('report/issues', { projectKey: 'FOOD', filter: { keys: ['FOOD-21', 'FOOD-24'] } });
  expect(lists.ok && lists.data.issues.find((i) => i.key === 'FOOD-21')?.score).toBe(report.score);
  const view = await h.call<ReportView>('report/snapshot', { projectKey: 'FOOD' });
  expect(view.ok && view.data.snapshot!.duplicates.map((d) => d.keys)).toContainEqual(['FOOD-21', 'FOOD-24']);

  const analyzed = JSON.parse(await cli(['analyze', 'food.json', '-f', 'json'])) as AnalysisReport;
  const twin = analyzed.stories.find((s) => s.key === 'FOOD-21')!;
  expect(twin.score).toBe(report.score);
  expect(twin.backlogFindings.map((f) => f.ruleId)).toContain('duplicate');
  const reported = JSON.parse(await cli(['report', 'food.json', '-f', 'json'])) as ReportJson;
  expect(reported.stories.find((s) => s.key === 'FOOD-21')?.score).toBe(report.score);
});

test('story by story, analyze and report agree with each other and with the scan\'s properties', async () => {
  const analyzed = JSON.parse(await cli(['analyze', 'food.json', '-f', 'json'])) as AnalysisReport;
  const reported = JSON.parse(await cli(['report', 'food.json', '-f', 'json'])) as ReportJson;
  const view = await h.call<ReportView>('report/snapshot', { projectKey: 'FOOD' });
  if (!view.ok) throw new Error(view.error.message);
  const byKey = new Map(reported.stories.map((s) => [s.key, s]));
  expect(analyzed.stories.length).toBe(view.data.snapshot!.count);
  const disagreements: string[] = [];
  for (const s of analyzed.stories) {
    const r = byKey.get(s.key);
    const p = await property(s.key);
    if (r?.score !== s.score || p.score !== s.score) disagreements.push(`${s.key}: analyze ${s.score}, report ${r?.score}, property ${p.score}`);
    if (JSON.stringify(r?.criteria) !== JSON.stringify(s.criteria)) disagreements.push(`${s.key}: criteria differ`);
  }
  expect(disagreements).toEqual([]);
  expect(analyzed.backlog.score).toBe(reported.snapshot.score);
  expect(reported.snapshot.score).toBe(view.data.snapshot!.score);
  expect(reported.snapshot.histogram).toEqual(view.data.snapshot!.histogram);
  expect(reported.snapshot.ruleCounts).toEqual(view.data.snapshot!.ruleCounts);
});
