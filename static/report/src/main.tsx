import { mount } from '../../shared/mount';
import type { ForgeContext } from '../../shared/context';
import './report.css';
import { SiteContext } from './IssueKey';
import { ReportApp } from './ReportApp';

/** Jira's context carries the site (`siteUrl`); issue links are relative without it. */
function siteUrlOf(context: ForgeContext): string {
  const url = (context as { siteUrl?: unknown }).siteUrl;
  return typeof url === 'string' && /^https:\/\/[^/]+/.test(url) ? url : '';
}

mount((context) => (
  <SiteContext.Provider value={siteUrlOf(context)}>
    <ReportApp projectKey={context.extension?.project?.key} />
  </SiteContext.Provider>
));
