/** Size limits count UTF-8 bytes of the JSON, not UTF-16 characters. */
import { formatBytes, groupByBytes, jsonBytes, LIMITS, utf8Length } from '../../src/app/byte-size';

test.each([
  ['', 0],
  ['plain ASCII', 11],
  ['é', 2],
  ['食', 3],
  ['😀', 4],
  ['a\u{1F37D}b', 6],
  ['\uD800', 3], // a lone surrogate is written as U+FFFD
])('utf8Length(%j) = %i, as TextEncoder counts', (text, bytes) => {
  expect(utf8Length(text)).toBe(bytes);
  expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
});

test('a 12,000-character CJK description is 36 KB: over an issue property, under a storage value', () => {
  const description = '写真をアップロードする'.repeat(1200);
  expect(description.length).toBe(13_200);
  const bytes = jsonBytes({ description });
  expect(bytes).toBe(Buffer.byteLength(JSON.stringify({ description }), 'utf8'));
  expect(bytes).toBeGreaterThan(LIMITS.issueProperty);
  expect(JSON.stringify({ description }).length).toBeLessThan(LIMITS.issueProperty); // what counting characters got wrong
  expect(bytes).toBeLessThan(LIMITS.storageValue);
  expect(formatBytes(bytes)).toBe('38.7 KB');
  expect(formatBytes(900)).toBe('900 bytes');
});

test('groupByBytes keeps order and puts at most `budget` bytes of JSON in each group', () => {
  const items = Array.from({ length: 50 }, (_, i) => ({ i, text: '写'.repeat(i * 10) }));
  const groups = groupByBytes(items, 2_000);
  expect(groups.flat()).toEqual(items);
  for (const g of groups) if (g.length > 1) expect(jsonBytes(g)).toBeLessThanOrEqual(2_000);
  expect(groupByBytes([], 100)).toEqual([]);
  const big = { text: 'x'.repeat(500) };
  expect(groupByBytes([big, { a: 1 }], 100)).toEqual([[big], [{ a: 1 }]]);
});
