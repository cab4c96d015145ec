import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { aggregate, type Snapshot } from '../../src/core/aggregate';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/config';
import { analyzeForScan } from '../../src/core/scan-record';
import { projectContextOf } from '../../src/core/analyze-in-project';
import { isChecked } from '../../src/cli/input';
import { main } from '../../src/cli/main';
import { readStoryFile } from '../../src/cli/readers';
import { reportJql, type ReportIO } from '../../src/cli/report-command';
import { scanJql } from '../../src/app/scan';
import { emulatorTransport, type FetchTransportOptions } from '../../src/jira/transports';
import type { Transport } from '../../src/jira/types';
import { createEmulator, type Emulator } from '../../src/preview/emulator';
import type { ReportJson } from '../../src/render/json';
import { CRITERIA } from '../../src/core/story';
import { captureIO } from './helpers';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'cli');
const KITES = path.join(__dirname, '..', 'render', 'fixtures', 'kites.json');
const SAMPLE = path.join(__dirname, '..', '..', 'src', 'preview', 'sample', 'project.json');
const fixture = (name: string): string => path.join(FIXTURES, name);
const NOW = new Date('2024-06-03T09:30:00.000Z');

async function run(argv: string[], extra: Partial<ReportIO> & Record<string, unknown> = {}) {
  const c = captureIO({ now: () => NOW, ...extra });
  const code = await main(argv, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

/** What the report must show: the stories of the checked types, read as `analyze` reads them, then the scan's analysis with their project context, and aggregation. */
async function expectedSnapshot(...files: string[]): Promise<Snapshot> {
  const stories = [];
  for (const file of files) stories.push(...(await readStoryFile(file)).stories.filter((s) => isChecked(s, DEFAULT_SETTINGS)));
  const context = projectContextOf(stories, DEFAULT_SETTINGS);
  const records = stories.map((story) => analyzeForScan(story, DEFAULT_SETTINGS, context).record);
  return aggregate(records, { createdAt: NOW.toISOString(), engineVersion: '1.0.0' });
}

describe('story-health report from files', () => {
  it('--format json prints the snapshot aggregate() makes and one row per story', async () => {
    const r = await run(['report', KITES, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as ReportJson;
    expect(json.snapshot).toEqual(await expectedSnapshot(KITES));
    expect(json.snapshot.count).toBe(6);
    expect(json.stories.map((s) => s.key)).toEqual(['KITE-1', 'KITE-2', 'KITE-3', 'KITE-4', 'KITE-5', 'KITE-6']);
    expect(json.history).toEqual([{ createdAt: NOW.toISOString(), score: json.snapshot.score }]);
    expect(json.source).toBe('kites.json');
  });

  it('prints one self-contained HTML file to stdout by default, with the numbers of the snapshot', async () => {
    const r = await run(['report', KITES]);
    expect(r.code).toBe(0);
    const html = r.stdout;
    const snapshot = await expectedSnapshot(KITES);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|\ssrc=|<link/i);
    for (const id of ['score', 'criteria', 'histogram', 'counts', 'fix-first', 'duplicates', 'dependencies', 'personas', 'uniformity', 'failing']) {
      expect(html).toContain(`<section id="${id}"`);
    }
    expect(html).toContain(`sh-score-value sh-mid">${snapshot.score}<`);
    for (const c of CRITERIA) expect(html).toContain(`>${Math.round(snapshot.passRates[c] * 100)}%<`);
    expect(html).toContain('Nice &lt;script&gt;');
    expect(html).toContain(`<dd class="sh-count">${snapshot.counts.noAcceptanceCriteria}</dd>`);
  });

  it('--format markdown has the pass rates and counts of aggregate()', async () => {
    const r = await run(['report', fixture('stories.txt'), fixture('tawos-style.csv'), '--format', 'markdown']);
    expect(r.code).toBe(0);
    const snapshot = await expectedSnapshot(fixture('stories.txt'), fixture('tawos-style.csv'));
    expect(snapshot.count).toBe(6);
    expect(r.stdout).toContain(`**${snapshot.score}** / 100, the mean score of 6 stories.`);
    for (const c of CRITERIA) {
      const row = r.stdout.split('\n').find((l) => l.includes(`](#failing-${c})`))!;
      expect(row).toContain(`| ${Math.round(snapshot.passRates[c] * 100)}% |`);
    }
    expect(r.stdout).toContain(`| Technical stories | ${snapshot.counts.technical} |`);
    expect(r.stdout).toContain('stories.txt, tawos-style.csv · 6 stories');
  });

  it('says when bare sentences leave estimates and acceptance criteria unchecked', async () => {
    const r = await run(['report', fixture('stories.txt'), '--format', 'markdown']);
    expect(r.stdout).toContain('estimates and acceptance criteria are not checked');
  });

  it('--output writes the file and prints nothing', async () => {
    const written: Record<string, string> = {};
    const r = await run(['report', KITES, '--format', 'html', '--output', 'out/report.html'], {
      cwd: '/work/tmp',
      writeFile: async (file: string, data: string) => {
        written[file] = data;
      },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(Object.keys(written)).toEqual([path.resolve('/work/tmp', 'out/report.html')]);
    expect(written[path.resolve('/work/tmp', 'out/report.html')]).toMatch(/^<!DOCTYPE html>/);
  });

  it('exits 2 after printing the report of what could be read', async () => {
    const r = await run(['report', fixture('jira-export.csv'), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('jira-export.csv:11: missing summary; row skipped');
    expect(r.stderr).toContain('1 problem reading input; the report covers what could be read');
    const json = JSON.parse(r.stdout) as ReportJson;
    expect(json.snapshot).toEqual(await expectedSnapshot(fixture('jira-export.csv')));
    const missing = await run(['report', fixture('nope.csv'), KITES, '--format', 'markdown']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv: no such file');
    expect(missing.stdout).toContain('6 stories');
  });

  it('uses --config settings', async () => {
    const config = JSON.stringify({ rules: { 'missing-acceptance-criteria': 'off' } });
    const r = await run(['report', KITES, '--format', 'json', '--config', 'settings.json'], {
      readFile: async (p: string) => (p.endsWith('settings.json') ? config : fs.readFile(p)),
    });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as ReportJson;
    expect(json.snapshot.counts.noAcceptanceCriteria).toBe(0);
    const parsed = parseSettings(JSON.parse(config));
    expect(parsed.ok).toBe(true);
    const bad = await run(['report', KITES, '--config', 'settings.json'], { readFile: async () => '{"preset": "lax"}' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('settings.json: preset');
  });

  it('draws the trend from earlier JSON reports given with --history', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'story-health-report-'));
    try {
      const first = await run(['report', KITES, '--format', 'json', '-o', path.join(dir, 'may.json')], { now: () => new Date('2024-05-01T00:00:00Z') });
      expect(first.code).toBe(0);
      const second = await run(['report', KITES, '--format', 'json', '-o', path.join(dir, 'june.json'), '--history', path.join(dir, 'may.json')]);
      expect(second.code).toBe(0);
      const third = await run(['report', KITES, '--format', 'html', '--history', path.join(dir, 'june.json')], { now: () => new Date('2024-07-01T00:00:00Z') });
      expect(third.code).toBe(0);
      expect(third.stdout).toContain('Health score over 3 scans');
      const june = JSON.parse(await fs.readFile(path.join(dir, 'june.json'), 'utf8')) as ReportJson;
      expect(june.history.map((p) => p.createdAt)).toEqual(['2024-05-01T00:00:00.000Z', NOW.toISOString()]);
      await fs.writeFile(path.join(dir, 'junk.json'), '{"hello": 1}');
      const junk = await run(['report', KITES, '--format', 'json', '--history', path.join(dir, 'junk.json')]);
      expect(junk.code).toBe(2);
      expect(junk.stderr).toContain('junk.json: history report: not a story-health report --format json');
      expect((JSON.parse(junk.stdout) as ReportJson).snapshot.count).toBe(6);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('renames repeated keys as analyze does, and warns', async () => {
    const r = await run(['report', KITES, KITES, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as ReportJson;
    expect(json.snapshot.count).toBe(12);
    expect(json.stories.map((s) => s.key)).toContain('KITE-1#2');
    expect(r.stderr).toContain('story key "KITE-1" is used more than once; reported as "KITE-1#2"');
  });

  it('refuses bad usage with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['report'], /give input files, or --site and --project/],
      [['report', KITES, '--site', 'https://x.atlassian.net'], /not both/],
      [['report', '--site', 'https://x.atlassian.net', '--email', 'a@b.c', '--token', 't'], /--site also needs --project/],
      [['report', '--site', 'https://x.atlassian.net', '--project', 'SHOP'], /--email \(or JIRA_EMAIL\), --token \(or JIRA_API_TOKEN\)/],
      [['report', KITES, '--project', 'SHOP'], /--project, --email and --token go with --site/],
      [['report', KITES, '--format', 'pdf'], /argument 'pdf' is invalid/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('uses the scan\'s JQL', () => {
    expect(reportJql('FOOD', DEFAULT_SETTINGS)).toBe(scanJql('FOOD', DEFAULT_SETTINGS));
    const settings = { ...DEFAULT_SETTINGS, issueTypes: ['Story', 'User "Story"'] };
    expect(reportJql('FOOD', settings)).toBe(scanJql('FOOD', settings));
  });
});

describe('story-health report --site (read-only)', () => {
  let emulator: Emulator;
  let dir: string;
  const alice = '5f3c9a1e7b2d4c0069a1e2f4';
  const asAlice = (o: FetchTransportOptions): Transport => emulatorTransport(o.baseUrl, { accountId: alice });
  const site = (extra: string[] = []) => ['report', '--site', emulator.url, '--project', 'FOOD', '--email', 'alice@example.com', '--token', 'not-a-real-token', ...extra];

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'story-health-report-site-'));
    emulator = await createEmulator({ projectFile: SAMPLE, workingCopy: path.join(dir, 'working-copy.json'), port: 0 });
  });
  afterAll(async () => {
    await emulator.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('pages through the project\'s open stories and reports them without writing anything', async () => {
    const before = emulator.requests.length;
    const r = await run(site(['--format', 'json']), { jiraTransport: asAlice });
    expect(r.code).toBe(0);
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { issues: { key: string; issueType: string; status: string }[] };
    const open = sample.issues.filter((i) => i.key.startsWith('FOOD-') && i.issueType === 'Story' && i.status !== 'Done').map((i) => i.key);
    const json = JSON.parse(r.stdout) as ReportJson;
    expect(json.stories.map((s) => s.key).sort()).toEqual([...open].sort());
    expect(json.snapshot.count).toBe(open.length);
    expect(json.source).toBe(`${emulator.url} · project FOOD`);
    expect(r.stderr).toBe(`story-health: read ${open.length} stories from ${emulator.url} (project FOOD)\n`);
    const calls = emulator.requests.slice(before);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    for (const call of calls) {
      expect(`${call.method} ${call.path.split('?')[0]}`).toMatch(/^(GET \/rest\/api\/3\/field|POST \/rest\/api\/3\/search\/jql)$/);
      expect(call.status).toBe(200);
    }
  });

  it('reads each project’s own story points field on a site that has two (and still writes nothing)', async () => {
    const real = await createEmulator({ projectFile: path.join(__dirname, '..', 'fixtures', 'app', 'real-site.json'), workingCopy: path.join(dir, 'real-site.json'), port: 0 });
    try {
      const asDana = (o: FetchTransportOptions): Transport => emulatorTransport(o.baseUrl, { accountId: 'dana' });
      const r = await run(['report', '--site', real.url, '--project', 'CORP', '--email', 'd@example.com', '--token', 't', '--format', 'json'], { jiraTransport: asDana });
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as ReportJson;
      // CORP-2, CORP-5 and CORP-6 have no "Story Points"; CORP-1, -3, -4 do (the site's other field is empty there).
      expect(json.snapshot.counts.noEstimate).toBe(3);
      for (const call of real.requests) expect(call.method === 'GET' || call.path === '/rest/api/3/search/jql').toBe(true);
    } finally {
      await real.close();
    }
  });

  it('follows nextPageToken through every page', async () => {
    const pages: number[] = [];
    const smallPages = (o: FetchTransportOptions): Transport => {
      const inner = asAlice(o);
      return async (request) => {
        if (!request.path.endsWith('/search/jql')) return inner(request);
        const response = await inner({ ...request, body: { ...(request.body as object), maxResults: 10 } });
        pages.push((JSON.parse(response.text) as { issues: unknown[] }).issues.length);
        return response;
      };
    };
    const paged = await run(site(['--format', 'json']), { jiraTransport: smallPages });
    const whole = await run(site(['--format', 'json']), { jiraTransport: asAlice });
    expect(paged.code).toBe(0);
    expect(pages).toEqual([10, 10, 10, 7]);
    expect(paged.stdout).toBe(whole.stdout);
  });

  it('links keys to the site in HTML', async () => {
    const r = await run(site(['--format', 'html']), { jiraTransport: asAlice });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`href="${emulator.url.replace(/[.]/g, '\\.')}/browse/FOOD-\\d+"`));
    expect(r.stdout).not.toMatch(/<script|\ssrc=|<link/i);
  });

  it('reads the credentials from JIRA_EMAIL and JIRA_API_TOKEN', async () => {
    let seen: FetchTransportOptions | undefined;
    const r = await run(['report', '--site', emulator.url, '--project', 'FOOD', '--format', 'json'], {
      env: { JIRA_EMAIL: 'alice@example.com', JIRA_API_TOKEN: 'env-token' },
      jiraTransport: (o: FetchTransportOptions) => {
        seen = o;
        return asAlice(o);
      },
    });
    expect(r.code).toBe(0);
    expect(seen).toEqual({ baseUrl: emulator.url, email: 'alice@example.com', apiToken: 'env-token' });
  });

  it('says what to do when Jira refuses the credentials (401)', async () => {
    // The real Basic-auth transport: the emulator knows no API tokens, so it answers 401.
    const r = await run(site());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Jira refused the credentials \(401\); check the email and API token/);
  });

  it('says when the URL is not a Jira site (404)', async () => {
    const r = await run(['report', '--site', `${emulator.url}/wiki`, '--project', 'FOOD', '--email', 'a@b.c', '--token', 't'], { jiraTransport: asAlice });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Jira found nothing there (404)');
    expect(r.stderr).toContain(`Check that ${emulator.url}/wiki is a Jira Cloud site`);
  });

  it('says which permission is missing (403)', async () => {
    const forbidden: Transport = async () => ({ status: 403, headers: {}, text: JSON.stringify({ errorMessages: ['You are not allowed here.'] }) });
    const r = await run(site(), { jiraTransport: () => forbidden });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/permission \(403\); ask a Jira admin to grant it\. Jira said: You are not allowed here\./);
  });

  it('passes on what Jira says about an unknown project', async () => {
    const r = await run(site().map((a) => (a === 'FOOD' ? 'NOPE' : a)), { jiraTransport: asAlice });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Could not search issues: Jira rejected the request \(400\): .*NOPE/);
  });

  it('refuses a bad site URL or project key before any request', async () => {
    const before = emulator.requests.length;
    const cases: [string, string, RegExp][] = [
      ['not a url', 'FOOD', /Invalid Jira URL "not a url": expected e\.g\. https:\/\/your-site\.atlassian\.net/],
      ['http://example.com', 'FOOD', /Refusing to send credentials over plain http to example\.com/],
      ['https://me:pw@x.atlassian.net', 'FOOD', /must not contain credentials/],
      [emulator.url, 'FOOD" OR project != "X', /Invalid project key/],
    ];
    for (const [url, project, message] of cases) {
      const r = await run(['report', '--site', url, '--project', project, '--email', 'a@b.c', '--token', 't'], { jiraTransport: asAlice });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(emulator.requests.length).toBe(before);
  });
});
