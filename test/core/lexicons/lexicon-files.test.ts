/**
 * The word lists are data a product person edits: every entry must be one the matcher can use,
 * and a word must belong to one group of a rule's list (its group decides how it is read).
 */
import vague from '../../../src/core/lexicons/vague-terms.json';
import implementation from '../../../src/core/lexicons/implementation-terms.json';
import layers from '../../../src/core/lexicons/layers.json';
import dependency from '../../../src/core/lexicons/dependency-terms.json';
import clauses from '../../../src/core/lexicons/clauses.json';
import technical from '../../../src/core/lexicons/technical-terms.json';
import workKinds from '../../../src/core/lexicons/work-kinds.json';
import purposeTerms from '../../../src/core/lexicons/purpose-terms.json';
import plurals from '../../../src/core/lexicons/plurals.json';
import matchWords from '../../../src/core/lexicons/match-words.json';
import { compilePhrases } from '../../../src/core/lexicons/matcher';
import { tokenize } from '../../../src/core/tokens';
import { NON_CONTENT_WORDS } from '../../../src/core/backlog/shingles';
import { singularize } from '../../../src/core/backlog/singularize';

type Lists = Record<string, unknown>;

/** Every list of strings in a lexicon file, by name. */
function lists(file: Lists): [string, string[]][] {
  return Object.entries(file).filter((e): e is [string, string[]] => Array.isArray(e[1]));
}

/** A text the entry should match: wildcards and gaps filled with a word, a prefix with nothing. */
function sample(entry: string): string {
  return entry
    .split(/\s+/)
    .map((w) => (w === '*' || w === '...' ? 'word' : w.replace(/\*$/, '')))
    .join(' ');
}

const files: [string, Lists][] = [
  ['vague-terms', vague],
  ['implementation-terms', implementation],
  ['layers', layers],
  ['dependency-terms', dependency],
  ['clauses', clauses],
  ['technical-terms', technical],
  ['work-kinds', workKinds],
  ['purpose-terms', purposeTerms],
];

describe.each(files)('%s.json', (_name, file) => {
  test.each(lists(file))('every entry of %s matches its own words', (_list, entries) => {
    const unusable = entries.filter((e) => compilePhrases([e]).find(tokenize(sample(e))).length === 0);
    expect(unusable).toEqual([]);
  });
});

/** The groups each rule's matcher compiles together (the other lists are words read around a match). */
const grouped: [string, Lists, string[]][] = [
  ['vague-terms', vague, ['terms', 'verbHomographs', 'quantities', 'pronouns', 'openLists', 'exceptions']],
  ['implementation-terms', implementation, ['technology', 'properNames', 'formats', 'mechanisms', 'layStorage', 'widgets', 'exceptions']],
  ['layers', layers, ['phrases', 'sides', 'apis', 'uiFor', 'exceptions']],
];

test.each(grouped)('%s.json: a phrase belongs to one group', (_name, file, groups) => {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const group of groups) {
    for (const e of file[group] as string[]) {
      const key = tokenize(sample(e)).words.join(' ');
      if (seen.has(key)) twice.push(`${e} (${seen.get(key)}, ${group})`);
      else seen.set(key, group);
    }
  }
  expect(twice).toEqual([]);
});

test('match-words.json: negations stay content, so "can" and "cannot" stories differ', () => {
  expect([...matchWords.templateWords, ...matchWords.functionWords].filter((w) => ['not', 'no', 'never', 'cannot'].includes(w))).toEqual([]);
  expect(NON_CONTENT_WORDS.has('want')).toBe(true);
});

test('plurals.json: every irregular plural maps to its singular, and listed non-plurals stay', () => {
  for (const [plural, singular] of Object.entries(plurals.irregular)) expect(singularize(plural)).toBe(singular);
  for (const word of plurals.notPlural) expect(singularize(word)).toBe(word);
  for (const word of plurals.notMenPlural) expect(singularize(word)).toBe(word);
});
