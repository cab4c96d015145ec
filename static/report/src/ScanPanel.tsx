/**
 * The scan's state: a progress bar while it runs (done / total so far, the phase), and a clear
 * message when it failed (with Jira's reason), was cancelled, or stalled (with a restart).
 */
import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import AtlaskitProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import type { ResolverError } from '../../../src/contract';
import { dateTime, plural } from '../../../src/render/view/text';
import type { ScanStatus } from '../../shared/report-invokes';
import { progressOf } from './model';

/** Atlassian's progress bar (moving while the total is unknown), with what it means in words beside it. */
export function ProgressBar({ percent, text, label }: { percent: number | null; text: string; label: string }) {
  return (
    <div className="sh-progress">
      <AtlaskitProgressBar ariaLabel={label} isIndeterminate={percent === null} value={(percent ?? 0) / 100} appearance={percent === 100 ? 'success' : 'default'} testId="scan-progress-bar" />
      <p className="sh-progress-text" data-testid="progress-text">
        <span>{text}</span>
        {percent !== null ? <strong>{`${percent}%`}</strong> : null}
      </p>
    </div>
  );
}

/** A scan that ended other than done (or stopped moving): what happened, and the one way on. */
function ScanMessage({ state, appearance, title, action, onAction, busy, previous, children }: {
  state: 'stalled' | 'failed' | 'cancelled';
  appearance: 'warning' | 'error' | 'information';
  title: string;
  action: string;
  onAction: () => void;
  busy: boolean;
  previous: ReactNode;
  children: ReactNode;
}) {
  return (
    <div data-testid="scan" data-state={state} role={state === 'failed' ? 'alert' : undefined}>
      <SectionMessage appearance={appearance} title={title}>
        {children}
        {previous}
        <Button appearance="primary" onClick={onAction} isDisabled={busy}>
          {action}
        </Button>
      </SectionMessage>
    </div>
  );
}

const PHASE_ANNOUNCEMENT: Record<string, string> = {
  analyzing: 'Scan running: analyzing stories.',
  aggregating: 'All stories analyzed: aggregating the report.',
  done: 'Scan complete.',
};

export interface ScanPanelProps {
  status: ScanStatus;
  /** This page saw the scan run (it shows the finished bar until the next reload). */
  watched: boolean;
  joined: boolean;
  expectedTotal: number | null;
  busy: boolean;
  hasSnapshot: boolean;
  pollError: ResolverError | null;
  onStart: () => void;
  onCancel: () => void;
}

export function ScanPanel({ status, watched, joined, expectedTotal, busy, hasSnapshot, pollError, onStart, onCancel }: ScanPanelProps) {
  const previous = hasSnapshot ? <p className="sh-subtle">The report below is from the last completed scan.</p> : null;
  if (status.status === 'running' && status.stalled) {
    return (
      <ScanMessage state="stalled" appearance="warning" title="The scan stopped making progress" action="Restart scan" onAction={onStart} busy={busy} previous={previous}>
        <p>
          {`Nothing has moved since ${status.updatedAt ? dateTime(status.updatedAt) : 'a long time'}, after ${plural(status.done, 'story', 'stories')}: its work was lost. `}
          Restart it to scan the backlog from the start.
        </p>
      </ScanMessage>
    );
  }
  if (status.status === 'failed') {
    return (
      <ScanMessage state="failed" appearance="error" title="The scan failed" action="Try again" onAction={onStart} busy={busy} previous={previous}>
        <p data-testid="scan-error">{status.error ?? 'Jira gave no reason.'}</p>
      </ScanMessage>
    );
  }
  if (status.status === 'cancelled') {
    return (
      <ScanMessage state="cancelled" appearance="information" title="The scan was cancelled" action="Start a new scan" onAction={onStart} busy={busy} previous={previous}>
        <p>{`It stopped after ${plural(status.done, 'story', 'stories')}; nothing of it was kept.`}</p>
      </ScanMessage>
    );
  }
  const running = status.status === 'running';
  if (!running && !(watched && status.status === 'done')) return null;
  const progress = progressOf(status, expectedTotal);
  return (
    <section className="sh-scan" aria-labelledby="sh-scan-heading" data-testid="scan" data-state={status.status}>
      <h2 id="sh-scan-heading">{running ? 'Scanning the backlog' : 'Scan complete'}</h2>
      {running ? (
        <p>
          {joined ? 'A scan was already running, so you joined it' : 'The scan runs in the background'}
          {status.startedAt ? ` (started ${dateTime(status.startedAt)})` : ''}. The report updates when it finishes; you can leave this page.
        </p>
      ) : null}
      <ProgressBar percent={progress.percent} text={progress.text} label="Backlog scan progress" />
      {running && status.pausedUntil ? (
        <p data-testid="scan-paused">{`Paused until ${dateTime(status.pausedUntil)} to stay within Jira's rate limits (${status.pausedBecause ?? 'rate limits'}); it carries on by itself.`}</p>
      ) : null}
      <p className="sh-visually-hidden" aria-live="polite">
        {PHASE_ANNOUNCEMENT[status.phase ?? ''] ?? ''}
      </p>
      {pollError && running ? (
        <p className="sh-warning-text" role="alert">{`Could not check the scan's progress: ${pollError.message} Trying again…`}</p>
      ) : null}
      {running ? (
        <>
          {previous}
          {status.canCancel === false ? (
            <p className="sh-subtle" data-testid="cancel-not-allowed">
              Only the person who started this scan, or a project admin, can cancel it.
            </p>
          ) : (
            <Button onClick={onCancel} isDisabled={busy}>
              Cancel scan
            </Button>
          )}
        </>
      ) : null}
    </section>
  );
}
