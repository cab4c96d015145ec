/**
 * Renders `text` with `[start, end)` ranges marked. Only React text nodes and <mark> elements:
 * story text is user content and is never parsed as markup.
 */
import { excerpt as cut, segments, type HighlightRange } from './highlight';

export interface HighlightedProps {
  text: string;
  ranges: readonly HighlightRange[];
  /** Show only the neighbourhood of the ranges, with ellipses where text was cut. */
  excerpt?: boolean;
  className?: string;
  /** Class of the highlighted parts (default `sh-mark`). */
  markClassName?: string;
}

export function Highlighted({ text, ranges, excerpt = false, className, markClassName = 'sh-mark' }: HighlightedProps) {
  const view = excerpt ? cut(text, ranges) : { text, ranges: [...ranges], clippedStart: false, clippedEnd: false };
  return (
    <span className={className ?? 'sh-highlighted'}>
      {view.clippedStart ? '… ' : null}
      {segments(view.text, view.ranges).map((s, i) =>
        s.highlighted ? (
          <mark key={i} className={markClassName}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
      {view.clippedEnd ? ' …' : null}
    </span>
  );
}
