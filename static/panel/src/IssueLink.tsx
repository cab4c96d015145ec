/**
 * An issue key as a link: a click opens the issue in Jira (`router.navigate` to the issue target,
 * as Jira's own linked-issue keys do); the href is the site's browse URL, so it can be copied.
 */
import { router } from '@forge/bridge';
import { createContext, useContext } from 'react';

/** The Jira site's URL from the Forge context (`siteUrl`); empty: links are site-relative. */
export const PanelSite = createContext<string>('');

export function IssueLink({ issueKey }: { issueKey: string }) {
  const site = useContext(PanelSite);
  return (
    <a
      className="sh-key"
      href={`${site.replace(/\/+$/, '')}/browse/${encodeURIComponent(issueKey)}`}
      data-key={issueKey}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        router.navigate({ target: 'issue', issueKey }).catch(() => undefined);
      }}
    >
      {issueKey}
    </a>
  );
}
