/**
 * AI assist in the panel: asked once per view of an issue's text (when the project turned it on),
 * below the engine's own suggestions, which stay whatever the model does. Everything shown here
 * was written by the model and passed the engine's check; it is marked as AI text. A rewrite can
 * be applied or edited in the draft box like the engine's; a split and drafted criteria are shown
 * to copy from, never written as they stand.
 */
import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Spinner from '@atlaskit/spinner';
import type { AiAssistResult, ResolverError, Rewrite } from '../../../src/contract';
import { ActionError } from './ActionError';
import { askAiAssist } from '../../shared/panel-invokes';
import { SPLIT_LABEL } from './Suggestions';
import { SuggestionCard } from './SuggestionCard';

export interface AiAssistProps {
  issueKey: string;
  /** The issue's `updated`: a new text is a new view to ask about. */
  updated: string;
  canEdit: boolean;
  busy: string | null;
  applyId: (index: number) => string;
  /** The errors of the panel's actions, by id (an Apply refused here shows under its card). */
  errors: Record<string, ResolverError>;
  onReload: () => void;
  onApply: (id: string, summary: string) => void;
  onEditInDraft: (rewrite: Rewrite) => void;
}

type State = { status: 'asking' } | { status: 'done'; result: AiAssistResult } | { status: 'failed'; message: string };

export function AiAssist({ issueKey, updated, ...actions }: AiAssistProps) {
  const [state, setState] = useState<State>({ status: 'asking' });
  useEffect(() => {
    let live = true;
    setState({ status: 'asking' });
    void askAiAssist({ issueKey }).then((r) => {
      if (live) setState(r.ok ? { status: 'done', result: r.data } : { status: 'failed', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [issueKey, updated]);

  return (
    <section aria-labelledby="sh-ai-heading" data-testid="ai-assist" data-status={state.status === 'done' ? state.result.status : state.status}>
      <h2 id="sh-ai-heading">
        AI assist <Lozenge appearance="new">AI</Lozenge>
      </h2>
      {state.status === 'asking' ? (
        <p className="sh-subtle">
          <Spinner size="small" label="Asking" /> Asking Atlassian&apos;s model; the engine&apos;s suggestions above stand on their own.
        </p>
      ) : state.status === 'failed' ? (
        <p className="sh-subtle">AI assist is unavailable ({state.message}): the engine&apos;s suggestions above stand on their own.</p>
      ) : (
        <AiResult result={state.result} {...actions} />
      )}
    </section>
  );
}

function AiResult({ result, canEdit, busy, applyId, errors, onReload, onApply, onEditInDraft }: { result: AiAssistResult } & Omit<AiAssistProps, 'issueKey' | 'updated'>) {
  return (
    <div className="sh-stack">
      <p className="sh-subtle" data-testid="ai-note">
        {result.note}
      </p>
      {result.rewrites.map((r, i) => (
        <SuggestionCard key={`ai-rewrite-${i}`} id={`ai-rewrite-${i}`} title="Rewrite by AI" suggestion={r}>
          <p className="sh-suggested-summary" data-kind="ai">
            {r.summary}
          </p>
          <div className="sh-button-row">
            {r.appliable === true ? (
              <Button isDisabled={busy !== null || !canEdit} isLoading={busy === applyId(i)} onClick={() => onApply(applyId(i), r.summary)}>
                Apply
              </Button>
            ) : null}
            <Button appearance="subtle" onClick={() => onEditInDraft(r)}>
              Edit in the draft box
            </Button>
          </div>
          {errors[applyId(i)] ? <ActionError title="Not applied" error={errors[applyId(i)]!} onReload={onReload} reloading={busy === 'reload'} /> : null}
        </SuggestionCard>
      ))}
      {result.splits.map((s, i) => (
        <SuggestionCard key={`ai-split-${i}`} id={`ai-split-${i}`} title={`Split by ${SPLIT_LABEL[s.pattern]}, by AI`} suggestion={s}>
          <ol className="sh-split-stories" data-pattern={s.pattern}>
            {s.stories.map((story, j) => (
              <li key={j}>{story.summary}</li>
            ))}
          </ol>
          <p className="sh-subtle sh-action-note">To create these, copy the parts you want; the engine&apos;s own split above can be created from here.</p>
        </SuggestionCard>
      ))}
      {result.acceptanceDraft.length ? (
        <div data-testid="ai-acceptance-draft">
          <h3>Draft acceptance criteria by AI</h3>
          <ol className="sh-draft-criteria">
            {result.acceptanceDraft.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
          <p className="sh-subtle">A draft: edit it with your team, then add it to the description.</p>
        </div>
      ) : null}
    </div>
  );
}
