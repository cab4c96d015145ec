/**
 * A seeded, grammar-based generator of hostile stories for `npm run fuzz`: template pieces (roles,
 * goal and benefit indicators, goals that are emoji, punctuation or nothing), noise (emoji, bidi and
 * control characters, lone surrogates, markup fragments, issue keys), huge runs of one piece,
 * descriptions in every format (ADF objects and ADF JSON, wiki, HTML, Markdown, text, deep nesting),
 * story points of every shape, acceptance criteria, links and labels. Only JSON-like values: what a
 * REST response or an input file can carry. The same seed always gives the same inputs.
 */
import type { StoryInput } from '../../src/core/story';

/** sfc32: small, fast, seedable; good enough to explore, and reproducible. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

const ROLES = ['As a diner, ', 'As an admin ', 'As the site owner, ', 'AS A USER ', 'As a 🚀, ', 'As ', 'as a developer I ', 'As a PM, ', 'As Mike, ', 'As a user who reads reviews, ', ''];
const GOAL_INDICATORS = ['I want to ', 'I want ', "I'd like to ", 'I need ', 'we want to ', 'I can ', 'I should be able to ', 'I wanna ', ''];
const GOALS = [
  'see menus and prices',
  'create and delete zones',
  'manage picture models',
  'upload, crop, rotate and tag photos',
  'drag and drop zones',
  'implement a REST API for uploads',
  'refactor the PostgreSQL schema',
  'define zones, then cut pictures into them',
  'filter reviews fast',
  'perform segmentation or localization of zones',
  'add/view images',
  'see restaurants (open now) on a map',
  'sort reviews by date after FOOD-12 is done',
  'copy/paste reviews from a spreadsheet',
];
const BENEFITS = [' so that I can choose', ', so that users can add/view images', ' in order to save time', ' so I know more', ', because it is fast', ' so that so that it works', ', which helps diners', ' so that', ''];
const EMOJI = ['🚀', '👩‍👩‍👧‍👦', '🇩🇪', '✅', '☐', '🙂', '\u{1F600}'];
const PUNCTUATION = ['.', '...', '!?', '—', '–', ',', ';', ':', '(', ')', '[', ']', '{', '}', '"', '“', '”', '«', '/', '&', '…', '*', '#', '|', '\\'];
const BLANKS = [' ', '  ', '\t', '\u2003', '\u00a0', '\n', '\r\n', '\r', '\u2028', '\u3000'];
const ODD = ['\u202e', '\u200b', '\ufeff', '\u0000', '\u0007', '\ud800', '\udfff', '\u0301', 'ﬁ', 'İ', 'ß'];
const WORDS = ['menu', 'review', 'photo', 'and', 'or', 'then', 'and/or', 'so', 'that', 'I', 'we', 'The', 'It', 'e.g.', 'etc.', 'A', 'manage', 'database', 'fast', 'user-friendly', 'some', 'all', 'given', 'when', 'AC1:', '13', '3.5'];
const KEYS = ['FOOD-12', 'ABC-1', 'depends on ZONE-3', 'blocked by X-9 and X-10', 'needs SHOP-5 first', 'see FOOD-4'];
const MARKUP = [
  '*bold*', '_it_', '**strong**', '~~s~~', '-strike-', '+ins+', '^sup^', '{{mono}}', '{code}', '{code:java}', '{noformat}', '{quote}', '{panel:title=AC}', '{color:red}',
  '[a|http://x]', '[~jsmith]', '[~accountid:5f3c]', '!image.png!', '!a|b!', 'h1. ', 'bq. ', '||a||b||', '|c|d|', '----', '# ', '## ', '> ', '- [ ] ', '- [x] ', '```', '~~~',
  '[t](http://x "y")', '![alt](src)', '<div>', '</div>', '<p>', '<br>', '<li>', '<h2>', '<script>alert(1)</script>', '<!--', '-->', '<a href="x', '&amp;', '&#x1F600;', '&#0;', '&nbsp;', '`code`',
];
const NOISE = [EMOJI, PUNCTUATION, BLANKS, ODD, WORDS, KEYS, MARKUP];

/** One atom of noise. */
function atom(rng: Rng): string {
  return rng.pick(rng.pick(NOISE));
}

/** A huge run of one atom (up to `max` characters): the inputs that make scans super-linear. */
function hugeRun(rng: Rng, max: number): string {
  const unit = rng.chance(0.5) ? rng.pick(PUNCTUATION.concat(BLANKS)) : atom(rng);
  const length = rng.range(1_000, max);
  return unit.repeat(Math.ceil(length / Math.max(1, unit.length))).slice(0, length);
}

export interface GrammarOptions {
  /** Probability that a text gets a huge run (default 0.004). */
  hugeChance?: number;
  /** Longest huge run in characters (default 120,000). */
  hugeMax?: number;
}

/** Text made of pieces: words, noise and, rarely, a huge run. */
function noiseText(rng: Rng, pieces: number, o: Required<GrammarOptions>): string {
  const out: string[] = [];
  for (let i = 0; i < pieces; i++) out.push(rng.chance(0.6) ? rng.pick(WORDS) : atom(rng), rng.chance(0.7) ? ' ' : '');
  if (rng.chance(o.hugeChance)) out.splice(rng.int(out.length + 1), 0, hugeRun(rng, o.hugeMax));
  return out.join('');
}

function goal(rng: Rng, o: Required<GrammarOptions>): string {
  switch (rng.int(5)) {
    case 0:
      return '';
    case 1:
      return Array.from({ length: rng.range(1, 4) }, () => rng.pick(rng.chance(0.5) ? EMOJI : PUNCTUATION)).join(rng.chance(0.5) ? ' ' : '');
    case 2:
      return noiseText(rng, rng.range(1, 12), o);
    default:
      return rng.pick(GOALS);
  }
}

/** A story sentence from the template grammar, mutated. */
export function storySentence(rng: Rng, o: Required<GrammarOptions>): string {
  let s = `${rng.pick(ROLES)}${rng.pick(GOAL_INDICATORS)}${goal(rng, o)}${rng.pick(BENEFITS)}`;
  if (rng.chance(0.3)) s += rng.chance(0.5) ? `. ${noiseText(rng, rng.range(1, 8), o)}` : rng.pick(PUNCTUATION);
  if (rng.chance(0.1)) {
    const at = rng.int(s.length + 1);
    s = s.slice(0, at) + atom(rng) + s.slice(at);
  }
  if (rng.chance(o.hugeChance)) {
    const at = rng.int(s.length + 1);
    s = s.slice(0, at) + hugeRun(rng, o.hugeMax) + s.slice(at);
  }
  return s;
}

function criteriaLines(rng: Rng, o: Required<GrammarOptions>): string[] {
  const n = rng.chance(0.2) ? rng.range(9, 40) : rng.range(0, 6);
  return Array.from({ length: n }, (_, i) => {
    switch (rng.int(4)) {
      case 0:
        return `Given ${noiseText(rng, 3, o)} when ${rng.pick(WORDS)} then ${rng.pick(WORDS)}`;
      case 1:
        return `AC${i + 1}: ${noiseText(rng, rng.range(0, 6), o)}`;
      case 2:
        return rng.pick(EMOJI);
      default:
        return `${rng.pick(WORDS)} ${rng.pick(WORDS)}`;
    }
  });
}

type AdfNode = Record<string, unknown>;

const textNode = (text: string): AdfNode => ({ type: 'text', text });
const para = (text: string): AdfNode => ({ type: 'paragraph', content: [textNode(text)] });

function adfDescription(rng: Rng, sentence: string, criteria: string[], o: Required<GrammarOptions>): AdfNode {
  const content: unknown[] = [para(sentence)];
  if (criteria.length) {
    content.push({ type: 'heading', attrs: { level: 3 }, content: [textNode('Acceptance criteria')] });
    const list = rng.chance(0.5) ? 'bulletList' : rng.chance(0.5) ? 'orderedList' : 'taskList';
    const item = list === 'taskList' ? 'taskItem' : 'listItem';
    content.push({ type: list, content: criteria.map((c) => ({ type: item, attrs: { state: rng.chance(0.5) ? 'DONE' : 'TODO' }, content: item === 'taskItem' ? [textNode(c)] : [para(c)] })) });
  }
  if (rng.chance(0.05)) {
    // Deep nesting: quotes in quotes, with text at every level.
    let node: AdfNode = para(noiseText(rng, 2, o));
    const depth = rng.chance(0.2) ? rng.range(1_000, 20_000) : rng.range(2, 200);
    for (let i = 0; i < depth; i++) node = { type: rng.chance(0.5) ? 'blockquote' : 'panel', content: [node, ...(rng.chance(0.1) ? [para('x')] : [])] };
    content.push(node);
  }
  if (rng.chance(0.1)) content.push({ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [para(atom(rng))] }, { type: 'tableHeader', content: [para(atom(rng))] }] }] });
  if (rng.chance(0.05)) content.push({ type: rng.pick(['mention', 'emoji', 'status', 'date', 'inlineCard', 'rule', 'hardBreak', 'mystery']), attrs: { text: atom(rng), timestamp: rng.pick(['0', 'x', 1e20, -1]) } });
  if (rng.chance(0.03)) content.push(rng.pick([null, 'text', 42, [], { content: 'not an array' }]));
  return { type: 'doc', version: 1, content };
}

function markupDescription(rng: Rng, format: 'wiki' | 'html' | 'markdown' | 'text', sentence: string, criteria: string[], o: Required<GrammarOptions>): string {
  const lines: string[] = [];
  const heading = { wiki: 'h3. Acceptance criteria', html: '<h3>Acceptance criteria</h3>', markdown: '### Acceptance criteria', text: 'Acceptance criteria:' }[format];
  const bullet = { wiki: '* ', html: '<li>', markdown: '- ', text: '- ' }[format];
  lines.push(format === 'html' ? `<p>${sentence}</p>` : sentence);
  if (rng.chance(0.3)) lines.push(noiseText(rng, rng.range(1, 30), o));
  if (criteria.length) {
    lines.push(heading);
    if (format === 'html') lines.push('<ul>');
    for (const c of criteria) lines.push(`${bullet}${c}${format === 'html' ? '</li>' : ''}`);
    if (format === 'html') lines.push('</ul>');
  }
  if (rng.chance(0.1)) {
    const depth = rng.range(2, rng.chance(0.2) ? 5_000 : 50);
    const open = { wiki: '{quote}', html: '<div>', markdown: '>', text: '(' }[format];
    lines.push(open.repeat(depth) + noiseText(rng, 2, o));
  }
  if (rng.chance(0.1)) lines.push(Array.from({ length: rng.range(1, 20) }, () => rng.pick(MARKUP)).join(rng.chance(0.5) ? '' : ' '));
  return lines.join(rng.chance(0.9) ? '\n' : '\r\n');
}

/** ADF as a JSON string, as a v2 API or a file can carry it; a document too deep to stringify stays an object. */
function adfJson(doc: AdfNode): unknown {
  try {
    return JSON.stringify(doc);
  } catch {
    return doc;
  }
}

const POINTS: unknown[] = [undefined, undefined, null, 0, 1, 3, 5, 8, 13, 21, 40, 400, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, '8', '1,5', 'abc', '', true, [], {}];

function links(rng: Rng, keys: readonly string[]): unknown {
  if (rng.chance(0.7)) return undefined;
  if (rng.chance(0.05)) return rng.pick(['Blocks', 42, null, { key: 'X-1' }]);
  return Array.from({ length: rng.range(0, 5) }, () =>
    rng.chance(0.05)
      ? rng.pick([null, 'X-1', { key: '' }, { type: 7 }])
      : { type: rng.pick(['Blocks', 'Relates', 'Duplicate', 'is blocked by', 'Cloners', '']), direction: rng.pick(['inward', 'outward', 'sideways']), key: rng.chance(0.9) ? rng.pick(keys) : atom(rng) },
  );
}

/**
 * One story. `keys` are the keys of the set it belongs to (links and mentions point at them, so sets
 * grow dependency cycles and chains).
 */
export function story(rng: Rng, key: string, keys: readonly string[], options: GrammarOptions = {}): StoryInput {
  const o: Required<GrammarOptions> = { hugeChance: options.hugeChance ?? 0.004, hugeMax: options.hugeMax ?? 120_000 };
  const sentence = storySentence(rng, o);
  const criteria = criteriaLines(rng, o);
  const input: Record<string, unknown> = { summary: sentence };
  if (!rng.chance(0.05)) input.key = rng.chance(0.03) ? rng.pick(['', 42, key.toLowerCase()]) : key;
  const where = rng.int(4);
  if (where > 0) {
    // The sentence moves to the description (summary a title), or stays in both.
    if (where === 1) input.summary = rng.chance(0.5) ? noiseText(rng, rng.range(0, 5), o) : rng.pick(GOALS);
    const format = rng.pick(['adf', 'adf-json', 'wiki', 'html', 'markdown', 'text', 'auto'] as const);
    if (format === 'adf' || format === 'adf-json') {
      const doc = adfDescription(rng, sentence, criteria, o);
      input.description = format === 'adf' ? doc : adfJson(doc);
      if (rng.chance(0.5)) input.descriptionFormat = 'adf';
    } else {
      const markup = format === 'auto' ? rng.pick(['wiki', 'html', 'markdown', 'text'] as const) : format;
      input.description = markupDescription(rng, markup, sentence, criteria, o);
      if (format !== 'auto') input.descriptionFormat = format;
    }
  } else if (criteria.length) {
    input.acceptanceCriteria = rng.chance(0.7) ? criteria.join('\n') : rng.chance(0.5) ? adfDescription(rng, '', criteria, o) : rng.pick([42, [], { x: 1 }, criteria]);
  }
  if (rng.chance(0.6)) input.storyPoints = rng.pick(POINTS);
  if (rng.chance(0.5)) input.issueType = rng.pick(['Story', 'story', 'Task', 'Bug', '', 7]);
  if (rng.chance(0.2)) input.labels = rng.chance(0.9) ? Array.from({ length: rng.range(0, 4) }, () => rng.pick(['ux', 'needs-refinement', '', 'a b', atom(rng)])) : 'ux';
  const l = links(rng, keys);
  if (l !== undefined) input.links = l;
  if (rng.chance(0.1)) input.parent = rng.pick([...keys, '', 'EPIC-1']);
  if (rng.chance(0.1)) input.source = rng.pick(['line', 'issue', 'other']);
  if (rng.chance(0.1)) input.summary = `${String(input.summary)} ${rng.pick(KEYS)}`;
  return input as unknown as StoryInput;
}

/** A set of 2 to `max` stories with shared keys and, often, near-duplicates of one another. */
export function storySet(rng: Rng, setIndex: number, max: number, options: GrammarOptions = {}): StoryInput[] {
  const n = rng.range(2, max);
  const project = rng.pick(['FOOD', 'ZONE', 'SHOP', 'X']);
  const keys = Array.from({ length: n }, (_, i) => `${project}-${setIndex * 100 + i + 1}`);
  const stories = keys.map((key) => story(rng, key, keys, options));
  if (rng.chance(0.3)) {
    // Near-duplicates: a copy with one word changed, and repeated keys.
    const source = rng.pick(stories) as unknown as Record<string, unknown>;
    stories.push({ ...source, summary: `${String(source.summary)} ${rng.pick(WORDS)}` } as unknown as StoryInput);
  }
  return stories;
}

/** Not a story at all: what a broken reader or a hostile caller could hand over. */
export function oddInput(rng: Rng): unknown {
  return rng.pick<unknown>([null, undefined, 0, -1, '', 'As a diner, I want menus', [], ['x'], {}, { summary: null }, { summary: 42 }, { summary: ['a'] }, { description: {} }, true]);
}
