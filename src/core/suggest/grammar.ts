/** Tiny English helpers for suggestions: past participles, capitalisation, a/an, placeholders. Sentences are rendered in generate.ts. */

const IRREGULAR: Record<string, string> = {
  be: 'been', build: 'built', buy: 'bought', choose: 'chosen', cut: 'cut', do: 'done', draw: 'drawn', find: 'found',
  get: 'got', give: 'given', hide: 'hidden', hold: 'held', keep: 'kept', know: 'known', lead: 'led', leave: 'left',
  lose: 'lost', make: 'made', meet: 'met', pay: 'paid', put: 'put', read: 'read', run: 'run', see: 'seen', sell: 'sold',
  send: 'sent', set: 'set', show: 'shown', split: 'split', spend: 'spent', take: 'taken', tell: 'told', write: 'written',
};
const DOUBLE_FINAL = new Set(['stop', 'map', 'plan', 'drop', 'tag', 'pin', 'ship', 'log', 'scan', 'ban', 'chat', 'flag', 'skip', 'zip', 'crop', 'drag', 'submit', 'commit', 'admit']);

export function pastParticiple(verb: string): string {
  const v = verb.toLowerCase();
  if (IRREGULAR[v]) return IRREGULAR[v];
  if (DOUBLE_FINAL.has(v)) return v + v.slice(-1) + 'ed';
  if (v.endsWith('e')) return v + 'd';
  if (/[^aeiou]y$/.test(v)) return v.slice(0, -1) + 'ied';
  return v + 'ed';
}

/**
 * `s` without the trailing characters that are in `chars` (or whitespace, with `blanks`). A loop: a
 * regex such as /[.;]+$/ is tried from every character of a long run and backtracks quadratically.
 */
export function trimTrailing(s: string, chars: string, blanks = false): string {
  let end = s.length;
  while (end > 0 && (chars.includes(s[end - 1]!) || (blanks && /\s/.test(s[end - 1]!)))) end--;
  return end === s.length ? s : s.slice(0, end);
}

export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

export function article(noun: string): string {
  return /^[aeiou]/i.test(noun) && !/^(?:uni|use|eu|one)/i.test(noun) ? 'an' : 'a';
}

/** Visible placeholders: never invent a fact the story does not state. */
export const PLACEHOLDER = {
  persona: '<who benefits?>',
  benefit: '<what does this let them do or avoid?>',
  goal: '<what do they need?>',
  role: '<role>',
  stories: '<which user stories does this enable?>',
  target: '<measurable target, e.g. 2 seconds>',
  simplest: '<the simplest useful case>',
  rest: '<the remaining cases>',
  timebox: '<time-box, e.g. 2 days>',
  outcome: '<what the team gets out of it>',
  question: '<the question it answers>',
  operations: '<other operations a user in this role performs>',
} as const;
