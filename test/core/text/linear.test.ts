/**
 * Text processing stays linear: pathological inputs cost about what ordinary text of the same length
 * costs, in every place a scan runs (a description after the story line, the story sentence's own
 * line, the goal, benefit and role of a summary, wiki / HTML / Markdown / ADF markup).
 *
 * Robust by construction: each cost is the median CPU time of several runs after a warm-up, the
 * bound is a generous ratio with a floor (a quadratic or cubic scan costs thousands of times more at these
 * sizes: the sentence-end scan took 3.6 s on 32,000 dots, the benefit search 18 s on 2,000 blanks),
 * and a run that alone blows the bound fails at once instead of being repeated.
 */
import { analyzeStory } from '../../../src/core/analyze';
import type { StoryInput } from '../../../src/core/story';

/** Ratio of costs allowed between a pathological input and ordinary text of the same length. */
const RATIO = 20;
/** Costs below this are noise on a shared machine; the ordinary side is floored to it. */
const FLOOR_MS = 5;
const RUNS = 5;

/** CPU time of one analysis in ms: other processes on a busy machine do not inflate it as they do wall time. */
function once(input: StoryInput): number {
  const start = process.cpuUsage();
  analyzeStory(input);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Median cost in ms. A run above `hopeless` (far beyond any noise: a super-linear scan) ends the
 * measurement at once, so a regression fails in seconds rather than minutes.
 */
function cost(input: StoryInput, hopeless = Infinity): number {
  once(input); // warm-up: compiled code, lexicons
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = once(input);
    if (t > hopeless) return t;
    times.push(t);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1]!;
}

const ORDINARY_TEXT = 'The diner opens the menu and sees the price of every dish, so the choice is quick. ';
const ordinary = (n: number) => ORDINARY_TEXT.repeat(Math.ceil(n / ORDINARY_TEXT.length)).slice(0, n);
const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const STORY = 'As a diner, I want to see menus, so that I can choose';

/** Pathological payloads for any text. */
const TEXT: Record<string, (n: number) => string> = {
  'runs of dots': (n) => fill('.', n),
  'runs of ! and ?': (n) => fill('!?', n),
  'dots between capitals': (n) => fill('. A', n),
  'abbreviations': (n) => fill('e.g. ', n),
  'runs of spaces': (n) => `${fill(' ', n - 1)}x`,
  'runs of em spaces': (n) => `${fill('\u2003', n - 1)}x`,
  'runs of tabs': (n) => `${fill('\t', n - 1)}x`,
  'a comma, then blanks': (n) => `,${fill(' ', n - 2)}x`,
  'runs of commas': (n) => fill(',', n),
  'commas and spaces': (n) => fill(', ', n),
  'and and and': (n) => fill('and ', n),
  'drag and drop': (n) => fill('drag and drop ', n),
  'nested round brackets': (n) => fill('(', n / 2) + fill(')', n / 2),
  'nested square brackets': (n) => fill('[', n / 2) + fill(']', n / 2),
  'nested braces': (n) => fill('{', n / 2) + fill('}', n / 2),
  'one long word': (n) => fill('a', n),
  'one long number': (n) => fill('7', n),
  'a long word, then a comma': (n) => `${fill('a', n - 1)},`,
  'many "so that"': (n) => fill('so that ', n),
  'many "so I"': (n) => fill('so I ', n),
  'many "I want"': (n) => fill('I want ', n),
  'many "As a"': (n) => fill('As a ', n),
  'a colon and commas': (n) => fill(': a,', n),
  'capitals after words': (n) => fill('x The y ', n),
  'many newlines': (n) => fill('\n', n),
  'short lines': (n) => fill('x\n', n),
  'issue keys': (n) => fill('ABC-1 ', n),
  'depends on': (n) => fill('depends on ', n),
  'emoji': (n) => fill('🚀', n),
  'quotes': (n) => fill('"', n),
  'entities': (n) => fill('&amp', n),
  'Given lines': (n) => fill('Given x\n', n),
};

/** Pathological payloads for one markup. */
const MARKUP: Record<'wiki' | 'html' | 'markdown', Record<string, (n: number) => string>> = {
  wiki: {
    'nested quotes': (n) => fill('{quote}', n),
    'unclosed links': (n) => fill('[a|', n),
    'runs of stars': (n) => fill('*', n),
    'stars and words': (n) => fill('*x', n),
    'table bars': (n) => fill('|', n),
    'open code': (n) => `{code}${fill('x', n - 6)}`,
    'images': (n) => fill('!a', n),
  },
  html: {
    'deeply nested divs': (n) => fill('<div>', n / 2) + fill('</div>', n / 2),
    'unclosed tags': (n) => fill('<a', n),
    'unterminated quotes': (n) => fill('<a x="', n),
    'comments': (n) => fill('<!--', n),
    'list items': (n) => fill('<li>x', n),
    'literal <': (n) => fill('<', n),
  },
  markdown: {
    'nested quotes': (n) => fill('>', n),
    'unclosed links': (n) => fill('[a](', n),
    'backticks': (n) => fill('`a', n),
    'strong markers': (n) => fill('**', n),
    'underscores': (n) => fill('_x', n),
    'headings': (n) => fill('# ', n),
  },
};

interface Place {
  /** How many characters of payload the place takes (the summary is cut at 10,000). */
  size: number;
  input: (text: string) => StoryInput;
}

const PLACES: Record<string, Place> = {
  'a description after the story line': { size: 64_000, input: (t) => ({ key: 'L-1', summary: 'Menus', description: `${STORY}\n${t}`, descriptionFormat: 'text' }) },
  'the story line of a description': { size: 64_000, input: (t) => ({ key: 'L-1', summary: 'Menus', description: `${STORY} ${t}`, descriptionFormat: 'text' }) },
  'the goal of a summary': { size: 9_900, input: (t) => ({ key: 'L-1', summary: `As a diner, I want to ${t}`, storyPoints: 40, source: 'issue' }) },
  'the benefit of a summary': { size: 9_900, input: (t) => ({ key: 'L-1', summary: `As a diner, I want to see menus so that ${t}` }) },
  'the role of a summary': { size: 9_900, input: (t) => ({ key: 'L-1', summary: `As a ${t}` }) },
  'a summary without a template': { size: 9_900, input: (t) => ({ key: 'L-1', summary: t }) },
  // Oversized, so the split suggester quotes each criterion (its trailing-punctuation trim was quadratic).
  'an acceptance criterion of an oversized story': {
    size: 64_000,
    input: (t) => ({ key: 'L-1', summary: STORY, storyPoints: 40, source: 'issue', description: `Acceptance criteria:\n- a rule\n- another\n- a third\n- ${t} end` }),
  },
};

const baselines = new Map<string, number>();
function baseline(id: string, input: StoryInput): number {
  let b = baselines.get(id);
  if (b === undefined) {
    b = Math.max(FLOOR_MS, cost(input));
    baselines.set(id, b);
  }
  return b;
}

function expectLinear(id: string, input: StoryInput, ordinaryInput: StoryInput): void {
  const base = baseline(id, ordinaryInput);
  const bound = RATIO * base;
  const took = cost(input, 20 * bound);
  if (process.env.LINEAR_DEBUG) console.log(`${id}\t${took.toFixed(2)}\t${base.toFixed(2)}`);
  if (took > bound) throw new Error(`${id}: ${took.toFixed(1)} ms, more than ${RATIO} × ${base.toFixed(1)} ms for ordinary text of the same length`);
}

describe.each(Object.entries(PLACES))('in %s', (place, { size, input }) => {
  test.each(Object.keys(TEXT))('%s', (name) => {
    expectLinear(place, input(TEXT[name]!(size)), input(ordinary(size)));
  });
});

describe.each(Object.entries(MARKUP))('%s markup', (format, payloads) => {
  const make = (t: string): StoryInput => ({ key: 'L-1', summary: 'Menus', description: `${STORY}\n${t}`, descriptionFormat: format as 'wiki' | 'html' | 'markdown' });
  test.each(Object.keys(payloads))('%s', (name) => {
    expectLinear(format, make(payloads[name]!(64_000)), make(ordinary(64_000)));
  });
});

test('ADF nested 20,000 levels deep costs about what the same text flat does', () => {
  const text = { type: 'text', text: 'x ' };
  let deep: Record<string, unknown> = { type: 'paragraph', content: [text] };
  for (let i = 0; i < 20_000; i++) deep = { type: 'blockquote', content: [deep, { type: 'paragraph', content: [text] }] };
  const flat = { type: 'doc', content: Array.from({ length: 20_001 }, () => ({ type: 'paragraph', content: [text] })) };
  expectLinear('adf', { key: 'L-1', summary: STORY, description: { type: 'doc', content: [deep] } }, { key: 'L-1', summary: STORY, description: flat });
});
