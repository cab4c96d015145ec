import { descriptionGoal, titleGoal } from '../../src/core/goal-statement';
import { lexiconsFor } from '../../src/core/lexicons';

const lex = lexiconsFor(null);
const stated = (text: string, g: ReturnType<typeof titleGoal>) => (g ? text.slice(...g.range) : null);

test.each([
  ['Export the timetable to PDF', 'Export'],
  ['appcd-response: Add a language switch', 'Add'],
  ['[p2] remove the packed index', 'remove'],
  ['Please turn down the log level of the importer', 'turn'],
  ['The importer should skip empty rows', 'The importer should'],
  ['Support for right-to-left scripts', 'Support for'],
  ['Restaurant reviews', null],
  ['Finishing of the importer work', null],
  ['REST Controller Resource', null],
  ['Spike: which queue to use', null],
  ['Browse page sort order is case sensitive', null],
])('titleGoal(%s)', (title, expected) => {
  expect(stated(title, titleGoal(title, lex))).toBe(expected);
});

test('the description is read in its opening only: a goal after it is not looked for', () => {
  const filler = 'The station has three platforms and a kiosk. '.repeat(12);
  expect(descriptionGoal(`Add a map of the platforms. ${filler}`, lex)).not.toBeNull();
  expect(descriptionGoal(`${filler}Add a map of the platforms.`, lex)).toBeNull();
});

test('a reference to elsewhere and a wish inside a question are no goal', () => {
  expect(descriptionGoal('See the notes from the workshop. How should we name the kiosk?', lex)).toBeNull();
  expect(descriptionGoal('A request is received twice when the kiosk restarts.', lex)).toBeNull();
  expect(descriptionGoal('Do we want to add a map of the platforms? Nobody asked yet.', lex)).toBeNull();
});

test('reproduction steps end the reading: their orders are the reporter\'s, not a wish', () => {
  expect(descriptionGoal('The kiosk freezes. Steps to reproduce: 1. Open the map 2. Add a platform', lex)).toBeNull();
  expect(descriptionGoal('Steps: open the map and add a platform.', lex)).toBeNull();
  expect(descriptionGoal('Add a map of the platforms. Steps to reproduce the old layout are in the wiki.', lex)).not.toBeNull();
});
