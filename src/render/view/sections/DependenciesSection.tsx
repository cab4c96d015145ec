/** Dependencies: the cycles of stories that block each other, and the longest blocked-by chain. */
import type { ReactNode } from 'react';
import { Section } from '../Section';
import { StoryList } from '../StoryList';
import { useSurface, useTestId } from '../surface';
import { plural } from '../text';

export interface Cycle {
  /** Stories in the cycle in all; `keys` are its first. */
  size: number;
  keys: readonly string[];
}

export interface DependenciesProps {
  id: string;
  cycleCount: number;
  cycles: readonly Cycle[];
  /** The chain from the story that waits longest to the root blocker (its first stories), and its length. */
  chain: readonly string[];
  chainLength: number;
  /** What the surface offers for a cycle and for the chain (the page: list their stories). */
  cycleAction?: (cycle: Cycle, index: number) => ReactNode;
  chainAction?: ReactNode;
  children?: ReactNode;
}

export function DependenciesSection({ id, cycleCount, cycles, chain, chainLength, cycleAction, chainAction, children }: DependenciesProps) {
  const surface = useSurface();
  const testId = useTestId();
  const waiting = plural(chainLength, 'story', 'stories');
  const waitText = ' wait on each other, from the one that waits longest to the root blocker.';
  return (
    <Section id={id} title="Dependencies">
      <h3>Dependency cycles</h3>
      {cycleCount ? (
        <>
          <p>{`${plural(cycleCount, 'group', 'groups')} of stories block each other: none of them can be finished first.`}</p>
          <ol className="sh-groups" {...testId('cycles')}>
            {cycles.map((cycle, i) => (
              <li key={cycle.keys.join(',')}>
                <StoryList keys={cycle.keys} total={cycle.size} separator=" → " />
                {surface.layout === 'inline' && cycle.size > 1 && cycle.size === cycle.keys.length ? <span className="sh-subtle">{' → back to the first'}</span> : null}
                {cycleAction ? <> {cycleAction(cycle, i)}</> : null}
              </li>
            ))}
          </ol>
          {cycles.length < cycleCount ? <p className="sh-subtle">{`${plural(cycleCount - cycles.length, 'cycle is', 'cycles are')} not listed.`}</p> : null}
        </>
      ) : (
        <p>No dependency cycles.</p>
      )}
      <h3>Longest blocked-by chain</h3>
      {chainLength > 1 ? (
        <>
          {/* One text node where there is no test hook: the file reads "3 stories wait on each other". */}
          <p>{surface.testIds ? <><span data-testid="chain-length">{waiting}</span>{waitText}</> : `${waiting}${waitText}`}</p>
          {chain.length ? (
            <ol className="sh-chain" {...testId('chain')}>
              {chain.map((k, i) => (
                <li key={`${k}-${i}`}>
                  {i ? <span className="sh-subtle">{'↳ blocked by '}</span> : null}
                  {surface.story(k)}
                </li>
              ))}
            </ol>
          ) : null}
          {chain.length < chainLength ? <p className="sh-subtle">{`${plural(chain.length, 'story is', 'stories are')} listed.`}</p> : null}
          {chain.length && chainAction ? chainAction : null}
        </>
      ) : (
        <p>No story is blocked by another.</p>
      )}
      {children}
    </Section>
  );
}
