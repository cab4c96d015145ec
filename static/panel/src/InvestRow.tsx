/**
 * The INVEST letters and the template, one focusable button each: colour and a symbol give the
 * grade, the tooltip and the accessible name give the reason; activating one jumps to its findings.
 */
import Tooltip from '@atlaskit/tooltip';
import type { StoryReport } from '../../../src/contract';
import { grade, GRADE_LABEL, groupId, LETTERS } from './criteria';

const SYMBOL = { pass: '✓', warn: '!', fail: '✕' } as const;

export function InvestRow({ report }: { report: StoryReport }) {
  return (
    <section aria-labelledby="sh-invest-heading">
      <h2 id="sh-invest-heading">INVEST</h2>
      <ul className="sh-invest sh-list-plain">
        {LETTERS.map(({ criterion, letter, name }) => {
          const score = report.criteria[criterion];
          const g = grade(score);
          const findings = report.findings.filter((f) => f.criterion === criterion);
          const reason = findings.length ? findings.map((f) => f.message).join(' ') : 'No problems found.';
          // The name starts with the visible text (the letter), then says what it stands for.
          const label = `${letter === name ? name : `${letter}, ${name}`}: ${GRADE_LABEL[g]}, ${score} of 100. ${reason}`;
          return (
            <li key={criterion}>
              <Tooltip content={reason} position="bottom">
                {({ testId: _testId, ...triggerProps }) => (
                  <button
                    {...triggerProps}
                    type="button"
                    className={`sh-letter sh-grade-${g}`}
                    aria-label={label}
                    data-criterion={criterion}
                    data-grade={g}
                    onClick={(event) => {
                      triggerProps.onClick(event);
                      const target = document.getElementById(groupId(criterion));
                      if (target) {
                        target.scrollIntoView({ block: 'start' });
                        target.focus();
                      }
                    }}
                  >
                    {letter}
                    <span className="sh-letter-symbol" data-symbol={SYMBOL[g]} aria-hidden="true" />
                  </button>
                )}
              </Tooltip>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
