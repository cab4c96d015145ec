/**
 * The items a story enumerates, for the "lost enumerated items" check on splits: a list in the
 * goal ("rate the food, the service, the price and the ambience") and the bullet or numbered lists
 * of the description. Read here with plain patterns, independently of the engine that made the
 * split, so the check does not share the engine's blind spots.
 */
import { lexiconsFor } from '../../src/core/lexicons';
import { parseTemplate } from '../../src/core/template';
import { tokenize } from '../../src/core/tokens';

/** "A, B and C", "A, B, or C": three items or more (two joined by "and" are as often one thing). */
const GOAL_LIST = /([^,;:()]+?)((?:,\s*[^,;:()]+?){1,}),?\s+(?:and|or|&)\s+([^,;:()]+?)(?=[.;:!?)]|,?\s+so\b|$)/i;
const BULLET = /^\s*(?:[-*•+]|\d{1,2}[.)])\s+(.+)$/;

/** The items of the goal's list, if it has one. */
function goalList(summary: string): string[] {
  const t = parseTemplate(summary, '');
  const goal = t.goal?.text ?? '';
  const m = GOAL_LIST.exec(goal);
  if (!m) return [];
  const middle = m[2]!.split(',').map((s) => s.trim()).filter(Boolean);
  // The first item carries the goal's verb ("rate the food"): its last word is the item.
  const first = tokenize(m[1]!).words.at(-1) ?? '';
  return [first, ...middle, m[3]!.trim()];
}

/** Runs of two or more consecutive bullet or numbered lines in the description. */
function descriptionLists(description: string): string[][] {
  const lists: string[][] = [];
  let current: string[] = [];
  for (const line of description.split(/\r?\n/)) {
    const m = BULLET.exec(line);
    if (m) current.push(m[1]!.trim());
    else if (line.trim()) {
      if (current.length >= 2) lists.push(current);
      current = [];
    }
  }
  if (current.length >= 2) lists.push(current);
  return lists;
}

const singular = (w: string) => (w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** An item's words that carry its meaning: three letters or more, not a stop word. */
function contentWords(item: string): string[] {
  const stop = lexiconsFor(null).stopwords;
  return tokenize(item).words.filter((w) => w.length >= 3 && !stop.has(w)).map(singular);
}

/** Is the item named anywhere in the parts (any of its content words)? Items with no content word count as named. */
function named(item: string, parts: ReadonlySet<string>): boolean {
  const words = contentWords(item);
  return words.length === 0 || words.some((w) => parts.has(w));
}

export interface Enumerations {
  goal: string[];
  description: string[][];
}

export function enumerationsOf(summary: string, description: string): Enumerations {
  return { goal: goalList(summary), description: descriptionLists(description) };
}

/**
 * Items a split's parts lose: every goal-list item must be named by some part; for a split made
 * from a description list, the list its parts follow best (more than half of it named) must be named
 * whole. A split that says it shows only the first parts of a longer list loses nothing.
 */
export function lostItems(e: Enumerations, partsText: string, fromDescriptionList: boolean): string[] {
  const parts = new Set(tokenize(partsText).words.map(singular));
  const lost = e.goal.filter((item) => !named(item, parts));
  if (fromDescriptionList && e.description.length) {
    const scored = e.description.map((list) => ({ list, missing: list.filter((item) => !named(item, parts)) }));
    const best = scored.sort((a, b) => a.missing.length / a.list.length - b.missing.length / b.list.length)[0]!;
    if (best.missing.length < best.list.length / 2) lost.push(...best.missing);
  }
  return lost;
}
