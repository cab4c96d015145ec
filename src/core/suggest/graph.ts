/**
 * The story graph around one story: the user story a piece of work serves, and the slices that
 * already exist for a story that is an epic. Evidence in order of strength:
 * 1. an issue link of any type and direction to a user story;
 * 2. the parent when it is a user story (a sub-task's parent is the story it serves; an epic is not);
 * 3. a user story the description's stated purpose names by key ("Needed for CLINIC-8");
 * 4. shared domain phrases: at least two topical concepts (not single words) shared with exactly one
 *    best user story of the same project in the set ("photos" and "images" are the same thing). Work
 *    that makes reading faster (a cache, an index, a CDN) serves a story that reads, searches or
 *    gets the shared thing, not one that only changes it (claims, edits, pins it). What the
 *    description says the work is for ("Needed for the appointment reminders") outranks words the
 *    title shares: the stories sharing more of the stated purpose come first.
 */
import type { BacklogContext, GraphStory } from '../backlog/context';
import { isSliceStory } from '../backlog/epics';
import { topicalConcepts } from '../backlog/topics';
import { concept, isAct } from '../lemma';
import type { Lexicons } from '../lexicons';
import type { Story } from '../story';
import { tokenize } from '../tokens';
import { projectKeyOf } from '../work-kind';
import { statedPurpose } from './stated-purpose';

export interface ServedStory {
  key: string;
  summary: string;
  persona: string | null;
  via: 'link' | 'parent' | 'described' | 'shared';
  /** For `link`: the link type; for `shared`: the shared concepts. */
  evidence: string[];
  /** For `described`, and for `shared` when it decided: what the description says the work is for. */
  purpose?: string;
}

/** How much of the description is read for what the work is needed for ("Needed for the appointment reminders"). */
const DESCRIPTION_READ = 300;

/** Beneficiaries that name nobody in particular: any user story may serve them. */
export const ANYONE: ReadonlySet<string> = new Set(['user', 'customer', 'people', 'other', 'everyone', 'end user', 'end-user', 'visitor', 'member', 'public', 'client', 'anyone']);

/** Acts too common to make a phrase ("see their child", "take seconds"). */
const GENERIC = new Set(['view', 'see', 'get', 'take', 'use', 'make', 'have', 'go', 'set', 'put', 'give', 'need', 'want', 'keep', 'know', 'second', 'minute', 'day', 'time', 'new']);

/** Topical concepts of the work in text order: its summary, goal and benefit, and the description's opening. */
function querySequence(story: Story, opening: string, domainWords: readonly string[], lex: Lexicons): string[] {
  const text = [story.summary, opening].join(' \n ');
  const seq: string[] = [];
  for (const w of tokenize(text).words) seq.push(...topicalConcepts([w], lex));
  for (const c of topicalConcepts(domainWords, lex)) if (!seq.includes(c)) seq.push(c);
  return seq;
}

/** Pairs of concepts standing close together (at most one topical word between them): domain phrases. */
function phrasesOf(seq: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < seq.length; i++) {
    for (let j = i + 1; j <= i + 2 && j < seq.length; j++) {
      const a = seq[i]!;
      const b = seq[j]!;
      if (a !== b && !GENERIC.has(a) && !GENERIC.has(b)) out.push([a, b]);
    }
  }
  return out;
}

function sharedWith(query: ReadonlySet<string>, s: GraphStory): string[] {
  return s.concepts.filter((c) => query.has(c));
}

/** The user story this work serves, or null when the graph names none. */
export function servedStory(story: Story, domainWords: readonly string[], lex: Lexicons, backlog: BacklogContext | null, beneficiary: string | null = null): ServedStory | null {
  if (!backlog?.story) return null;
  const opening = story.description.slice(0, DESCRIPTION_READ);
  const seq = querySequence(story, opening, domainWords, lex);
  const query = new Set(seq);
  const phrases = phrasesOf(seq);
  const overlap = (s: GraphStory) => sharedWith(query, s).length;
  // 1. Links, any type and direction, to user stories; the one sharing most wins.
  // An outward "Issue split" link names this story's own slice, not a story it serves.
  const linked = story.links
    .filter((l) => !(SPLIT_LINK.test(l.type) && l.direction === 'outward'))
    .map((l) => ({ link: l, s: backlog.story!(l.key) }))
    .filter((x): x is { link: (typeof story.links)[number]; s: GraphStory } => !!x.s && x.s.userStory && x.s.key !== story.key);
  if (linked.length) {
    const best = linked.reduce((a, b) => (overlap(b.s) > overlap(a.s) ? b : a));
    return { key: best.s.key, summary: best.s.summary, persona: best.s.persona, via: 'link', evidence: [best.link.type] };
  }
  // 2. The parent, when it is a user story of the set (a sub-task's story). An epic, or a parent the
  // set does not hold (the panel compares stories only, so an unknown parent is most often an epic),
  // is a theme, not the story served: a sub-task cannot sit under it.
  if (story.parent) {
    const p = backlog.story(story.parent);
    if (p?.userStory) return { key: story.parent, summary: p.summary, persona: p.persona, via: 'parent', evidence: [] };
  }
  const ownSlices = new Set(story.links.filter((l) => SPLIT_LINK.test(l.type) && l.direction === 'outward').map((l) => l.key));
  // 3. The description says which story it is for ("Needed for CLINIC-8").
  const purpose = statedPurpose(opening, lex);
  for (const key of purpose.keys) {
    const s = backlog.story(key);
    if (!s?.userStory || s.key === story.key || s.parent === story.key || ownSlices.has(s.key)) continue;
    return { key: s.key, summary: s.summary, persona: s.persona, via: 'described', evidence: [], purpose: purpose.texts.find((p) => p.includes(key)) ?? key };
  }
  // 4. Shared domain phrases with one best user story (not one for another person than the benefit names).
  const all = backlog.graphStories?.() ?? [];
  const index = conceptIndex(all);
  const df = (c: string) => index.get(c)?.length ?? 0;
  const idf = (c: string) => Math.log(1 + all.length / (1 + df(c)));
  // Shared words say something only inside one product: another project's story is served only through a link.
  const project = projectKeyOf(story.key);
  const readPath = makesReadingFaster(story, lex);
  let best: { s: GraphStory; shared: string[]; rank: Rank } | null = null;
  let second: Rank | null = null;
  for (const s of candidatesOf(query, index, all)) {
    // Its own slices (children, outward split links) are not what it serves.
    if (!s.userStory || s.key === story.key || s.parent === story.key || ownSlices.has(s.key)) continue;
    if (project !== null && projectKeyOf(s.key) !== project) continue;
    if (beneficiary && !ANYONE.has(beneficiary) && s.persona && s.persona !== beneficiary) continue;
    const shared = sharedWith(query, s);
    if (shared.length < 2 || shared.every((c) => isAct(c))) continue;
    // Work serves what a story offers, its goal: sharing only its benefit ("so that the site stays up")
    // is no evidence.
    if (!s.goalConcepts.some((c) => query.has(c) && !isAct(c))) continue;
    if (readPath && !s.acts.some((a) => !writeActsOf(lex).has(a))) continue;
    const own = new Set(s.concepts);
    const phrase = phrases.filter(([a, b]) => own.has(a) && own.has(b));
    if (!phrase.length) continue;
    // The work names the capability itself: the candidate's head act in a shared phrase ("customer search").
    const actShared = s.act !== null && phrase.some(([a, b]) => a === s.act || b === s.act) ? 2 : 0;
    const weight = shared.reduce((sum, c) => sum + idf(c), 0) + phrase.length + actShared;
    const rank: Rank = { purpose: purpose.concepts.size ? shared.filter((c) => purpose.concepts.has(c) && !GENERIC.has(c) && !ANYONE.has(c)).length : 0, weight };
    if (!best || above(rank, best.rank)) {
      second = best?.rank ?? second;
      best = { s, shared, rank };
    } else if (!second || above(rank, second)) second = rank;
  }
  if (!best || (second && !above(best.rank, second))) return null;
  const served: ServedStory = { key: best.s.key, summary: best.s.summary, persona: best.s.persona, via: 'shared', evidence: best.shared };
  if (best.rank.purpose > (second?.purpose ?? 0)) served.purpose = purpose.texts[0];
  return served;
}

/** How well a candidate fits: the stated purpose it shares first, then the weight of the shared words. */
interface Rank {
  purpose: number;
  weight: number;
}

function above(a: Rank, b: Rank): boolean {
  return a.purpose !== b.purpose ? a.purpose > b.purpose : a.weight > b.weight;
}

const SPLIT_LINK = /split/i;

/**
 * "Redis cache for restaurant pages", "Add a trigram index on customer names": an artefact on the
 * read path (lexicon readPathArtefacts) in the work's summary. It serves the stories that read, search
 * or get what it holds; a story found by shared words whose every act changes the thing ("claim my
 * restaurant's page") is not one of them, and neither is a goal without an act.
 */
function makesReadingFaster(story: Story, lex: Lexicons): boolean {
  return lex.readPathArtefacts.find(tokenize(story.summary)).length > 0;
}

const writeActSets = new WeakMap<Lexicons, ReadonlySet<string>>();

/** The acts that change a thing, as concepts ("modify" and "update" are both "edit"), once per lexicon set. */
function writeActsOf(lex: Lexicons): ReadonlySet<string> {
  let set = writeActSets.get(lex);
  if (!set) {
    set = new Set([...lex.writeActs].map(concept));
    writeActSets.set(lex, set);
  }
  return set;
}

/**
 * A concept shared by more stories than this does not propose candidates on its own (it still
 * counts for the stories other concepts propose): a word in every story is no evidence of which
 * story is served, and proposing every story made the search quadratic on large backlogs.
 */
const COMMON_CONCEPT_STORIES = 64;
const indexes = new WeakMap<readonly GraphStory[], Map<string, GraphStory[]>>();

/** The stories of the set under each of their concepts, built once per set. */
function conceptIndex(all: readonly GraphStory[]): Map<string, GraphStory[]> {
  let index = indexes.get(all);
  if (!index) {
    index = new Map();
    for (const s of all) {
      for (const c of new Set(s.concepts)) {
        const list = index.get(c);
        if (list) list.push(s);
        else index.set(c, [s]);
      }
    }
    indexes.set(all, index);
  }
  return index;
}

/** The stories that share at least one of the query's less common concepts, in set order. */
function candidatesOf(query: ReadonlySet<string>, index: Map<string, GraphStory[]>, all: readonly GraphStory[]): GraphStory[] {
  const picked = new Set<GraphStory>();
  for (const c of query) {
    const list = index.get(c);
    if (list && list.length <= COMMON_CONCEPT_STORIES) for (const s of list) picked.add(s);
  }
  if (picked.size * 4 > all.length) return all.filter((s) => picked.has(s));
  const order = positions(all);
  return [...picked].sort((a, b) => order.get(a)! - order.get(b)!);
}

const orders = new WeakMap<readonly GraphStory[], Map<GraphStory, number>>();

function positions(all: readonly GraphStory[]): Map<GraphStory, number> {
  let order = orders.get(all);
  if (!order) {
    order = new Map(all.map((s, i) => [s, i]));
    orders.set(all, order);
  }
  return order;
}

/**
 * The slices of a story that is already an epic: child user stories (parent pointing to it) and user
 * stories linked by an "Issue split" link. Technical children and tasks do not make an epic.
 */
export function existingSlices(story: Story, backlog: BacklogContext | null): string[] {
  if (!backlog?.story || !backlog.childrenOf) return [];
  const out: string[] = [];
  const slice = (key: string) => {
    const s = backlog.story!(key);
    return !!s && isSliceStory(s);
  };
  for (const key of backlog.childrenOf(story.key)) if (slice(key)) out.push(key);
  for (const l of story.links) {
    if (!SPLIT_LINK.test(l.type) || l.direction !== 'outward' || out.includes(l.key)) continue;
    if (slice(l.key)) out.push(l.key);
  }
  return out;
}
