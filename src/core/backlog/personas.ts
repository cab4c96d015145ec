/**
 * Who the backlog serves: the roles of its stories ("As a <role>"), normalized so that
 * "Admins", "an admin" and "the Admin." are one persona.
 */
import type { PersonaCount, TemplateParse } from '../story';
import { singularize } from './singularize';

const LEADING_ARTICLES = /^(?:(?:a|an|the)(?:\s+|$))+/;
/** Punctuation inside a role becomes a space; hyphens, slashes, ampersands, apostrophes and "+" belong to the role. */
const INNER_PUNCTUATION = /[^\p{L}\p{N}\s\-/&'+]+/gu;
const SPACES = /\s+/g;
/** Words after which the rest of the role qualifies its head noun: "head of sales", "owners of hotels". */
const QUALIFIERS = new Set(['of', 'for', 'in', 'at', 'with', 'without', 'from', 'on', 'to', 'who', 'that', 'which']);

export function normalizePersona(role: string): string {
  if (typeof role !== 'string') return '';
  let s = role.normalize('NFKC').toLowerCase().replace(INNER_PUNCTUATION, ' ').replace(SPACES, ' ');
  s = trimNonWord(s).replace(LEADING_ARTICLES, '');
  s = trimNonWord(s);
  if (s === '') return '';
  const words = s.split(' ');
  let head = words.findIndex((w, i) => i > 0 && QUALIFIERS.has(w)) - 1;
  if (head < 0) head = words.length - 1;
  words[head] = singularizeHead(words[head]!);
  return words.join(' ');
}

/** "admins" → "admin"; in a hyphenated head only the last part: "end-users" → "end-user". */
function singularizeHead(word: string): string {
  const dash = word.lastIndexOf('-');
  return dash < 0 ? singularize(word) : word.slice(0, dash + 1) + singularize(word.slice(dash + 1));
}

/** Removes everything but letters and digits from both ends (a loop, not a backtracking regex). */
function trimNonWord(s: string): string {
  const isWord = (c: string): boolean => /[\p{L}\p{N}]/u.test(c);
  let start = 0;
  let end = s.length;
  while (start < end && !isWord(s[start]!)) start++;
  while (end > start && !isWord(s[end - 1]!)) end--;
  return s.slice(start, end);
}

export function personaInventory(items: { key: string; role: string | null }[]): {
  personas: PersonaCount[];
  servesNobody: string[];
} {
  const byPersona = new Map<string, PersonaCount>();
  const servesNobody: string[] = [];
  for (const { key, role } of items) {
    const persona = role === null || role === undefined ? '' : normalizePersona(role);
    if (persona === '') {
      servesNobody.push(key);
      continue;
    }
    const entry = byPersona.get(persona);
    if (entry === undefined) byPersona.set(persona, { persona, count: 1, keys: [key] });
    else {
      entry.count++;
      entry.keys.push(key);
    }
  }
  const personas = [...byPersona.values()].sort(
    (a, b) => b.count - a.count || (a.persona < b.persona ? -1 : a.persona > b.persona ? 1 : 0),
  );
  return { personas, servesNobody };
}

/**
 * The persona a story names: the role of its story sentence ("As a <role>, I want …"), as written.
 * Only a story sentence names a persona: a role with no goal ("As reported by Matt Stine: …" in a
 * description) is null.
 */
export function personaRole(template: TemplateParse): string | null {
  return template.roleName !== null && template.goalIndicator !== null ? template.roleName : null;
}
