/**
 * Issues Story Health created, as they are now: each key (a link), its status read live as the
 * user, and its summary; one the user may not see, or one since deleted, says so.
 */
import Lozenge from '@atlaskit/lozenge';
import type { CreatedIssue } from '../../../src/contract';
import { IssueLink } from './IssueLink';

const APPEARANCE = { new: 'default', indeterminate: 'inprogress', done: 'success' } as const;

export function CreatedStatus({ issue }: { issue: CreatedIssue }) {
  if (issue.state === 'visible') {
    return issue.status ? <Lozenge appearance={issue.statusCategory ? APPEARANCE[issue.statusCategory] : 'default'}>{issue.status}</Lozenge> : null;
  }
  const note = { hidden: 'you may not see it', deleted: 'deleted since', unknown: 'status not known right now' }[issue.state];
  return <span className="sh-subtle">({note})</span>;
}

export function CreatedIssues({ created }: { created: readonly CreatedIssue[] }) {
  return (
    <ul className="sh-created-list" data-testid="created-issues">
      {created.map((c) => (
        <li key={c.key} data-key={c.key} data-state={c.state}>
          {c.state === 'deleted' ? <code>{c.key}</code> : <IssueLink issueKey={c.key} />} <CreatedStatus issue={c} />
          {c.summary ? <span className="sh-created-summary"> {c.summary}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** "FOOD-52 · To Do": one created issue inline. */
export function CreatedInline({ issue }: { issue: CreatedIssue }) {
  return (
    <span data-key={issue.key} data-state={issue.state}>
      {issue.state === 'deleted' ? <code>{issue.key}</code> : <IssueLink issueKey={issue.key} />} · <CreatedStatus issue={issue} />
    </span>
  );
}
