/**
 * The one Vite configuration the Custom UI apps share; each `static/<app>/vite.config.mts` calls it,
 * and so does the preview host's page (`src/preview/page`). `base: './'`: Forge serves a resource
 * from its own path inside an iframe, so every asset URL is relative. `npm run build:static` builds
 * each into `<its folder>/dist`.
 */
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A Custom UI app: `static/<app>`. */
export function appConfig(app: string): UserConfig {
  return viteConfig(path.join(here, app));
}

/** The build of the page in `root` (its index.html) into `root/dist`. */
export function viteConfig(root: string): UserConfig {
  return {
    root,
    base: './',
    plugins: [react()],
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
    },
    server: { fs: { allow: [path.join(here, '..')] } },
  };
}
