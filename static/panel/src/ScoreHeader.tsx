import Lozenge from '@atlaskit/lozenge';
import type { StoryReport } from '../../../src/contract';
import { grade, GRADE_LABEL } from './criteria';

const APPEARANCE = { pass: 'success', warn: 'moved', fail: 'removed' } as const;
/** What kind of work the engine found, when it is not a user story. */
const KIND_LABEL = { technical: 'technical work', team: 'team work', spike: 'spike' } as const;

export function ScoreHeader({ report }: { report: StoryReport }) {
  const g = grade(report.score);
  return (
    <section aria-labelledby="sh-score-heading" className="sh-score">
      <h2 id="sh-score-heading" className="sh-visually-hidden">
        Score
      </h2>
      <p className={`sh-score-value sh-grade-${g}`} aria-label={`Score ${report.score} out of 100: ${GRADE_LABEL[g]}`}>
        <span className="sh-score-number">{report.score}</span>
        <span className="sh-score-max" aria-hidden="true">
          /100
        </span>
      </p>
      <div className="sh-score-tags">
        <Lozenge appearance={APPEARANCE[g]}>{GRADE_LABEL[g]}</Lozenge>
        {report.kind !== 'user' ? (
          <span data-testid="work-kind" data-kind={report.kind}>
            <Lozenge appearance="inprogress">{KIND_LABEL[report.kind]}</Lozenge>
          </span>
        ) : null}
      </div>
    </section>
  );
}
