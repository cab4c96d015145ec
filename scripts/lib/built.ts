/**
 * The code the bench times: the build in `dist/` (`npm run build`, which `npm run bench` runs first),
 * which is what the CLI runs and what Forge bundles. The bench script itself runs under tsx, whose
 * on-the-fly transform turns every export into a getter (esbuild's CommonJS interop): code loaded
 * through it pays a getter call on every call between modules, which measured a quarter to a third
 * of the engine's time and is nothing a user runs.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from './datasets';

const load = createRequire(__filename);

/** The built module of `source` (a path under `src/`, without extension), typed as the source. */
export function built<T>(source: string): T {
  const file = join(REPO_ROOT, 'dist', `${source.replace(/^src\//, '')}.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (\`npm run bench\` does)`);
  return load(file) as T;
}
