/** The score distribution: the histogram, and what the surface offers under it. */
import type { ReactNode } from 'react';
import { ScoreHistogram, type ScoreHistogramProps } from '../charts/ScoreHistogram';
import { Section } from '../Section';

export function DistributionSection({ id, chart, children }: { id: string; chart: ScoreHistogramProps; children?: ReactNode }) {
  return (
    <Section id={id} title="Score distribution">
      <ScoreHistogram {...chart} />
      {children}
    </Section>
  );
}
