/**
 * Builds the Custom UI apps (`static/<app>` -> `static/<app>/dist`) and the preview host's page
 * (`src/preview/page` -> `src/preview/page/dist`) with Vite when a build is missing or older than its
 * sources, and reports each one's size. Run directly (`npm run build:static`) it always builds and
 * fails when a Forge app's first load is over its budget.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The Custom UI apps Forge serves. */
export const FORGE_APPS = ['panel', 'report', 'settings', 'gate'] as const;
/** Everything Vite builds: the Forge apps and the preview host's page. */
export const STATIC_APPS = [...FORGE_APPS, 'page'] as const;
export type StaticApp = (typeof STATIC_APPS)[number];

/** Every app's first load (the panel loads on every issue view) stays under this. */
export const FIRST_LOAD_BUDGET_GZIP = 250 * 1024;

/** Where an app's sources are (its entry and vite.config.mts); Vite builds it into `dist` there. */
export function sourceDir(root: string, app: StaticApp): string {
  return app === 'page' ? path.join(root, 'src', 'preview', 'page') : path.join(root, 'static', app);
}

/** The folders the preview host serves: `<app>/dist` under `staticRoot`, and the page's build. */
export function builtDirs(root: string): { staticRoot: string; pageRoot: string } {
  return { staticRoot: path.join(root, 'static'), pageRoot: path.join(sourceDir(root, 'page'), 'dist') };
}

/** The repository root: the nearest folder above `from` with this package's package.json. */
export function findRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'story-health') return dir;
      } catch {
        // not ours: keep looking
      }
    }
    if (path.dirname(dir) === dir) throw new Error(`Cannot find the story-health package root above ${from}.`);
  }
}

async function newestMtime(target: string, skip: (name: string) => boolean): Promise<number> {
  let info;
  try {
    info = await stat(target);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target)) {
    if (skip(entry)) continue;
    newest = Math.max(newest, await newestMtime(path.join(target, entry), skip));
  }
  return newest;
}

const skipBuilt = (name: string) => name === 'dist' || name === 'node_modules' || name.startsWith('.');

/** The folders of `src/` the apps import from (the contract, the engine's messages and types, the charts). */
export const SHARED_SOURCES = ['src/contract', 'src/core', 'src/render'] as const;

/** Is `static/<app>/dist` missing or older than anything it is built from? */
export async function isStale(root: string, app: StaticApp): Promise<boolean> {
  const built = await newestMtime(path.join(sourceDir(root, app), 'dist', 'index.html'), () => false);
  if (built === 0) return true;
  const sources = [
    sourceDir(root, app),
    path.join(root, 'static', 'shared'),
    path.join(root, 'static', 'vite.app-config.mts'),
    ...SHARED_SOURCES.map((dir) => path.join(root, dir)),
    path.join(root, 'package-lock.json'),
  ];
  for (const source of sources) if ((await newestMtime(source, skipBuilt)) > built) return true;
  return false;
}

function viteBin(root: string): string {
  const bin = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(bin)) {
    throw new Error('The Custom UI apps are not built and Vite is not installed: run "npm install" (with dev dependencies), then "npm run build:static".');
  }
  return bin;
}

function runVite(root: string, app: StaticApp): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin(root), 'build', path.relative(root, sourceDir(root, app))], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Production bundles whatever the caller runs under (jest sets NODE_ENV=test, which would
      // make the React plugin emit development JSX calls).
      env: { ...process.env, NODE_ENV: 'production' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`Building ${path.relative(root, sourceDir(root, app))} failed (vite exit ${code}):\n${output}`))));
  });
}

export interface BuildOptions {
  root: string;
  /** Build even when up to date. */
  force?: boolean;
  log?: (line: string) => void;
}

/** Builds what is stale (two at a time); returns the apps it built. */
export async function ensureStaticBuilt(options: BuildOptions): Promise<StaticApp[]> {
  const log = options.log ?? (() => undefined);
  const todo: StaticApp[] = [];
  for (const app of STATIC_APPS) if (options.force || (await isStale(options.root, app))) todo.push(app);
  if (!todo.length) return [];
  log(`Building ${todo.map((a) => path.relative(options.root, sourceDir(options.root, a))).join(', ')} with Vite…`);
  const queue = [...todo];
  const worker = async () => {
    for (let app = queue.shift(); app; app = queue.shift()) await runVite(options.root, app);
  };
  await Promise.all([worker(), worker()]);
  return todo;
}

export interface AppSize {
  app: StaticApp;
  /** Entry script, its preloaded chunks and style sheets: what the first load needs. */
  initialGzip: number;
  /** Everything in dist (theme sheets and other chunks load on demand). */
  totalGzip: number;
}

export async function measure(root: string, app: StaticApp): Promise<AppSize> {
  const dist = path.join(sourceDir(root, app), 'dist');
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!));
  let initialGzip = 0;
  let totalGzip = 0;
  for (const file of await readdir(path.join(dist, 'assets'))) {
    const size = gzipSync(await readFile(path.join(dist, 'assets', file)), { level: 9 }).length;
    totalGzip += size;
    if (initial.has(`assets/${file}`)) initialGzip += size;
  }
  return { app, initialGzip, totalGzip };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main(): Promise<number> {
  const root = findRoot();
  await ensureStaticBuilt({ root, force: !process.argv.includes('--if-stale'), log: (l) => process.stdout.write(`${l}\n`) });
  let code = 0;
  for (const app of STATIC_APPS) {
    const size = await measure(root, app);
    const dir = path.relative(root, sourceDir(root, app));
    process.stdout.write(`${dir}/dist: first load ${kb(size.initialGzip)} gzip, all files ${kb(size.totalGzip)} gzip\n`);
    if (app !== 'page' && size.initialGzip > FIRST_LOAD_BUDGET_GZIP) {
      process.stderr.write(`${dir} is over its budget: ${kb(size.initialGzip)} > ${kb(FIRST_LOAD_BUDGET_GZIP)} gzip\n`);
      code = 1;
    }
  }
  return code;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
