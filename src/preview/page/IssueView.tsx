/** The middle column: the selected issue's fields, as plain text (Jira text is never markup here). */
import type { IssueDetails, Result } from './api';
import { Transitions } from './Transitions';

export function IssueView({ issueKey, result, user, onChanged }: { issueKey: string | undefined; result: Result<IssueDetails> | null; user: string; onChanged: () => void }) {
  if (!issueKey) {
    return (
      <section className="host-issue" aria-label="Issue">
        <p className="sh-subtle">Select an issue in the backlog.</p>
      </section>
    );
  }
  if (result === null) {
    return (
      <section className="host-issue" aria-label={`Issue ${issueKey}`}>
        <p role="status">Loading {issueKey}…</p>
      </section>
    );
  }
  if (!result.ok) {
    return (
      <section className="host-issue" aria-label={`Issue ${issueKey}`}>
        <h1>{issueKey}</h1>
        <p role="alert" className="host-error">
          {result.message}
        </p>
      </section>
    );
  }
  const issue = result.data;
  return (
    <article className="host-issue" aria-labelledby="issue-summary" data-issue={issue.key}>
      <p className="host-breadcrumb sh-subtle">
        {issue.projectKey} / {issue.parentKey ? `${issue.parentKey} / ` : ''}
        {issue.key}
      </p>
      <h1 id="issue-summary" className="host-summary">
        {issue.summary}
      </h1>
      <Transitions user={user} issueKey={issue.key} onMoved={onChanged} />
      <dl className="host-fields">
        <div>
          <dt>Type</dt>
          <dd>{issue.issueType}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{issue.status}</dd>
        </div>
        <div>
          <dt>Story points</dt>
          <dd>{issue.storyPoints ?? 'None'}</dd>
        </div>
        <div>
          <dt>Labels</dt>
          <dd>{issue.labels.length ? issue.labels.join(', ') : 'None'}</dd>
        </div>
      </dl>
      <h2>Description</h2>
      {issue.description ? <div className="host-description">{issue.description}</div> : <p className="sh-subtle">No description.</p>}
    </article>
  );
}
