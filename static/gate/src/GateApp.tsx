/**
 * The quality gate's configuration page (create, edit and view of the workflow validator): the
 * minimum score and "no technical stories". Jira's workflow editor saves what the callback
 * registered with `workflowRules.onConfigure` returns; the validator's Jira expression reads it as
 * `config`. A value that is not a whole number from 0 to 100 is explained beside the field, and
 * the editor's save is refused until it is fixed.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import Toggle from '@atlaskit/toggle';
import { workflowRules } from '@forge/jira-bridge';
import { readGateConfig, type GateConfig } from '../../../src/contract/gate';

function parseMin(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return null;
  const n = Number(t);
  return n <= 100 ? n : null;
}

export function GateApp({ saved, readOnly }: { saved: unknown; readOnly: boolean }) {
  const initial = readGateConfig(saved);
  const [minText, setMinText] = useState(String(initial.minScore));
  const [noTechnical, setNoTechnical] = useState(initial.noTechnical);
  const [registerError, setRegisterError] = useState('');
  const min = parseMin(minText);
  const current = useRef<{ min: number | null; noTechnical: boolean }>({ min, noTechnical });
  current.current = { min, noTechnical };
  const minId = useId();
  const techId = useId();

  useEffect(() => {
    if (readOnly) return;
    workflowRules
      .onConfigure(async () => {
        const { min: m, noTechnical: t } = current.current;
        if (m === null) throw new Error('The minimum score must be a whole number from 0 to 100.');
        const config: GateConfig = { minScore: m, noTechnical: t };
        return JSON.stringify(config);
      })
      .catch(() => setRegisterError('Jira did not accept this page as the gate’s configuration; reload the workflow editor and try again.'));
  }, [readOnly]);

  if (readOnly) {
    return (
      <main className="sh-gate">
        <p>
          Story Health score at least <strong>{initial.minScore}</strong>
          {initial.noTechnical ? '; no technical stories' : ''}.
        </p>
      </main>
    );
  }
  return (
    <main className="sh-gate">
      <h1 className="sh-gate-title">Story Health quality gate</h1>
      <p>A story moves on only when its Story Health score reaches the minimum. Issues Story Health does not check pass.</p>
      <div className="sh-gate-field">
        <Label htmlFor={minId}>Minimum Story Health score</Label>
        <Textfield id={minId} name="minScore" inputMode="numeric" value={minText} onChange={(e) => setMinText(e.currentTarget.value)} isInvalid={min === null} width="small" />
        {min === null ? <ErrorMessage testId="min-error">Enter a whole number from 0 to 100.</ErrorMessage> : <HelperMessage>0 to 100. Stories score 80 or more when healthy; 50 to 79 need work.</HelperMessage>}
      </div>
      <div className="sh-gate-field">
        <Toggle id={techId} name="noTechnical" isChecked={noTechnical} onChange={() => setNoTechnical((v) => !v)} />
        <Label htmlFor={techId}>Refuse technical work written as a story</Label>
      </div>
      {registerError ? <p role="alert">{registerError}</p> : null}
    </main>
  );
}
