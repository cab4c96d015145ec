/**
 * A link out of Jira. Inside Forge's iframe, navigation goes through `router.open` (Jira asks the
 * user before leaving); the href stays real so it can be copied and is read as a link.
 */
import { router } from '@forge/bridge';
import type { ReactNode } from 'react';

export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(event) => {
        event.preventDefault();
        router.open(href).catch(() => window.open(href, '_blank', 'noopener,noreferrer'));
      }}
    >
      {children}
    </a>
  );
}
