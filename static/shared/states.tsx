/** Loading and error states every app shows the same way. */
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import type { ResolverError } from '../../src/contract';

export function Loading({ label }: { label: string }) {
  return (
    <div className="sh-state" role="status" aria-live="polite">
      <Spinner size="medium" label={label} />
      <span>{label}</span>
    </div>
  );
}

export function ErrorState({ title, error, onRetry }: { title: string; error: ResolverError; onRetry?: () => void }) {
  return (
    <div role="alert">
      <SectionMessage appearance="error" title={title}>
        <p>{error.message}</p>
        {onRetry ? (
          <Button appearance="primary" onClick={onRetry}>
            Retry
          </Button>
        ) : null}
      </SectionMessage>
    </div>
  );
}
