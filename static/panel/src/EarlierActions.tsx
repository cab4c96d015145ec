/**
 * What Story Health created from this issue for suggestions it no longer makes (the story changed
 * since, e.g. a technical story rewritten after its task was made): still shown, never offered again.
 */
import type { PanelAction, PanelIssue } from '../../../src/contract';
import { CreatedIssues } from './CreatedIssues';

function describe(action: PanelAction, issue: PanelIssue): string {
  if (action.kind === 'make-task') return `A subtask of ${action.parentKey ?? 'its story'}, linked to ${issue.key}:`;
  if (action.kind === 'create-split') return `Stories split from ${issue.key}, each linked to it:`;
  return '';
}

export function EarlierActions({ actions, issue }: { actions: readonly PanelAction[]; issue: PanelIssue }) {
  const shown = actions.filter((a) => a.kind !== 'mark-split');
  if (!shown.length) return null;
  return (
    <section aria-labelledby="sh-earlier-heading" data-testid="earlier-actions">
      <h2 id="sh-earlier-heading">Created from {issue.key} earlier</h2>
      {shown.map((a) => (
        <div key={a.id} className="sh-result" data-action={a.kind}>
          <p>{describe(a, issue)}</p>
          <CreatedIssues created={a.created} />
          {a.missing.length ? <p className="sh-subtle">Not created: {a.missing.join('; ')}</p> : null}
        </div>
      ))}
    </section>
  );
}
