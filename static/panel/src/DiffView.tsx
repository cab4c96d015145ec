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
  if (part.kind === 'same') return <span className="sh-diff-same">{text}</span>;
  // A removed or added part: struck through or underlined, and said in words to a screen reader.
  const Change = part.kind === 'removed' ? 'del' : 'ins';
  return (
    <Change className={`sh-diff-${Change}`}>
      <span className="sh-visually-hidden">{`[${part.kind}: `}</span>
      {text}
      <span className="sh-visually-hidden">]</span>
    </Change>
  );
}

/** One side of the diff, under its heading (the group's name). */
function Column({ id, side, heading, parts, ranges }: { id: string; side: 'before' | 'after'; heading: string; parts: DiffPart[]; ranges: { start: number; end: number }[] }) {
  return (
    <div className="sh-diff-column" role="group" aria-labelledby={`${id}-${side}`} data-side={side}>
      <span className="sh-diff-heading" id={`${id}-${side}`}>
        {heading}
      </span>
      <p className="sh-diff-text">
        {parts.map((part, i) => (
          <Part key={i} part={part} ranges={ranges} />
        ))}
      </p>
    </div>
  );
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
        <Column id={id} side="before" heading="Now" parts={diff.before} ranges={[]} />
        <Column id={id} side="after" heading="Suggested" parts={diff.after} ranges={ranges} />
      </div>
      {diff.changed ? null : <p className="sh-subtle">Same words as the current summary.</p>}
      <BidiNote text={before + after} />
    </div>
  );
}
