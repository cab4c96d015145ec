/**
 * The current summary and a suggestion side by side, word by word. Removed words are struck
 * through on the left, added words underlined on the right, and both carry hidden "[removed: …]" /
 * "[added: …]" text for screen readers: the change is never told by colour alone. Everything is
 * React text: hostile text shows exactly as typed.
 */
import { Highlighted } from '../../shared/Highlighted';
import { BidiNote } from './BidiNote';
import { sideBySide, type DiffPart } from './word-diff';

export interface DiffViewProps {
  id: string;
  before: string;
  after: string;
  /** Placeholders of the suggestion, marked where they occur in the right column. */
  placeholders: readonly string[];
}

function placeholderRanges(text: string, placeholders: readonly string[]): { start: number; end: number }[] {
  return placeholders.flatMap((p) => {
    const found: { start: number; end: number }[] = [];
    if (!p) return found;
    for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + p.length)) found.push({ start: at, end: at + p.length });
    return found;
  });
}

function Part({ part, ranges }: { part: DiffPart; ranges: { start: number; end: number }[] }) {
  const inside = ranges
    .filter((r) => r.end > part.start && r.start < part.end)
    .map((r) => ({ start: Math.max(r.start, part.start) - part.start, end: Math.min(r.end, part.end) - part.start }));
  const text = inside.length ? <Highlighted text={part.text} ranges={inside} markClassName="sh-placeholder" /> : part.text;
  if (part.kind === 'removed') {
    return (
      <del className="sh-diff-del">
        <span className="sh-visually-hidden">[removed: </span>
        {text}
        <span className="sh-visually-hidden">]</span>
      </del>
    );
  }
  if (part.kind === 'added') {
    return (
      <ins className="sh-diff-ins">
        <span className="sh-visually-hidden">[added: </span>
        {text}
        <span className="sh-visually-hidden">]</span>
      </ins>
    );
  }
  return <span className="sh-diff-same">{text}</span>;
}

export function DiffView({ id, before, after, placeholders }: DiffViewProps) {
  const diff = sideBySide(before, after);
  const ranges = placeholderRanges(after, placeholders);
  return (
    <div className="sh-diff" data-testid="rewrite-diff">
      <p className="sh-diff-legend sh-subtle" id={`${id}-legend`}>
        Compared with the current summary: <del className="sh-diff-del">struck through</del> is removed, <ins className="sh-diff-ins">underlined</ins> is
        added.
      </p>
      <div className="sh-diff-columns">
        <div className="sh-diff-column" role="group" aria-labelledby={`${id}-before`} data-side="before">
          <span className="sh-diff-heading" id={`${id}-before`}>
            Now
          </span>
          <p className="sh-diff-text">
            {diff.before.map((part, i) => (
              <Part key={i} part={part} ranges={[]} />
            ))}
          </p>
        </div>
        <div className="sh-diff-column" role="group" aria-labelledby={`${id}-after`} data-side="after">
          <span className="sh-diff-heading" id={`${id}-after`}>
            Suggested
          </span>
          <p className="sh-diff-text">
            {diff.after.map((part, i) => (
              <Part key={i} part={part} ranges={ranges} />
            ))}
          </p>
        </div>
      </div>
      {diff.changed ? null : <p className="sh-subtle">Same words as the current summary.</p>}
      <BidiNote text={before + after} />
    </div>
  );
}
