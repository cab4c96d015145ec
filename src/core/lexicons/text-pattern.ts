/**
 * A matcher's `pattern`: one regular expression over raw text that matches wherever the matcher's
 * entries may match the text's tokens, so a rule can skip (or tokenize only around) text that holds
 * none. Each entry is its words in order with anything but letters and digits between them (what
 * separates two tokens), not inside a longer word. Entries with `*` or `...` standing alone are
 * looked for by their first word.
 *
 * Shape, for speed (a description is scanned once per story): the alternatives are merged into a
 * character trie ("depend", "depends on", "dependent on" share "depend"), and a word start is `\b`,
 * which the regular expression engine checks far faster than a look-behind; a word glued to an
 * underscore ("max_after") has no `\b` before it, so a second branch matches from the underscore.
 * A match may therefore start one character early, at an underscore. Entries whose first letter is
 * not ASCII (no `\b` before it) keep the look-behind.
 *
 * Case is ignored as `toLowerCase` does for ASCII and accented letters. Two kinds of letter differ:
 * the Kelvin sign (U+212A) lower-cases to an ASCII "k", so `tokenizeAround` reads a text holding one
 * whole; letters whose upper case is two letters ("ß") match only themselves, which no English
 * lexicon entry needs.
 */

/** ASCII classes keep the expression fast; over other letters they only let it match more, never less. */
const LETTER_OR_DIGIT = '[A-Za-z0-9]';
const SEPARATOR = '[^A-Za-z0-9]+';
/** Closes an entry: not followed by a letter or digit (a prefix entry, "refactor*", has no close). */
const CLOSE = `(?!${LETTER_OR_DIGIT})`;

/** One step of an entry in the trie: a character, the gap between two words, or the entry's end. */
const GAP = '\u0000gap';
const END_CLOSED = '\u0000end';
const END_OPEN = '\u0000open';

type Trie = Map<string, Trie>;

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** The words of one entry as the pattern reads them: `[words, open]` (open: no close after the last word). */
export interface PatternEntry {
  words: readonly string[];
  open: boolean;
}

function insert(root: Trie, { words, open }: PatternEntry): void {
  let node = root;
  const steps: string[] = [];
  words.forEach((w, k) => {
    if (k > 0) steps.push(GAP);
    steps.push(...w);
  });
  steps.push(open ? END_OPEN : END_CLOSED);
  for (const step of steps) {
    let next = node.get(step);
    if (!next) {
      next = new Map();
      node.set(step, next);
    }
    node = next;
  }
}

/** The expression of a trie node: longer continuations first, its ends last, so the longest entry matches. */
function emit(node: Trie): string {
  const parts: string[] = [];
  let ends = '';
  for (const [step, child] of node) {
    if (step === END_CLOSED) ends = ends === '' ? CLOSE : ends;
    else if (step === END_OPEN) ends = 'open';
    else parts.push((step === GAP ? SEPARATOR : escape(step)) + emit(child));
  }
  // An open end matches whatever follows, so it covers a closed one.
  if (ends === 'open') parts.push('');
  else if (ends) parts.push(ends);
  if (parts.length === 1) return parts[0]!;
  return `(?:${parts.join('|')})`;
}

export function textPattern(entries: readonly PatternEntry[]): RegExp {
  const ascii: Trie = new Map();
  const other: Trie = new Map();
  for (const e of entries) {
    if (!e.words.length || !e.words[0]) continue;
    insert(/^[a-z0-9]/i.test(e.words[0]) ? ascii : other, e);
  }
  const branches: string[] = [];
  if (ascii.size) {
    const body = emit(ascii);
    branches.push(`\\b${body}`, `_${body}`);
  }
  if (other.size) branches.push(`(?<!${LETTER_OR_DIGIT})${emit(other)}`);
  return new RegExp(branches.length ? branches.join('|') : '(?!)', 'gi');
}
