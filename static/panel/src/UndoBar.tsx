/**
 * The last Apply on this issue and its Undo. Undo puts back only the fields Apply wrote; when one
 * of them was edited since, Undo would overwrite that edit, so it is not offered and the bar says why.
 */
import type { Ref } from 'react';
import Button from '@atlaskit/button/new';
import type { PanelIssue, PanelUndo, ResolverError } from '../../../src/contract';
import { ActionError } from './ActionError';

const names = (fields: readonly string[]) => fields.join(' and ');

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export interface UndoBarProps {
  undo: PanelUndo;
  issue: PanelIssue;
  canEdit: boolean;
  busy: string | null;
  error: ResolverError | undefined;
  undoRef: Ref<HTMLButtonElement>;
  onUndo: () => void;
  onReload: () => void;
}

export function UndoBar({ undo, issue, canEdit, busy, error, undoRef, onUndo, onReload }: UndoBarProps) {
  const who = undo.appliedByYou ? 'you' : 'someone else';
  const at = when(undo.appliedAt);
  if (undo.changed.length) {
    return (
      <p className="sh-subtle sh-undo-gone" data-testid="undo-gone">
        Undo is no longer offered: the {names(undo.changed)} of {issue.key} was edited after Story Health applied its rewrite, and Undo would overwrite that edit.
      </p>
    );
  }
  return (
    <div className="sh-undo" data-testid="undo-bar">
      <p>
        <strong>
          Story Health changed the {names(undo.fields)} of {issue.key}.
        </strong>{' '}
        Applied by {who}
        {at ? `, ${at}` : ''}. Undo puts back the {names(undo.fields)} it had before, exactly; nothing else is touched.
      </p>
      <div className="sh-button-row">
        <Button ref={undoRef} isDisabled={busy !== null || !canEdit} isLoading={busy === 'undo'} onClick={onUndo}>
          Undo
        </Button>
      </div>
      {canEdit ? null : <p className="sh-subtle sh-action-note">You cannot edit {issue.key}, so Undo is not available to you.</p>}
      {error ? <ActionError title="Not undone" error={error} onReload={onReload} reloading={busy === 'reload'} /> : null}
    </div>
  );
}
