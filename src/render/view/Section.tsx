/** A report section: a heading the section is labelled by, an optional lead paragraph, the content. */
import type { ReactNode } from 'react';

export function Section({ id, title, lead, children }: { id: string; title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} className="sh-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {lead ? <p className="sh-subtle">{lead}</p> : null}
      {children}
    </section>
  );
}
