/**
 * Backlog findings ("In this backlog"): what comparing this story with the project's recent stories
 * shows (a near-duplicate, a different template from the rest). Reported beside the story and never
 * counted in its score, which is the same here, in the stored property and in the backlog report.
 */
import type { Finding } from '../../../src/contract';
import type { PanelIssue } from '../../../src/contract';
import { FindingItem } from './Findings';
import { SEVERITY_RANK } from './criteria';

export interface BacklogFindingsProps {
  findings: readonly Finding[];
  issue: PanelIssue;
}

export function BacklogFindings({ findings, issue }: BacklogFindingsProps) {
  if (!findings.length) return null;
  const sorted = [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  return (
    <section aria-labelledby="sh-backlog-findings-heading" data-testid="backlog-findings">
      <h2 id="sh-backlog-findings-heading">In this backlog</h2>
      <p className="sh-subtle">Found by comparing {issue.key} with the project&rsquo;s recent stories. Not counted in the score.</p>
      <ul className="sh-list-plain sh-findings">
        {sorted.map((f, i) => (
          <FindingItem key={`${f.ruleId}-${i}`} finding={f} issue={issue} />
        ))}
      </ul>
    </section>
  );
}
