/**
 * The command line tells the truth: no healthy summary after a read failure, no passing CI gate on
 * an empty input, issue types respected and what was skipped listed, suggestions whole, misspelt
 * commands named, semicolon CSVs read, personas only from story sentences.
 */
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import type { AnalyzeJson } from '../../src/cli/format/json';
import type { SarifLog } from '../../src/cli/format/sarif';
import type { ReportJson } from '../../src/render/json';
import { captureIO } from './helpers';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'cli');

/** Runs the CLI over in-memory files (relative to /virtual); real fixture files are read from disk. */
async function run(argv: string[], files: Record<string, string | Buffer> = {}) {
  const readFile = async (p: string) => {
    const name = path.relative('/virtual', p);
    if (name in files) return files[name]!;
    if (p.startsWith(FIXTURES)) return (await import('node:fs/promises')).readFile(p);
    throw Object.assign(new Error(`ENOENT: ${p}`), { code: name.includes('locked') ? 'EACCES' : 'ENOENT' });
  };
  const c = captureIO({ readFile, cwd: '/virtual', now: () => new Date('2026-11-02T10:00:00Z') });
  const code = await main(argv, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

const STORIES = [
  'As a volunteer, I want to sign up for a shift, so that the food bank knows who is coming.',
  'As a coordinator, I want to see who signed up for tomorrow, so that I can fill the gaps.',
].join('\n');

const TYPED_CSV = [
  'Issue key,Summary,Issue Type,Description',
  'PANTRY-1,"As a volunteer, I want to sign up for a shift, so that the food bank knows who is coming.",Story,',
  'PANTRY-2,Sign-up page crashes on an empty phone number,Bug,',
  'PANTRY-3,"As a coordinator, I want to see who signed up for tomorrow, so that I can fill the gaps.",Story,',
  'PANTRY-4,Rotate the database password,Task,',
  'PANTRY-5,Shift list shows yesterday,Bug,',
].join('\n');

describe('a read failure never ends in a healthy summary', () => {
  it.each([
    ['a missing file', 'nope.txt', {}],
    ['a binary file', 'blob.txt', { 'blob.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) }],
    ['an unreadable file', 'locked.txt', {}],
  ])('%s: exit 2, the reason, "no stories found", and no report at all', async (_what, file, files) => {
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const r = await run(['analyze', file, '-f', format], files as Record<string, Buffer>);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^${file}: (no such file|binary file|permission denied)`));
      expect(r.stderr).toContain(`story-health: no stories found in ${file}: 1 problem reading the input (above)`);
      expect(r.stderr).not.toContain('✔');
    }
  });

  it('some stories read: the report says it is partial, in every format', async () => {
    const text = await run(['analyze', 'stories.txt', 'nope.txt'], { 'stories.txt': STORIES });
    expect(text.code).toBe(2);
    const last = text.stdout.trim().split('\n').at(-1)!;
    expect(last).toMatch(/^✖ 2 stories, .*; 1 input problem \(on stderr\): only what could be read is reported$/);
    const json = await run(['analyze', 'stories.txt', 'nope.txt', '-f', 'json'], { 'stories.txt': STORIES });
    expect((JSON.parse(json.stdout) as AnalyzeJson).input.problems).toEqual([{ file: 'nope.txt', message: 'no such file' }]);
    const md = await run(['analyze', 'stories.txt', 'nope.txt', '-f', 'markdown'], { 'stories.txt': STORIES });
    expect(md.stdout).toContain('**1 input problem: only what could be read is reported**');
    const sarif = JSON.parse((await run(['analyze', 'stories.txt', 'nope.txt', '-f', 'sarif'], { 'stories.txt': STORIES })).stdout) as SarifLog;
    expect(sarif.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
  });

  it('report: nothing readable writes no report', async () => {
    const r = await run(['report', 'nope.txt', '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('story-health: no stories found in nope.txt: 1 problem reading the input (above); no report written');
  });
});

describe('an input with no stories fails a CI gate', () => {
  it.each([
    ['a text file of comments and blank lines', 'empty.txt', '# nothing yet\n\n'],
    ['a CSV with a header only', 'empty.csv', 'Issue key,Summary\n'],
    ['an empty JSON array', 'empty.json', '[]'],
  ])('%s: exit 2 with "no stories found", whatever --fail-under says', async (_what, file, content) => {
    for (const extra of [[], ['--fail-under', '70'], ['--fail-under', '0']]) {
      const r = await run(['analyze', file, ...extra], { [file]: content });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`story-health: no stories found in ${file}\n`);
    }
    const report = await run(['report', file], { [file]: content });
    expect(report.code).toBe(2);
    expect(report.stdout).toBe('');
  });
});

describe('issue types follow the settings', () => {
  it('checks only the configured types and lists what it skipped, in every format', async () => {
    const files = { 'export.csv': TYPED_CSV };
    const text = await run(['analyze', 'export.csv'], files);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^PANTRY-1 /m);
    expect(text.stdout).not.toMatch(/^PANTRY-2 /m);
    expect(text.stdout.replace(/\n {2}/g, ' ')).toContain('3 issues skipped, their types are not checked: Bug 2 (PANTRY-2, PANTRY-5), Task 1 (PANTRY-4); checked: Story (settings issueTypes).');
    expect(text.stdout).toMatch(/✔ 2 stories|⚠ 2 stories|✖ 2 stories/);

    const json = JSON.parse((await run(['analyze', 'export.csv', '-f', 'json'], files)).stdout) as AnalyzeJson;
    expect(json.stories.map((s) => s.key)).toEqual(['PANTRY-1', 'PANTRY-3']);
    expect(json.input.skipped).toEqual([
      { key: 'PANTRY-2', issueType: 'Bug', file: 'export.csv', line: 3 },
      { key: 'PANTRY-4', issueType: 'Task', file: 'export.csv', line: 5 },
      { key: 'PANTRY-5', issueType: 'Bug', file: 'export.csv', line: 6 },
    ]);
    expect(json.input.checkedTypes).toEqual(['Story']);
    const md = (await run(['analyze', 'export.csv', '-f', 'markdown'], files)).stdout;
    expect(md).toContain('Skipped: 3 issues skipped');
    const sarif = JSON.parse((await run(['analyze', 'export.csv', '-f', 'sarif'], files)).stdout) as SarifLog;
    expect(sarif.runs[0]!.invocations[0]!.toolExecutionNotifications.map((n) => n.message.text)).toContain('PANTRY-2 skipped: issue type "Bug" is not checked (checked: Story).');
    expect(sarif.runs[0]!.results.some((x) => x.properties.storyKey === 'PANTRY-2')).toBe(false);

    const report = JSON.parse((await run(['report', 'export.csv', '-f', 'json'], files)).stdout) as ReportJson;
    expect(report.snapshot.count).toBe(2);
    expect(report.skipped).toEqual([
      { key: 'PANTRY-2', issueType: 'Bug' },
      { key: 'PANTRY-4', issueType: 'Task' },
      { key: 'PANTRY-5', issueType: 'Bug' },
    ]);
    expect(report.notes).toContain('3 issues skipped, their types are not checked: Bug 2 (PANTRY-2, PANTRY-5), Task 1 (PANTRY-4); checked: Story (settings issueTypes).');
  });

  it('checks the types --config names (any case)', async () => {
    const files = { 'export.csv': TYPED_CSV, 'config.json': '{"issueTypes": ["story", "BUG"]}' };
    const json = JSON.parse((await run(['analyze', 'export.csv', '-f', 'json', '-c', 'config.json'], files)).stdout) as AnalyzeJson;
    expect(json.stories.map((s) => s.key)).toEqual(['PANTRY-1', 'PANTRY-2', 'PANTRY-3', 'PANTRY-5']);
    expect(json.input.skipped.map((s) => s.key)).toEqual(['PANTRY-4']);
  });

  it('an export without an issue type column, and a text file, are all stories', async () => {
    const files = { 'plain.csv': 'Summary\n"As a volunteer, I want to swap a shift, so that I can keep my promise."\nFix the printer\n', 'stories.txt': STORIES };
    const json = JSON.parse((await run(['analyze', 'plain.csv', 'stories.txt', '-f', 'json'], files)).stdout) as AnalyzeJson;
    expect(json.stories).toHaveLength(4);
    expect(json.input.skipped).toEqual([]);
  });

  it('only skipped issues: exit 2 and say why', async () => {
    const r = await run(['analyze', 'bugs.csv'], { 'bugs.csv': 'Issue key,Summary,Issue Type\nPANTRY-2,Sign-up page crashes,Bug\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('story-health: no stories found in bugs.csv: 1 issue skipped, their types are not checked: Bug 1 (PANTRY-2); checked: Story (settings issueTypes).\n');
  });
});

describe('suggestions are shown whole', () => {
  it('a long split and rewrite are wrapped, not cut', async () => {
    const epic =
      'As a pantry manager, I want to register donors, record every donation with its weight and expiry date, print labels for the shelves, and send a monthly thank-you letter to each donor, so that nothing spoils and donors keep giving.';
    const r = await run(['analyze', 'epic.txt'], { 'epic.txt': `${epic}\n` });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('→ split');
    const suggestionLines = r.stdout.split('\n').filter((l) => l.startsWith('    ') || l.includes('→'));
    expect(suggestionLines.length).toBeGreaterThan(2);
    for (const line of suggestionLines) {
      expect(line).not.toContain('…');
      expect(line.length).toBeLessThanOrEqual(100);
    }
    const json = JSON.parse((await run(['analyze', 'epic.txt', '-f', 'json'], { 'epic.txt': `${epic}\n` })).stdout) as AnalyzeJson;
    const flat = r.stdout.replace(/\n {4,}/g, ' ');
    for (const part of json.stories[0]!.splits[0]!.stories) expect(flat).toContain(part.summary);
  });
});

describe('a misspelt command is named, not read as a file', () => {
  it.each([
    ['analyse', 'analyze'],
    ['analyz', 'analyze'],
    ['anaylze', 'analyze'],
    ['reprot', 'report'],
    ['reports', 'report'],
  ])('%s → did you mean "%s"?', async (typed, meant) => {
    const r = await run([typed, 'stories.txt'], { 'stories.txt': STORIES });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`story-health: unknown command "${typed}": did you mean "${meant}"?`);
  });

  it('files and real commands are untouched', async () => {
    expect((await run(['stories.txt'], { 'stories.txt': STORIES })).code).toBe(0);
    expect((await run(['analyze', 'stories.txt'], { 'stories.txt': STORIES })).code).toBe(0);
    const plain = await run(['notes'], {});
    expect(plain.stderr).not.toContain('unknown command');
  });
});

describe('CSV delimiters', () => {
  it.each([
    ['semicolons', ';'],
    ['tabs', '\t'],
    ['pipes', '|'],
  ])('a CSV separated by %s is read', async (_name, d) => {
    const csv = [
      ['Issue key', 'Summary', 'Story Points'].join(d),
      ['PANTRY-1', '"As a volunteer, I want to sign up for a shift; fast, so that the food bank knows who is coming."', '2,5'].join(d),
      ['PANTRY-3', 'As a coordinator I want to see who signed up', '3'].join(d),
    ].join('\n');
    const r = await run(['analyze', 'export.csv', '-f', 'json'], { 'export.csv': csv });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as AnalyzeJson;
    expect(json.stories.map((s) => [s.key, s.summary])).toEqual([
      ['PANTRY-1', 'As a volunteer, I want to sign up for a shift; fast, so that the food bank knows who is coming.'],
      ['PANTRY-3', 'As a coordinator I want to see who signed up'],
    ]);
    expect(json.stories[0]!.findings.map((f) => f.ruleId)).not.toContain('missing-estimate');
  });

  it('a header without a Summary column says which delimiter it was read with', async () => {
    const r = await run(['analyze', 'export.csv'], { 'export.csv': 'Key;Title text\nA-1;x\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('export.csv:1: no Summary (or title) column in the header row (columns separated by semicolons): Key, Title text');
  });
});

describe('personas come from story sentences, not descriptions', () => {
  it('"As reported by …:" in a description names nobody', async () => {
    const issues = [
      { key: 'SYNC-1', summary: 'Sync stops after the laptop sleeps', description: 'As reported by Dana Whitfield: after closing the laptop the sync never resumes.', issueType: 'Story' },
      { key: 'SYNC-2', summary: 'As a commuter, I want my notes synced before I go offline, so that I can read them on the train.', issueType: 'Story' },
    ];
    const files = { 'issues.json': JSON.stringify(issues) };
    const json = JSON.parse((await run(['analyze', 'issues.json', '-f', 'json'], files)).stdout) as AnalyzeJson;
    expect(json.backlog.personas.map((p) => p.persona)).toEqual(['commuter']);
    expect(json.backlog.servesNobody).toEqual(['SYNC-1']);
    const report = JSON.parse((await run(['report', 'issues.json', '-f', 'json'], files)).stdout) as ReportJson;
    expect(report.snapshot.personas.map((p) => p.persona)).toEqual(['commuter']);
  });
});
