/**
 * A story whose goal spans epics that already hold its slices ("the whole product in one story"):
 * no split, the epics instead. Epics are known from the set or from their children's parent field.
 */
import { analyze } from '../../../src/core/analyze';
import type { StoryInput, StoryReport } from '../../../src/core/story';

const epic = (key: string, summary: string): StoryInput => ({ key, issueType: 'Epic', summary });
const child = (key: string, parent: string, parentSummary: string, summary: string): StoryInput => ({ key, issueType: 'Story', parent, parentSummary, parentType: 'Epic', summary, storyPoints: 3 });

/** Two epics of a bike-sharing app, each holding stories, known only through their children's parent field. */
const docks = 'Dock map';
const passes = 'Season passes';
const slices: StoryInput[] = [
  child('BIKE-4', 'BIKE-1', docks, 'As a rider, I want to see free bikes at each dock on the map, so that I walk to one that has a bike'),
  child('BIKE-5', 'BIKE-1', docks, 'As a rider, I want to see free slots at each dock on the map, so that I can return my bike'),
  child('BIKE-6', 'BIKE-2', passes, 'As a rider, I want to buy a season pass, so that I ride without paying each time'),
  child('BIKE-7', 'BIKE-2', passes, 'As a rider, I want to renew my season pass, so that my rides stay free next year'),
];
const whole: StoryInput = { key: 'BIKE-9', summary: 'As a rider, I want to find docks on the map and buy a season pass, so that I can start riding', storyPoints: 20 };

function report(inputs: StoryInput[], key: string): StoryReport {
  return analyze(inputs).stories.find((s) => s.key === key)!;
}

test('parts that name two epics holding stories: no split, the epics are its slices', () => {
  const r = report([...slices, whole], 'BIKE-9');
  expect(r.splits).toEqual([]);
  expect(r.existingSlices).toEqual(['BIKE-1', 'BIKE-2']);
  expect(r.slicesUnder).toEqual([
    { key: 'BIKE-1', summary: 'Dock map', stories: 2 },
    { key: 'BIKE-2', summary: 'Season passes', stories: 2 },
  ]);
});

test('the epics may be issues of the set instead of what the parent field says', () => {
  const bare = slices.map(({ parentSummary: _s, parentType: _t, ...rest }) => rest);
  const r = report([epic('BIKE-1', docks), epic('BIKE-2', passes), ...bare, whole], 'BIKE-9');
  expect(r.existingSlices).toEqual(['BIKE-1', 'BIKE-2']);
  // Without either, nothing says what the epics are: the story is split as before.
  expect(report([...bare, whole], 'BIKE-9').splits.length).toBeGreaterThan(0);
});

test('a story inside one of the epics does not span it', () => {
  const inside: StoryInput = { ...whole, parent: 'BIKE-1', parentSummary: docks, parentType: 'Epic' };
  const r = report([...slices, inside], 'BIKE-9');
  expect(r.slicesUnder).toBeUndefined();
  expect(r.splits.length).toBeGreaterThan(0);
});

test('an epic holding fewer than two stories, or of another project, is not where the slices are', () => {
  const r = report([slices[0]!, slices[1]!, slices[2]!, whole], 'BIKE-9');
  expect(r.slicesUnder).toBeUndefined();
  const elsewhere = slices.map((s) => (s.parent === 'BIKE-2' ? { ...s, key: s.key!.replace('BIKE', 'PASS'), parent: 'PASS-2' } : s));
  expect(report([...elsewhere, whole], 'BIKE-9').slicesUnder).toBeUndefined();
});

test('one part naming an epic is not enough, and single shared words name none', () => {
  const half: StoryInput = { ...whole, summary: 'As a rider, I want to find docks on the map and report a broken bike, so that I can start riding' };
  expect(report([...slices, half], 'BIKE-9').slicesUnder).toBeUndefined();
  const loose: StoryInput = { ...whole, summary: 'As a rider, I want to see the map and pay for a pass, so that I can start riding' };
  expect(report([...slices, loose], 'BIKE-9').slicesUnder).toBeUndefined();
});

test('a story that asks for one thing is not spanning anything, and technical work is not an epic', () => {
  const one: StoryInput = { key: 'BIKE-9', summary: 'As a rider, I want to buy a season pass on the dock map', storyPoints: 2 };
  expect(report([...slices, one], 'BIKE-9').slicesUnder).toBeUndefined();
  const technical: StoryInput = { key: 'BIKE-9', summary: 'Refactor the dock map service and the season pass service into one module' };
  expect(report([...slices, technical], 'BIKE-9').existingSlices).toBeUndefined();
});
