/** Duplicate stories: the groups of near-identical stories the snapshot keeps, largest first. */
import type { ReactNode } from 'react';
import { Section } from '../Section';
import { StoryList } from '../StoryList';
import { useTestId } from '../surface';
import { pct, plural } from '../text';

export interface DuplicateGroup {
  similarity: number;
  /** Stories in the group in all; `keys` are its first. */
  size: number;
  keys: readonly string[];
}

export interface DuplicatesProps {
  id: string;
  /** Groups in the backlog, and the stories in them. */
  clusters: number;
  stories: number;
  groups: readonly DuplicateGroup[];
  /** What the surface offers for a group (the page: list its stories). */
  action?: (group: DuplicateGroup, index: number) => ReactNode;
  children?: ReactNode;
}

export function DuplicatesSection({ id, clusters, stories, groups, action, children }: DuplicatesProps) {
  const testId = useTestId();
  return (
    <Section id={id} title="Duplicate stories">
      {clusters ? (
        <>
          <p>{`${plural(clusters, 'group', 'groups')} of near-identical stories, ${plural(stories, 'story', 'stories')} in all.`}</p>
          {groups.length ? (
            <ol className="sh-groups" {...testId('duplicates')}>
              {groups.map((g, i) => (
                <li key={g.keys.join(',')}>
                  <span className="sh-subtle">{`${pct(g.similarity)} alike: `}</span>
                  <StoryList keys={g.keys} total={g.size} />
                  {action ? <> {action(g, i)}</> : null}
                </li>
              ))}
            </ol>
          ) : null}
          {groups.length < clusters ? <p className="sh-subtle">{`${plural(clusters - groups.length, 'group is', 'groups are')} not listed: the report keeps the largest.`}</p> : null}
          {children}
        </>
      ) : (
        <p>No near-duplicate stories.</p>
      )}
    </Section>
  );
}
