/**
 * The one Vite configuration the Custom UI apps share; each `static/<app>/vite.config.mts` calls it,
 * and so does the preview host's page (`src/preview/page`). `base: './'`: Forge serves a resource
 * from its own path inside an iframe, so every asset URL is relative. `npm run build:static` builds
 * each into `<its folder>/dist`. Every page is the same HTML shell (`shell`) with its own title and
 * entry script, so no app keeps an index.html of its own.
 */
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Page {
  /** The document title. */
  title: string;
  /** The entry module, relative to the page's folder. */
  entry: string;
}

/** The HTML every page starts from: a #root for React and the entry module. */
export function shell({ title, entry }: Page): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="${entry}"></script>
  </body>
</html>
`;
}

/** Serves `root/index.html` from the shell: Vite builds the page as if the file were there. */
function indexHtml(root: string, page: Page): Plugin {
  const file = path.join(root, 'index.html');
  return {
    name: 'story-health-index-html',
    enforce: 'pre',
    resolveId: (id) => (path.resolve(root, id) === file ? file : null),
    load: (id) => (id === file ? shell(page) : null),
  };
}

/** A Custom UI app: `static/<app>`, its entry `src/main.tsx`. */
export function appConfig(app: string, title: string): UserConfig {
  return viteConfig(path.join(here, app), { title, entry: './src/main.tsx' });
}

/** The build of the page in `root` into `root/dist`. */
export function viteConfig(root: string, page: Page): UserConfig {
  return {
    root,
    base: './',
    plugins: [indexHtml(root, page), react()],
    logLevel: 'warn',
    // Production bundles only: the preview host and the browser tests run exactly what Forge serves.
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: path.join(root, 'dist'),
      emptyOutDir: true,
      target: 'es2020',
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 1024,
      rollupOptions: { input: path.join(root, 'index.html') },
    },
    server: { fs: { allow: [path.join(here, '..')] } },
  };
}
