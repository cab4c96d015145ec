import { defineConfig } from 'vite';
import { appConfig } from '../vite.app-config.mts';

export default defineConfig(appConfig('gate', 'Story Health quality gate'));
