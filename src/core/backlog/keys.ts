/**
 * Issue keys a story's text names as its dependencies: "depends on SHOP-12", "blocked by
 * SHOP-3 and SHOP-4", "after SHOP-7", "requires SHOP-9", "waiting for SHOP-2",
 * "needs SHOP-5 first". A key merely mentioned ("see SHOP-4", "blocks SHOP-8") is not one.
 *
 * Linear time: one pass of a key regex (its lookbehind allows a single start per run of
 * letters), and for each key two regexes anchored on a bounded window before/after it.
 */

const KEY = /(?<![A-Za-z0-9_-])[A-Z][A-Z0-9_]+-\d+(?![A-Za-z0-9_])/g;
const WHOLE_KEY = /^[A-Z][A-Z0-9_]+-\d+$/;

/** Is this word, as written, an issue key ("SHOP-12")? */
export function isIssueKey(word: string): boolean {
  return WHOLE_KEY.test(word);
}

/** Looked for in the (lower-cased) 48 characters before a list of keys. */
const TRIGGER_BEFORE =
  /(?:^|[^\p{L}\p{N}_])(depends?\s+(?:up)?on|dependent\s+(?:up)?on|(?:is\s+)?blocked\s+by|after|requires?|required|waiting\s+(?:for|on)|needs?)\s*:?\s*[[("'\u201c\u2018]?\s*$/u;
/** "needs KEY" only counts with "first" after the list ("needs SHOP-5 first", "needs SHOP-5 to be done first"). */
const FIRST_AFTER = /^[\])"'\u201d\u2019]?\s*(?:(?:to\s+be\s+|is\s+|are\s+)?(?:done|finished|merged|deployed|released|completed|shipped)\s+)?first\b/i;
/** What may stand between two keys of one list: ", ", " and ", " & ", " / ", ", and ". */
const LIST_SEPARATOR = /^\s*(?:,|;|&|\/|\+)?\s*(?:and|or)?\s*$/i;
const WINDOW = 48;
const MAX_SEPARATOR = 8;

export function findIssueKeyMentions(text: string): string[] {
  if (typeof text !== 'string' || text === '') return [];
  const matches: { key: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(KEY)) matches.push({ key: m[0], start: m.index, end: m.index + m[0].length });

  const out: string[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < matches.length) {
    // A run: keys separated only by list separators.
    let j = i;
    while (j + 1 < matches.length) {
      const gap = text.slice(matches[j]!.end, matches[j + 1]!.start);
      if (gap.length > MAX_SEPARATOR || !LIST_SEPARATOR.test(gap)) break;
      j++;
    }
    const first = matches[i]!;
    const last = matches[j]!;
    const before = text.slice(Math.max(0, first.start - WINDOW), first.start).toLowerCase();
    const trigger = TRIGGER_BEFORE.exec(before)?.[1];
    const accepted =
      trigger !== undefined &&
      (!trigger.startsWith('need') || FIRST_AFTER.test(text.slice(last.end, last.end + WINDOW).trimStart()));
    if (accepted) {
      for (let k = i; k <= j; k++) {
        const key = matches[k]!.key;
        if (!seen.has(key)) {
          seen.add(key);
          out.push(key);
        }
      }
    }
    i = j + 1;
  }
  return out;
}
