/** settings/get, settings/set, settings/reset: per-project settings, changeable by project admins only. */
import { parseSettings, settingsSchema } from '../core/config';
import { RULES } from '../core/rules';
import { fail, ok, type Envelope } from '../contract/envelope';
import { settingsGetRequest, settingsResetRequest, settingsSetRequest, type SettingsView } from '../contract/settings';
import { formatBytes, jsonBytes, LIMITS } from './byte-size';
import type { CallContext, Deps } from './ports';
import { loadSettings, settingsKey } from './settings-store';
import { parsePayload } from './validate';
import { publishCheckedTypes } from './trigger-filter';

const RULE_LIST = RULES.map((r) => ({
  id: r.meta.id,
  criterion: r.meta.criterion,
  description: r.meta.description,
  defaultSeverity: { recommended: r.meta.defaultSeverity.recommended, strict: r.meta.defaultSeverity.strict },
}));

async function isProjectAdmin(deps: Deps, projectKey: string): Promise<boolean> {
  const p = await deps.asUser().myPermissions({ projectKey, permissions: ['ADMINISTER_PROJECTS', 'BROWSE_PROJECTS'] });
  return p.ADMINISTER_PROJECTS === true;
}

async function canBrowse(deps: Deps, projectKey: string): Promise<boolean> {
  const p = await deps.asUser().myPermissions({ projectKey, permissions: ['BROWSE_PROJECTS'] });
  return p.BROWSE_PROJECTS === true;
}

export async function settingsGet(payload: unknown, _ctx: CallContext, deps: Deps): Promise<Envelope<SettingsView>> {
  const req = parsePayload(settingsGetRequest, payload);
  if (!('value' in req)) return req;
  const { projectKey } = req.value;
  if (!(await canBrowse(deps, projectKey))) return fail('not-found', `Project ${projectKey} does not exist or you cannot see it.`);
  return ok({ settings: await loadSettings(deps.store, projectKey), canEdit: await isProjectAdmin(deps, projectKey), rules: RULE_LIST });
}

export async function settingsSet(payload: unknown, _ctx: CallContext, deps: Deps): Promise<Envelope<SettingsView>> {
  const req = parsePayload(settingsSetRequest, payload);
  if (!('value' in req)) return req;
  const { projectKey } = req.value;
  if (!(await isProjectAdmin(deps, projectKey))) return fail('forbidden', `Only administrators of ${projectKey} can change its Story Health settings.`);
  const parsed = parseSettings(req.value.settings);
  if (!parsed.ok) {
    // The message is already a sentence naming the field by its label (core/settings-messages.ts).
    const first = parsed.errors[0]!;
    return fail('invalid-payload', first.message, first.path === '(root)' ? 'settings' : `settings.${first.path}`);
  }
  // Three term lists of 500 Japanese terms are more than one storage value: say so, keep the old settings.
  const bytes = jsonBytes(parsed.settings);
  if (bytes > LIMITS.storageValue) {
    return fail('invalid-payload', `Settings not saved: they are ${formatBytes(bytes)}, and Story Health can keep ${formatBytes(LIMITS.storageValue)}. Shorten the term lists.`, 'settings');
  }
  // The save trigger's filter reads the checked types from a project property: written first, so a
  // refusal saves nothing and the filter never drops a type the settings check.
  await publishCheckedTypes(deps.asUser(), projectKey, parsed.settings);
  await deps.store.set(settingsKey(projectKey), parsed.settings);
  return ok({ settings: parsed.settings, canEdit: true, rules: RULE_LIST });
}

export async function settingsReset(payload: unknown, _ctx: CallContext, deps: Deps): Promise<Envelope<SettingsView>> {
  const req = parsePayload(settingsResetRequest, payload);
  if (!('value' in req)) return req;
  const { projectKey, preset } = req.value;
  if (!(await isProjectAdmin(deps, projectKey))) return fail('forbidden', `Only administrators of ${projectKey} can change its Story Health settings.`);
  const settings = settingsSchema.parse({ preset });
  await publishCheckedTypes(deps.asUser(), projectKey, settings);
  await deps.store.set(settingsKey(projectKey), settings);
  return ok({ settings, canEdit: true, rules: RULE_LIST });
}
