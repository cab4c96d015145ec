/**
 * An issue key as a link to the issue. Inside Jira the frame cannot navigate the site itself, so a
 * click goes through `router.open` (a new tab: the report keeps its place); the href stays real so
 * the link can be copied. The key is text, never markup.
 */
import { router } from '@forge/bridge';
import { createContext, useContext } from 'react';

/** The Jira site's URL from the Forge context (`siteUrl`); empty: links are site-relative. */
export const SiteContext = createContext<string>('');

export function browseUrl(siteUrl: string, key: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/browse/${encodeURIComponent(key)}`;
}

export function IssueKey({ issueKey }: { issueKey: string }) {
  const site = useContext(SiteContext);
  const href = browseUrl(site, issueKey);
  return (
    <a
      className="sh-key"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      data-key={issueKey}
      onClick={(event) => {
        event.preventDefault();
        // Hosts that cannot open it (the local preview has no /browse) leave the page as it is.
        router.open(href).catch(() => undefined);
      }}
    >
      {issueKey}
    </a>
  );
}
