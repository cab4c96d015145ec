/** Template uniformity: the share of stories written in the backlog's most common form. */
import type { ReactNode } from 'react';
import type { TemplateForm } from '../../../contract/ui';
import { FORM_NAMES } from '../criteria';
import { Section } from '../Section';
import { useTestId } from '../surface';
import { pct } from '../text';

export function UniformitySection({ id, count, share, dominantForm, children }: { id: string; count: number; share: number; dominantForm: TemplateForm; children?: ReactNode }) {
  const testId = useTestId();
  return (
    <Section id={id} title="Template uniformity">
      {count ? (
        <p {...testId('uniformity')}>
          {`${pct(share)} of stories are written as `}
          <strong>{FORM_NAMES[dominantForm]}</strong>
          {dominantForm === 'none' ? ': most stories follow no user-story template.' : '.'}
        </p>
      ) : (
        <p>No stories.</p>
      )}
      {children}
    </Section>
  );
}
