/**
 * The project page. The backlog scan (health score, trend, worst stories) is not released yet, so
 * this page says so plainly and shows what is live: which issue types the project checks.
 */
import { useCallback, useEffect, useState } from 'react';
import SectionMessage from '@atlaskit/section-message';
import { getSettings, type Envelope, type SettingsView } from '../../shared/invokes';
import { ErrorState, Loading } from '../../shared/states';

export function ReportApp({ projectKey }: { projectKey: string | undefined }) {
  const [result, setResult] = useState<Envelope<SettingsView> | null>(null);

  const load = useCallback(async () => {
    if (!projectKey) return;
    setResult(null);
    setResult(await getSettings(projectKey));
  }, [projectKey]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main aria-labelledby="sh-title">
      <h1 id="sh-title">Backlog health</h1>
      {!projectKey ? (
        <ErrorState title="No project" error={{ code: 'invalid-payload', message: 'This page belongs to a project; Jira did not say which one.' }} />
      ) : (
        <>
          <p className="sh-subtle">Project {projectKey}</p>
          <SectionMessage appearance="information" title="The backlog scan is not available yet">
            <p>
              This page will scan the project&apos;s open stories and show its health score and trend, pass rates per INVEST criterion, the weakest stories,
              duplicates and dependency cycles. Until then, each story&apos;s check is in the Story Health panel on the issue.
            </p>
          </SectionMessage>
          <section aria-labelledby="sh-types">
            <h2 id="sh-types">Checked issue types</h2>
            {result === null ? (
              <Loading label="Loading the project's settings…" />
            ) : !result.ok ? (
              <ErrorState title="Could not load the project's settings" error={result.error} onRetry={() => void load()} />
            ) : (
              <>
                <ul className="sh-types" data-testid="checked-types">
                  {result.data.settings.issueTypes.map((t) => (
                    <li key={t}>{t}</li>
                  ))}
                </ul>
                <p className="sh-subtle">
                  Preset: {result.data.settings.preset}. {result.data.canEdit ? 'Change these in the project settings.' : 'Project administrators can change these in the project settings.'}
                </p>
              </>
            )}
          </section>
        </>
      )}
    </main>
  );
}
