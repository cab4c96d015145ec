/** Names invisible direction controls (e.g. U+202E) in text shown as typed: they can reorder what is seen. */
import { bidiControls } from './word-diff';

export function BidiNote({ text }: { text: string }) {
  const found = bidiControls(text);
  if (!found.length) return null;
  return (
    <p className="sh-bidi-note" role="note">
      Contains {found.length === 1 ? 'an invisible direction control' : 'invisible direction controls'} ({found.join(', ')}): the text is shown as typed, but
      characters after {found.length === 1 ? 'it' : 'them'} may appear reordered.
    </p>
  );
}
