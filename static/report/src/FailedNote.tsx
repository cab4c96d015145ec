/** Stories the engine could not analyze: how many, which (those the user may see) and why. */
import SectionMessage from '@atlaskit/section-message';
import { IssueKey } from './IssueKey';
import { plural, truncate } from '../../../src/render/view/text';

export function FailedNote({ count, failed }: { count: number; failed: readonly { key: string; error: string }[] }) {
  if (count <= 0) return null;
  return (
    <div data-testid="failed-note">
      <SectionMessage appearance="warning" title={`${plural(count, 'story', 'stories')} could not be analyzed`}>
        <p>
          Story Health failed on {count === 1 ? 'this story' : 'these stories'}; {count === 1 ? 'it is' : 'they are'} left out of every score and count in this
          report, and the rest of the backlog was analyzed as usual. JQL finds them with <code>storyHealthRule = &quot;engine-error&quot;</code>.
        </p>
        {failed.length ? (
          <ul className="sh-list-plain">
            {failed.map((f) => (
              <li key={f.key}>
                <IssueKey issueKey={f.key} /> <span className="sh-subtle">{truncate(f.error, 160)}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </SectionMessage>
    </div>
  );
}
