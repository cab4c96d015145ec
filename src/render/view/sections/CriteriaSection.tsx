/** Pass rate per criterion: the bars, each a way to the stories failing it (a button on the page, a link in the HTML file). */
import type { ReactNode } from 'react';
import { CriteriaBars, type CriteriaBarsProps } from '../charts/CriteriaBars';
import { Section } from '../Section';

export function CriteriaSection({ id, chart, children }: { id: string; chart: CriteriaBarsProps; children?: ReactNode }) {
  return (
    <Section id={id} title="Pass rate per criterion" lead="A story passes a criterion when it scores 80 or more on it. Select a bar to list the stories that fail it.">
      <CriteriaBars {...chart} />
      {children}
    </Section>
  );
}
