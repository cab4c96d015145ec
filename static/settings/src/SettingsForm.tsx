/** The settings fields. Every control has a visible label and a description; errors are tied to their field. */
import { useId } from 'react';
import { SEVERITIES, type Severity } from '../../../src/core/story';
import type { SettingsView } from '../../shared/invokes';
import { EditableList } from './EditableList';
import { SETTINGS_FIELD_LABELS } from '../../../src/core/settings-labels';
import { fieldId, type FormState, type ListField } from './form';

export interface SettingsFormProps {
  form: FormState;
  rules: SettingsView['rules'];
  readOnly: boolean;
  busy: boolean;
  errorField: string | undefined;
  errorMessage: string | undefined;
  onChange: (next: FormState) => void;
}

const LISTS: { field: ListField; description: string; placeholder: string }[] = [
  { field: 'issueTypes', description: 'Story Health checks issues of these types; others show "not a story".', placeholder: 'e.g. Story' },
  { field: 'personas', description: 'Who the product serves. A developer listed here is a real user (an SDK, a data tool), not a builder.', placeholder: 'e.g. developer' },
  { field: 'builderRoles', description: 'Roles that build the product rather than use it: stories for them are technical.', placeholder: 'e.g. integration engineer' },
  { field: 'vagueTerms', description: 'Words the vague-term rule flags, in addition to its built-in list.', placeholder: 'e.g. snappy' },
];

export function SettingsForm({ form, rules, readOnly, busy, errorField, errorMessage, onChange }: SettingsFormProps) {
  // The server's message is a sentence naming the field ("Oversize threshold must be at least 1.").
  const errorFor = (field: string) => (errorField === field ? errorMessage : undefined);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => onChange({ ...form, [key]: value });
  const setSeverity = (ruleId: string, severity: Severity, preset: Severity) => {
    const next = { ...form.rules };
    if (severity === preset) delete next[ruleId];
    else next[ruleId] = severity;
    set('rules', next);
  };

  return (
    <fieldset className="sh-form" disabled={readOnly || busy}>
      <legend className="sh-visually-hidden">Settings</legend>

      <section aria-labelledby="sh-general">
        <h2 id="sh-general">General</h2>
        <fieldset className="sh-field" id={fieldId('preset')} tabIndex={-1}>
          <legend>{SETTINGS_FIELD_LABELS.preset}</legend>
          {(['recommended', 'strict'] as const).map((p) => (
            <label key={p} className="sh-radio">
              <input type="radio" name="preset" value={p} checked={form.preset === p} onChange={() => set('preset', p)} />
              {p === 'recommended' ? 'Recommended: the rules most teams agree on' : 'Strict: every rule, higher severities'}
            </label>
          ))}
        </fieldset>
        <NumberField field="oversizeThreshold" value={form.oversizeThreshold} onChange={(v) => set('oversizeThreshold', v)} error={errorFor('oversizeThreshold')}>
          Stories estimated above this many points are flagged as oversized (1-100).
        </NumberField>
        <NumberField field="maxAcceptanceCriteria" value={form.maxAcceptanceCriteria} onChange={(v) => set('maxAcceptanceCriteria', v)} error={errorFor('maxAcceptanceCriteria')}>
          More acceptance criteria than this suggests an epic (1-100).
        </NumberField>
      </section>

      <section aria-labelledby="sh-rules">
        <h2 id="sh-rules">Rules</h2>
        {errorFor('rules') ? (
          <p className="sh-field-error" id={fieldId('rules')} tabIndex={-1}>
            {errorFor('rules')}
          </p>
        ) : null}
        <table className="sh-rules">
          <caption className="sh-visually-hidden">Severity of each rule</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">What it checks</th>
              <th scope="col">Severity</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => {
              const preset = rule.defaultSeverity[form.preset] as Severity;
              const value = form.rules[rule.id] ?? preset;
              const selectId = `severity-${rule.id}`;
              return (
                <tr key={rule.id} data-rule={rule.id}>
                  <th scope="row">
                    <code>{rule.id}</code>
                    <div className="sh-subtle">{rule.criterion}</div>
                  </th>
                  <td>{rule.description}</td>
                  <td>
                    <label className="sh-visually-hidden" htmlFor={selectId}>
                      Severity of {rule.id}
                    </label>
                    <select id={selectId} value={value} onChange={(e) => setSeverity(rule.id, e.target.value as Severity, preset)}>
                      {SEVERITIES.map((s) => (
                        <option key={s} value={s}>
                          {s}
                          {s === preset ? ' (preset)' : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="sh-lists">
        <h2 id="sh-lists">Issue types, people and words</h2>
        {LISTS.map(({ field, description, placeholder }) => (
          <EditableList
            key={field}
            id={fieldId(field)}
            label={SETTINGS_FIELD_LABELS[field]!}
            description={description}
            items={form[field]}
            onChange={(items) => set(field, items)}
            disabled={readOnly}
            error={errorFor(field)}
            placeholder={placeholder}
          />
        ))}
      </section>

      <section aria-labelledby="sh-label">
        <h2 id="sh-label">Label on weak stories</h2>
        <p className="sh-subtle">When a story is saved with a score below the threshold, Story Health adds this label so JQL and boards can find it.</p>
        <label className="sh-checkbox">
          <input id={fieldId('label.enabled')} type="checkbox" checked={form.label.enabled} onChange={(e) => set('label', { ...form.label, enabled: e.target.checked })} />
          {SETTINGS_FIELD_LABELS['label.enabled']}
        </label>
        <TextField field="label.name" value={form.label.name} onChange={(v) => set('label', { ...form.label, name: v })} error={errorFor('label.name')}>
          One word: Jira labels cannot contain spaces.
        </TextField>
        <NumberField field="label.threshold" value={form.label.threshold} onChange={(v) => set('label', { ...form.label, threshold: v })} error={errorFor('label.threshold')}>
          Stories scoring below this get the label (0-100).
        </NumberField>
      </section>
    </fieldset>
  );
}

interface FieldProps {
  field: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  children: string;
}

function Field({ field, value, onChange, error, children, type }: FieldProps & { type: 'text' | 'number' }) {
  const descId = useId();
  const errorId = useId();
  return (
    <div className="sh-field">
      <label htmlFor={fieldId(field)}>{SETTINGS_FIELD_LABELS[field]}</label>
      <p id={descId} className="sh-subtle">
        {children}
      </p>
      <input
        id={fieldId(field)}
        type={type}
        inputMode={type === 'number' ? 'numeric' : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${descId} ${errorId}` : descId}
      />
      {error ? (
        <p id={errorId} className="sh-field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const NumberField = (props: FieldProps) => <Field {...props} type="number" />;
const TextField = (props: FieldProps) => <Field {...props} type="text" />;
