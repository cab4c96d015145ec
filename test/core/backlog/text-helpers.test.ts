import { replacesWords } from '../../../src/core/backlog/alignment';
import { lshParams } from '../../../src/core/backlog/lsh';
import { contentWord, normalizeForMatch } from '../../../src/core/backlog/shingles';
import { singularize } from '../../../src/core/backlog/singularize';
import { isWordVariant } from '../../../src/core/backlog/word-variants';
import { returnsEach } from '../../returns-each';

describe('normalizeForMatch', () => {
  returnsEach('%j → %j', normalizeForMatch, [
    ['As a Reviewer, I want: photos!!', 'as a reviewer i want photos'],
    ["  don't   stop\n\tnow ", 'dont stop now'],
    ['Café — crème brûlée', 'cafe creme brulee'],
    ['Größe ändern', 'große andern'],
    ['...', ''],
  ]);
});

describe('contentWord', () => {
  returnsEach('%j → %j (its meaning)', contentWord, [
    ['as', null],
    ['want', null],
    ['so', null],
    ['zones', 'zone'],
    ['photos', 'picture'],
    ['images', 'picture'],
    ['viewing', 'view'],
    ['see', 'view'],
    ['not', 'not'],
  ]);
});

describe('singularize', () => {
  returnsEach('%j → %j', singularize, [
    ['photos', 'photo'],
    ['categories', 'category'],
    ['boxes', 'box'],
    ['sizes', 'size'],
    ['status', 'status'],
    ['access', 'access'],
    ['basis', 'basis'],
    ['analytics', 'analytics'],
    ['news', 'news'],
    ['caches', 'cache'],
    ['its', 'its'],
  ]);
});

describe('isWordVariant', () => {
  it.each<[string, string, boolean]>([
    ['zone', 'zones', true],
    ['create', 'creating', true],
    ['upload', 'uploaded', true],
    ['colour', 'color', true],
    ['recieve', 'receive', true],
    ['cancelled', 'canceled', true],
    ['create', 'delete', false],
    ['login', 'logout', false],
    ['hotel', 'hostel', false],
    ['csv', 'pdf', false],
    ['1234', '12345', false],
    ['v2', 'v3', false],
  ])('%j / %j → %j', (a, b, expected) => {
    expect(isWordVariant(a, b)).toBe(expected);
    expect(isWordVariant(b, a)).toBe(expected);
  });
});

describe('replacesWords', () => {
  const words = (s: string) => s.split(' ').filter((w) => w !== '');
  const check = (a: string, b: string) => {
    const vocab = new Map<string, number>();
    const ids = (s: string) => words(s).map((w) => vocab.get(w) ?? vocab.set(w, vocab.size).get(w)!);
    const [x, y] = [ids(a), ids(b)];
    const spelled = [...vocab.keys()];
    return replacesWords(x, y, (p, q) => isWordVariant(spelled[p]!, spelled[q]!));
  };
  returnsEach('%j / %j → %j', check, [
    ['designer create zone picture', 'designer delete zone picture', true],
    ['guest compare order guest trust', 'host compare order guest trust', true],
    ['reviewer upload photo meal', 'reviewer upload photo whole meal', false],
    ['reviewer upload photo whole meal other see', 'reviewer upload photo meal other diner see', false],
    ['reviewer recieve notification', 'reviewer receive notification', false],
    ['reviewer upload photo', 'reviewer upload photo', false],
    ['zone cut picture', 'picture cut zone', false],
    ['', 'zone', false],
  ]);
});

describe('lshParams', () => {
  it.each([0.05, 0.3, 0.5, 0.7, 0.8, 0.9, 1])('finds pairs at threshold %d with ≥ 99%% probability within the budget', (t) => {
    const { rows, bands } = lshParams(t);
    expect(rows * bands).toBeLessThanOrEqual(128);
    expect(1 - Math.pow(1 - Math.pow(t, rows), bands)).toBeGreaterThanOrEqual(0.99);
  });
});
