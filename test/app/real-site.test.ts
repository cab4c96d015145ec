/**
 * The app's handlers against what a real site does and the default emulator does not
 * (test/fixtures/app/real-site.json): a company-managed project whose sub-task type is "Sub-task"
 * and whose estimates live in "Story Points", a team-managed one with "Story point estimate", a
 * browse-only user, error messages in German, and a search index that lags behind writes.
 */
import type { PanelAnalysis } from '../../src/contract/panel';
import type { ReportIssuesPage, ReportView, ScanStatus } from '../../src/contract/report';
import { onIssueSaved } from '../../src/app/on-save';
import { runScanChunk, type ScanEvent } from '../../src/app/scan';
import { REAL_SITE, startHarness, type Harness } from './harness';

const DANA = 'dana'; // admin of CORP and TEAM, sees restricted issues
const ELI = 'eli'; // member of both, no restricted level
const FINN = 'finn'; // may only browse CORP

let h: Harness;
afterEach(() => h.close());

async function analysis(key: string, user = ELI): Promise<PanelAnalysis> {
  const r = await h.call<PanelAnalysis>('panel/analyze', { issueKey: key }, user);
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

async function scanProject(projectKey: string, user = DANA): Promise<ReportView> {
  const started = await h.call<ScanStatus>('report/start', { projectKey }, user);
  if (!started.ok) throw new Error(started.error.message);
  for (let i = 0; h.events.length && i < 50; i++) await runScanChunk(h.events.shift() as unknown as ScanEvent, h.deps());
  return view(projectKey, user);
}

async function view(projectKey: string, user: string): Promise<ReportView> {
  const r = await h.call<ReportView>('report/snapshot', { projectKey }, user);
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

const ruleIds = (a: PanelAnalysis) => a.report.findings.map((f) => f.ruleId);
const issueCount = () => h.emulator.store.issues().length;

describe('"Make it a task" uses the project’s own sub-task type', () => {
  beforeEach(async () => {
    h = await startHarness(undefined, REAL_SITE, { language: 'de' });
  });

  it('creates a "Sub-task" in a company-managed project and a "Subtask" in a team-managed one', async () => {
    const corp = await analysis('CORP-2');
    const made = await h.call<{ key: string }>('panel/make-task', { issueKey: 'CORP-2', parentKey: 'CORP-1', expectedUpdated: corp.issue.updated, summary: 'Cache stock lookups for scanning' }, ELI);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const sub = await h.deps().asApp().getIssue(made.data.key, { fields: ['issuetype', 'parent'] });
    expect(sub.fields.issuetype).toMatchObject({ name: 'Sub-task', subtask: true });
    expect(sub.fields.parent).toMatchObject({ key: 'CORP-1' });

    const team = await analysis('TEAM-2');
    const other = await h.call<{ key: string }>('panel/make-task', { issueKey: 'TEAM-2', parentKey: 'TEAM-1', expectedUpdated: team.issue.updated }, ELI);
    expect(other.ok).toBe(true);
    if (other.ok) expect((await h.deps().asApp().getIssue(other.data.key, { fields: ['issuetype'] })).fields.issuetype).toMatchObject({ name: 'Subtask' });
  });

  it('tells a browse-only user that they cannot, and creates nothing', async () => {
    const a = await analysis('CORP-2', FINN);
    const before = issueCount();
    const r = await h.call('panel/make-task', { issueKey: 'CORP-2', parentKey: 'CORP-1', expectedUpdated: a.issue.updated }, FINN);
    expect(!r.ok && r.error.code).toBe('forbidden');
    expect(!r.ok && r.error.message).toMatch(/You may not create issues in CORP, so nothing was created/);
    expect(issueCount()).toBe(before);
  });
});

describe('story points come from each project’s own field', () => {
  beforeEach(async () => {
    h = await startHarness(undefined, REAL_SITE);
  });

  it('the panel reads "Story Points" in CORP and "Story point estimate" in TEAM', async () => {
    expect(ruleIds(await analysis('CORP-1'))).not.toContain('missing-estimate');
    expect(ruleIds(await analysis('CORP-6'))).toContain('missing-estimate');
    expect(ruleIds(await analysis('TEAM-1'))).not.toContain('missing-estimate');
    expect(ruleIds(await analysis('TEAM-2'))).toContain('missing-estimate');
  });

  it('the scan counts only the stories that really have no estimate, per project', async () => {
    expect((await scanProject('CORP')).snapshot!.counts.noEstimate).toBe(3); // CORP-2, CORP-5, CORP-6
    expect((await scanProject('TEAM')).snapshot!.counts.noEstimate).toBe(1); // TEAM-2
    // Each project's choice is asked once and kept.
    const metaCalls = h.emulator.requests.filter((r) => r.path.includes('/createmeta/')).length;
    await scanProject('CORP');
    expect(h.emulator.requests.filter((r) => r.path.includes('/createmeta/')).length).toBe(metaCalls);
  });
});

describe('a site that answers in German', () => {
  beforeEach(async () => {
    h = await startHarness(undefined, REAL_SITE, { language: 'de' });
  });

  it('the report hides what a viewer may not browse, by structure: keys, and personas known only from hidden stories', async () => {
    await scanProject('CORP');
    const dana = await view('CORP', DANA);
    const eli = await view('CORP', ELI);
    expect(dana.snapshot!.personas.map((p) => p.persona)).toEqual(expect.arrayContaining(['dispatcher', 'warehouse clerk']));
    expect(eli.snapshot!.personas.map((p) => p.persona)).not.toContain('dispatcher');
    expect(JSON.stringify(eli.snapshot)).not.toMatch(/dispatcher|CORP-3|CORP-5/);
    expect(eli.hiddenKeys).toBeGreaterThan(0);
    // The clerks' duplicate group: Eli sees two of its three stories, and that there is one more.
    const group = eli.snapshot!.duplicates.find((d) => d.keys.includes('CORP-1'))!;
    expect(group).toMatchObject({ keys: ['CORP-1', 'CORP-4'], size: 3 });
    expect(eli.snapshot!.counts).toEqual(dana.snapshot!.counts);
  });

  it('a list of explicit keys shows the visible ones, without parsing Jira’s (German) refusal', async () => {
    await scanProject('CORP');
    const r = await h.call<ReportIssuesPage>('report/issues', { projectKey: 'CORP', filter: { keys: ['CORP-1', 'CORP-3', 'CORP-4', 'CORP-5'] } }, ELI);
    expect(r.ok && r.data.issues.map((i) => i.key).sort()).toEqual(['CORP-1', 'CORP-4']);
    expect(r.ok && r.data.jql).not.toMatch(/CORP-3|CORP-5/);
    const none = await h.call<ReportIssuesPage>('report/issues', { projectKey: 'CORP', filter: { keys: ['CORP-3'] } }, ELI);
    expect(none.ok && none.data.issues).toEqual([]);
  });

  it('checks visibility in batches: one bulk fetch per 100 keys, no search per hidden key', async () => {
    await scanProject('CORP');
    // A snapshot (as an earlier version stored it) naming 8,000 keys Eli cannot see.
    const key = [...h.store.data.keys()].find((k) => k.startsWith('snapshot:CORP:'))!;
    const stored = h.store.data.get(key) as Record<string, unknown>;
    const hidden = Array.from({ length: 8000 }, (_, i) => `CORP-${1000 + i}`);
    const clusters = Array.from({ length: 80 }, (_, i) => ({ keys: hidden.slice(i * 100, i * 100 + 100), similarity: 0.9 }));
    h.store.data.set(key, { ...stored, duplicates: clusters, dependencyCycles: [['CORP-1', 'CORP-4']] });
    const before = h.emulator.requests.length;
    const eli = await view('CORP', ELI);
    const calls = h.emulator.requests.slice(before);
    expect(calls.filter((c) => c.path === '/rest/api/3/issue/bulkfetch').length).toBeLessThanOrEqual(81);
    expect(calls.filter((c) => c.path === '/rest/api/3/search/jql')).toEqual([]);
    expect(eli.hiddenKeys).toBeGreaterThanOrEqual(8000);
    expect(eli.snapshot!.duplicates).toEqual([]);
    expect(eli.snapshot!.dependencyCycles).toEqual([{ keys: ['CORP-1', 'CORP-4'], size: 2 }]);
  });
});

describe('search lags behind writes', () => {
  beforeEach(async () => {
    h = await startHarness(undefined, REAL_SITE, { indexLag: { searches: 1000 } });
  });

  it('right after a scan, lists on the property show what it just wrote (reconcileIssues)', async () => {
    await scanProject('CORP');
    expect(h.emulator.searchIndex.lagging().length).toBeGreaterThan(0);
    const poor = await h.call<ReportIssuesPage>('report/issues', { projectKey: 'CORP', filter: { maxScore: 50 } }, DANA);
    expect(poor.ok && poor.data.issues.map((i) => i.key)).toEqual(['CORP-2']);
    const unestimated = await h.call<ReportIssuesPage>('report/issues', { projectKey: 'CORP', filter: { ruleId: 'missing-estimate' } }, DANA);
    expect(unestimated.ok && unestimated.data.issues.map((i) => i.key).sort()).toEqual(['CORP-2', 'CORP-5', 'CORP-6']);
  });

  it('a story saved a moment ago is in the panel’s backlog context (its duplicate is found)', async () => {
    const created = await h.deps(ELI).asUser().createIssue({
      fields: { project: { key: 'TEAM' }, issuetype: { name: 'Story' }, summary: 'As a team lead, I want to approve a leave request, so that holidays are planned ahead of time.' },
    });
    // Checks on save run for the new story (the trigger), which notes the write.
    expect((await onIssueSaved({ issue: { key: created.key } }, h.deps())).status).toBe('written');
    const a = await analysis('TEAM-1');
    expect(JSON.stringify(a.report.backlogFindings.filter((f) => f.ruleId === 'duplicate'))).toContain(created.key);
  });
});

describe('a browse-only user', () => {
  beforeEach(async () => {
    h = await startHarness(undefined, REAL_SITE, { language: 'de' });
  });

  it('sees the analysis, may not edit: Apply and Create are refused and change nothing', async () => {
    const a = await analysis('CORP-6', FINN);
    expect(a.canEdit).toBe(false);
    const before = issueCount();
    const apply = await h.call('panel/apply', { issueKey: 'CORP-6', expectedUpdated: a.issue.updated, summary: 'As a clerk, I want a label, so that I find parcels.' }, FINN);
    expect(!apply.ok && apply.error.code).toBe('forbidden');
    expect((await analysis('CORP-6')).issue.summary).toBe(a.issue.summary);
    const split = await h.call('panel/create-split', { issueKey: 'CORP-6', stories: [{ summary: 'As a clerk, I want a label printed, so that I find parcels.' }] }, FINN);
    expect(split.ok).toBe(false);
    expect(issueCount()).toBe(before);
  });

  it('cannot cancel a scan someone else started', async () => {
    const started = await h.call<ScanStatus>('report/start', { projectKey: 'CORP' }, DANA);
    expect(started.ok).toBe(true);
    const status = await h.call<ScanStatus>('report/status', { projectKey: 'CORP' }, FINN);
    expect(status.ok && status.data.canCancel).toBe(false);
    const refused = await h.call('report/cancel', { projectKey: 'CORP' }, FINN);
    expect(!refused.ok && refused.error.code).toBe('forbidden');
  });
});
