/**
 * The configuration page of the quality gate (the workflow validator) and of the opt-in workflow
 * condition (create, edit and view): the minimum score and "no technical stories"; the condition
 * also "hide until scored". Jira's workflow editor saves what the callback registered with
 * `workflowRules.onConfigure` returns; the rule's Jira expression reads it as `config`. A value
 * that is not a whole number from 0 to 100 is explained beside the field, and the editor's save is
 * refused until it is fixed.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import Toggle from '@atlaskit/toggle';
import { workflowRules } from '@forge/jira-bridge';
import { readConditionConfig, readGateConfig, type ConditionConfig, type GateConfig } from '../../../src/contract/gate';

/** Which module this page configures. */
export type Rule = 'validator' | 'condition';

function parseMin(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return null;
  const n = Number(t);
  return n <= 100 ? n : null;
}

export function GateApp({ rule, saved, readOnly }: { rule: Rule; saved: unknown; readOnly: boolean }) {
  const initial = readConditionConfig(rule === 'condition' ? saved : readGateConfig(saved));
  const [minText, setMinText] = useState(String(initial.minScore));
  const [noTechnical, setNoTechnical] = useState(initial.noTechnical);
  const [hideUnscored, setHideUnscored] = useState(initial.hideUnscored);
  const [registerError, setRegisterError] = useState('');
  const min = parseMin(minText);
  const current = useRef<{ min: number | null; noTechnical: boolean; hideUnscored: boolean }>({ min, noTechnical, hideUnscored });
  current.current = { min, noTechnical, hideUnscored };
  const minId = useId();
  const techId = useId();
  const unscoredId = useId();
  const condition = rule === 'condition';

  useEffect(() => {
    if (readOnly) return;
    workflowRules
      .onConfigure(async () => {
        const { min: m, noTechnical: t, hideUnscored: u } = current.current;
        if (m === null) throw new Error('The minimum score must be a whole number from 0 to 100.');
        const config: GateConfig | ConditionConfig = condition ? { minScore: m, noTechnical: t, hideUnscored: u } : { minScore: m, noTechnical: t };
        return JSON.stringify(config);
      })
      .catch(() => setRegisterError(`Jira did not accept this page as the ${condition ? 'condition' : 'gate'}’s configuration; reload the workflow editor and try again.`));
  }, [readOnly, condition]);

  if (readOnly) {
    return (
      <main className="sh-gate">
        {condition ? (
          <p>
            Shown when the Story Health score is at least <strong>{initial.minScore}</strong>
            {initial.noTechnical ? '; hidden for technical stories' : ''}
            {initial.hideUnscored ? '; hidden until Story Health has scored the story' : ''}.
          </p>
        ) : (
          <p>
            Story Health score at least <strong>{initial.minScore}</strong>
            {initial.noTechnical ? '; no technical stories' : ''}.
          </p>
        )}
      </main>
    );
  }
  return (
    <main className="sh-gate">
      <h1 className="sh-gate-title">{condition ? 'Story Health condition' : 'Story Health quality gate'}</h1>
      {condition ? (
        <p>
          Hides the transition for stories that do not meet these settings. People will not see why: the Story Health quality gate (a validator) refuses with the reason and how to fix it, and is the better
          choice unless your team wants the button gone.
        </p>
      ) : (
        <p>A story moves on only when its Story Health score reaches the minimum. Issues Story Health does not check pass.</p>
      )}
      <div className="sh-gate-field">
        <Label htmlFor={minId}>Minimum Story Health score</Label>
        <Textfield id={minId} name="minScore" inputMode="numeric" value={minText} onChange={(e) => setMinText(e.currentTarget.value)} isInvalid={min === null} width="small" />
        {min === null ? <ErrorMessage testId="min-error">Enter a whole number from 0 to 100.</ErrorMessage> : <HelperMessage>0 to 100. Stories score 80 or more when healthy; 50 to 79 need work.</HelperMessage>}
      </div>
      <div className="sh-gate-field">
        <Toggle id={techId} name="noTechnical" isChecked={noTechnical} onChange={() => setNoTechnical((v) => !v)} />
        <Label htmlFor={techId}>{condition ? 'Hide it for technical work written as a story' : 'Refuse technical work written as a story'}</Label>
      </div>
      {condition ? (
        <div className="sh-gate-field">
          <Toggle id={unscoredId} name="hideUnscored" isChecked={hideUnscored} onChange={() => setHideUnscored((v) => !v)} />
          <Label htmlFor={unscoredId}>Hide it for stories Story Health has not scored yet</Label>
          <HelperMessage>Only issues of the types Story Health checks; a story it could not analyze keeps the transition.</HelperMessage>
        </div>
      ) : null}
      {registerError ? <p role="alert">{registerError}</p> : null}
    </main>
  );
}
