/** Proves the published entry point works: build dist/ and run bin/story-health.js as a user would. */
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'story-health.js');

describe('bin/story-health.js', () => {
  beforeAll(() => {
    execSync('npm run build', { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
  }, 120_000);

  it('prints the version', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const out = execFileSync(process.execPath, [BIN, '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(out.trim()).toBe(pkg.version);
  });

  it('analyzes a file and sets the exit code', () => {
    const ok = spawnSync(process.execPath, [BIN, 'analyze', path.join('test', 'fixtures', 'cli', 'stories.txt'), '-f', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as { stories: unknown[] }).stories).toHaveLength(3);

    const bad = spawnSync(process.execPath, [BIN, path.join('test', 'fixtures', 'cli', 'broken.csv')], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('broken.csv:3: malformed CSV');
  });
});
