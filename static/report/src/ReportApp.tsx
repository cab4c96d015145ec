/**
 * The project page "Backlog health": start (or join) a scan and watch its progress, then the
 * report of the latest scan as this user may see it, with live story lists and exports.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import type { ResolverError } from '../../../src/contract';
import { dateTime, plural } from '../../../src/render/view/text';
import { cancelScan, getReport, getReportIssues, getScanStatus, startScan, type ReportIssue, type ReportView, type ScanStatus } from '../../shared/report-invokes';
import { ErrorState, Loading } from '../../shared/states';
import { downloadText, toCsv } from './download';
import { exportName, isActive } from './model';
import { FailedNote } from './FailedNote';
import { HiddenNote, Report } from './Report';
import { ScanPanel } from './ScanPanel';

const POLL_MS = 1000;
const POLL_RETRY_MS = 3000;
const EXPORT_PAGE = 100;

function useScan(projectKey: string) {
  const [view, setView] = useState<ReportView | null>(null);
  const [loadError, setLoadError] = useState<ResolverError | null>(null);
  const [status, setStatus] = useState<ScanStatus | null>(null);
  const [watched, setWatched] = useState(false);
  const [joined, setJoined] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ResolverError | null>(null);
  const [pollError, setPollError] = useState<ResolverError | null>(null);

  const loadView = useCallback(async () => {
    const r = await getReport(projectKey);
    if (!r.ok) {
      setLoadError(r.error);
      return;
    }
    setLoadError(null);
    setView(r.data);
    setStatus(r.data.status);
    if (isActive(r.data.status)) setWatched(true);
  }, [projectKey]);

  useEffect(() => {
    void loadView();
  }, [loadView]);

  // While a scan moves: its status every second; when it is done, the new report.
  const active = isActive(status);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: number | undefined;
    const tick = async () => {
      const r = await getScanStatus(projectKey);
      if (stopped) return;
      if (!r.ok) {
        setPollError(r.error);
        timer = window.setTimeout(() => void tick(), POLL_RETRY_MS);
        return;
      }
      setPollError(null);
      setStatus(r.data);
      if (isActive(r.data)) timer = window.setTimeout(() => void tick(), POLL_MS);
      else if (r.data.status === 'done') void loadView();
    };
    timer = window.setTimeout(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [active, projectKey, loadView]);

  const start = useCallback(async () => {
    setBusy(true);
    setActionError(null);
    const r = await startScan(projectKey);
    setBusy(false);
    if (!r.ok) {
      setActionError(r.error);
      return;
    }
    setJoined(r.data.joined === true);
    setWatched(true);
    setStatus(r.data);
  }, [projectKey]);

  const cancel = useCallback(async () => {
    setBusy(true);
    setActionError(null);
    const r = await cancelScan(projectKey);
    setBusy(false);
    if (!r.ok) setActionError(r.error);
    else setStatus(r.data);
  }, [projectKey]);

  return { view, loadError, status, watched, joined, busy, actionError, pollError, loadView, start, cancel };
}

type ExportState = { kind: 'csv'; fetched: number } | { kind: 'json' } | null;

function useExports(projectKey: string, view: ReportView | null) {
  const [running, setRunning] = useState<ExportState>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ResolverError | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const csv = async () => {
    setMessage(null);
    setError(null);
    setRunning({ kind: 'csv', fetched: 0 });
    const all: ReportIssue[] = [];
    let token: string | null = null;
    const seen = new Set<string>();
    do {
      const page = await getReportIssues(projectKey, {}, token, EXPORT_PAGE);
      if (!alive.current) return;
      if (!page.ok) {
        setRunning(null);
        setError(page.error);
        return;
      }
      all.push(...page.data.issues);
      seen.add(token ?? '');
      token = page.data.nextPageToken;
      setRunning({ kind: 'csv', fetched: all.length });
    } while (token && !seen.has(token));
    try {
      downloadText(exportName(projectKey, new Date(), 'csv'), 'text/csv;charset=utf-8', await toCsv(all));
      setMessage(`Downloaded ${plural(all.length, 'story', 'stories')} as CSV.`);
    } catch (e) {
      setError({ code: 'internal', message: `Could not write the CSV file${e instanceof Error ? ` (${e.message})` : ''}.` });
    }
    setRunning(null);
  };

  const json = () => {
    if (!view?.snapshot) return;
    setMessage(null);
    setError(null);
    const exportedAt = new Date();
    // The shape of `story-health report --format json` (tool, title, source, history, snapshot), so the
    // file can be passed to the command line's --history; stories are in the CSV.
    const data = {
      tool: { name: 'story-health', version: null, engineVersion: view.snapshot.engineVersion },
      title: `Backlog health: ${projectKey}`,
      source: `Jira project ${projectKey}`,
      projectKey,
      exportedAt: exportedAt.toISOString(),
      hiddenKeys: view.hiddenKeys,
      history: view.history,
      snapshot: view.snapshot,
    };
    downloadText(exportName(projectKey, exportedAt, 'json'), 'application/json', `${JSON.stringify(data, null, 2)}\n`);
    setMessage('Downloaded the snapshot as JSON.');
  };

  return { running, message, error, csv, json };
}

export function ReportApp({ projectKey }: { projectKey: string | undefined }) {
  return (
    <main aria-labelledby="sh-title" className="sh-report-page">
      {projectKey ? (
        <ProjectReport projectKey={projectKey} />
      ) : (
        <>
          <h1 id="sh-title">Backlog health</h1>
          <ErrorState title="No project" error={{ code: 'invalid-payload', message: 'This page belongs to a project; Jira did not say which one.' }} />
        </>
      )}
    </main>
  );
}

function ProjectReport({ projectKey }: { projectKey: string }) {
  const scan = useScan(projectKey);
  const exports = useExports(projectKey, scan.view);
  const { view, status } = scan;
  const snapshot = view?.snapshot ?? null;
  const active = isActive(status);
  const trouble = status?.status === 'failed' || status?.status === 'cancelled' || (status?.status === 'running' && status.stalled);
  const expectedTotal = view?.history.length ? view.history[view.history.length - 1]!.count : null;

  return (
    <>
      <header className="sh-report-header">
        <div>
          <h1 id="sh-title">Backlog health</h1>
          <p className="sh-subtle">
            {`Project ${projectKey}`}
            {snapshot ? ` · last scan ${dateTime(snapshot.createdAt)} · ${plural(snapshot.count, 'story', 'stories')}` : ''}
          </p>
        </div>
        {snapshot ? (
          <div className="sh-actions" role="group" aria-label="Report actions">
            {!active && !trouble ? (
              <Button appearance="primary" onClick={() => void scan.start()} isDisabled={scan.busy}>
                Scan again
              </Button>
            ) : null}
            <Button onClick={() => void exports.csv()} isDisabled={exports.running !== null}>
              {exports.running?.kind === 'csv' ? `Preparing CSV… ${exports.running.fetched}` : 'Download CSV'}
            </Button>
            <Button onClick={exports.json} isDisabled={exports.running !== null}>
              Download snapshot JSON
            </Button>
          </div>
        ) : null}
      </header>
      <div className="sh-export-status" role="status" data-testid="export-status">
        {exports.message ?? ''}
      </div>
      {exports.error ? <ErrorState title="The export failed" error={exports.error} /> : null}
      {scan.actionError ? <ErrorState title="Story Health could not do that" error={scan.actionError} /> : null}

      {view === null ? (
        scan.loadError ? (
          <ErrorState title="Could not load the report" error={scan.loadError} onRetry={() => void scan.loadView()} />
        ) : (
          <Loading label="Loading the report…" />
        )
      ) : (
        <>
          {status ? (
            <ScanPanel
              status={status}
              watched={scan.watched}
              joined={scan.joined}
              expectedTotal={expectedTotal}
              busy={scan.busy}
              hasSnapshot={snapshot !== null}
              pollError={scan.pollError}
              onStart={() => void scan.start()}
              onCancel={() => void scan.cancel()}
            />
          ) : null}
          {snapshot ? (
            <>
              <HiddenNote hidden={view.hiddenKeys} />
              <FailedNote count={snapshot.failedCount ?? 0} failed={snapshot.failed ?? []} />
              <Report projectKey={projectKey} view={{ ...view, snapshot }} />
            </>
          ) : status?.status === 'none' ? (
            <section className="sh-empty" aria-labelledby="sh-empty-heading" data-testid="never-scanned">
              <h2 id="sh-empty-heading">No scan yet</h2>
              <p>
                Scan the open stories of {projectKey} to see the backlog&apos;s health score, its pass rate per INVEST criterion, duplicates, dependency cycles,
                who it serves, and which stories to fix first. The scan runs in the background and takes a few minutes for a large backlog.
              </p>
              <Button appearance="primary" onClick={() => void scan.start()} isDisabled={scan.busy}>
                Start scan
              </Button>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
