/** The Forge context the apps read (`view.getContext()`), typed to the parts they use. */
import { view } from '@forge/bridge';

export interface ForgeContext {
  accountId?: string;
  cloudId?: string;
  locale?: string;
  moduleKey?: string;
  theme?: { colorMode?: string } | null;
  extension?: {
    type?: string;
    issue?: { key?: string; id?: string; type?: string };
    project?: { key?: string; id?: string; type?: string };
  };
}

export async function getForgeContext(): Promise<ForgeContext> {
  const context: unknown = await view.getContext();
  return (context ?? {}) as ForgeContext;
}

/** Jira's context carries the site (`siteUrl`); issue links are site-relative without it. */
export function siteUrlOf(context: ForgeContext): string {
  const url = (context as { siteUrl?: unknown }).siteUrl;
  return typeof url === 'string' && /^https:\/\/[^/]+/.test(url) ? url : '';
}
