/**
 * The word rules' scans stay linear: on text dense with the words they look for (every word a
 * hit, every hit asking its exemptions about the region), four times the text costs about four
 * times the time. Median CPU time of seven runs after warming up; the bound is generous (a quadratic scan costs
 * sixteen times).
 */
import { analyzeStory } from '../../../../src/core/analyze';
import { lexiconsFor } from '../../../../src/core/lexicons';
import type { StoryInput } from '../../../../src/core/story';

/** Median CPU time of seven samples of `repeat` runs each (a sample long enough to measure). */
function cpuMs(run: () => void, repeat: number): number {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = process.cpuUsage();
    for (let k = 0; k < repeat; k++) run();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[3]!;
}

const summary = 'As a shopper, I want to share my wish list, so that friends can buy me gifts.';

const dense: [string, (n: number) => StoryInput][] = [
  ['vague words in acceptance criteria', (n) => ({ summary, acceptanceCriteria: 'fast, some clean how many etc. things I want and other stuff '.repeat(n) })],
  ['wait triggers in a description', (n) => ({ summary, description: 'after DM-1 once the new story is done, depends on the team, blocked by: https://x.org/1 requires SHOP-2 until after the release '.repeat(n) })],
  ['triggers with nothing to wait on', (n) => ({ summary, description: 'after once until depends on needs waiting for '.repeat(n) })],
];

test.each(dense)('%s: four times the text, about four times the time', (_name, make) => {
  const small = make(300);
  const large = make(1200);
  for (let i = 0; i < 3; i++) {
    analyzeStory(small); // warm up both sizes, so the JIT does not bias the first measured
    analyzeStory(large);
  }
  const ratio = cpuMs(() => analyzeStory(large), 3) / Math.max(cpuMs(() => analyzeStory(small), 3), 0.5);
  expect(ratio).toBeLessThan(10);
});

test('an exemption that reads the whole region reads it once, however many matches ask', () => {
  const lex = lexiconsFor(null);
  const find = lex.buildVerbs.find;
  let calls = 0;
  lex.buildVerbs.find = (...args) => {
    calls++;
    return find.apply(lex.buildVerbs, args);
  };
  try {
    const count = (repeats: number) => {
      calls = 0;
      // Every "backend" stands alone after another verb: each asks whether the title builds something.
      analyzeStory({ summary: 'improve plotting backend. '.repeat(repeats) });
      return calls;
    };
    expect(count(10)).toBe(1);
    expect(count(200)).toBe(1);
  } finally {
    lex.buildVerbs.find = find;
  }
});
