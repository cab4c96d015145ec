/** The issue panel: loads the analysis for the issue in context and shows one of its states. */
import { useCallback, useEffect, useState } from 'react';
import SectionMessage from '@atlaskit/section-message';
import { analyzeIssue, type Envelope, type PanelAnalysis } from '../../shared/invokes';
import { ErrorState, Loading } from '../../shared/states';
import { Report } from './Report';

type State = { status: 'loading' } | { status: 'done'; result: Envelope<PanelAnalysis> };

export function PanelApp({ issueKey }: { issueKey: string | undefined }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    if (!issueKey) return;
    setState({ status: 'loading' });
    setState({ status: 'done', result: await analyzeIssue({ issueKey }) });
  }, [issueKey]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main aria-labelledby="sh-title">
      <h1 id="sh-title">Story Health</h1>
      {!issueKey ? (
        <ErrorState title="No issue" error={{ code: 'invalid-payload', message: 'This panel shows on an issue; Jira did not say which one.' }} />
      ) : state.status === 'loading' ? (
        <Loading label={`Checking ${issueKey}…`} />
      ) : !state.result.ok ? (
        <ErrorState title={`Could not check ${issueKey}`} error={state.result.error} onRetry={() => void load()} />
      ) : !state.result.data.isStory ? (
        <NotAStory analysis={state.result.data} />
      ) : (
        <Report analysis={state.result.data} onReload={() => void load()} />
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
