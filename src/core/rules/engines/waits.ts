/**
 * Text that makes a story wait on other work (dependency): a trigger ("depends on", "once",
 * "after" …) and, in the same clause, the work it waits on. The words are in
 * dependency-terms.json (its description says how they combine); this is the engine.
 * Linear in the text: every trigger looks at a bounded window of words.
 */
import type { DependencyLexicon } from '../../lexicons';
import type { PhraseMatch } from '../../lexicons/matcher';
import type { Range } from '../../story';
import type { Tokens } from '../../tokens';
import { isIssueKey } from '../../backlog/keys';

/** How many words after a trigger may name the work. */
const WINDOW = 8;
const URL_AFTER = /^\s*:?\s*\(?\s*(https?:\/\/\S+)/;
/** Punctuation that ends a clause between two words (a full stop needs a space after it). */
const CLAUSE_BREAK = /[,;!?\n]|\.(?:\s|$)/;
const GERUND = /^\p{L}{2,}ing$/u;

export interface Wait {
  range: Range;
}

interface Scan {
  text: string;
  tokens: Tokens;
  lex: DependencyLexicon;
}

/** The text between token `i - 1` and token `i`. */
function gap(s: Scan, i: number): string {
  return s.text.slice(s.tokens.ends[i - 1]!, s.tokens.starts[i]!);
}

/** Last token index of the clause that continues after token `i`, at most `WINDOW` words on. */
function clauseEnd(s: Scan, i: number): number {
  const limit = Math.min(s.tokens.words.length - 1, i + WINDOW);
  let j = i;
  while (j < limit) {
    const g = gap(s, j + 1);
    // "Prerequisite: the mobile key story", "Blocked by: …": a colon right after the trigger introduces its object.
    if (CLAUSE_BREAK.test(g) || (j > i && g.includes(':'))) break;
    j++;
  }
  return j;
}

function isKey(s: Scan, i: number): boolean {
  return isIssueKey(s.text.slice(s.tokens.starts[i]!, s.tokens.ends[i]!));
}

/** The first issue key in `(from, last]`, or -1. */
function keyIn(s: Scan, from: number, last: number): number {
  for (let i = from + 1; i <= last; i++) if (isKey(s, i)) return i;
  return -1;
}

/** "depends_on", "_requires": a trigger glued into an identifier is code. */
function glued(s: Scan, m: PhraseMatch): boolean {
  if (s.text[m.start - 1] === '_' || s.text[m.end] === '_') return true;
  for (let i = m.first + 1; i <= m.last; i++) if (!/^\s+$/.test(gap(s, i))) return true;
  return false;
}

/** A link right after the trigger ("Currently blocked by: https://…"): its end offset, or -1. */
function linkAfter(s: Scan, m: PhraseMatch): number {
  const url = URL_AFTER.exec(s.text.slice(m.end, m.end + 300));
  return url ? m.end + url[0].length : -1;
}

/** The first work noun in `(from, last]` that is not inside a phrase that only looks like work ("task group"). */
function workNoun(s: Scan, from: number, last: number): PhraseMatch | undefined {
  return s.lex.workNouns.find(s.tokens, from + 1, last + 1).find((m) => s.lex.workNouns.groupOf(m.entry) === 'work');
}

/** A completion (`strong` ones only, or any) in `(from, last]` with a subject before it. */
function completionIn(s: Scan, from: number, last: number, strong: boolean): PhraseMatch | undefined {
  const found = [...s.lex.strongCompletion.find(s.tokens, from + 1, last + 1), ...(strong ? [] : s.lex.completion.find(s.tokens, from + 1, last + 1))];
  return found.filter((c) => c.first > from + 1).sort((a, b) => a.first - b.first)[0];
}

/** "depends on the Shibboleth branch", "waiting for feedback from the Azure team", "the scanners to be delivered". */
function waitObject(s: Scan, m: PhraseMatch, last: number): number {
  const { tokens, lex } = s;
  const key = keyIn(s, m.last, last);
  if (key >= 0) return tokens.ends[key]!;
  const noun = workNoun(s, m.last, last);
  if (noun) {
    let finished = false;
    for (let i = m.last + 1; i < noun.first; i++) if (lex.finishedWork.has(tokens.words[i]!) || lex.ownerPronouns.has(tokens.words[i]!)) finished = true;
    if (!finished) return noun.end;
  }
  const done = completionIn(s, m.last, last, false);
  return done ? done.end : -1;
}

/** "requires SHOP-9", "built on top of DM-2", "needs the endpoint from the platform team". */
function needObject(s: Scan, m: PhraseMatch, last: number): number {
  const { tokens, lex } = s;
  const key = keyIn(s, m.last, last);
  if (key >= 0) return tokens.ends[key]!;
  for (let i = m.last + 1; i <= last; i++) if (lex.parties.has(tokens.words[i]!) && i > m.last + 1) return tokens.ends[i]!;
  return -1;
}

/** "once DM-9644 is completed", "after the next major release", "once the blocking ticket is completed". */
function timeObject(s: Scan, m: PhraseMatch, last: number): number {
  const { tokens, lex } = s;
  const first = tokens.words[m.last + 1] ?? '';
  // "after making a release", "after working on DM-1": a step of this work's own procedure, or its history.
  if (GERUND.test(first)) return -1;
  const strong = completionIn(s, m.last, last, true);
  const done = completionIn(s, m.last, last, false);
  const key = keyIn(s, m.last, last);
  if (key >= 0) {
    // "after the merge of DM-1", "after the changes made in DM-2": a past cause, with nothing left to finish.
    let past = false;
    for (let k = m.last + 1; k < key; k++) if (lex.pastCauses.has(tokens.words[k]!)) past = true;
    if (past && !done) return -1;
    // "after DM-9 was implemented, the test failed": it happened already.
    if (lex.pastMarkers.has(tokens.words[key + 1] ?? '')) return -1;
    return Math.max(tokens.ends[key]!, done?.end ?? 0);
  }
  // "once this issue is fixed": the ticket itself.
  if (lex.selfSubjects.has(first)) return -1;
  if (strong) return strong.end;
  // "after the next major release"; "after its release" is the subject's own event.
  for (let i = m.last + 1; i <= Math.min(last, m.last + 4); i++) {
    if (lex.eventNouns.has(tokens.words[i]!)) return lex.ownerPronouns.has(tokens.words[i - 1]!) ? -1 : tokens.ends[i]!;
  }
  if (!done) return -1;
  const noun = workNoun(s, m.last, last);
  // "once the new logging API is in place": new work, still to come.
  const fresh = tokens.words.slice(m.last + 1, m.last + 3).includes('new');
  return (noun && done.first > noun.last) || fresh ? done.end : -1;
}

/** "requires that …", "needs to be done", "needs of": a requirement, an obligation or a noun; "is a prerequisite to …": this work comes first. */
function notAWait(s: Scan, m: PhraseMatch): boolean {
  const { tokens, lex } = s;
  const next = tokens.words[m.last + 1];
  if (next !== undefined && lex.notWaitFollowers.has(next)) return true;
  if (m.entry.startsWith('prerequisite')) {
    const before = tokens.words[m.first - 1];
    const colon = m.last + 1 < tokens.words.length && gap(s, m.last + 1).includes(':');
    return !colon && next !== 'is' && next !== 'are' && (before === 'a' || before === 'the' || before === 'is');
  }
  return false;
}

/** Waits stated in `text` (a summary or description), outside `skip` (the benefit). */
export function findWaits(text: string, tokens: Tokens, lex: DependencyLexicon, skip: Range | null = null): Wait[] {
  const s: Scan = { text, tokens, lex };
  const out: Wait[] = [];
  let after = -1;
  for (const m of lex.triggers.find(tokens)) {
    if (m.start < after) continue;
    if (skip && m.start >= skip[0] && m.start < skip[1]) continue;
    if (glued(s, m) || notAWait(s, m)) continue;
    const group = lex.triggers.groupOf(m.entry);
    const link = group === 'time' ? -1 : linkAfter(s, m);
    const last = clauseEnd(s, m.last);
    const end = link >= 0 ? link : group === 'wait' ? waitObject(s, m, last) : group === 'need' ? needObject(s, m, last) : timeObject(s, m, last);
    if (end < 0) continue;
    out.push({ range: [m.start, end] });
    after = end;
  }
  return out;
}

/** "round 3 of the help page edits", "Part 2": a numbered step after the first waits on the one before. */
export function findLaterStep(tokens: Tokens, lex: DependencyLexicon): Wait | null {
  for (let i = 0; i + 1 < tokens.words.length; i++) {
    if (!lex.sequenceNouns.has(tokens.words[i]!)) continue;
    const n = Number(tokens.words[i + 1]);
    if (Number.isInteger(n) && n >= 2 && n < 100) return { range: [tokens.starts[i]!, tokens.ends[i + 1]!] };
  }
  return null;
}

/** "if there is a schedule feature": the story needs a feature that may not exist yet. */
export function findCondition(tokens: Tokens, lex: DependencyLexicon): Wait | null {
  const m = lex.conditions.find(tokens)[0];
  return m ? { range: [m.start, m.end] } : null;
}
