/**
 * Typed wrappers over `@forge/bridge`'s `invoke`: one function per resolver key, each returning the
 * contract's `Envelope`. Anything the bridge throws (no connection, a platform error) becomes an
 * envelope error too, so screens handle exactly one shape.
 */
import { invoke } from '@forge/bridge';
import { RESOLVER_KEYS } from '../../src/contract/keys';
import type { AnalyzeRequest, DraftRequest, DraftResult, Envelope, PanelAnalysis, SettingsView } from '../../src/contract';
import type { SettingsInput } from '../../src/contract';

export type { Envelope, PanelAnalysis, SettingsView, DraftResult };
export type Preset = 'recommended' | 'strict';

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'data' in v;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

/** Calls a resolver; never throws. */
export async function call<T>(key: string, payload: Record<string, unknown>): Promise<Envelope<T>> {
  try {
    const result: unknown = await invoke(key, payload);
    if (isEnvelope(result)) return result as Envelope<T>;
    return { ok: false, error: { code: 'internal', message: 'Story Health returned an unexpected response. Try again.' } };
  } catch (error) {
    const detail = error instanceof Error && error.message ? ` (${error.message.trim()})` : '';
    return { ok: false, error: { code: 'internal', message: `Could not reach Story Health${detail}. Check your connection and try again.` } };
  }
}

export const analyzeIssue = (req: AnalyzeRequest) => call<PanelAnalysis>(RESOLVER_KEYS.panelAnalyze, { ...req });
export const scoreDraft = (req: DraftRequest) => call<DraftResult>(RESOLVER_KEYS.panelDraft, { ...req });
export const getSettings = (projectKey: string) => call<SettingsView>(RESOLVER_KEYS.settingsGet, { projectKey });
export const saveSettings = (projectKey: string, settings: SettingsInput) => call<SettingsView>(RESOLVER_KEYS.settingsSet, { projectKey, settings });
export const resetSettings = (projectKey: string, preset: Preset) => call<SettingsView>(RESOLVER_KEYS.settingsReset, { projectKey, preset });
