/** A list of short terms the user can add to and remove from; the whole list is one form field. */
import { useId, useState } from 'react';

export interface EditableListProps {
  id: string;
  label: string;
  description: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  disabled: boolean;
  error?: string;
  placeholder?: string;
}

export function EditableList({ id, label, description, items, onChange, disabled, error, placeholder }: EditableListProps) {
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
              {disabled ? null : (
                <button type="button" className="sh-chip-remove" aria-label={`Remove ${item} from ${label}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="sh-subtle">None.</p>
      )}
      {disabled ? null : (
        <div className="sh-add-row">
          <input
            id={id}
            type="text"
            value={draft}
            placeholder={placeholder}
            aria-label={`Add to ${label}`}
            aria-invalid={error ? true : undefined}
            maxLength={80}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="sh-button" onClick={add}>
            Add
          </button>
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
