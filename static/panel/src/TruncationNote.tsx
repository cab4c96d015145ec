/** Says which text the engine did not read in full (a huge field, a story sentence longer than it parses). */
import SectionMessage from '@atlaskit/section-message';
import { truncationMessage, type Truncation } from '../../../src/contract/ui';

export function TruncationNote({ truncated }: { truncated: readonly Truncation[] | undefined }) {
  if (!truncated?.length) return null;
  return (
    <div data-testid="truncation-note">
      <SectionMessage appearance="information" title="Part of this story was not analyzed">
        {truncated.map((t) => (
          <p key={`${t.field}-${t.part}`}>{truncationMessage(t)}</p>
        ))}
      </SectionMessage>
    </div>
  );
}
