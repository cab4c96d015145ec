/**
 * A story whose slices already exist: its own children or "Issue split" links (graph.ts,
 * `existingSlices`), or — the whole product in one story — epics of its project that already hold
 * its slices. The second is read from the goal's parts, the ones a split would make ("define zones
 * on a picture as a model" / "cut uploaded pictures into the zones"): when two or more parts each
 * name a different epic that holds two or more stories ("Zone model editor", "Cutting uploaded
 * pictures"), the story is epic-sized and already sliced. It gets no split; the report says where
 * its slices are. Only suggestions ask, and the epics are built once per set (backlog/epics.ts).
 */
import type { BacklogContext, EpicNode } from '../backlog/context';
import { topicalConcepts } from '../backlog/topics';
import type { Facts } from '../facts';
import { isAct } from '../lemma';
import type { Lexicons } from '../lexicons';
import type { EpicSlices, Story } from '../story';
import { tokenize } from '../tokens';
import { projectKeyOf } from '../work-kind';
import { existingSlices } from './graph';

export interface AlreadySliced {
  /** Keys of the slices, or of the epics that hold them. */
  slices: string[];
  /** The epics the goal spans (empty when the slices are the story's own children or links). */
  under: EpicSlices[];
}

const NONE: AlreadySliced = { slices: [], under: [] };

/** A goal part names an epic when it holds at least this many of the epic's concepts (and at least half of them). */
const MIN_SHARED = 2;

/** Endings that make a noun of a word without changing what it is about ("rent" → "rental", "borrow" → "borrowing"). */
const DERIVATION = /^(?:al|als|ing|ings|ion|ions|ment|ments)$/;

/**
 * Whether one concept is the other with a derivational ending: epic titles are noun phrases ("Plot
 * rentals", "Borrowing tools") where the goal has the verb ("rent a plot", "borrow tools").
 */
function derived(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short) && DERIVATION.test(long.slice(short.length));
}

/** "and", "or", "then", commas and semicolons between the parts of a goal ("rent a plot, borrow tools and then …"). */
const COORDINATION = /\s*[,;]\s*(?:and\s+|or\s+)?(?:then\s+)?|\s+(?:and|or)\s+(?:then\s+)?|\s+then\s+/i;

/**
 * The goal's parts as a split would cut them: its coordinated phrases ("define zones on a picture as
 * a model" / "cut uploaded pictures into the zones"; "rent a plot" / "post harvest offers" / "chat …").
 * A list of single nouns makes parts too small to name an epic, which is what keeps it out.
 */
export function goalParts(facts: Facts): string[] {
  const t = facts.goalTokens;
  if (!t.words.length) return [];
  return facts.fieldText
    .slice(t.starts[0]!, t.ends[t.ends.length - 1]!)
    .split(COORDINATION)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Where a story's slices already are, if anywhere. Only a user story asking for several things can span epics. */
export function alreadySliced(story: Story, facts: Facts, lex: Lexicons, backlog: BacklogContext | null, ruleIds: ReadonlySet<string>): AlreadySliced {
  const own = existingSlices(story, backlog);
  if (own.length) return { slices: own, under: [] };
  if (ruleIds.has('technical-story') || !(ruleIds.has('not-atomic') || ruleIds.has('oversized'))) return NONE;
  const under = spannedEpics(story, facts, lex, backlog);
  return under.length ? { slices: under.map((e) => e.key), under } : NONE;
}

/**
 * The epics the story's goal parts name, one distinct epic per part, when there are two or more.
 * A part names an epic when it holds two or more of the epic's concepts, at least half of them, and
 * not only acts; a part that names two epics equally names neither. An epic the story belongs to,
 * or of another project, is not spanned.
 */
export function spannedEpics(story: Story, facts: Facts, lex: Lexicons, backlog: BacklogContext | null): EpicSlices[] {
  const project = projectKeyOf(story.key);
  const epics = (backlog?.epics?.() ?? []).filter(
    (e) => e.key !== story.key && e.key !== story.parent && !e.slices.includes(story.key) && (project === null || projectKeyOf(e.key) === project),
  );
  if (epics.length < 2) return [];
  const matched: EpicNode[] = [];
  for (const segment of goalParts(facts)) {
    const part = new Set(topicalConcepts(tokenize(segment).words, lex));
    let best: EpicNode | null = null;
    let bestShared = 0;
    let tie = false;
    for (const e of epics) {
      const shared = e.concepts.filter((c) => part.has(c) || [...part].some((w) => derived(c, w)));
      if (shared.length < MIN_SHARED || shared.length * 2 < e.concepts.length || shared.every((c) => isAct(c))) continue;
      if (shared.length > bestShared) {
        best = e;
        bestShared = shared.length;
        tie = false;
      } else if (shared.length === bestShared) tie = true;
    }
    if (best && !tie && !matched.includes(best)) matched.push(best);
  }
  if (matched.length < 2) return [];
  return matched.map((e) => ({ key: e.key, summary: e.summary, stories: e.stories }));
}
