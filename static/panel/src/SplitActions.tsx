/**
 * "Create stories" on a split card: a confirmation that lists exactly what will be created (each
 * story, where it goes, how it is linked), then the created stories with their live status, from
 * the server, so a reload shows them instead of offering the split again. A split created only in
 * part offers to create the missing stories (only those). Once created, the card offers the
 * coach's next step for the original: mark it as split. A story is split once: when another split
 * of it was created, this one is not offered.
 */
import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import type { PanelAction, PanelIssue, ResolverError } from '../../../src/contract';
import type { Split } from '../../../src/contract';
import { ActionError } from './ActionError';
import { ConfirmDialog } from './ConfirmDialog';
import { CreatedIssues } from './CreatedIssues';
import { WithPlaceholders } from './SuggestionCard';

export interface SplitActionsProps {
  /** The card's id, e.g. "split-0". */
  id: string;
  split: Split;
  issue: PanelIssue;
  canEdit: boolean;
  /** The running action's id (every write button is disabled while one runs). */
  busy: string | null;
  actionId: string;
  markId: string;
  /** What this split created (from the server), if anything. */
  action: PanelAction | undefined;
  /** Another split of this issue that was created: this one is not offered. */
  otherSplit: PanelAction | undefined;
  /** The original marked as split, once done. */
  marked: PanelAction | undefined;
  /** The first card of its section: its main button is the section's one primary button. */
  lead: boolean;
  error: ResolverError | undefined;
  markError: ResolverError | undefined;
  onCreate: () => Promise<void>;
  onMarkSplit: () => void;
}

export function SplitActions(props: SplitActionsProps) {
  const { id, split, issue, canEdit, busy, actionId, markId, action, otherSplit, marked, error, markError, onCreate } = props;
  const [confirming, setConfirming] = useState(false);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [refocus, setRefocus] = useState<'trigger' | 'result' | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const count = split.stories.length;
  const noun = count === 1 ? 'story' : 'stories';
  const type = issue.issueType || 'Story';
  const created = action?.created ?? [];

  useEffect(() => {
    if (!refocus) return;
    const target = refocus === 'result' ? (resultRef.current ?? triggerRef.current) : triggerRef.current;
    target?.focus();
    setRefocus(null);
  }, [refocus, action, error]);

  const close = (to: 'trigger' | 'result') => {
    setConfirming(false);
    setRefocus(to);
  };

  if (otherSplit && !action) {
    return (
      <div className="sh-action-area">
        <p className="sh-subtle sh-action-note" data-testid="split-elsewhere">
          Not offered: {issue.key} is already split into {otherSplit.created.map((c) => c.key).join(', ')}. A story is split once.
        </p>
      </div>
    );
  }

  const missing = action?.missing.length ?? 0;
  // Only a split whose every part the engine's self-check confirmed is created from here.
  const checked = split.appliable === true && split.placeholders.length === 0;
  if (!action && !checked) {
    return (
      <div className="sh-action-area">
        <p className="sh-subtle sh-action-note" data-testid="split-draft">
          Not created from here: the engine&apos;s check did not confirm every part as it stands. Use it as a draft when you write the parts.
        </p>
      </div>
    );
  }
  return (
    <div className="sh-action-area">
      {action ? null : (
        <div className="sh-button-row">
          <Button
            ref={triggerRef}
            appearance={props.lead ? 'primary' : 'default'}
            isDisabled={busy !== null}
            isLoading={busy === actionId}
            onClick={() => {
              setAnchor(triggerRef.current);
              setConfirming(true);
            }}
          >
            Create stories
          </Button>
        </div>
      )}
      {action ? (
        <div className="sh-result" ref={resultRef} tabIndex={-1} data-testid="split-created" data-status={action.status}>
          <p>
            <strong>Created {created.map((c) => c.key).join(', ')}</strong>, each linked to {issue.key}
            {issue.parentKey ? ` and in ${issue.parentKey}` : ''}.
          </p>
          <CreatedIssues created={created} />
          {action.status === 'running' ? <p className="sh-subtle">Still being created (another click or tab started it): reload in a moment.</p> : null}
          {action.status === 'partial' && missing ? (
            <>
              <p>
                Not created yet: {action.missing.join('; ')}.
              </p>
              <div className="sh-button-row">
                <Button appearance={props.lead ? 'primary' : 'default'} isDisabled={busy !== null} isLoading={busy === actionId} onClick={() => void onCreate()}>
                  {`Create the missing ${missing === 1 ? 'story' : `${missing} stories`}`}
                </Button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
      {action && action.status === 'done' ? <NextStep issue={issue} marked={marked} canEdit={canEdit} busy={busy} markId={markId} onMarkSplit={props.onMarkSplit} /> : null}
      {error ? (
        <div ref={action ? undefined : resultRef} tabIndex={-1}>
          <ActionError title={error.message.startsWith('Created ') ? 'Only some stories were created' : 'Stories not created'} error={error} />
        </div>
      ) : null}
      {marked || !markError ? null : <ActionError title="Not marked" error={markError} />}
      {confirming ? (
        <ConfirmDialog
          id={`${id}-confirm`}
          title={`Create ${count} ${noun} from ${issue.key}?`}
          confirmLabel={`Create ${count} ${noun}`}
          busy={busy === actionId}
          anchor={anchor}
          onCancel={() => close('trigger')}
          onConfirm={() => {
            void onCreate().then(() => close('result'));
          }}
        >
          <p>
            These {count} {noun} will be created in {issue.projectKey}, exactly as written here:
          </p>
          <ol className="sh-dialog-stories" data-testid="confirm-stories">
            {split.stories.map((story, i) => (
              <li key={i}>
                <span className="sh-dialog-story-summary">
                  <WithPlaceholders text={story.summary} placeholders={split.placeholders} />
                </span>
                {story.description ? (
                  <span className="sh-subtle sh-dialog-story-description">
                    <WithPlaceholders text={story.description} placeholders={split.placeholders} />
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
          <dl className="sh-dialog-facts">
            <div>
              <dt>Type</dt>
              <dd>{type}, like {issue.key}</dd>
            </div>
            <div>
              <dt>Parent</dt>
              <dd data-testid="confirm-parent">{issue.parentKey ? `${issue.parentKey}, the parent of ${issue.key}` : `None: ${issue.key} has no parent epic`}</dd>
            </div>
            <div>
              <dt>Links</dt>
              <dd>Each new story is linked to {issue.key} (relates to). {issue.key} keeps its own text.</dd>
            </div>
          </dl>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

interface NextStepProps {
  issue: PanelIssue;
  marked: PanelAction | undefined;
  canEdit: boolean;
  busy: string | null;
  markId: string;
  onMarkSplit: () => void;
}

/** The coach's next step for the original, once its parts exist: mark it as split (or say it is). */
function NextStep({ issue, marked, canEdit, busy, markId, onMarkSplit }: NextStepProps) {
  if (marked) {
    return (
      <p className="sh-result" data-testid="marked-split">
        <strong>{issue.key} is marked as split</strong>: it has the label <code>split</code> and a comment listing its parts. Close it when your workflow allows.
      </p>
    );
  }
  return (
    <div className="sh-next-step" data-testid="next-step">
      <p>
        <strong>Next:</strong> {issue.key}&apos;s work now lives in its parts. Mark it as split so it is not planned twice: it gets the label <code>split</code> (a board
        filter <code>labels != split</code> hides it) and a comment listing its parts. Its status is left to your workflow.
      </p>
      <div className="sh-button-row">
        <Button isDisabled={busy !== null || !canEdit} isLoading={busy === markId} onClick={onMarkSplit}>
          {`Mark ${issue.key} as split`}
        </Button>
      </div>
      {canEdit ? null : <p className="sh-subtle sh-action-note">You cannot edit {issue.key}, so it cannot be marked from here.</p>}
    </div>
  );
}
