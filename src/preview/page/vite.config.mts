import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { defineConfig } from 'vite';
import { viteConfig } from '../../../static/vite.app-config.mts';

// The preview host's own page (not a Forge resource): the Jira-like frame around the three apps,
// built like them into src/preview/page/dist, which the host serves.
export default defineConfig(viteConfig(path.dirname(fileURLToPath(import.meta.url)), { title: 'Story Health preview', entry: './main.tsx' }));
