/**
 * The settings fields, made of Atlassian's form controls: radio groups, text fields, a select per
 * rule in a dynamic table, a toggle. Every control has a visible label and a description; a server
 * error is shown beside its field and tied to it (aria-describedby, aria-invalid).
 */
import { useId, type ReactNode } from 'react';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import { Label } from '@atlaskit/form';
import { RadioGroup } from '@atlaskit/radio';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import Toggle from '@atlaskit/toggle';
import { AI_DAILY_CALLS, SETTINGS_FIELD_LABELS, SEVERITIES, type Severity } from '../../../src/contract/ui';
import type { SettingsView } from '../../shared/invokes';
import { EditableList } from './EditableList';
import { fieldId, type FormState, type ListField, type ProductUsers } from './form';

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

const PRESETS = [
  { value: 'recommended', label: 'Recommended: the rules most teams agree on' },
  { value: 'strict', label: 'Strict: every rule, higher severities' },
];

const PRODUCT_USERS: { value: ProductUsers; label: string }[] = [
  { value: 'auto', label: 'Read it from the backlog: who its stories serve' },
  { value: 'end-users', label: 'End users: developers and data people are the team' },
  { value: 'builders', label: 'Builders: an SDK, a CLI, a data or admin tool, for developers, data people or operators' },
];

const RULE_HEAD = {
  cells: [
    { key: 'rule', content: 'Rule' },
    { key: 'description', content: 'What it checks' },
    { key: 'severity', content: 'Severity', width: 22 },
  ],
};

/** The message beside a field; its id is what the control names in aria-describedby. */
function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="sh-field-error">
      {error}
    </p>
  ) : null;
}

/** A labelled group of radio buttons (the group is focusable, so an error can move focus to it). */
function RadioField({ field, value, options, onChange, disabled, error, children }: {
  field: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  disabled: boolean;
  error: string | undefined;
  children: ReactNode;
}) {
  const legendId = useId();
  const descId = useId();
  const errorId = useId();
  return (
    <fieldset className="sh-field" id={fieldId(field)} tabIndex={-1} aria-describedby={error ? `${descId} ${errorId}` : descId}>
      <legend id={legendId}>{SETTINGS_FIELD_LABELS[field]}</legend>
      <p id={descId} className="sh-subtle">
        {children}
      </p>
      <RadioGroup name={field} value={value} options={options} isDisabled={disabled} aria-labelledby={legendId} onChange={(e) => onChange(e.currentTarget.value)} />
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}

/** A labelled text field (numbers are typed as text, so an empty or wrong value reaches the server, which names the problem). */
function TextField({ field, value, onChange, disabled, error, numeric, children }: {
  field: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  error: string | undefined;
  numeric?: boolean;
  children: string;
}) {
  const descId = useId();
  const errorId = useId();
  return (
    <div className="sh-field">
      <Label htmlFor={fieldId(field)}>{SETTINGS_FIELD_LABELS[field]}</Label>
      <p id={descId} className="sh-subtle">
        {children}
      </p>
      <Textfield
        id={fieldId(field)}
        type={numeric ? 'number' : 'text'}
        inputMode={numeric ? 'numeric' : undefined}
        width={numeric ? 'small' : 'medium'}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        isDisabled={disabled}
        isInvalid={Boolean(error)}
        aria-describedby={error ? `${descId} ${errorId}` : descId}
      />
      <FieldError id={errorId} error={error} />
    </div>
  );
}

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
  const disabled = readOnly || busy;
  const rulesErrorId = useId();

  const ruleRows = rules.map((rule) => {
    const preset = rule.defaultSeverity[form.preset] as Severity;
    const value = form.rules[rule.id] ?? preset;
    const options = SEVERITIES.map((s) => ({ value: s, label: s === preset ? `${s} (preset)` : s }));
    return {
      key: rule.id,
      ...({ 'data-rule': rule.id } as object),
      cells: [
        {
          key: 'rule',
          content: (
            <>
              <code>{rule.id}</code>
              <div className="sh-subtle">{rule.criterion}</div>
            </>
          ),
        },
        { key: 'description', content: rule.description },
        {
          key: 'severity',
          content: (
            <Select
              inputId={`severity-${rule.id}`}
              aria-label={`Severity of ${rule.id}`}
              options={options}
              value={options.find((o) => o.value === value)}
              onChange={(option) => option && setSeverity(rule.id, option.value, preset)}
              isDisabled={disabled}
              isSearchable={false}
              menuPortalTarget={document.body}
              styles={{ menuPortal: (base) => ({ ...base, zIndex: 510 }) }}
              spacing="compact"
            />
          ),
        },
      ],
    };
  });

  return (
    <div className="sh-form">
      <section aria-labelledby="sh-general">
        <h2 id="sh-general">General</h2>
        <RadioField field="preset" value={form.preset} options={PRESETS} onChange={(v) => set('preset', v as FormState['preset'])} disabled={disabled} error={errorFor('preset')}>
          The rules and severities a project starts from; the table below can change any rule.
        </RadioField>
        <RadioField field="productUsers" value={form.productUsers} options={PRODUCT_USERS} onChange={(v) => set('productUsers', v as ProductUsers)} disabled={disabled} error={errorFor('productUsers')}>
          Whether developers, data people and operators are the product's users (their tools are its domain) or the team that builds it.
        </RadioField>
        <TextField field="oversizeThreshold" numeric value={form.oversizeThreshold} onChange={(v) => set('oversizeThreshold', v)} disabled={disabled} error={errorFor('oversizeThreshold')}>
          Stories estimated above this many points are flagged as oversized (1-100).
        </TextField>
        <TextField field="maxAcceptanceCriteria" numeric value={form.maxAcceptanceCriteria} onChange={(v) => set('maxAcceptanceCriteria', v)} disabled={disabled} error={errorFor('maxAcceptanceCriteria')}>
          More acceptance criteria than this suggests an epic (1-100).
        </TextField>
      </section>

      <section aria-labelledby="sh-rules">
        <h2 id="sh-rules">Rules</h2>
        <div id={fieldId('rules')} tabIndex={-1} aria-describedby={errorFor('rules') ? rulesErrorId : undefined}>
          <FieldError id={rulesErrorId} error={errorFor('rules')} />
          <DynamicTableStateless label="Severity of each rule" head={RULE_HEAD} rows={ruleRows} testId="rules-table" />
        </div>
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
            disabled={disabled}
            readOnly={readOnly}
            error={errorFor(field)}
            placeholder={placeholder}
          />
        ))}
      </section>

      <section aria-labelledby="sh-label">
        <h2 id="sh-label">Label on weak stories</h2>
        <p className="sh-subtle">When a story is saved with a score below the threshold, Story Health adds this label so JQL and boards can find it.</p>
        <div className="sh-toggle-row">
          <Toggle id={fieldId('label.enabled')} isChecked={form.label.enabled} isDisabled={disabled} onChange={(e) => set('label', { ...form.label, enabled: e.currentTarget.checked })} />
          <Label htmlFor={fieldId('label.enabled')}>{SETTINGS_FIELD_LABELS['label.enabled']!}</Label>
        </div>
        <TextField field="label.name" value={form.label.name} onChange={(v) => set('label', { ...form.label, name: v })} disabled={disabled} error={errorFor('label.name')}>
          One word: Jira labels cannot contain spaces.
        </TextField>
        <TextField field="label.threshold" numeric value={form.label.threshold} onChange={(v) => set('label', { ...form.label, threshold: v })} disabled={disabled} error={errorFor('label.threshold')}>
          Stories scoring below this get the label (0-100).
        </TextField>
      </section>

      <section aria-labelledby="sh-ai">
        <h2 id="sh-ai">AI assist</h2>
        <p className="sh-subtle">
          In the issue panel, Atlassian&apos;s hosted model may reword the engine&apos;s suggestions, propose a split of a big story and draft acceptance criteria. The story
          is sent to Atlassian&apos;s model only, never outside Atlassian. The engine checks every answer and drops what fails; scores never change. At most one call per
          story text, and at most {AI_DAILY_CALLS} calls a day per project.
        </p>
        <div className="sh-toggle-row">
          <Toggle id={fieldId('aiAssist')} isChecked={form.aiAssist} isDisabled={disabled} onChange={(e) => set('aiAssist', e.currentTarget.checked)} />
          <Label htmlFor={fieldId('aiAssist')}>{SETTINGS_FIELD_LABELS.aiAssist!}</Label>
        </div>
      </section>
    </div>
  );
}
