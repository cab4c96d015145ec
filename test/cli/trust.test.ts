/**
 * The CLI and hostile input: a story the engine cannot analyze costs only its own row (every other
 * row is printed, the summary says how many failed, exit 2); text the engine cut is said to be cut;
 * an input file over the input limit is refused with a clear error before it is read (never an
 * out-of-memory crash), in every format.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { ENGINE_PARTS } from '../../src/core/engine-parts';
import type { SarifLog } from '../../src/cli/format/sarif';
import type { AnalysisReport } from '../../src/core/story';
import { captureIO } from './helpers';

async function run(argv: string[], extra: Record<string, unknown> = {}) {
  const c = captureIO(extra);
  const code = await main(argv, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'story-health-trust-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('a story the engine cannot analyze', () => {
  const MARKER = 'POISON-PILL';
  let spy: jest.SpyInstance;
  beforeEach(() => {
    const prepare = ENGINE_PARTS.prepare;
    spy = jest.spyOn(ENGINE_PARTS, 'prepare').mockImplementation((input, index, lex) => {
      if (String((input as { summary?: unknown }).summary).includes(MARKER)) throw new TypeError(`cannot read ${MARKER}`);
      return prepare(input, index, lex);
    });
  });
  afterEach(() => spy.mockRestore());

  const lines = [
    'As a diner, I want to see menus, so that I can choose',
    `As a diner, I want to ${MARKER}, so that I can choose`,
    'As a reviewer, I want to upload photos, so that diners see the dish',
  ].join('\n');

  test('analyze prints every other row, says how many could not be analyzed, and exits 2', async () => {
    const file = write('stories.txt', lines);
    const r = await run(['analyze', file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^stories\.txt:1 {2}score \d+ /m);
    expect(r.stdout).toMatch(/^stories\.txt:2 {2}not analyzed {2}As a diner/m);
    expect(r.stdout).toContain('Story Health could not analyze stories.txt:2 (TypeError: cannot read POISON-PILL)');
    expect(r.stdout).toMatch(/^stories\.txt:3 {2}score \d+ /m);
    expect(r.stdout).toMatch(/3 stories, \d+ errors?, \d+ warnings?, backlog score \d+ \(1 story could not be analyzed: left out of the score\)\n$/);
    expect(r.stderr).toBe('story-health: 1 story could not be analyzed (engine error: stories.txt:2); the report covers the others and leaves it out of the score\n');
  });

  test('json, markdown and SARIF carry the failure; the failed story has no score', async () => {
    const file = write('stories.txt', lines);
    const json = JSON.parse((await run(['analyze', file, '-f', 'json'])).stdout) as AnalysisReport;
    expect(json.backlog).toMatchObject({ count: 2, failed: ['stories.txt:2'] });
    expect(json.stories[1]).toMatchObject({ failed: { stage: 'prepare', message: 'TypeError: cannot read POISON-PILL' } });
    const md = (await run(['analyze', file, '-f', 'markdown'])).stdout;
    expect(md).toContain('**1 story could not be analyzed** (left out of the score)');
    expect(md).toMatch(/\| stories\.txt:2 \| — \| — \|/);
    expect(md).toContain('**Not analyzed** (engine error: no score)');
    const sarif = JSON.parse((await run(['analyze', file, '-f', 'sarif'])).stdout) as SarifLog;
    const failed = sarif.runs[0]!.results.filter((x) => x.ruleId === 'engine-error');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.properties).toMatchObject({ storyKey: 'stories.txt:2', storyScore: null });
  });

  test('report writes the report of the others with a note, and exits 2', async () => {
    const file = write('stories.txt', lines);
    const json = await run(['report', file, '--format', 'json']);
    expect(json.code).toBe(2);
    const model = JSON.parse(json.stdout) as { snapshot: { count: number; failedCount: number; failed: unknown[] }; stories: { key: string }[] };
    expect(model.snapshot).toMatchObject({ count: 2, failedCount: 1, failed: [{ key: 'stories.txt:2', error: 'TypeError: cannot read POISON-PILL' }] });
    expect(model.stories.map((s) => s.key)).toEqual(['stories.txt:1', 'stories.txt:3']);
    expect(json.stderr).toContain('1 story could not be analyzed (engine error: stories.txt:2)');
    const md = await run(['report', file, '--format', 'markdown']);
    expect(md.code).toBe(2);
    expect(md.stdout).toContain('1 story could not be analyzed (engine error): stories.txt:2 (TypeError: cannot read POISON-PILL). It is left out of every score and count in this report.');
  });
});

test('text the engine cut is said to be cut in the text and Markdown reports', async () => {
  const file = write('long.txt', `As a diner, I want to ${'see menus '.repeat(3000)}so that I can choose`);
  const r = await run(['analyze', file]);
  expect(r.stdout).toContain('note  Analyzed the first 10,000 characters of the summary (it has 30,042); the rest was not read.');
  expect(r.stdout).toContain('note  Read the first 2,000 characters of the story sentence in the summary (it has 10,000)');
  expect(r.stdout).not.toContain('missing-benefit');
  const md = (await run(['analyze', file, '-f', 'markdown'])).stdout;
  expect(md).toContain('_Analyzed the first 10,000 characters of the summary (it has 30,042); the rest was not read._');
});

describe('the input limit', () => {
  const FIFTY_MB = 50 * 1024 * 1024;

  /** A 50 MB file that takes no disk space (sparse): the CLI must refuse it by its size, unread. */
  const huge = (name: string): string => {
    const file = write(name, '');
    truncateSync(file, FIFTY_MB);
    return file;
  };

  test.each(['txt', 'csv', 'json', 'jsonl'])('a 50 MB .%s file is refused with a clear error; the other files are analyzed', async (ext) => {
    const big = huge(`big.${ext}`);
    const small = write('small.txt', 'As a diner, I want to see menus, so that I can choose');
    const readFile = jest.fn((p: string) => fsp.readFile(p));
    for (const command of ['analyze', 'report']) {
      readFile.mockClear();
      const r = await run([command, big, small, '--format', 'json'], { readFile });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${big}: file not read: 50.0 MB is more than the input limit of 10 MB (raise it with --max-input-size`);
      expect(readFile.mock.calls.map(([p]) => path.basename(p))).toEqual(['small.txt']);
      expect(r.stdout).toContain('small.txt:1');
    }
  });

  test('the limit is for all files together; --max-input-size raises it', async () => {
    const description = 'The menu lists every dish with its price. '.repeat(40_000); // about 1.6 MB
    const row = (key: string) => `Issue key,Summary,Description\n${key},"As a diner, I want to see menus, so that I can choose","${description}"\n`;
    const a = write('a.csv', row('A-1'));
    const b = write('b.csv', row('B-1'));
    const refused = await run(['analyze', a, b, '--max-input-size', '2.5', '-f', 'json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/b\.csv: file not read: 1\.6 MB is more than the 0\.9 MB left of the input limit of 2\.5 MB \(raise it with --max-input-size\)/);
    expect((JSON.parse(refused.stdout) as AnalysisReport).stories.map((s) => s.key)).toEqual(['A-1']);
    const raised = await run(['analyze', a, b, '--max-input-size', '4', '-f', 'json']);
    expect(raised.code).toBe(0);
    expect((JSON.parse(raised.stdout) as AnalysisReport).stories.map((s) => s.key)).toEqual(['A-1', 'B-1']);
  });

  test('content that comes from elsewhere is checked after reading it', async () => {
    const readFile = async () => `As a diner, I want to see menus\n`.repeat(400_000); // 12.8 MB, no file on disk
    const r = await run(['analyze', 'virtual.txt'], { readFile });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('virtual.txt: file not read: 12.2 MB is more than the input limit of 10 MB');
  });

  test('a bad --max-input-size is a usage error', async () => {
    const r = await run(['analyze', 'x.txt', '--max-input-size', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected a size in MB greater than 0');
  });
});
