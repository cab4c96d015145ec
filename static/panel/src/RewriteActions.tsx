/**
 * The buttons of a rewrite card. A rewrite the engine's self-check confirmed (`appliable`) is applied
 * as is; any other (placeholders, or a check it failed) is never applied as is: it goes to the draft
 * box, where it is edited and scored again. A task
 * rewrite becomes a subtask of the user story it serves, once: when it exists, the card shows it
 * (its key and live status) instead of the button, also after a reload.
 */
import Button from '@atlaskit/button/new';
import type { PanelAction, PanelIssue, ResolverError } from '../../../src/contract';
import type { Rewrite } from '../../../src/contract';
import { ActionError } from './ActionError';
import { CreatedInline } from './CreatedIssues';

export interface RewriteActionsProps {
  rewrite: Rewrite;
  issue: PanelIssue;
  canEdit: boolean;
  busy: string | null;
  applyId: string;
  taskId: string;
  error: ResolverError | undefined;
  /** What "Make it a task of …" created, once done (from the server: it survives a reload). */
  taskAction: PanelAction | undefined;
  /** The first card of its section: its main button is the section's one primary button. */
  lead: boolean;
  onApply: () => void;
  onEditInDraft: () => void;
  onMakeTask: () => void;
  onReload: () => void;
}

export function RewriteActions(props: RewriteActionsProps) {
  const { rewrite, issue, canEdit, busy, applyId, taskId, error, taskAction } = props;
  const task = taskAction?.created[0];
  const taskCreated = task !== undefined;
  const hasPlaceholders = rewrite.placeholders.length > 0;
  // Only what the engine's self-check confirmed is offered with a write button; the rest is a draft.
  const checked = rewrite.appliable === true && !hasPlaceholders;
  const isTask = rewrite.kind === 'task' && Boolean(rewrite.parentKey);
  const offerTask = isTask && !taskCreated && checked;
  const canApply = rewrite.kind !== 'task' && checked;
  const anyBusy = busy !== null;
  const main = props.lead ? 'primary' : 'default';
  return (
    <div className="sh-action-area">
      <div className="sh-button-row">
        {canApply ? (
          <Button appearance={main} isDisabled={anyBusy || !canEdit} isLoading={busy === applyId} onClick={props.onApply}>
            Apply
          </Button>
        ) : null}
        {offerTask ? (
          <Button appearance={main} isDisabled={anyBusy} isLoading={busy === taskId} onClick={props.onMakeTask}>
            Make it a task of {rewrite.parentKey}
          </Button>
        ) : null}
        {!isTask || (!checked && !taskCreated) ? (
          <Button appearance={canApply ? 'subtle' : main} onClick={props.onEditInDraft}>
            Edit in the draft box
          </Button>
        ) : null}
      </div>
      {taskCreated ? null : hasPlaceholders ? (
        <p className="sh-subtle sh-action-note">Not applied as is: fill in the marked placeholders in the draft box first.</p>
      ) : !checked ? (
        <p className="sh-subtle sh-action-note">Not applied as is: the engine&apos;s check did not confirm it. Edit it in the draft box first.</p>
      ) : null}
      {canApply && !canEdit ? <p className="sh-subtle sh-action-note">You cannot edit {issue.key}, so this cannot be applied.</p> : null}
      {isTask && taskCreated ? (
        <div className="sh-result" data-testid="task-created" data-status={taskAction!.status}>
          <p>
            <strong>Created</strong> <CreatedInline issue={task!} />, a subtask of {rewrite.parentKey}
            {taskAction!.status === 'done' ? `, linked to ${issue.key}.` : `; the link to ${issue.key} is not made yet.`}
          </p>
          {taskAction!.status === 'partial' ? (
            <div className="sh-button-row">
              <Button isDisabled={anyBusy} isLoading={busy === taskId} onClick={props.onMakeTask}>
                {`Link it to ${issue.key}`}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
      {offerTask ? (
        <p className="sh-subtle sh-action-note">
          Creates a subtask of {rewrite.parentKey} named “{rewrite.summary}”, with {issue.key}&apos;s description, linked to {issue.key}. {issue.key} itself is not changed.
        </p>
      ) : null}
      {error ? <ActionError title={isTask ? 'Task not created' : 'Not applied'} error={error} onReload={props.onReload} reloading={busy === 'reload'} /> : null}
    </div>
  );
}
