/**
 * A checked story: score, INVEST row, findings, suggestions with their actions, and the draft box.
 * Every write (Apply, Undo, Create stories, Make it a task) runs one at a time, sends the
 * `updated` value this panel loaded (so a concurrent edit is refused, never overwritten), then
 * reloads the checks and says what happened in a polite live region. Errors stay next to the
 * control that caused them; nothing typed in the draft box is lost by a refusal or a reload.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import type { ResolverError } from '../../../src/contract';
import type { Rewrite, Split } from '../../../src/core/story';
import { PLACEHOLDER } from '../../../src/core/suggest/grammar';
import type { PanelAnalysis } from '../../shared/invokes';
import { applyRewrite, createSplit, makeTask, undoRewrite, type CreateSplitResult } from '../../shared/panel-invokes';
import { useAnnouncer, useSingleFlight } from './actions';
import { ActionError } from './ActionError';
import { DiffView } from './DiffView';
import { DraftBox, type Draft } from './DraftBox';
import { Findings } from './Findings';
import { InvestRow } from './InvestRow';
import { RewriteActions } from './RewriteActions';
import { ScoreHeader } from './ScoreHeader';
import { SplitActions } from './SplitActions';
import { TruncationNote } from './TruncationNote';
import { REWRITE_LABEL, Suggestions } from './Suggestions';

export interface StoryAnalysisProps {
  analysis: PanelAnalysis;
  /** Reloads the analysis without unmounting this view; resolves true when it succeeded. */
  reload: () => Promise<boolean>;
}

const splitSignature = (split: Split) => `${split.pattern}\n${split.stories.map((s) => s.summary).join('\n')}`;

type FocusTarget = { to: 'undo' } | { to: 'title' } | { to: 'draft'; select: [number, number] | null };

export function StoryAnalysis({ analysis, reload }: StoryAnalysisProps) {
  const { report, issue, canEdit, canUndo } = analysis;
  const { busy, run } = useSingleFlight();
  const [message, announce] = useAnnouncer();
  const [errors, setErrors] = useState<Record<string, ResolverError>>({});
  const [created, setCreated] = useState<Record<string, CreateSplitResult['created']>>({});
  const [tasks, setTasks] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState<Draft>({ text: issue.summary, touched: false, from: null, placeholders: [] });
  const [focusNext, setFocusNext] = useState<FocusTarget | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  const setError = useCallback((id: string, error: ResolverError | undefined) => {
    setErrors((all) => {
      const next = { ...all };
      if (error) next[id] = error;
      else delete next[id];
      return next;
    });
  }, []);

  // A draft nobody has edited follows the issue's summary across reloads; an edited one is kept.
  useEffect(() => {
    setDraft((d) => (d.touched ? d : { ...d, text: issue.summary }));
  }, [issue.summary]);

  // Focus moves where the user's next step is, once the element is there.
  useEffect(() => {
    if (!focusNext) return;
    if (focusNext.to === 'undo') {
      if (!undoRef.current) return;
      undoRef.current.focus();
    } else if (focusNext.to === 'title') {
      document.getElementById('sh-title')?.focus();
    } else {
      const box = textareaRef.current;
      if (!box) return;
      box.focus();
      box.scrollIntoView({ block: 'center' });
      if (focusNext.select) box.setSelectionRange(focusNext.select[0], focusNext.select[1]);
    }
    setFocusNext(null);
  }, [focusNext, analysis]);

  const applySummary = (id: string, summary: string, onApplied?: () => void) =>
    void run(id, async () => {
      setError(id, undefined);
      const result = await applyRewrite({ issueKey: issue.key, expectedUpdated: issue.updated, summary });
      if (!result.ok) {
        setError(id, result.error);
        return;
      }
      onApplied?.();
      const reloaded = await reload();
      announce(`Applied to ${issue.key}: its summary now reads "${summary.trim()}".${reloaded ? ' The checks ran again.' : ''} Undo puts the previous text back.`);
      if (reloaded) setFocusNext({ to: 'undo' });
    });

  const undo = () =>
    void run('undo', async () => {
      setError('undo', undefined);
      const result = await undoRewrite({ issueKey: issue.key, expectedUpdated: issue.updated });
      if (!result.ok) {
        setError('undo', result.error);
        return;
      }
      const reloaded = await reload();
      announce(`Undone: ${issue.key} has its previous summary and description again.${reloaded ? ' The checks ran again.' : ''}`);
      setFocusNext({ to: 'title' });
    });

  const reloadNow = () =>
    void run('reload', async () => {
      if (!(await reload())) return;
      setErrors((all) => Object.fromEntries(Object.entries(all).filter(([, e]) => e.code !== 'conflict')));
      announce(`Reloaded: the panel shows the latest text of ${issue.key}.${draft.touched ? ' Your draft is kept.' : ''}`);
    });

  const makeTaskOf = (rewrite: Rewrite, id: string) =>
    void run(id, async () => {
      const parentKey = rewrite.parentKey!;
      setError(id, undefined);
      const result = await makeTask({ issueKey: issue.key, parentKey, expectedUpdated: issue.updated, summary: rewrite.summary });
      if (!result.ok) {
        setError(id, result.error);
        return;
      }
      setTasks((t) => ({ ...t, [parentKey]: result.data.key }));
      await reload();
      announce(`Created ${result.data.key}, a subtask of ${parentKey}, linked to ${issue.key}.`);
    });

  const createStories = async (split: Split, id: string) => {
    await run(id, async () => {
      setError(id, undefined);
      const result = await createSplit({ issueKey: issue.key, stories: split.stories.map((s) => (s.description ? { summary: s.summary, description: s.description } : { summary: s.summary })) });
      if (!result.ok) {
        setError(id, result.error);
        // Part of the split may exist (the message names it): show the issue as it is now.
        if (result.error.message.startsWith('Created ')) await reload();
        return;
      }
      setCreated((c) => ({ ...c, [splitSignature(split)]: result.data.created }));
      await reload();
      const keys = result.data.created.map((c) => c.key).join(', ');
      announce(`Created ${keys}, each linked to ${issue.key}.`);
    });
  };

  const editInDraft = (rewrite: Rewrite) => {
    setDraft({ text: rewrite.summary, touched: true, from: REWRITE_LABEL[rewrite.kind], placeholders: rewrite.placeholders });
    // The first placeholder is selected: typing replaces it.
    const first = rewrite.placeholders.map((p) => ({ p, at: rewrite.summary.indexOf(p) })).find((x) => x.at >= 0);
    setFocusNext({ to: 'draft', select: first ? [first.at, first.at + first.p.length] : null });
  };

  const knownPlaceholders = useMemo(
    () => [
      ...new Set([...Object.values(PLACEHOLDER), ...report.rewrites.flatMap((r) => r.placeholders), ...report.splits.flatMap((s) => s.placeholders), ...draft.placeholders]),
    ],
    [report, draft.placeholders],
  );

  return (
    <div className="sh-stack">
      <p className={message ? 'sh-live sh-live-visible' : 'sh-live'} role="status" aria-live="polite" data-testid="panel-status">
        {message}
      </p>
      {canUndo ? (
        <div className="sh-undo" data-testid="undo-bar">
          <p>
            <strong>Story Health changed {issue.key}.</strong> Undo puts back the summary and description it had before, exactly.
          </p>
          <div className="sh-button-row">
            <Button ref={undoRef} isDisabled={busy !== null || !canEdit} isLoading={busy === 'undo'} onClick={undo}>
              Undo
            </Button>
          </div>
          {canEdit ? null : <p className="sh-subtle sh-action-note">You cannot edit {issue.key}, so Undo is not available to you.</p>}
          {errors.undo ? <ActionError title="Not undone" error={errors.undo} onReload={reloadNow} reloading={busy === 'reload'} /> : null}
        </div>
      ) : null}
      <ScoreHeader report={report} />
      <TruncationNote truncated={report.truncated} />
      <InvestRow report={report} />
      <Findings findings={report.findings} scores={report.criteria} issue={issue} />
      <Suggestions
        rewrites={report.rewrites}
        splits={report.splits}
        rewriteDetails={(rewrite, i) =>
          rewrite.kind === 'user-story' ? <DiffView id={`rewrite-${i}-diff`} before={issue.summary} after={rewrite.summary} placeholders={rewrite.placeholders} /> : null
        }
        rewriteActions={(rewrite, i) => {
          const applyId = `apply:rewrite-${i}`;
          const taskId = `task:${rewrite.parentKey ?? i}`;
          return (
            <RewriteActions
              rewrite={rewrite}
              issue={issue}
              canEdit={canEdit}
              busy={busy}
              applyId={applyId}
              taskId={taskId}
              error={errors[applyId] ?? errors[taskId]}
              taskCreated={rewrite.parentKey ? tasks[rewrite.parentKey] : undefined}
              onApply={() => applySummary(applyId, rewrite.summary)}
              onEditInDraft={() => editInDraft(rewrite)}
              onMakeTask={() => makeTaskOf(rewrite, taskId)}
              onReload={reloadNow}
            />
          );
        }}
        splitActions={(split, i) => {
          const actionId = `split:${i}`;
          return (
            <SplitActions
              id={`split-${i}`}
              split={split}
              issue={issue}
              busy={busy}
              actionId={actionId}
              created={created[splitSignature(split)]}
              error={errors[actionId]}
              onCreate={() => createStories(split, actionId)}
            />
          );
        }}
      />
      <DraftBox
        issue={issue}
        current={report}
        draft={draft}
        onChange={(text) => setDraft((d) => ({ ...d, text, touched: true }))}
        onReset={() => setDraft({ text: issue.summary, touched: false, from: null, placeholders: [] })}
        knownPlaceholders={knownPlaceholders}
        canEdit={canEdit}
        busy={busy}
        applyId="apply:draft"
        onApply={() => applySummary('apply:draft', draft.text, () => setDraft({ text: draft.text, touched: false, from: null, placeholders: [] }))}
        error={errors['apply:draft']}
        onReload={reloadNow}
        textareaRef={textareaRef}
      />
    </div>
  );
}
