/**
 * The stories of a group (duplicates, a cycle): on one line with a separator, or one per line, as the
 * surface shows stories; then how many more the group has when only its first are kept.
 */
import { useSurface } from './surface';
import { andMore } from './text';

/** " … and 3 more stories" after a list that shows only some of `total`. */
export function More({ shown, total }: { shown: number; total: number }) {
  const more = andMore(shown, total);
  return more ? <span className="sh-subtle sh-more">{` … ${more}`}</span> : null;
}

export function StoryList({ keys, total, separator = ', ' }: { keys: readonly string[]; total: number; separator?: string }) {
  const surface = useSurface();
  if (surface.layout === 'list') {
    const more = andMore(keys.length, total);
    return (
      <ul className="sh-list">
        {keys.map((k, i) => (
          <li key={`${k}-${i}`}>{surface.story(k)}</li>
        ))}
        {more ? <li className="sh-subtle sh-more">{`… ${more}`}</li> : null}
      </ul>
    );
  }
  return (
    <>
      {keys.map((k, i) => (
        <span key={`${k}-${i}`}>
          {i ? separator : ''}
          {surface.story(k)}
        </span>
      ))}
      <More shown={keys.length} total={total} />
    </>
  );
}

/** Issue keys on one line (examples of a persona): keys only, on every surface. */
export function KeyList({ keys, total }: { keys: readonly string[]; total: number }) {
  const surface = useSurface();
  return (
    <>
      {keys.map((k, i) => (
        <span key={`${k}-${i}`}>
          {i ? ', ' : ''}
          {surface.issueKey(k)}
        </span>
      ))}
      <More shown={keys.length} total={total} />
    </>
  );
}
