/** The panel's side-by-side word diff: each column is exactly its text, split into marked parts. */
import fc from 'fast-check';
import { bidiControls, sideBySide } from '../../static/panel/src/word-diff';

const join = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

test('the motivating rewrite: removed words on the left, added words on the right', () => {
  const before = 'As a developer I want to develop a mechanism to store and retrieve images so that users can add/view images';
  const after = 'As a user, I want images to be stored and retrieved, so that I can add/view images.';
  const d = sideBySide(before, after);
  expect(d.changed).toBe(true);
  expect(join(d.before)).toBe(before);
  expect(join(d.after)).toBe(after);
  expect(d.before.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['developer', 'develop a mechanism to store', 'retrieve images', 'users']);
  expect(d.after.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['user,', 'images', 'be stored', 'retrieved,', 'I', '.']);
  expect(d.before.every((p) => p.kind !== 'added') && d.after.every((p) => p.kind !== 'removed')).toBe(true);
  // Offsets index the original strings.
  for (const p of d.after) expect(after.slice(p.start, p.end)).toBe(p.text);
});

test('whitespace jsdiff normalises is kept exactly as typed', () => {
  const before = 'a\u202Eb <script>alert(1)</script>  x\t';
  const after = 'a <script>alert(1)</script> c';
  const d = sideBySide(before, after);
  expect(join(d.before)).toBe(before);
  expect(join(d.after)).toBe(after);
  expect(d.before.find((p) => p.kind === 'removed')?.text).toContain('\u202Eb');
});

test('identical words are not a change', () => {
  expect(sideBySide('As a user, I want x.', 'As a user, I want x.').changed).toBe(false);
  expect(sideBySide('', '').before).toEqual([]);
  expect(sideBySide('', 'new').after).toEqual([{ kind: 'added', text: 'new', start: 0, end: 3 }]);
});

test('for any two texts, each column joins back to its text and parts are contiguous', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '  ', '\n', ',', '<', '>', '\u202E', 'é', '😀', '\t', 'word'), maxLength: 40 });
  fc.assert(
    fc.property(text, text, (before, after) => {
      const d = sideBySide(before, after);
      expect(join(d.before)).toBe(before);
      expect(join(d.after)).toBe(after);
      for (const [parts, source] of [[d.before, before], [d.after, after]] as const) {
        let at = 0;
        for (const p of parts) {
          expect(p.start).toBe(at);
          expect(source.slice(p.start, p.end)).toBe(p.text);
          at = p.end;
        }
      }
    }),
    { numRuns: 500 },
  );
});

test('direction controls are named', () => {
  expect(bidiControls('dinner-photo\u202Egpj.exe')).toEqual(['U+202E']);
  expect(bidiControls('plain')).toEqual([]);
});
