/**
 * One suggestion (a rewrite or a split): what it proposes, why, and which facts are still
 * placeholders. `actions` is where Apply / Create / Undo buttons go.
 */
import type { ReactNode } from 'react';
import type { Rewrite } from '../../../src/contract';
import Lozenge from '@atlaskit/lozenge';
import { Highlighted } from '../../shared/Highlighted';

export interface SuggestionCardProps {
  id: string;
  /** e.g. "User story", "Split by workflow steps". */
  title: string;
  children: ReactNode;
  /**
   * The suggestion's reason and placeholders, and its self-check: `appliable` when the engine
   * analyzed it like any story and found it right as it stands, `checks` what that check verified
   * or found, in plain words.
   */
  suggestion: Pick<Rewrite, 'rationale' | 'placeholders' | 'appliable' | 'checks'>;
  actions?: ReactNode;
}

export function SuggestionCard({ id, title, children, suggestion, actions }: SuggestionCardProps) {
  const { rationale, placeholders } = suggestion;
  const appliable = suggestion.appliable === true;
  const checks = suggestion.checks ?? [];
  const headingId = `${id}-title`;
  return (
    <article className="sh-card" aria-labelledby={headingId} data-suggestion={id} data-appliable={appliable}>
      <h3 id={headingId}>
        {title}{' '}
        <Lozenge appearance={appliable ? 'success' : 'default'}>{appliable ? 'checked' : 'draft'}</Lozenge>
      </h3>
      <div className="sh-card-body">{children}</div>
      <p className="sh-rationale">
        <span className="sh-field-label">Why: </span>
        {rationale}
      </p>
      <CheckList appliable={appliable} checks={checks} />
      <PlaceholderList label="Fill in before using: " placeholders={placeholders} />
      {actions ? <div className="sh-card-actions">{actions}</div> : null}
    </article>
  );
}

/** Text with each placeholder occurrence visibly marked. */
export function WithPlaceholders({ text, placeholders }: { text: string; placeholders: readonly string[] }) {
  const ranges = placeholders.flatMap((p) => {
    const found: { start: number; end: number }[] = [];
    if (!p) return found;
    for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + p.length)) found.push({ start: at, end: at + p.length });
    return found;
  });
  return <Highlighted text={text} ranges={ranges} markClassName="sh-placeholder" />;
}

/** The placeholders a suggestion still has, marked; nothing when there are none. */
export function PlaceholderList({ label, placeholders }: { label: string; placeholders: readonly string[] }) {
  if (!placeholders.length) return null;
  return (
    <p className="sh-placeholders">
      <span className="sh-field-label">{label}</span>
      {placeholders.map((p, i) => (
        <span key={p}>
          {i ? ', ' : null}
          <span className="sh-placeholder">{p}</span>
        </span>
      ))}
    </p>
  );
}

/** What the engine's self-check of a suggestion verified (or found wrong), one line each. */
function CheckList({ appliable, checks }: { appliable: boolean; checks: readonly string[] }) {
  if (!checks.length) return null;
  return (
    <div className="sh-checks" data-testid="suggestion-checks">
      <span className="sh-field-label">{appliable ? 'Checked: ' : 'A draft, because: '}</span>
      <ul>
        {checks.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </div>
  );
}
