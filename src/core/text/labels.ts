/** Words that act as section headings when they stand alone on a line ("Acceptance criteria:", "Notes"). */

const AC = [
  'acceptance criteri(?:a|on)', 'acceptance tests?', 'acs?', 'a\\.c\\.', 'definition of done', 'dod',
  'success criteria', 'done when', 'akzeptanzkriterien', "crit[eè]res d'acceptation", 'criterios de aceptaci[oó]n',
].join('|');

const OTHER = [
  'notes?', 'background', 'context', 'description', 'summary', 'overview', 'requirements?', 'out of scope',
  'in scope', 'scope', 'assumptions?', 'dependenc(?:y|ies)', 'details', 'goals?', 'user story', 'story',
  'problem(?: statement)?', 'solution', 'proposal', 'open questions', 'questions', 'test cases', 'test plan',
  'testing(?: notes)?', 'qa notes', 'how to test', 'technical notes', 'tech notes', 'implementation(?: notes)?',
  'designs?', 'mockups', 'links', 'resources', 'references', 'risks', 'steps to reproduce',
  'expected (?:result|behaviou?r)', 'actual (?:result|behaviou?r)', 'use cases?', 'business value',
  'non-functional requirements', 'nfrs?', 'constraints', 'edge cases', 'tasks', 'sub-?tasks', 'to ?do',
].join('|');

/** A whole line that is only a label, with an optional colon. */
const LABEL_LINE = new RegExp(`^(?:${AC}|${OTHER})[ \\t]*:?$`, 'i');
/** "Acceptance criteria: a; b" — a label, a colon, and the section's first content on the same line. */
const INLINE_LABEL = new RegExp(
  `^(${AC}|notes?|background|context|assumptions?|out of scope|dependenc(?:y|ies))[ \\t]*:[ \\t]*(?=\\S)`,
  'i',
);
const AC_HEADING = new RegExp(`^(?:${AC})(?![a-z])`, 'i');

/** Longest label line we test; longer lines are never labels, so big inputs cost nothing here. */
const MAX_LABEL = 60;

/** Heading text without a trailing colon. */
export function trimLabel(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 58 || s.charCodeAt(end - 1) === 32)) end--;
  return end === s.length ? s : s.slice(0, end);
}

export function isLabelLine(line: string): boolean {
  return line.length <= MAX_LABEL && LABEL_LINE.test(line);
}

/** For "AC: a; b": the label ("AC") and where the content starts in `line`; null otherwise. */
export function inlineLabel(line: string): { label: string; contentStart: number } | null {
  const m = INLINE_LABEL.exec(line.length > MAX_LABEL ? line.slice(0, MAX_LABEL) : line);
  return m ? { label: m[1] ?? '', contentStart: m[0].length } : null;
}

export function isAcceptanceHeading(heading: string | null): boolean {
  return heading !== null && AC_HEADING.test(heading);
}
