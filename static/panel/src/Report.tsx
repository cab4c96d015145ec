/** A checked story: score, INVEST row, findings, suggestions. */
import type { PanelAnalysis } from '../../shared/invokes';
import { Findings } from './Findings';
import { InvestRow } from './InvestRow';
import { ScoreHeader } from './ScoreHeader';
import { Suggestions } from './Suggestions';

export interface ReportProps {
  analysis: PanelAnalysis;
  /** Reload the analysis (after an action changed the issue). */
  onReload: () => void;
}

export function Report({ analysis }: ReportProps) {
  const { report, issue } = analysis;
  return (
    <div className="sh-stack">
      <ScoreHeader report={report} />
      <InvestRow report={report} />
      <Findings findings={report.findings} scores={report.criteria} issue={issue} />
      <Suggestions rewrites={report.rewrites} splits={report.splits} />
    </div>
  );
}
