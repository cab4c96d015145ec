/** A list of short terms the user can add to and remove from; the whole list is one form field. */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';

export interface EditableListProps {
  id: string;
  label: string;
  description: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  /** While saving: nothing can change. */
  disabled: boolean;
  /** For people who may not change settings: the list only, no controls. */
  readOnly: boolean;
  error?: string;
  placeholder?: string;
}

export function EditableList({ id, label, description, items, onChange, disabled, readOnly, error, placeholder }: EditableListProps) {
  const [draft, setDraft] = useState('');
  const descId = useId();
  const errorId = useId();
  const add = () => {
    const value = draft.trim();
    if (!value) return;
    if (!items.some((i) => i.toLowerCase() === value.toLowerCase())) onChange([...items, value]);
    setDraft('');
  };
  return (
    <fieldset className="sh-field sh-list-field" aria-describedby={`${descId}${error ? ` ${errorId}` : ''}`}>
      <legend>{label}</legend>
      <p id={descId} className="sh-subtle">
        {description}
      </p>
      {items.length ? (
        <ul className="sh-chips sh-list-plain">
          {items.map((item, i) => (
            <li key={`${item}-${i}`} className="sh-chip">
              <span>{item}</span>
              {readOnly ? null : (
                <button type="button" className="sh-chip-remove" disabled={disabled} aria-label={`Remove ${item} from ${label}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="sh-subtle">None.</p>
      )}
      {readOnly ? null : (
        <div className="sh-add-row">
          <Textfield
            id={id}
            value={draft}
            placeholder={placeholder}
            aria-label={`Add to ${label}`}
            isInvalid={Boolean(error)}
            isDisabled={disabled}
            maxLength={80}
            width="medium"
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <Button onClick={add} isDisabled={disabled}>
            Add
          </Button>
        </div>
      )}
      {error ? (
        <p id={errorId} className="sh-field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
