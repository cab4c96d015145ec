/**
 * The issue panel: loads the analysis for the issue in context and shows one of its states. After
 * an action the analysis is reloaded in place: the view stays mounted (focus, the draft box and
 * action results are kept) and a failed reload keeps the last analysis on screen.
 */
import { useCallback, useEffect, useState } from 'react';
import SectionMessage from '@atlaskit/section-message';
import type { ResolverError } from '../../../src/contract';
import { analyzeIssue, type PanelAnalysis } from '../../shared/invokes';
import { ErrorState, Loading } from '../../shared/states';
import { StoryAnalysis } from './StoryAnalysis';

type State = { status: 'loading' } | { status: 'failed'; error: ResolverError } | { status: 'ready'; analysis: PanelAnalysis; reloadError: ResolverError | null };

export function PanelApp({ issueKey }: { issueKey: string | undefined }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    if (!issueKey) return;
    setState({ status: 'loading' });
    const result = await analyzeIssue({ issueKey });
    setState(result.ok ? { status: 'ready', analysis: result.data, reloadError: null } : { status: 'failed', error: result.error });
  }, [issueKey]);

  /** Reloads without leaving the current view. */
  const reload = useCallback(async (): Promise<boolean> => {
    if (!issueKey) return false;
    const result = await analyzeIssue({ issueKey });
    setState((s) => {
      if (result.ok) return { status: 'ready', analysis: result.data, reloadError: null };
      return s.status === 'ready' ? { ...s, reloadError: result.error } : { status: 'failed', error: result.error };
    });
    return result.ok;
  }, [issueKey]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main aria-labelledby="sh-title">
      <h1 id="sh-title" tabIndex={-1}>
        Story Health
      </h1>
      {!issueKey ? (
        <ErrorState title="No issue" error={{ code: 'invalid-payload', message: 'This panel shows on an issue; Jira did not say which one.' }} />
      ) : state.status === 'loading' ? (
        <Loading label={`Checking ${issueKey}…`} />
      ) : state.status === 'failed' ? (
        <ErrorState title={`Could not check ${issueKey}`} error={state.error} onRetry={() => void load()} />
      ) : (
        <>
          {state.reloadError ? <ErrorState title={`Could not check ${issueKey} again`} error={state.reloadError} onRetry={() => void reload()} /> : null}
          {state.analysis.isStory ? <StoryAnalysis analysis={state.analysis} reload={reload} /> : <NotAStory analysis={state.analysis} />}
        </>
      )}
    </main>
  );
}

function NotAStory({ analysis }: { analysis: PanelAnalysis }) {
  const type = analysis.issue.issueType || 'issue';
  return (
    <SectionMessage appearance="information" title="Not a story">
      <p>
        {analysis.issue.key} is a {type}. Story Health checks only the issue types chosen in this project&apos;s Story Health settings.
      </p>
    </SectionMessage>
  );
}
