import { mount } from '../../shared/mount';
import type { ForgeContext } from '../../shared/context';
import './panel.css';
import { PanelSite } from './IssueLink';
import { PanelApp } from './PanelApp';

/** Jira's context carries the site (`siteUrl`); issue links are site-relative without it. */
function siteUrlOf(context: ForgeContext): string {
  const url = (context as { siteUrl?: unknown }).siteUrl;
  return typeof url === 'string' && /^https:\/\/[^/]+/.test(url) ? url : '';
}

mount((context) => (
  <PanelSite.Provider value={siteUrlOf(context)}>
    <PanelApp issueKey={context.extension?.issue?.key} />
  </PanelSite.Provider>
));
