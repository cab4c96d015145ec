/** When `npm start` rebuilds the apps: a build older than anything the bundles are made from is stale. */
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { isStale, SHARED_SOURCES, sourceDir, STATIC_APPS } from '../../../src/preview/host/build-static';

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(full)));
    else if (/\.(ts|tsx|mts)$/.test(entry.name)) out.push(full);
  }
  return out;
}

test('every folder of src/ the apps import from is watched', async () => {
  const imported = new Set<string>();
  for (const file of await sourceFiles(path.join(ROOT, 'static'))) {
    for (const [, spec] of (await readFile(file, 'utf8')).matchAll(/from '([^']+)'/g)) {
      if (!spec!.startsWith('.')) continue;
      const target = path.relative(ROOT, path.resolve(path.dirname(file), spec!)).split(path.sep);
      if (target[0] === 'src') imported.add(`src/${target[1]}`);
    }
  }
  expect(imported.size).toBeGreaterThan(0);
  expect([...SHARED_SOURCES]).toEqual(expect.arrayContaining([...imported]));
});

describe('isStale', () => {
  let root: string;
  // Folders count by their own mtime too (a deleted file): they are made now, so the build is dated later.
  const day = 24 * 3600 * 1000;
  const old = new Date(Date.now() - day);
  const built = new Date(Date.now() + day);
  const touch = async (rel: string, when: Date) => {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), 'x');
    await utimes(path.join(root, rel), when, when);
  };

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'story-health-stale-'));
    for (const app of STATIC_APPS) {
      const dir = path.relative(root, sourceDir(root, app));
      await touch(`${dir}/src/main.tsx`, old);
      await touch(`${dir}/dist/index.html`, built);
    }
    for (const dir of SHARED_SOURCES) await touch(`${dir}/a.ts`, old);
    await touch('static/shared/theme.ts', old);
    await touch('package-lock.json', old);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('is false when the build is newer than every source', async () => {
    for (const app of STATIC_APPS) expect(await isStale(root, app)).toBe(false);
  });

  it.each(['src/core/settings-labels.ts', 'src/render/view/charts/TrendChart.tsx', 'src/contract/settings.ts', 'static/shared/theme.ts', 'static/settings/src/form.ts'])(
    'is true after %s changes',
    async (file) => {
      await touch(file, new Date(Date.now() + 2 * day));
      expect(await isStale(root, 'settings')).toBe(true);
    },
  );

  it('watches the preview page in src/preview/page', async () => {
    await touch('src/preview/page/HostApp.tsx', new Date(Date.now() + 2 * day));
    expect(await isStale(root, 'page')).toBe(true);
    expect(await isStale(root, 'panel')).toBe(false);
  });

  it('is true when the build is missing', async () => {
    await rm(path.join(root, 'static', 'panel', 'dist'), { recursive: true });
    expect(await isStale(root, 'panel')).toBe(true);
  });
});
