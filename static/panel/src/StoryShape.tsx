/**
 * What the engine says about the story's shape beyond findings: its slices already exist (an epic,
 * not re-split: its own children, or epics its goal spans that hold them), and, for a story without acceptance criteria, drafted Given/When/Then criteria to
 * edit. The draft has no write button: it is never applied without the user's edit.
 */
import SectionMessage from '@atlaskit/section-message';
import type { StoryReport } from '../../../src/contract';
import { IssueLink } from './IssueLink';

export function ExistingSlices({ report }: { report: StoryReport }) {
  const slices = report.existingSlices ?? [];
  if (!slices.length) return null;
  const under = report.slicesUnder ?? [];
  return (
    <div data-testid="existing-slices">
      <SectionMessage appearance="information" title="Its slices already exist">
        {under.length ? (
          <p>
            {report.key} spans{' '}
            {under.map((epic, i) => (
              <span key={epic.key} data-testid="spanned-epic">
                {i ? (i === under.length - 1 ? ' and ' : ', ') : null}
                <IssueLink issueKey={epic.key} /> “{epic.summary}” ({epic.stories} {epic.stories === 1 ? 'story' : 'stories'})
              </span>
            ))}
            , which already hold its slices. No split is suggested: make {report.key} an epic or close it.
          </p>
        ) : (
          <p>
            {report.key} is an epic: its work is already split into{' '}
            {slices.map((key, i) => (
              <span key={key}>
                {i ? ', ' : null}
                <IssueLink issueKey={key} />
              </span>
            ))}
            . No further split is suggested; plan the slices, not {report.key}.
          </p>
        )}
      </SectionMessage>
    </div>
  );
}

export function AcceptanceDraft({ report }: { report: StoryReport }) {
  const draft = report.acceptanceDraft ?? [];
  if (!draft.length) return null;
  return (
    <section aria-labelledby="sh-ac-draft-heading" data-testid="acceptance-draft">
      <h2 id="sh-ac-draft-heading">Draft acceptance criteria</h2>
      <p className="sh-subtle">A starting point drawn from the story sentence: edit it with your team, then add it to the description.</p>
      <ol className="sh-draft-criteria">
        {draft.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </section>
  );
}
