/**
 * The preview page: a Jira-like issue view (backlog, issue fields, the Story Health panel in the
 * side column), the project page, the project settings page, the workflow rules and the Rovo
 * agent's actions, a user switcher and a theme switch.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { fetchBacklog, fetchIssue, fetchSession, frameUrl, resetSample, type BacklogItem, type Result, type Session } from './api';
import { AgentView } from './AgentView';
import { AppFrame } from './AppFrame';
import { IssueContext } from './IssueContext';
import { IssueView } from './IssueView';
import { WorkflowView } from './WorkflowView';
import { readLocation, toSearch, type Tab, type ViewState } from './location';
import { TabList, TabPanel } from './Tabs';
import { useFetched } from './use-fetched';

export function HostApp() {
  const [session, setSession] = useState<Result<Session> | null>(null);
  const [view, setView] = useState<ViewState>(readLocation);
  const [reloads, setReloads] = useState(0);
  const [resetError, setResetError] = useState('');
  /** Bumped when an app changed an issue (`view.refresh()`): the backlog and issue view re-read it, the frames stay. */
  const [refreshes, setRefreshes] = useState(0);

  useEffect(() => {
    void fetchSession().then(setSession);
    const onPop = () => setView(readLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    void setGlobalTheme({ colorMode: view.theme, contrastMode: 'no-preference', light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography' }).catch(() => undefined);
  }, [view.theme]);

  const update = useCallback((patch: Partial<ViewState>, push = true) => {
    setView((prev) => {
      const next = { ...prev, ...patch };
      const search = toSearch(next);
      if (search !== window.location.search) window.history[push ? 'pushState' : 'replaceState'](null, '', search);
      return next;
    });
  }, []);

  // Fill in defaults once the session is known: the first user and project.
  const data = session?.ok ? session.data : undefined;
  const user = data?.users.find((u) => u.accountId === view.user) ?? data?.users[0];
  const project = data?.projects.find((p) => p.key === view.project) ?? data?.projects[0];
  useEffect(() => {
    if (user && project && (view.user !== user.accountId || view.project !== project.key)) update({ user: user.accountId, project: project.key }, false);
  }, [user, project, view.user, view.project, update]);

  const backlog = useFetched(user && project ? () => fetchBacklog(user.accountId, project.key) : undefined, [user, project, reloads], refreshes);

  // Default issue: the first story of the backlog.
  useEffect(() => {
    if (view.issue || !backlog?.ok) return;
    const first = backlog.data.issues.find((i) => i.issueType === 'Story') ?? backlog.data.issues[0];
    if (first) update({ issue: first.key }, false);
  }, [backlog, view.issue, update]);

  const issueKey = view.issue && project && view.issue.startsWith(`${project.key}-`) ? view.issue : undefined;
  // A new issue (or user) shows "Loading…"; a refresh keeps the old fields until the new ones arrive.
  const issue = useFetched(user && issueKey ? () => fetchIssue(user.accountId, issueKey) : undefined, [user, issueKey, reloads], refreshes);

  const refreshIssue = useCallback(() => setRefreshes((n) => n + 1), []);
  const openIssue = useCallback((key: string) => update({ issue: key, project: key.slice(0, key.lastIndexOf('-')) }), [update]);

  // The frames add the theme themselves (AppFrame): a theme change alone never reloads them.
  const frameKey = `${user?.accountId}|${project?.key}|${issueKey}|${reloads}`;
  const srcs = useMemo(() => {
    if (!user || !project) return undefined;
    const base = { user: user.accountId, project: project.key };
    return {
      panel: issueKey ? frameUrl('panel', { ...base, issue: issueKey }) : undefined,
      report: frameUrl('report', base),
      settings: frameUrl('settings', base),
      gate: frameUrl('gate', base),
    };
  }, [user, project, issueKey]);

  if (session === null) return <p role="status">Starting the preview…</p>;
  if (!session.ok || !data || !user || !project || !srcs) {
    return (
      <main>
        <h1>Story Health preview</h1>
        <p role="alert">{session.ok ? 'The preview has no users or projects.' : session.message}</p>
      </main>
    );
  }

  const selectTab = (tab: Tab) => update({ tab });
  return (
    <div className="host">
      <header className="host-top">
        <p className="host-brand">
          <span className="host-logo" aria-hidden="true">
            ◆
          </span>{' '}
          Story Health preview
        </p>
        <p className="host-mode sh-subtle">
          {data.description}
          {data.readOnly ? ` · read-only (${data.readOnly})` : ''}
        </p>
        <div className="host-controls">
          <label>
            Project{' '}
            <select id="project-select" value={project.key} onChange={(e) => update({ project: e.target.value, issue: undefined })}>
              {data.projects.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.key}: {p.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Viewing as{' '}
            <select id="user-select" value={user.accountId} onChange={(e) => update({ user: e.target.value })}>
              {data.users.map((u) => (
                <option key={u.accountId} value={u.accountId}>
                  {u.displayName} ({u.summary})
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="host-button" aria-pressed={view.theme === 'dark'} onClick={() => update({ theme: view.theme === 'dark' ? 'light' : 'dark' }, false)}>
            Dark theme
          </button>
          {data.canReset ? (
            <button
              type="button"
              className="host-button"
              onClick={() => {
                if (!window.confirm('Put the sample project and the app storage back as shipped?')) return;
                void resetSample().then((r) => {
                  setResetError(r.ok ? '' : `Sample data not reset: ${r.message}`);
                  if (r.ok) setReloads((n) => n + 1);
                });
              }}
            >
              Reset sample data
            </button>
          ) : null}
        </div>
        {resetError ? (
          <p role="alert" className="host-error host-reset-error">
            {resetError}
          </p>
        ) : null}
      </header>
      <nav aria-label="Project views">
        <TabList selected={view.tab} onSelect={selectTab} />
      </nav>
      <main className="host-main">
        {view.tab === 'issue' ? (
          <TabPanel id="issue">
            <div className="host-issue-layout">
              <nav className="host-backlog" aria-labelledby="backlog-heading">
                <h2 id="backlog-heading">Backlog</h2>
                <Backlog result={backlog} selected={issueKey} search={(key) => toSearch({ ...view, issue: key })} onSelect={(key) => update({ issue: key })} />
              </nav>
              <IssueView issueKey={issueKey} result={issue} user={user.accountId} onChanged={refreshIssue} />
              <aside className="host-side" aria-label="Apps on this issue">
                {srcs.panel && issueKey ? (
                  <IssueContext label="Story Health" user={user.accountId} issueKey={issueKey} version={refreshes + reloads}>
                    <AppFrame key={`panel-${frameKey}`} title="Story Health panel" src={srcs.panel} theme={view.theme} minHeight={360} onRefresh={refreshIssue} onNavigate={openIssue} />
                  </IssueContext>
                ) : null}
              </aside>
            </div>
          </TabPanel>
        ) : view.tab === 'report' ? (
          <TabPanel id="report">
            <AppFrame key={`report-${frameKey}`} title="Backlog health" src={srcs.report} theme={view.theme} minHeight={480} />
          </TabPanel>
        ) : view.tab === 'agent' ? (
          <TabPanel id="agent">
            <AgentView key={`${user.accountId}|${project.key}|${issueKey ?? ''}`} user={user.accountId} project={project.key} issue={issueKey} />
          </TabPanel>
        ) : view.tab === 'workflow' ? (
          <TabPanel id="workflow">
            <WorkflowView user={user.accountId} project={project.key} src={srcs.gate} theme={view.theme} frameKey={frameKey} />
          </TabPanel>
        ) : (
          <TabPanel id="settings">
            <AppFrame key={`settings-${frameKey}`} title="Story Health settings" src={srcs.settings} theme={view.theme} minHeight={640} />
          </TabPanel>
        )}
      </main>
    </div>
  );
}

function Backlog({
  result,
  selected,
  search,
  onSelect,
}: {
  result: Result<{ issues: BacklogItem[] }> | null;
  selected: string | undefined;
  search: (key: string) => string;
  onSelect: (key: string) => void;
}) {
  if (result === null) return <p role="status">Loading the backlog…</p>;
  if (!result.ok)
    return (
      <p role="alert" className="host-error">
        {result.message}
      </p>
    );
  if (!result.data.issues.length) return <p className="sh-subtle">No issues you can see.</p>;
  return (
    <ul className="host-backlog-list sh-list-plain" data-testid="backlog">
      {result.data.issues.map((i) => (
        <li key={i.key}>
          <a
            href={search(i.key)}
            aria-current={i.key === selected ? 'page' : undefined}
            data-key={i.key}
            onClick={(e) => {
              if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
              e.preventDefault();
              onSelect(i.key);
            }}
          >
            <span className="host-key">{i.key}</span> <span className="host-type sh-subtle">{i.issueType}</span>
            <span className="host-item-summary">{i.summary}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
