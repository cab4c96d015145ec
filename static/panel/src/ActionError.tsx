/**
 * Why a write did not happen, next to the control that tried. The resolver's message is shown as
 * is (it names the issue and what to do); a conflict adds Reload, which reloads the checks
 * without losing anything typed in the panel (a default button: the section keeps its one primary).
 */
import Button from '@atlaskit/button/new';
import type { ResolverError } from '../../../src/contract';

export interface ActionErrorProps {
  /** What did not happen, e.g. "Not applied". */
  title: string;
  error: ResolverError;
  onReload?: () => void;
  reloading?: boolean;
}

export function ActionError({ title, error, onReload, reloading = false }: ActionErrorProps) {
  return (
    <div className="sh-action-error" role="alert" data-code={error.code}>
      <p>
        <strong>{title}: </strong>
        {error.message}
      </p>
      {error.code === 'conflict' && onReload ? (
        <Button onClick={onReload} isLoading={reloading}>
          Reload
        </Button>
      ) : null}
    </div>
  );
}
