import { defineConfig } from 'vite';
import { appConfig } from '../vite.app-config.mts';

// The preview host's own page (not a Forge resource): the Jira-like frame around the three apps.
export default defineConfig(appConfig('host'));
