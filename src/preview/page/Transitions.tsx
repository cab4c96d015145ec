/**
 * The issue view's workflow buttons, as Jira shows them beside the status: one per transition the
 * user may take (a workflow condition that fails hides its transition). A workflow validator's refusal (the Story Health quality gate) is shown with its
 * own message, as Jira shows it in a flag.
 */
import { useEffect, useState } from 'react';
import { fetchTransitions, takeTransition, type Result, type TransitionItem } from './api';

export function Transitions({ user, issueKey, onMoved }: { user: string; issueKey: string; onMoved: () => void }) {
  const [list, setList] = useState<Result<{ transitions: TransitionItem[] }> | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState('');
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    setRefusal('');
    void fetchTransitions(user, issueKey).then((r) => live && setList(r));
    return () => {
      live = false;
    };
  }, [user, issueKey, version]);
  if (!list?.ok) return null;
  // Jira offers only the transitions whose conditions hold: none left is said, not left blank.
  if (!list.data.transitions.length)
    return (
      <p className="host-transitions sh-subtle" data-testid="no-transitions">
        No workflow transitions are available to you on this issue.
      </p>
    );
  return (
    <div className="host-transitions">
      <div role="group" aria-label="Workflow" className="host-transition-buttons">
        {list.data.transitions.map((t) => (
          <button
            key={t.id}
            type="button"
            className="host-button"
            disabled={busy}
            data-transition={t.id}
            onClick={() => {
              setBusy(true);
              setRefusal('');
              void takeTransition(user, issueKey, t.id).then((r) => {
                setBusy(false);
                if (!r.ok) {
                  setRefusal(r.message);
                  return;
                }
                setVersion((n) => n + 1);
                onMoved();
              });
            }}
          >
            {t.name}
          </button>
        ))}
      </div>
      {refusal ? (
        <div role="alert" className="host-error host-transition-error" data-testid="transition-error">
          <strong>The transition was refused.</strong> {refusal}
        </div>
      ) : null}
    </div>
  );
}
