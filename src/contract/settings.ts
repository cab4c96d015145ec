/** Project settings resolvers: the settings object itself is the engine's zod schema. */
import { z } from 'zod';
import type { Settings } from '../core/config';

export const projectKeySchema = z.string().trim().regex(/^[A-Z][A-Z0-9_]+$/, 'a project key such as FOOD').max(32);

export const settingsGetRequest = z.object({ projectKey: projectKeySchema }).strict();
export const settingsSetRequest = z.object({ projectKey: projectKeySchema, settings: z.unknown() }).strict();
export const settingsResetRequest = z.object({ projectKey: projectKeySchema, preset: z.enum(['recommended', 'strict']).default('recommended') }).strict();

export interface SettingsView {
  settings: Settings;
  /** Only project admins may change settings (checked server-side too). */
  canEdit: boolean;
  rules: { id: string; criterion: string; description: string; defaultSeverity: { recommended: string; strict: string } }[];
}
