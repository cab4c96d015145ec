/**
 * A checked story: score, INVEST row, findings, backlog findings (not scored), suggestions with their actions, and the draft box.
 * Every write (Apply, Undo, Create stories, Make it a task, Mark as split) runs one at a time
 * (Apply and Make it a task send the `updated` value this panel loaded, so a concurrent edit is
 * refused, never overwritten), then reloads the checks, tells Jira's issue view to show the new
 * state (`view.refresh()`), and says what happened in a polite live region. What an action
 * created comes from the server, so a reload shows it instead of offering it again. Errors stay
 * next to the control that caused them; nothing typed in the draft box is lost by a refusal or a reload.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Envelope, ResolverError } from '../../../src/contract';
import type { Rewrite, Split } from '../../../src/contract';
import { PLACEHOLDER } from '../../../src/contract/ui';
import type { PanelAnalysis } from '../../shared/invokes';
import { applyRewrite, createSplit, makeTask, markSplit, undoRewrite } from '../../shared/panel-invokes';
import { refreshIssueView } from '../../shared/refresh-view';
import { useAnnouncer, useSingleFlight } from './actions';
import { DiffView } from './DiffView';
import { DraftBox, type Draft } from './DraftBox';
import { EarlierActions } from './EarlierActions';
import { Findings } from './Findings';
import { BacklogFindings } from './BacklogFindings';
import { InvestRow } from './InvestRow';
import { RewriteActions } from './RewriteActions';
import { ScoreHeader } from './ScoreHeader';
import { SplitActions } from './SplitActions';
import { TruncationNote } from './TruncationNote';
import { REWRITE_LABEL, Suggestions } from './Suggestions';
import { AcceptanceDraft, ExistingSlices } from './StoryShape';
import { AiAssist } from './AiAssist';
import { UndoBar } from './UndoBar';

export interface StoryAnalysisProps {
  analysis: PanelAnalysis;
  /** Reloads the analysis without unmounting this view; resolves true when it succeeded. */
  reload: () => Promise<boolean>;
}

type FocusTarget = { to: 'undo' } | { to: 'title' } | { to: 'draft'; select: [number, number] | null };

export function StoryAnalysis({ analysis, reload }: StoryAnalysisProps) {
  const { report, issue, canEdit, undo: lastApply, actions, actionIds } = analysis;
  const { busy, run } = useSingleFlight();
  const [message, announce] = useAnnouncer();
  const [errors, setErrors] = useState<Record<string, ResolverError>>({});
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

  /** After a write: the checks again, then Jira's issue view, so both show the issue as it is now. */
  const settle = async (): Promise<boolean> => {
    const reloaded = await reload();
    await refreshIssueView();
    return reloaded;
  };

  /** Clears the control's error and calls the resolver: its data, or undefined with the refusal shown next to the control. */
  const attempt = async <T,>(id: string, call: () => Promise<Envelope<T>>): Promise<T | undefined> => {
    setError(id, undefined);
    const result = await call();
    if (result.ok) return result.data;
    setError(id, result.error);
    return undefined;
  };

  const actionById = (id: string | null | undefined) => (id ? actions.find((a) => a.id === id) : undefined);
  const createdSplit = actions.find((a) => a.kind === 'create-split');
  const marked = actions.find((a) => a.kind === 'mark-split' && a.status === 'done');
  const offered = new Set([...actionIds.rewrites, ...actionIds.splits]);
  const earlier = actions.filter((a) => !offered.has(a.id));

  const applySummary = (id: string, summary: string, onApplied?: () => void) =>
    void run(id, async () => {
      const applied = await attempt(id, () => applyRewrite({ issueKey: issue.key, expectedUpdated: issue.updated, summary }));
      if (!applied) return;
      onApplied?.();
      if (!applied.changed) {
        announce(`${issue.key} already reads "${summary.trim()}": nothing was changed.`);
        return;
      }
      const reloaded = await settle();
      const undoNote = applied.undoSaved ? ' Undo puts the previous text back.' : " Undo could not be kept this time: the issue's history has the previous text.";
      announce(`Applied to ${issue.key}: its summary now reads "${summary.trim()}".${reloaded ? ' The checks ran again.' : ''}${undoNote}`);
      if (reloaded && applied.undoSaved) setFocusNext({ to: 'undo' });
    });

  const undo = () =>
    void run('undo', async () => {
      const fields = lastApply?.fields.join(' and ') ?? 'text';
      if (!(await attempt('undo', () => undoRewrite({ issueKey: issue.key })))) return;
      const reloaded = await settle();
      announce(`Undone: ${issue.key} has its previous ${fields} again.${reloaded ? ' The checks ran again.' : ''}`);
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
      const task = await attempt(id, () => makeTask({ issueKey: issue.key, parentKey, expectedUpdated: issue.updated, summary: rewrite.summary }));
      if (!task) return;
      await settle();
      announce(
        task.alreadyDone
          ? `${task.key} was created before, a subtask of ${parentKey}: nothing new was created.`
          : `Created ${task.key}, a subtask of ${parentKey}, linked to ${issue.key}.`,
      );
    });

  const createStories = async (split: Split, id: string) => {
    await run(id, async () => {
      setError(id, undefined);
      const request = { issueKey: issue.key, stories: split.stories.map((s) => (s.description ? { summary: s.summary, description: s.description } : { summary: s.summary })) };
      let result = await createSplit(request);
      // A long split stops before the platform's time limit: carry on while it makes progress.
      for (let round = 0; round < 5 && result.ok && result.data.missing > 0; round++) {
        const before = result.data.created.length;
        result = await createSplit(request);
        if (result.ok && result.data.created.length === before) break;
      }
      if (!result.ok) {
        setError(id, result.error);
        // Part of the split may exist (the message names it): show the issue as it is now.
        if (result.error.message.startsWith('Created ')) await settle();
        return;
      }
      await settle();
      const keys = result.data.created.map((c) => c.key).join(', ');
      if (result.data.alreadyDone) announce(`These stories were created before (${keys}): nothing new was created.`);
      else if (result.data.missing) announce(`Created ${keys}, each linked to ${issue.key}; ${result.data.missing} still to create: use Create the missing stories.`);
      else announce(`Created ${keys}, each linked to ${issue.key}.`);
    });
  };

  const markAsSplit = (id: string) =>
    void run(id, async () => {
      const mark = await attempt(id, () => markSplit({ issueKey: issue.key }));
      if (!mark) return;
      await settle();
      announce(
        mark.alreadyDone
          ? `${issue.key} was marked as split before: nothing was changed.`
          : `Marked ${issue.key} as split: it has the label ${mark.label} and a comment listing ${mark.parts.join(', ')}.`,
      );
    });

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
      {lastApply ? (
        <UndoBar undo={lastApply} issue={issue} canEdit={canEdit} busy={busy} error={errors.undo} undoRef={undoRef} onUndo={undo} onReload={reloadNow} />
      ) : null}
      <ScoreHeader report={report} />
      <TruncationNote truncated={report.truncated} />
      <InvestRow report={report} />
      <Findings findings={report.findings} scores={report.criteria} issue={issue} />
      <BacklogFindings findings={report.backlogFindings} issue={issue} />
      <ExistingSlices report={report} />
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
              taskAction={actionById(actionIds.rewrites[i])}
              lead={i === 0}
              onApply={() => applySummary(applyId, rewrite.summary)}
              onEditInDraft={() => editInDraft(rewrite)}
              onMakeTask={() => makeTaskOf(rewrite, taskId)}
              onReload={reloadNow}
            />
          );
        }}
        splitActions={(split, i) => {
          const actionId = `split:${i}`;
          const action = actionById(actionIds.splits[i]);
          return (
            <SplitActions
              id={`split-${i}`}
              split={split}
              issue={issue}
              canEdit={canEdit}
              busy={busy}
              actionId={actionId}
              markId="mark-split"
              action={action}
              otherSplit={action ? undefined : createdSplit}
              marked={marked}
              lead={i === 0}
              error={errors[actionId]}
              markError={errors['mark-split']}
              onCreate={() => createStories(split, actionId)}
              onMarkSplit={() => markAsSplit('mark-split')}
            />
          );
        }}
      />
      <AcceptanceDraft report={report} />
      {analysis.aiAssist ? (
        <AiAssist
          issueKey={issue.key}
          updated={issue.updated}
          canEdit={canEdit}
          busy={busy}
          applyId={(i) => `apply:ai-rewrite-${i}`}
          errors={errors}
          onReload={reloadNow}
          onApply={(id, summary) => applySummary(id, summary)}
          onEditInDraft={editInDraft}
        />
      ) : null}
      <EarlierActions actions={earlier} issue={issue} />
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
