/**
 * "Create stories" on a split card: a confirmation that lists exactly what will be created (each
 * story, where it goes, how it is linked), then the created keys, or the resolver's message, which
 * names what was created when Jira refused part way.
 */
import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import type { PanelIssue, ResolverError } from '../../../src/contract';
import type { Split } from '../../../src/core/story';
import type { CreateSplitResult } from '../../shared/panel-invokes';
import { ActionError } from './ActionError';
import { ConfirmDialog } from './ConfirmDialog';
import { WithPlaceholders } from './SuggestionCard';

export interface SplitActionsProps {
  /** The card's id, e.g. "split-0". */
  id: string;
  split: Split;
  issue: PanelIssue;
  /** The running action's id (every write button is disabled while one runs). */
  busy: string | null;
  actionId: string;
  created: CreateSplitResult['created'] | undefined;
  error: ResolverError | undefined;
  onCreate: () => Promise<void>;
}

export function SplitActions({ id, split, issue, busy, actionId, created, error, onCreate }: SplitActionsProps) {
  const [confirming, setConfirming] = useState(false);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [refocus, setRefocus] = useState<'trigger' | 'result' | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const count = split.stories.length;
  const noun = count === 1 ? 'story' : 'stories';
  const type = issue.issueType || 'Story';

  useEffect(() => {
    if (!refocus) return;
    const target = refocus === 'result' ? (resultRef.current ?? triggerRef.current) : triggerRef.current;
    target?.focus();
    setRefocus(null);
  }, [refocus, created, error]);

  const close = (to: 'trigger' | 'result') => {
    setConfirming(false);
    setRefocus(to);
  };

  return (
    <div className="sh-action-area">
      {created ? null : (
        <div className="sh-button-row">
          <Button
            ref={triggerRef}
            appearance="primary"
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
      {created ? (
        <div className="sh-result" ref={resultRef} tabIndex={-1} data-testid="split-created">
          <p>
            <strong>
              Created {created.map((c) => c.key).join(', ')}
            </strong>
            , each linked to {issue.key}
            {issue.parentKey ? ` and in ${issue.parentKey}` : ''}.
          </p>
          <ul className="sh-created-list">
            {created.map((c) => (
              <li key={c.key}>
                <code>{c.key}</code> {c.summary}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <div ref={created ? undefined : resultRef} tabIndex={-1}>
          <ActionError title={error.message.startsWith('Created ') ? 'Only some stories were created' : 'Stories not created'} error={error} />
        </div>
      ) : null}
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
          {split.placeholders.length ? (
            <p className="sh-placeholders">
              <span className="sh-field-label">Fill in after creating: </span>
              {split.placeholders.map((p, i) => (
                <span key={p}>
                  {i ? ', ' : null}
                  <span className="sh-placeholder">{p}</span>
                </span>
              ))}
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
