import { uniqueKeys } from '../../src/core/unique-keys';
import { analyze } from '../../src/core';

test('a repeated key gets #2, #3 … in order; the first keeps it', () => {
  expect(uniqueKeys(['A-1', 'A-2', 'A-1', 'A-1', 'A-2'])).toEqual(['A-1', 'A-2', 'A-1#2', 'A-1#3', 'A-2#2']);
  expect(uniqueKeys([])).toEqual([]);
});

test('analyze gives the stories of a set those keys', () => {
  const report = analyze([{ key: 'X-1', summary: 'As a cook I want a timer so that rice is not burnt' }, { key: 'X-1', summary: 'As a cook I want a scale' }]);
  expect(report.stories.map((s) => s.key)).toEqual(['X-1', 'X-1#2']);
});
