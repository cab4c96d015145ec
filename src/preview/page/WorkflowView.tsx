/**
 * The part of Jira's workflow editor the preview emulates: the Story Health quality gate on the
 * sample workflow's "Start progress" transition, its configuration page (the gate app, in a frame)
 * and the editor's Update button, which asks the page's `workflowRules.onConfigure` callback for
 * the configuration and saves it, as Jira does.
 */
import { useEffect, useRef, useState } from 'react';
import { AppFrame } from './AppFrame';
import { saveGateConfig } from './api';
import type { Theme } from './location';

export const GATE_FRAME_TITLE = 'Story Health quality gate';

export function WorkflowView({ user, project, src, theme, frameKey }: { user: string; project: string; src: string; theme: Theme; frameKey: string }) {
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = useRef<string | null>(null);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin) return;
      const data = event.data as { source?: unknown; app?: unknown; type?: unknown; id?: unknown; ok?: unknown; config?: unknown; error?: unknown } | null;
      if (!data || data.source !== 'story-health-preview-frame' || data.app !== 'gate' || data.type !== 'workflow-config' || data.id !== pending.current) return;
      pending.current = null;
      if (data.ok !== true || typeof data.config !== 'string') {
        setBusy(false);
        setStatus({ kind: 'error', text: `Not saved: ${typeof data.error === 'string' ? data.error : 'the page returned no configuration.'}` });
        return;
      }
      void saveGateConfig(user, project, data.config).then((r) => {
        setBusy(false);
        setStatus(r.ok ? { kind: 'saved', text: 'Saved: the gate now checks "Start progress" with this configuration.' } : { kind: 'error', text: `Not saved: ${r.message}` });
      });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [user, project]);

  const update = () => {
    const frame = document.querySelector<HTMLIFrameElement>(`iframe[title="${GATE_FRAME_TITLE}"]`);
    if (!frame?.contentWindow) return;
    const id = `${Date.now()}-${Math.random()}`;
    pending.current = id;
    setBusy(true);
    setStatus(null);
    frame.contentWindow.postMessage({ source: 'story-health-preview-host', type: 'workflow-configure', id }, window.location.origin);
  };

  return (
    <section className="host-workflow" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">Workflow: Start progress</h2>
      <p className="sh-subtle">
        Validators on the transition from To Do to In Progress. The Story Health quality gate is a Jira expression over the stored score: Jira decides without calling the app.
      </p>
      <AppFrame key={`gate-${frameKey}`} title={GATE_FRAME_TITLE} src={src} theme={theme} minHeight={260} />
      <div className="host-workflow-actions">
        <button type="button" className="host-button host-button-primary" onClick={update} disabled={busy}>
          Update
        </button>
        <span role="status" className={status?.kind === 'error' ? 'host-error' : undefined}>
          {status?.text ?? ''}
        </span>
      </div>
    </section>
  );
}
