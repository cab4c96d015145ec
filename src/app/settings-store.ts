/** Project settings in the store: validated on the way in and out with the engine's schema. */
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../core/config';
import type { Store } from './ports';

export const settingsKey = (projectKey: string) => `settings:${projectKey}`;

export async function loadSettings(store: Store, projectKey: string): Promise<Settings> {
  const raw = await store.get<unknown>(settingsKey(projectKey));
  if (raw === undefined) return DEFAULT_SETTINGS;
  const parsed = parseSettings(raw);
  // A stored value that no longer validates (an older schema) falls back to defaults, not an error.
  return parsed.ok ? parsed.settings : DEFAULT_SETTINGS;
}
