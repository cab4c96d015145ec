/**
 * The part of Jira's workflow editor the preview emulates: the Story Health rules on the sample
 * workflow's "Start progress" transition. The quality gate (a validator, always there) with its
 * configuration page and the editor's Update; the opt-in condition (it hides the transition) with
 * Add, Update and Remove. Each button asks the page's `workflowRules.onConfigure` callback for the
 * configuration and saves it, as Jira does.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { AppFrame } from './AppFrame';
import { fetchWorkflowRules, frameUrl, saveConditionConfig, saveGateConfig, type Result } from './api';
import type { Theme } from './location';

export const GATE_FRAME_TITLE = 'Story Health quality gate';
export const CONDITION_FRAME_TITLE = 'Story Health condition';

type Status = { kind: 'saved' | 'error'; text: string } | null;

/** Asks the frame titled `title` for its configuration (the page's onConfigure callback), as Jira's editor does. */
function useConfigure(onConfig: (config: string) => Promise<Result<unknown>>, savedText: string, setStatus: (s: Status) => void) {
  const [busy, setBusy] = useState(false);
  const pending = useRef<string | null>(null);
  const handler = useRef(onConfig);
  handler.current = onConfig;

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
      void handler.current(data.config).then((r) => {
        setBusy(false);
        setStatus(r.ok ? { kind: 'saved', text: savedText } : { kind: 'error', text: `Not saved: ${r.message}` });
      });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [savedText, setStatus]);

  const configure = (title: string) => {
    const frame = document.querySelector<HTMLIFrameElement>(`iframe[title="${title}"]`);
    if (!frame?.contentWindow) return;
    const id = `${Date.now()}-${Math.random()}`;
    pending.current = id;
    setBusy(true);
    setStatus(null);
    frame.contentWindow.postMessage({ source: 'story-health-preview-host', type: 'workflow-configure', id }, window.location.origin);
  };
  return { busy, setBusy, configure };
}

export function WorkflowView({ user, project, src, theme, frameKey }: { user: string; project: string; src: string; theme: Theme; frameKey: string }) {
  const [gateStatus, setGateStatus] = useState<Status>(null);
  const gate = useConfigure((config) => saveGateConfig(user, project, config), 'Saved: the gate now checks "Start progress" with this configuration.', setGateStatus);
  return (
    <section className="host-workflow" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">Workflow: Start progress</h2>
      <h3 className="host-workflow-rule">Validator</h3>
      <p className="sh-subtle">
        Validators on the transition from To Do to In Progress. The Story Health quality gate is a Jira expression over the stored score: Jira decides without calling the app, and a refusal says why.
      </p>
      <AppFrame key={`gate-${frameKey}`} title={GATE_FRAME_TITLE} src={src} theme={theme} minHeight={260} />
      <div className="host-workflow-actions">
        <button type="button" className="host-button host-button-primary" onClick={() => gate.configure(GATE_FRAME_TITLE)} disabled={gate.busy}>
          Update
        </button>
        <span role="status" className={gateStatus?.kind === 'error' ? 'host-error' : undefined}>
          {gateStatus?.text ?? ''}
        </span>
      </div>
      <ConditionRule user={user} project={project} theme={theme} frameKey={frameKey} />
    </section>
  );
}

/** The opt-in condition: not on the transition until an admin adds it here. */
function ConditionRule({ user, project, theme, frameKey }: { user: string; project: string; theme: Theme; frameKey: string }) {
  const [added, setAdded] = useState<boolean | null>(null);
  const [adding, setAdding] = useState(false);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<Status>(null);
  useEffect(() => {
    let live = true;
    void fetchWorkflowRules().then((r) => live && setAdded(r.ok ? r.data.condition !== null : false));
    return () => {
      live = false;
    };
  }, [version]);
  const saved = useCallback(
    async (config: string) => {
      const r = await saveConditionConfig(user, project, config);
      if (r.ok) {
        setAdding(false);
        setVersion((n) => n + 1);
      }
      return r;
    },
    [user, project],
  );
  const editor = useConfigure(saved, 'Saved: the condition now hides "Start progress" for stories that do not meet it.', setStatus);
  const remove = () => {
    editor.setBusy(true);
    setStatus(null);
    void saveConditionConfig(user, project, null).then((r) => {
      editor.setBusy(false);
      if (!r.ok) {
        setStatus({ kind: 'error', text: `Not removed: ${r.message}` });
        return;
      }
      setStatus({ kind: 'saved', text: 'Removed: "Start progress" is offered whatever the score.' });
      setVersion((n) => n + 1);
    });
  };
  if (added === null) return null;
  const showFrame = added || adding;
  return (
    <>
      <h3 className="host-workflow-rule">Condition</h3>
      <p className="sh-subtle">
        Optional. A condition hides the transition instead of refusing it, so nobody sees why; teams that want the button gone for weak, technical or unscored stories add it here.
      </p>
      {showFrame ? (
        <AppFrame key={`condition-${frameKey}-${version}`} title={CONDITION_FRAME_TITLE} src={frameUrl('gate', { user, project, rule: 'condition' })} theme={theme} minHeight={300} />
      ) : null}
      <div className="host-workflow-actions">
        {!showFrame ? (
          <button type="button" className="host-button" onClick={() => setAdding(true)}>
            Add condition
          </button>
        ) : (
          <button type="button" className="host-button host-button-primary" onClick={() => editor.configure(CONDITION_FRAME_TITLE)} disabled={editor.busy}>
            {added ? 'Update condition' : 'Add'}
          </button>
        )}
        {added ? (
          <button type="button" className="host-button" onClick={remove} disabled={editor.busy}>
            Remove condition
          </button>
        ) : adding ? (
          <button type="button" className="host-button" onClick={() => setAdding(false)}>
            Cancel
          </button>
        ) : null}
        <span role="status" className={status?.kind === 'error' ? 'host-error' : undefined}>
          {status?.text ?? ''}
        </span>
      </div>
    </>
  );
}
