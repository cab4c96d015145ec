/** Findings grouped by criterion, worst first; each with its rule, message, evidence and docs link. */
import Lozenge from '@atlaskit/lozenge';
import type { Finding, RuleCriterion } from '../../../src/contract';
import type { PanelIssue } from '../../../src/contract';
import { ExternalLink } from '../../shared/ExternalLink';
import { Highlighted } from '../../shared/Highlighted';
import { criterionName, groupFindings, groupId, SEVERITY_LABEL } from './criteria';
import { ruleDocsUrl } from './docs';

const SEVERITY_APPEARANCE = { error: 'removed', warn: 'moved', info: 'default' } as const;
const FIELD_LABEL = { summary: 'Summary', description: 'Description', acceptanceCriteria: 'Acceptance criteria' } as const;

export interface FindingsProps {
  findings: readonly Finding[];
  scores: Partial<Record<RuleCriterion, number>>;
  issue: PanelIssue;
}

export function Findings({ findings, scores, issue }: FindingsProps) {
  return (
    <section aria-labelledby="sh-findings-heading">
      <h2 id="sh-findings-heading">Findings</h2>
      {findings.length === 0 ? (
        <p className="sh-empty" role="status">
          No problems found: this story reads well against INVEST and the template.
        </p>
      ) : (
        groupFindings(findings, scores).map((group) => (
          <section key={group.criterion} className="sh-group" aria-labelledby={groupId(group.criterion)}>
            <h3 id={groupId(group.criterion)} tabIndex={-1}>
              {criterionName(group.criterion)}
              {group.score !== undefined ? <span className="sh-subtle"> · {group.score}/100</span> : null}
            </h3>
            <ul className="sh-list-plain sh-findings">
              {group.findings.map((f, i) => (
                <FindingItem key={`${f.ruleId}-${i}`} finding={f} issue={issue} />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}

function evidenceText(finding: Finding, issue: PanelIssue): string | undefined {
  if (finding.field === 'summary') return issue.summary;
  if (finding.field === 'description') return issue.description;
  return undefined;
}

export function FindingItem({ finding, issue }: { finding: Finding; issue: PanelIssue }) {
  const text = evidenceText(finding, issue);
  return (
    <li className="sh-finding" data-rule={finding.ruleId}>
      <div className="sh-finding-head">
        <Lozenge appearance={SEVERITY_APPEARANCE[finding.severity]}>{SEVERITY_LABEL[finding.severity]}</Lozenge>
        <code className="sh-rule-id">{finding.ruleId}</code>
      </div>
      <p className="sh-finding-message">{finding.message}</p>
      {finding.field && finding.range && text !== undefined ? (
        <p className="sh-evidence">
          <span className="sh-field-label">{FIELD_LABEL[finding.field]}: </span>
          <Highlighted text={text} ranges={[{ start: finding.range[0], end: finding.range[1] }]} excerpt />
        </p>
      ) : null}
      <ExternalLink href={ruleDocsUrl(finding.ruleId)}>
        About this rule<span className="sh-visually-hidden"> ({finding.ruleId}, opens in a new tab)</span>
      </ExternalLink>
    </li>
  );
}
