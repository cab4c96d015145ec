/**
 * `tokenize` reads words with a loop over the characters; the regular expression `WORD` says what a
 * word is. Both must give the same words at the same offsets for any text.
 */
import fc from 'fast-check';
import { WORD, tokenize, type Tokens } from '../../src/core/tokens';

/** The tokens `WORD` finds: the specification. */
function byExpression(text: string, offset = 0): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const re = new RegExp(WORD.source, WORD.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    words.push(m[0].toLowerCase());
    starts.push(m.index + offset);
    ends.push(m.index + m[0].length + offset);
  }
  return { words, starts, ends };
}

/** Pieces that exercise every branch: joiners alone and doubled, trailing pluses and hashes, letters outside ASCII, surrogate pairs, lone surrogates. */
const PIECES = [
  'a', 'Z', '9', 'node', 'DM-12', 'c', 'é', 'ß', 'İ', 'Ω', '中文', '٣', 'ǅ', '𝐀𝐁', '😀', '\ud800', '\udc00',
  "'", '’', '.', '-', '/', '+', '#', '++', '#+', '--', '..', ' ', '\n', '\t', '\u00a0', ',', '_', '(', ')', '@', '*', 'Ⅻ', '\u0301',
];

describe('tokenize', () => {
  it('finds the words WORD finds, at the same offsets (generated texts)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), fc.nat(1000), (pieces, offset) => {
        const text = pieces.join('');
        expect(tokenize(text, offset)).toEqual(byExpression(text, offset));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the words WORD finds in any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(tokenize(text)).toEqual(byExpression(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["don't add/view node.js in c++ or c#", ["don't", 'add/view', 'node.js', 'in', 'c++', 'or', 'c#']],
    ['a.b. c-- x+y #tag', ['a.b', 'c', 'x+y', 'tag']],
    ['Straße İstanbul 𝐀𝐁c', ['straße', 'i̇stanbul', '𝐀𝐁c']],
  ])('reads %j as words', (text, words) => {
    expect(tokenize(text).words).toEqual(words);
  });
});
