/**
 * Light and dark themes with Atlassian design tokens. The host decides: `view.theme.enable()` asks
 * it to put the active colour mode on `<html data-color-mode>` (and to keep it there as the user
 * switches), the context carries the mode at load, and `setGlobalTheme` loads the matching token
 * sheet. Every colour in the apps is a token (`var(--ds-…)`), so both modes follow automatically.
 */
import { view } from '@forge/bridge';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import type { ForgeContext } from './context';

export type ColorMode = 'light' | 'dark';

function asMode(value: unknown): ColorMode | undefined {
  return value === 'dark' || value === 'light' ? value : undefined;
}

let applied: ColorMode | undefined;

async function apply(mode: ColorMode): Promise<void> {
  if (mode === applied) return;
  applied = mode;
  await setGlobalTheme({ colorMode: mode, contrastMode: 'no-preference', light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography' });
}

/** Applies the host's colour mode now and whenever the host changes it. Never throws. */
export async function setupTheme(context: ForgeContext): Promise<void> {
  try {
    await view.theme.enable();
  } catch {
    // Hosts without theming: the context (or light) decides.
  }
  const html = document.documentElement;
  const initial = asMode(html.getAttribute('data-color-mode')) ?? asMode(context.theme?.colorMode) ?? 'light';
  try {
    await apply(initial);
  } catch {
    // Token sheets failed to load: the fallbacks in every var(--ds-…) still give a light theme.
  }
  new MutationObserver(() => {
    const mode = asMode(html.getAttribute('data-color-mode'));
    if (mode && mode !== applied) void apply(mode).catch(() => undefined);
  }).observe(html, { attributes: true, attributeFilter: ['data-color-mode'] });
}
