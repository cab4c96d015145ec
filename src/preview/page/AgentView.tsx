/**
 * The Rovo agent's part of the preview: pick one of the agent's actions and an issue or project,
 * and the host calls the same function the manifest's `action` module names, with the payload Rovo
 * sends (the action's inputs and `context.jira`, the page the chat is on) and the viewing user as
 * the asker. Shows what the agent receives (the structured result, as JSON) and a short rendered
 * view of it; the agent's own wording is Rovo's and is not emulated.
 */
import { useId, useState } from 'react';
import type { AgentResult, BacklogHealthResult, CheckStoryResult, RewriteResult, SplitResult } from '../../contract/agent';
import { runAgentAction, type AgentAction, type AgentRun, type Result } from './api';

export const AGENT_ACTIONS: { id: AgentAction; label: string; input: 'issueKey' | 'projectKey' }[] = [
  { id: 'check-story', label: 'Check a story', input: 'issueKey' },
  { id: 'suggest-rewrite', label: 'Suggest a rewrite', input: 'issueKey' },
  { id: 'suggest-split', label: 'Suggest a split', input: 'issueKey' },
  { id: 'backlog-health', label: 'Summarize backlog health', input: 'projectKey' },
];

export function AgentView({ user, project, issue }: { user: string; project: string; issue: string | undefined }) {
  const [action, setAction] = useState<AgentAction>('check-story');
  const [issueKey, setIssueKey] = useState(issue ?? '');
  const [projectKey, setProjectKey] = useState(project);
  const [run, setRun] = useState<Result<AgentRun> | null>(null);
  const [busy, setBusy] = useState(false);
  const actionId = useId();
  const keyId = useId();
  const spec = AGENT_ACTIONS.find((a) => a.id === action)!;
  const key = spec.input === 'issueKey' ? issueKey : projectKey;

  const submit = () => {
    setBusy(true);
    setRun(null);
    const input = spec.input === 'issueKey' ? { issueKey: issueKey.trim() } : { projectKey: projectKey.trim() };
    // The chat is on the issue view of the selected issue (or the project's page): Rovo's context.
    const context = issue ? { issueKey: issue, projectKey: project } : { projectKey: project };
    void runAgentAction(user, action, input, context).then((r) => {
      setBusy(false);
      setRun(r);
    });
  };

  return (
    <section className="host-agent" aria-labelledby="agent-heading">
      <h2 id="agent-heading">Rovo agent: Story Health</h2>
      <p className="sh-subtle">
        The agent&apos;s four actions, called as Rovo calls them: the inputs the model extracted from the chat, the page the chat is on, and you as the asker. The agent words its reply from this data; it
        never judges a story itself.
      </p>
      <form
        className="host-agent-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor={actionId}>Action</label>
        <select id={actionId} value={action} onChange={(e) => setAction(e.target.value as AgentAction)}>
          {AGENT_ACTIONS.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label} ({a.id})
            </option>
          ))}
        </select>
        <label htmlFor={keyId}>{spec.input === 'issueKey' ? 'Issue key' : 'Project key'}</label>
        <input
          id={keyId}
          className="host-agent-key"
          value={key}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => (spec.input === 'issueKey' ? setIssueKey(e.target.value) : setProjectKey(e.target.value))}
        />
        <button type="submit" className="host-button host-button-primary" disabled={busy}>
          Run action
        </button>
      </form>
      <div aria-live="polite">
        {busy ? <p role="status">Running {action}…</p> : null}
        {run && !run.ok ? (
          <p role="alert" className="host-error">
            {run.message}
          </p>
        ) : null}
        {run?.ok ? <AgentOutput run={run.data} /> : null}
      </div>
    </section>
  );
}

function AgentOutput({ run }: { run: AgentRun }) {
  return (
    <div className="host-agent-output" data-testid="agent-output" data-action={run.action} data-ok={String(run.result.ok)}>
      <h3>What the agent reads</h3>
      <Rendered action={run.action} result={run.result} />
      <details open>
        <summary>The action&apos;s result, as the agent receives it</summary>
        {/* Scrollable: focusable so the keyboard can scroll it. */}
        <pre className="host-agent-json" data-testid="agent-json" tabIndex={0} aria-label="The action's result as JSON">
          {JSON.stringify(run.result, null, 2)}
        </pre>
      </details>
      <details>
        <summary>The payload Rovo sent</summary>
        <pre className="host-agent-json" tabIndex={0} aria-label="The payload as JSON">
          {JSON.stringify(run.payload, null, 2)}
        </pre>
      </details>
    </div>
  );
}

function Rendered({ action, result }: { action: AgentAction; result: AgentResult<unknown> }) {
  if (!result.ok)
    return (
      <p role="alert" className="host-error" data-testid="agent-refusal">
        The action refused: {result.error.message} ({result.error.code})
      </p>
    );
  if (action === 'check-story') {
    const r = result as unknown as CheckStoryResult;
    return (
      <div data-testid="agent-rendered">
        <p>
          <strong>{r.issueKey}</strong> scores <strong data-testid="agent-score">{r.score}</strong> ({r.grade}) · {r.kind}
          {r.isStory ? '' : ' · not a story type'}
        </p>
        {r.findings.length ? (
          <ul>
            {r.findings.map((f, i) => (
              <li key={i} data-rule={f.ruleId}>
                <span className="sh-subtle">
                  {f.severity} · {f.criterion}:
                </span>{' '}
                {f.message}
              </li>
            ))}
          </ul>
        ) : (
          <p>No findings.</p>
        )}
      </div>
    );
  }
  if (action === 'suggest-rewrite') {
    const r = result as unknown as RewriteResult;
    if (!r.rewrites.length) return <p data-testid="agent-rendered">No rewrite for {r.issueKey}.</p>;
    return (
      <ol data-testid="agent-rendered">
        {r.rewrites.map((w, i) => (
          <li key={i} data-kind={w.kind}>
            <strong>{w.summary}</strong> <span className="sh-subtle">({w.kind}; {w.checked ? 'checked by the engine' : 'a draft: not checked'})</span>
            <br />
            <span className="sh-subtle">{w.rationale}</span>
            {w.placeholders.length ? <span className="sh-subtle"> To fill in: {w.placeholders.join(', ')}.</span> : null}
          </li>
        ))}
      </ol>
    );
  }
  if (action === 'suggest-split') {
    const r = result as unknown as SplitResult;
    if (!r.splits.length) return <p data-testid="agent-rendered">No split for {r.issueKey}{r.existingSlices.length ? `: its parts already exist (${r.existingSlices.join(', ')})` : ''}.</p>;
    return (
      <ol data-testid="agent-rendered">
        {r.splits.map((s, i) => (
          <li key={i} data-pattern={s.pattern}>
            <strong>{s.pattern}</strong> <span className="sh-subtle">({s.checked ? 'checked by the engine' : 'a draft: not checked'}) {s.rationale}</span>
            <ul>
              {s.stories.map((p, j) => (
                <li key={j}>{p.summary}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    );
  }
  const r = result as unknown as BacklogHealthResult;
  if (r.score === null) return <p data-testid="agent-rendered">{r.note}</p>;
  return (
    <div data-testid="agent-rendered">
      <p>
        <strong>{r.projectKey}</strong>: health score <strong data-testid="agent-score">{r.score}</strong> ({r.grade}) over {r.stories} stories, scanned {r.scannedAt}.
      </p>
      <p className="sh-subtle">
        Pass rates:{' '}
        {Object.entries(r.passRates)
          .map(([k, v]) => `${k} ${Math.round(v * 100)} %`)
          .join(', ')}
      </p>
      {r.fixFirst.length ? (
        <p>
          Fix first:{' '}
          {r.fixFirst
            .slice(0, 5)
            .map((f) => `${f.key} (${f.score})`)
            .join(', ')}
        </p>
      ) : null}
    </div>
  );
}
