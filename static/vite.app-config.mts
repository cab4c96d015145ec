/**
 * The one Vite configuration the Custom UI apps share; each `static/<app>/vite.config.mts` calls it.
 * `base: './'`: Forge serves a resource from its own path inside an iframe, so every asset URL is
 * relative. `npm run build:static` builds every app into `static/<app>/dist`.
 */
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export function appConfig(app: string): UserConfig {
  const root = path.join(here, app);
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
