import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as engine from '../../src/core/analyze';
import { main } from '../../src/cli/main';
import { cliVersion } from '../../src/cli/io';
import type { SarifLog } from '../../src/cli/format/sarif';
import type { AnalysisReport } from '../../src/core/story';
import { captureIO, sampleReport } from './helpers';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'cli');
const fixture = (name: string): string => path.join(FIXTURES, name);
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;

async function run(argv: string[], extra: Record<string, unknown> = {}) {
  const c = captureIO(extra);
  const code = await main(argv, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

describe('main: exit code 0', () => {
  it('analyzes a file and prints the text report', async () => {
    const r = await run(['analyze', fixture('stories.txt')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^stories\.txt:2 {2}score \d+ {2}As a birder/);
    expect(r.stdout).toMatch(/3 stories, \d+ errors?, \d+ warnings?, backlog score \d+\n$/);
  });

  it('makes analyze the default command when the first argument is a file', async () => {
    const explicit = await run(['analyze', fixture('stories.txt'), '--format', 'json']);
    const implicit = await run([fixture('stories.txt'), '--format', 'json']);
    expect(implicit.code).toBe(0);
    expect(implicit.stdout).toBe(explicit.stdout);
  });

  it('--format json prints the report', async () => {
    const r = await run(['analyze', fixture('stories.txt'), '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as AnalysisReport;
    expect(Object.keys(report).sort()).toEqual(['backlog', 'input', 'stories', 'tool']);
    expect(report.stories.map((s) => s.key)).toEqual(['stories.txt:2', 'stories.txt:4', 'stories.txt:7']);
    expect(r.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('--format sarif prints SARIF 2.1.0 with file locations', async () => {
    const r = await run(['analyze', fixture('stories.txt'), fixture('jira-export.csv'), '-f', 'sarif'], { cwd: FIXTURES });
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.tool.driver.name).toBe('story-health');
    expect(Array.isArray(log.runs[0]?.tool.driver.rules)).toBe(true);
    for (const result of log.runs[0]?.results ?? []) {
      expect(['error', 'warning', 'note']).toContain(result.level);
      const uri = result.locations[0]?.physicalLocation?.artifactLocation.uri;
      expect(uri?.endsWith('stories.txt') || uri?.endsWith('jira-export.csv')).toBe(true);
      expect(result.locations[0]?.physicalLocation?.region?.startLine).toEqual(expect.any(Number));
    }
    // jira-export.csv has a row without a summary: reported, and the run is marked unsuccessful.
    expect(r.code).toBe(2);
    expect(log.runs[0]?.invocations[0]?.executionSuccessful).toBe(false);
  });

  it('--format markdown prints a heading and one table row per story', async () => {
    const r = await run(['analyze', fixture('stories.txt'), '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# Story Health report\n')).toBe(true);
    expect(r.stdout.split('\n').filter((l) => /^\| stories\.txt:\d+ \|/.test(l))).toHaveLength(3);
  });

  it('--fail-under 0 always passes', async () => {
    expect((await run([fixture('stories.txt'), '--fail-under', '0'])).code).toBe(0);
  });

  it('warns (without failing) when two files use the same story key', async () => {
    const readFile = async (p: string) => (p.endsWith('.txt') ? 'As a cook, I want recipes\n' : '');
    const r = await run(['a/stories.txt', 'b/stories.txt', '-f', 'json'], { readFile, cwd: '/virtual' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('story-health: warning: story key "stories.txt:1" is used twice: a/stories.txt:1 and b/stories.txt:1\n');
  });

  it('reads through io.readFile', async () => {
    const files: Record<string, string> = { [path.resolve('/virtual/a.txt')]: 'As a cook, I want recipes\n' };
    const readFile = async (p: string) => {
      const content = files[p];
      if (content === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return content;
    };
    const r = await run(['/virtual/a.txt', '-f', 'json'], { readFile });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as AnalysisReport).stories.map((s) => s.key)).toEqual(['a.txt:1']);
  });
});

describe('main: --fail-under and the engine', () => {
  afterEach(() => jest.restoreAllMocks());

  it('exits 1 when the backlog score is below --fail-under', async () => {
    jest.spyOn(engine, 'analyze').mockReturnValue(sampleReport()); // backlog score 64
    const below = await run([fixture('stories.txt'), '--fail-under', '65']);
    expect(below.code).toBe(1);
    expect(below.stderr).toContain('backlog score 64 is below --fail-under 65');
    expect(below.stdout).toContain('backlog score 64');
    expect((await run([fixture('stories.txt'), '--fail-under', '64'])).code).toBe(0);
  });

  it('maps findings back to the file and line each story came from in SARIF', async () => {
    jest.spyOn(engine, 'analyze').mockReturnValue(sampleReport()); // keys stories.txt:2, :7, :4
    const file = fixture('stories.txt');
    const r = await run([file, '-f', 'sarif'], { cwd: FIXTURES });
    const results = (JSON.parse(r.stdout) as SarifLog).runs[0]?.results ?? [];
    expect(results.map((x) => [x.ruleId, x.locations[0]?.physicalLocation?.artifactLocation.uri, x.locations[0]?.physicalLocation?.region?.startLine])).toEqual([
      ['vague-term', 'stories.txt', 2],
      ['missing-acceptance-criteria', 'stories.txt', 2],
      ['technical-story', 'stories.txt', 7],
    ]);
    const region = results[0]?.locations[0]?.physicalLocation?.region;
    const text = readFileSync(file, 'utf8');
    const line2 = text.split('\n')[1] ?? '';
    const start = region?.charOffset ?? -1;
    expect(text.slice(start, start + (region?.charLength ?? 0))).toBe(line2.slice(38, 45));
    expect(line2.slice((region?.startColumn ?? 0) - 1, (region?.endColumn ?? 0) - 1)).toBe(line2.slice(38, 45));
  });

  it('passes the validated --config settings to the engine', async () => {
    const spy = jest.spyOn(engine, 'analyze');
    const r = await run([fixture('stories.txt'), '--config', fixture('config-valid.json'), '-f', 'json']);
    expect(r.code).toBe(0);
    expect(spy).toHaveBeenCalledTimes(1);
    const [inputs, settings] = spy.mock.calls[0] ?? [];
    expect(inputs).toHaveLength(3);
    expect(settings).toMatchObject({ preset: 'strict', oversizeThreshold: 5, rules: { 'vague-term': 'off' }, maxAcceptanceCriteria: 8 });
  });

  it('reports an engine crash as exit 2 instead of throwing', async () => {
    jest.spyOn(engine, 'analyze').mockImplementation(() => {
      throw new Error('boom');
    });
    const r = await run([fixture('stories.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('internal error in the engine: Error: boom');
  });
});

describe('main: exit code 2', () => {
  it('prints what could be read, the errors as file:line: message, and exits 2', async () => {
    const file = fixture('broken.csv');
    const r = await run([file, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3: malformed CSV`);
    expect(r.stderr).toContain(`${file}:6: malformed CSV: expected 5 columns, found 2`);
    expect((JSON.parse(r.stdout) as AnalysisReport).stories.map((s) => s.key)).toEqual(['LIB-1', 'LIB-3', 'LIB-4', 'LIB-6']);
  });

  it('reads the other files when one is missing, binary or of an unknown type', async () => {
    const r = await run([fixture('nope.txt'), fixture('binary.txt'), fixture('stories.txt'), fixture('config-valid.json'), '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${fixture('nope.txt')}: no such file`);
    expect(r.stderr).toContain(`${fixture('binary.txt')}: binary file`);
    expect(r.stderr).toContain(`${fixture('config-valid.json')}: expected an array of issues`);
    expect((JSON.parse(r.stdout) as AnalysisReport).stories).toHaveLength(3);
  });

  it('reports bad jsonl lines and bad json items with their lines', async () => {
    const r = await run([fixture('issues.jsonl'), fixture('issues.json'), fixture('search-response.json'), '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${fixture('issues.jsonl')}:3: invalid JSON`);
    expect(r.stderr).toContain(`${fixture('issues.json')}:12: item [1]: links.0.direction`);
    expect(r.stderr).toContain(`${fixture('search-response.json')}:48: issues[1]: fields.summary`);
    const report = JSON.parse(r.stdout) as AnalysisReport;
    expect(report.stories.length).toBeGreaterThan(0);
    expect(report.stories.length).toBeLessThanOrEqual(9);
  });

  it('is a usage error to give no files', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument 'files'/);
    expect(r.stdout).toBe('');
    expect((await run(['analyze'])).code).toBe(2);
  });

  it.each([
    [['--format', 'xml']],
    [['--fail-under', '101']],
    [['--fail-under', '-1']],
    [['--fail-under', 'abc']],
    [['--fail-under', '']],
    [['--bogus']],
  ])('rejects bad options %j', async (args) => {
    const r = await run([fixture('stories.txt'), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error:/);
    expect(r.stdout).toBe('');
  });

  it('prints every settings error of an invalid --config as path: message, and analyzes nothing', async () => {
    const config = fixture('config-invalid.json');
    const r = await run([fixture('stories.txt'), '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^.*config-invalid\.json: preset: /),
        expect.stringMatching(/^.*config-invalid\.json: oversizeThreshold: /),
        `${config}: label.name: Label name cannot contain spaces: a Jira label is one word, such as needs-refinement.`,
      ]),
    );
  });

  it('reports a --config that is not JSON or does not exist', async () => {
    const bad = await run([fixture('stories.txt'), '--config', fixture('config-badjson.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('config-badjson.json: invalid JSON');
    const missing = await run([fixture('stories.txt'), '-c', fixture('no-config.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-config.json: cannot read config file: no such file');
  });
});

describe('main: --output', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'story-health-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the report to the file instead of stdout, without colors', async () => {
    const out = path.join(dir, 'report.txt');
    const r = await run([fixture('stories.txt'), '--output', out], { isTTY: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const written = readFileSync(out, 'utf8');
    expect(written).toMatch(/3 stories, .*backlog score \d+\n$/);
    expect(ANSI.test(written)).toBe(false);
  });

  it('writes any format', async () => {
    const out = path.join(dir, 'report.sarif');
    expect((await run([fixture('stories.txt'), '-f', 'sarif', '-o', out])).code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as SarifLog).version).toBe('2.1.0');
  });

  it('exits 2 when the output cannot be written', async () => {
    const r = await run([fixture('stories.txt'), '--output', path.join(dir, 'missing-dir', 'r.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write report');
  });
});

describe('main: colors, help and version', () => {
  it('colors text only on a TTY without NO_COLOR, unless told', async () => {
    const file = fixture('stories.txt');
    expect(ANSI.test((await run([file], { isTTY: true })).stdout)).toBe(true);
    expect(ANSI.test((await run([file], { isTTY: false })).stdout)).toBe(false);
    expect(ANSI.test((await run([file], { isTTY: true, env: { NO_COLOR: '1' } })).stdout)).toBe(false);
    expect(ANSI.test((await run([file, '--no-color'], { isTTY: true })).stdout)).toBe(false);
    expect(ANSI.test((await run([file, '--color'], { isTTY: false })).stdout)).toBe(true);
  });

  it('--help exits 0 and documents the analyze options', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Usage: story-health');
    const sub = await run(['analyze', '--help']);
    expect(sub.code).toBe(0);
    for (const option of ['--format', '--config', '--fail-under', '--output']) expect(sub.stdout).toContain(option);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect(cliVersion()).toBe(pkg.version);
  });
});
