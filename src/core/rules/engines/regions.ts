/**
 * Where word rules look: the parts of a story that say what is built. The goal of the story
 * sentence without its purpose clause, the title when the summary holds no story sentence, and
 * the acceptance criteria. Never the benefit: words there do not change what the team builds.
 */
import type { Field, Story } from '../../story';
import type { PhraseMatcher } from '../../lexicons/matcher';
import { tokenize, type Tokens } from '../../tokens';
import type { RuleContext } from '../types';

export type RegionKind = 'goal' | 'title' | 'acceptanceCriteria';

export interface Region {
  kind: RegionKind;
  field: Field;
  /** The field's text: token offsets point into it. */
  text: string;
  tokens: Tokens;
  /** Token window `[from, to)` of the region. */
  from: number;
  to: number;
  /** The region's first word is a verb ("I want to clean …", a title "Secure the …"). */
  startsWithVerb: boolean;
  /** What exemptions computed over the whole region, once per region however many matches ask. */
  memo: Map<unknown, unknown>;
}

/**
 * Index of the first token of a purpose or reason clause ("…, to save time", "… because I travel",
 * "… to allow for better search") in `[from, to)`, or `to`. A clause needs some goal before it.
 */
export function purposeStart(tokens: Tokens, text: string, markers: PhraseMatcher, from = 0, to = tokens.words.length): number {
  const min = from + 2;
  for (let i = min; i < to; i++) {
    if (tokens.words[i] === 'to' && text.slice(tokens.ends[i - 1]!, tokens.starts[i]!).includes(',')) return i;
  }
  const marker = markers.find(tokens, min, to)[0];
  return marker ? marker.first : to;
}

interface Tokenized {
  title: Tokens | null;
  criteria: Tokens | null;
}

/**
 * Titles and criteria tokenized once per story, however many rules look at them. The rules read one
 * story at a time, so the last story's are kept (a weak map per story made every minor garbage
 * collection walk one entry per story analyzed since the last).
 */
let lastStory: Story | null = null;
let lastTokenized: Tokenized = { title: null, criteria: null };

function tokenized(story: Story): Tokenized {
  if (story !== lastStory) {
    lastStory = story;
    lastTokenized = { title: null, criteria: null };
  }
  return lastTokenized;
}

const ENDS_WITH_TO = /\bto$/i;

function goalRegion(ctx: RuleContext): Region | null {
  const { template, facts, lexicons } = ctx;
  if (!template.goal) return null;
  const t = facts.goalTokens;
  const startsWithVerb = ENDS_WITH_TO.test(template.goalIndicator?.text ?? '');
  return { kind: 'goal', field: template.field, text: facts.fieldText, tokens: t, from: 0, to: purposeStart(t, facts.fieldText, lexicons.purposeMarkers), startsWithVerb, memo: new Map() };
}

/** The summary as a title: when it holds no story sentence (a Jira title over a description's story counts too). */
function titleRegion(story: Story, ctx: RuleContext): Region | null {
  const { template, lexicons } = ctx;
  if (template.form !== 'none' && template.field === 'summary') return null;
  if (!story.summary.trim()) return null;
  const cached = tokenized(story);
  const t = (cached.title ??= tokenize(story.summary));
  return { kind: 'title', field: 'summary', text: story.summary, tokens: t, from: 0, to: purposeStart(t, story.summary, lexicons.purposeMarkers), startsWithVerb: true, memo: new Map() };
}

function criteriaRegion(story: Story): Region | null {
  if (!story.acceptanceCriteriaText.trim()) return null;
  const cached = tokenized(story);
  const t = (cached.criteria ??= tokenize(story.acceptanceCriteriaText));
  return { kind: 'acceptanceCriteria', field: 'acceptanceCriteria', text: story.acceptanceCriteriaText, tokens: t, from: 0, to: t.words.length, startsWithVerb: false, memo: new Map() };
}

/** `compute()` once per region and key. */
export function memoized<T>(region: Region, key: unknown, compute: () => T): T {
  if (region.memo.has(key)) return region.memo.get(key) as T;
  const value = compute();
  region.memo.set(key, value);
  return value;
}

export function regionsOf(kinds: readonly RegionKind[], story: Story, ctx: RuleContext): Region[] {
  const out: Region[] = [];
  for (const kind of kinds) {
    const r = kind === 'goal' ? goalRegion(ctx) : kind === 'title' ? titleRegion(story, ctx) : criteriaRegion(story);
    if (r) out.push(r);
  }
  return out;
}
