/**
 * The `jira:issueContext` module as Jira's issue view shows it: a collapsible section whose header
 * has the module's label and, to its right, the status the app's `dynamicProperties` function
 * returns (re-read when the section is collapsed, as Jira does, and when the issue changes).
 */
import { useEffect, useState, type ReactNode } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { fetchIssueStatus, type IssueStatus, type Result } from './api';

export function IssueContext({ label, user, issueKey, version, children }: { label: string; user: string; issueKey: string; version: number; children: ReactNode }) {
  const [open, setOpen] = useState(true);
  const [status, setStatus] = useState<Result<IssueStatus> | null>(null);
  useEffect(() => {
    let live = true;
    void fetchIssueStatus(user, issueKey).then((r) => live && setStatus(r));
    return () => {
      live = false;
    };
  }, [user, issueKey, version, open]);
  const value = status?.ok ? status.data.status.value : null;
  return (
    <section className="host-context" aria-labelledby="issue-context-label">
      <h2 className="host-context-header">
        <button type="button" id="issue-context-label" className="host-context-toggle" aria-expanded={open} aria-controls="issue-context-body" onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {label}
        </button>
        <span className="host-context-status" data-testid="issue-context-status" aria-live="polite">
          {value ? <Lozenge appearance={value.type}>{value.label}</Lozenge> : null}
        </span>
      </h2>
      <div id="issue-context-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
