/**
 * A matcher's `pattern` finds, in raw text, every place its `find` matches the text's tokens; and
 * `tokenizeAround` gives the same tokens as tokenizing the whole text, for the stretches it keeps.
 */
import fc from 'fast-check';
import { lexiconsFor } from '../../../src/core/lexicons';
import { compilePhrases, type PhraseMatcher } from '../../../src/core/lexicons/matcher';
import { phraseWords, tokenize, tokenizeAround } from '../../../src/core/tokens';

const FILLER = ['the', 'story', 'x', 'DM-12', 'é', 'naïve', 'on', 'as', 'top', 'of', 'soon', 'when', 'start', 'ab', 'x.y', 'c++', 'node.js'];
const GLUE = [' ', '  ', '\n', ', ', ': ', '-', '_', '.', ' (', '/', "'", '’', '\u00a0', '\t'];
const CASES = [(w: string) => w, (w: string) => w.toUpperCase(), (w: string) => w[0]!.toUpperCase() + w.slice(1)];

/** Texts made of the matcher's own entries, filler words and every kind of separator, in varied case. */
function textsOf(entries: readonly string[]): fc.Arbitrary<string> {
  const whole = entries.map((e) => e.replace(/\*$/, 'ed').replace(/ \.\.\. /, ' big ').replace(/ \* /, ' any '));
  const words = [...entries.flatMap((e) => e.replace(/\*$/, 'ing').split(/\s+/).filter((w) => w !== '*' && w !== '...')), ...FILLER];
  const piece = fc.tuple(fc.oneof(fc.constantFrom(...whole), fc.constantFrom(...words)), fc.constantFrom(...CASES), fc.constantFrom(...GLUE));
  return fc.array(piece, { minLength: 1, maxLength: 25 }).map((pieces) => pieces.map(([word, cased, glue]) => cased(word) + glue).join(''));
}

function patternStarts(matcher: PhraseMatcher, text: string): Set<number> {
  const starts = new Set<number>();
  const p = matcher.pattern;
  p.lastIndex = 0;
  // Every start, overlapping ones too: step one character past each match's start.
  for (let m = p.exec(text); m; m = p.exec(text)) {
    // A match glued to an underscore starts at the underscore.
    starts.add(m[0].startsWith('_') ? m.index + 1 : m.index);
    p.lastIndex = m.index + 1;
  }
  return starts;
}

const lex = lexiconsFor(null);
const dependencyTriggers = ['depends on', 'blocked by', 'on top of', 'prerequisite', 'as soon as', 'after', 'once', 'until', 'can start when'];

describe('a matcher\'s text pattern', () => {
  const matchers: [string, PhraseMatcher, readonly string[]][] = [
    ['dependency triggers', lex.dependency.triggers, dependencyTriggers],
    ['technical artefacts', lex.technicalArtefacts, ['database table', 'ci/cd', 'back-end', 's3 bucket', 'node.js', 'c++']],
    ['prefix and gap entries', compilePhrases(['refactor*', 'as ... as possible', 'and other *', 'ci*', 'café']), ['refactor*', 'as ... as possible', 'and other *', 'ci*', 'café']],
  ];
  it.each(matchers)('finds every place where %s match', (_name, matcher, entries) => {
    fc.assert(
      fc.property(textsOf(entries), (text) => {
        const starts = patternStarts(matcher, text);
        for (const m of matcher.find(tokenize(text))) expect({ at: m.start, found: starts.has(m.start) }).toEqual({ at: m.start, found: true });
      }),
      { numRuns: 400 },
    );
  });

  it('finds nothing in text that holds none of its entries', () => {
    expect(patternStarts(lex.dependency.triggers, 'As a diner, I want to sort reviews by date, so that I read the recent ones first.').size).toBe(0);
  });
});

describe('tokenizeAround', () => {
  const text = 'Intro words here. The import depends on DM-12 being merged, and then more words follow for a long while until the end';
  const full = tokenize(text);

  it('keeps the tokens of the whole text that fall in each stretch, with their offsets', () => {
    const stretches = tokenizeAround(text, lex.dependency.triggers.pattern, 10, 20);
    expect(stretches.length).toBe(2);
    for (const t of stretches) {
      const first = full.starts.indexOf(t.starts[0]!);
      expect(first).toBeGreaterThanOrEqual(0);
      expect({ words: t.words, starts: t.starts, ends: t.ends }).toEqual({ words: full.words.slice(first, first + t.words.length), starts: full.starts.slice(first, first + t.words.length), ends: full.ends.slice(first, first + t.words.length) });
    }
    expect(stretches[0]!.words).toEqual(expect.arrayContaining(['depends', 'on', 'dm-12']));
    expect(stretches[1]!.words).toEqual(expect.arrayContaining(['until', 'the', 'end']));
  });

  it('joins stretches that overlap, and never cuts a word', () => {
    const stretches = tokenizeAround(text, lex.dependency.triggers.pattern, 10, 200);
    expect(stretches.length).toBe(1);
    expect(stretches[0]!.words[0]).toBe(full.words[full.starts.indexOf(stretches[0]!.starts[0]!)]);
  });

  it('reads a text holding the Kelvin sign whole (it lower-cases to "k", which the pattern does not see)', () => {
    const kelvin = 'This is BLOC\u212aED BY DM-3.';
    expect(tokenizeAround(kelvin, lex.dependency.triggers.pattern, 10, 20)).toEqual([tokenize(kelvin)]);
    expect(tokenize(kelvin).words).toContain('blocked');
  });

  it('gives nothing for a text without the pattern', () => {
    expect(tokenizeAround('Nothing waits here.', lex.dependency.triggers.pattern, 10, 20)).toEqual([]);
  });
});

describe('a matcher\'s quick reject (length and first and last letters) loses no match', () => {
  /** The matcher's rule without any shortcut: at each word, the longest entry that matches there; then on past it. */
  function reference(entries: readonly string[], words: readonly string[]): string[] {
    const compiled = entries.map((e) => ({ e, prefix: e.endsWith('*'), words: e.replace(/\*$/, '').split(' ') })).sort((a, b) => b.words.length - a.words.length);
    const out: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const hit = compiled.find((c) => c.words.every((w, k) => (k === c.words.length - 1 && c.prefix ? (words[i + k] ?? '').startsWith(w) : words[i + k] === w)) && (c.words.length > 1 || !c.prefix || !compiled.some((x) => !x.prefix && x.words.length === 1 && x.words[0] === words[i])));
      if (hit) {
        out.push(hit.e);
        i += hit.words.length - 1;
      }
    }
    return out;
  }
  const entries = ['cache', 'caches', 'cache layer', 'crash', 'clash', 'db', 'data model', 'dash', 'refactor*', 'rx*', 'queue', 'quiche'];
  it('on 500 texts of entry words and look-alikes (same length and letters at the ends)', () => {
    const matcher = compilePhrases(entries);
    const words = ['cache', 'caches', 'layer', 'crash', 'clash', 'cloth', 'catch', 'db', 'dab', 'data', 'model', 'dash', 'refactoring', 'refactor', 'rx', 'rxjs', 'queue', 'quiche', 'quite', 'the', 'a'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }), (picked) => {
        const tokens = tokenize(picked.join(' '));
        expect(matcher.find(tokens).map((m) => m.entry)).toEqual(reference(entries, tokens.words));
      }),
      { numRuns: 500 },
    );
  });
});

describe('mayStartWith', () => {
  const matcher = compilePhrases(['cache layer', 'queue', 'refactor*', 'as ... as possible', 'ui*']);
  it('is true for a word an entry starts with (exact, prefix, gap entries, short prefixes) and false otherwise', () => {
    expect(['cache', 'queue', 'refactoring', 'as', 'uix'].map((w) => matcher.mayStartWith(w))).toEqual([true, true, true, true, true]);
    expect(['layer', 'queues', 'refac', 'possible', 'u'].map((w) => matcher.mayStartWith(w))).toEqual([false, false, false, false, false]);
  });
  it('never says no where find matches', () => {
    const tokens = tokenize('the cache layer and a queue, refactoring as soon as possible with uix');
    for (const m of matcher.find(tokens)) expect(matcher.mayStartWith(tokens.words[m.first]!)).toBe(true);
  });
});

describe('tokenize remembers the last few texts', () => {
  it('gives the same tokens for the same text and offset, and fresh ones otherwise', () => {
    const a = tokenize('Export invoices as PDF');
    expect(tokenize('Export invoices as PDF')).toBe(a);
    expect(tokenize('Export invoices as PDF', 3)).not.toBe(a);
    expect(tokenize('Export invoices as PDF', 3).starts[0]).toBe(3);
    expect(tokenize('Export invoices as CSV').words).toEqual(['export', 'invoices', 'as', 'csv']);
  });
});

describe('phraseWords', () => {
  it('gives a fresh list each time, so changing one does not change what tokenize remembers', () => {
    const first = phraseWords('implement the');
    first.pop();
    expect(phraseWords('implement the')).toEqual(['implement', 'the']);
    expect(tokenize('implement the').words).toEqual(['implement', 'the']);
  });
});

describe('the text pattern\'s shape', () => {
  const matcher = compilePhrases(['after', 'after completion of', 'über uns', 'ärger', 'refactor*', 'as ... as possible']);
  const matches = (text: string) => [...text.matchAll(matcher.pattern)].map((m) => m[0]);

  it('matches the longest entry a trie branch holds', () => {
    expect(matches('Start after completion of SHOP-1')).toEqual(['after completion of']);
    expect(matches('start after lunch')).toEqual(['after']);
  });

  it('finds words glued to an underscore from the underscore, and never inside a longer word', () => {
    expect(matches('max_after wait')).toEqual(['_after']);
    expect(matches('thereafter, hereafter_x, after3')).toEqual([]);
  });

  it('finds entries whose first letter is not ASCII, as whole words', () => {
    expect(matches('Mehr über uns. Viel Ärger!')).toEqual(['über uns', 'Ärger']);
    expect(matches('kärger')).toEqual([]);
  });

  it('matches prefix entries open-ended and gap entries by their first word', () => {
    expect(matches('Refactoring the parser as soon as possible')).toEqual(['Refactor', 'as', 'as']);
  });
});
