import { compileGroups, compilePhrases } from '../../../src/core/lexicons/matcher';
import { tokenize } from '../../../src/core/tokens';

/** The matched text of every match, in order. */
function found(entries: string[], text: string): string[] {
  return compilePhrases(entries)
    .find(tokenize(text))
    .map((m) => text.slice(m.start, m.end));
}

describe('compilePhrases', () => {
  it.each<[string[], string, string[]]>([
    [['fast'], 'Fast search, faster pages', ['Fast']],
    [['database', 'database table'], 'the database table and the database', ['database table', 'database']],
    [['refactor*'], 'Refactoring the refactored code', ['Refactoring', 'refactored']],
    [['restore'], 'rest and restore', ['restore']],
    [['rest'], 'restore the rest', ['rest']],
    [['as ... as possible'], 'as much as possible', ['as much as possible']],
    [['as ... as possible'], 'as many people as possible', ['as many people as possible']],
    [['as ... as possible'], 'as soon as possible', ['as soon as possible']],
    [['as ... as possible'], 'as a very long list of words as possible', []],
    [['and other *'], 'title, date and other aspects', ['and other aspects']],
    [['and other *'], 'title and other', []],
    [['if ... feature exists'], 'if a schedule feature exists', ['if a schedule feature exists']],
  ])('%j in %j', (entries, text, expected) => {
    expect(found(entries, text)).toEqual(expected);
  });

  it('ignores an entry that starts with a wildcard or a gap instead of matching everything', () => {
    expect(found(['* other', '... possible', 'fast'], 'any other way as fast as possible')).toEqual(['fast']);
  });

  it('prefers the phrase that fixes more words', () => {
    expect(found(['as ... as possible', 'as soon as possible', 'as soon'], 'as soon as possible')).toEqual(['as soon as possible']);
  });

  it('looks only inside the window it is given', () => {
    const m = compilePhrases(['all']);
    const t = tokenize('all items all');
    expect(m.find(t, 1, 2)).toEqual([]);
    expect(m.find(t, 1).map((x) => x.first)).toEqual([2]);
  });
});

describe('compileGroups', () => {
  const m = compileGroups({ exceptions: ['all at once'], terms: ['fast', 'all'], quantities: ['some', 'fast'] });

  it('tells the group of each match and lets the longest phrase win across groups', () => {
    const t = tokenize('notify all at once, fast, for some');
    expect(m.find(t).map((x) => `${x.entry}:${m.groupOf(x.entry)}`)).toEqual(['all at once:exceptions', 'fast:terms', 'some:quantities']);
  });

  it('gives an entry listed twice to its first group', () => {
    expect(m.groupOf('fast')).toBe('terms');
  });
});
