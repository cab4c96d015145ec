/**
 * A word-level, side-by-side diff for the rewrite cards: the current text on the left with the
 * removed words marked, the suggestion on the right with the added words marked.
 *
 * `diffWords` (jsdiff) decides which words changed; it may normalise whitespace in the pieces it
 * returns, so each column is re-cut from the ORIGINAL string: the parts of a column joined are
 * always exactly the text they came from (hostile text included), and each part knows its
 * `[start, end)` in that text (to mark placeholders inside it).
 */
import { diffWords } from 'diff';

export type PartKind = 'same' | 'removed' | 'added';

export interface DiffPart {
  kind: PartKind;
  text: string;
  start: number;
  end: number;
}

export interface SideBySide {
  /** The current text: `same` and `removed` parts. */
  before: DiffPart[];
  /** The suggestion: `same` and `added` parts. */
  after: DiffPart[];
  /** False when the two texts have the same words. */
  changed: boolean;
}

const isSpace = (ch: string) => /\s/.test(ch);

/**
 * Cuts `text` into the parts of one column. `pieces` are jsdiff's values for that column; their
 * non-space characters, in order, are the non-space characters of `text`. Returns null when they
 * are not (the caller then shows the whole text as changed).
 */
export function cutColumn(text: string, pieces: readonly { kind: PartKind; value: string }[]): DiffPart[] | null {
  const parts: DiffPart[] = [];
  let at = 0;
  for (const piece of pieces) {
    const start = at;
    // Leading space of the original belongs to this part for now (moved below).
    while (at < text.length && isSpace(text[at]!)) at++;
    for (const ch of piece.value) {
      if (isSpace(ch)) continue;
      while (at < text.length && isSpace(text[at]!)) at++;
      if (text.slice(at, at + ch.length) !== ch) return null;
      at += ch.length;
    }
    if (at > start) parts.push({ kind: piece.kind, text: text.slice(start, at), start, end: at });
  }
  if (at < text.length) {
    if (/\S/.test(text.slice(at))) return null;
    parts.push({ kind: 'same', text: text.slice(at), start: at, end: text.length });
  }
  // Spaces between words are unchanged: a changed part gives its leading space to the part before.
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.kind === 'same') continue;
    const lead = part.text.length - part.text.trimStart().length;
    if (lead === 0 || lead === part.text.length) continue;
    const previous = parts[i - 1]!;
    previous.text += part.text.slice(0, lead);
    previous.end += lead;
    part.text = part.text.slice(lead);
    part.start += lead;
  }
  return merge(parts);
}

/** Adjacent parts of the same kind become one. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.kind === p.kind && last.end === p.start) {
      last.text += p.text;
      last.end = p.end;
    } else out.push({ ...p });
  }
  return out;
}

function whole(text: string, kind: PartKind): DiffPart[] {
  return text ? [{ kind, text, start: 0, end: text.length }] : [];
}

export function sideBySide(before: string, after: string): SideBySide {
  const changes = diffWords(before, after);
  const left = changes.filter((c) => !c.added).map((c) => ({ kind: (c.removed ? 'removed' : 'same') as PartKind, value: c.value }));
  const right = changes.filter((c) => !c.removed).map((c) => ({ kind: (c.added ? 'added' : 'same') as PartKind, value: c.value }));
  const beforeParts = cutColumn(before, left);
  const afterParts = cutColumn(after, right);
  if (!beforeParts || !afterParts) return { before: whole(before, 'removed'), after: whole(after, 'added'), changed: before !== after };
  const changed = changes.some((c) => (c.added || c.removed) && /\S/.test(c.value));
  return { before: beforeParts, after: afterParts, changed };
}

/** Invisible characters that reorder text (the "Trojan source" family): shown as text, and named. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function bidiControls(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(BIDI_CONTROLS)) found.add(`U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return [...found];
}
