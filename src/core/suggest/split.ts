/**
 * Splits for stories too big to estimate or deliver at once, chosen from the description's structure
 * first (Lawrence's patterns): numbered or ordered steps → workflow steps; the operations a
 * description lists for "manage X" → operations (only those: never one the role would not perform);
 * a rules / policy list → business-rule variations; formats, file types, sources → data variations;
 * platforms and channels → interface variations; acceptance criteria → scenario slices; a simplest
 * case then harder ones → simple/complex; a measured target → defer performance; a stated unknown →
 * a spike first, with its question. Without a description the goal's own structure is used (verbs
 * joined by "and"/"then", a list of kinds of data, "fast"). Never layers. Every part keeps the role
 * and the benefit and is rendered from the story frame; unknowns are visible placeholders.
 */
import type { Facts } from '../facts';
import { parseFrame, parseGoal, type StoryFrame } from '../frame';
import { lemma } from '../lemma';
import type { Lexicons } from '../lexicons';
import { normalizePersona } from '../backlog/personas';
import type { Split, SplitPattern, SplitStory, Story, TemplateParse } from '../story';
import { tokenize } from '../tokens';
import { descriptionStructure, type DescriptionStructure, type ListBlock } from './description';
import { lowerFirst, renderStory, wantClause, type GoalPhrase } from './generate';
import { PLACEHOLDER, trimTrailing } from './grammar';

const PERFORMANCE = /\b(?:fast|faster|quick(?:ly)?|instant(?:ly)?|real[- ]time|in (?:real time|seconds|milliseconds)|within \d+\s*(?:ms|milliseconds?|seconds?|s|minutes?)|without delay|immediately)\b/i;
const UNKNOWN_GOAL = /\b(?:investigate|research|explore|evaluate|figure out|find out|prototype|experiment|proof of concept|poc)\b/i;

/** A story's parts as splits render them: role, goal phrase and benefit as written. */
interface Frame {
  role: string;
  goal: GoalPhrase;
  benefit: string | null;
  placeholders: string[];
  /** The goal's object phrase ("customer subscriptions"), what "it" and "them" in a list item stand for. */
  object: string;
}

function frameOf(frame: StoryFrame): Frame | null {
  if (!frame.goal) return null;
  const placeholders: string[] = [];
  if (!frame.role) placeholders.push(PLACEHOLDER.role);
  if (!frame.benefit) placeholders.push(PLACEHOLDER.benefit);
  return { role: frame.role ?? PLACEHOLDER.role, goal: { verb: frame.goal.verb, rest: frame.goal.rest }, benefit: frame.benefit?.text ?? null, placeholders, object: frame.goal.rest };
}

function part(f: Frame, goal: GoalPhrase | string): SplitStory {
  return { summary: renderStory(f.role, goal, f.benefit ?? PLACEHOLDER.benefit) };
}

/** The goal with a qualifier naming the slice: "to download a data set in the format my tools read (CSV)". */
function qualified(f: Frame, qualifier: string): string {
  const t = tokenize(qualifier);
  const cut = t.words.length > MAX_QUALIFIER_WORDS ? `${qualifier.slice(0, t.ends[MAX_QUALIFIER_WORDS - 1]!)} …` : qualifier;
  return `${wantClause(f.goal)} (${cut})`;
}

/** A split into more parts than this is a backlog of its own: the first ones are offered, the rationale says so. */
export const MAX_PARTS = 10;
/** A qualifier longer than this many words is cut (a part names its slice; its details go with it). */
const MAX_QUALIFIER_WORDS = 16;

function split(pattern: SplitPattern, rationale: string, stories: SplitStory[], f: Frame, extra: string[] = [], total = stories.length): Split {
  const more = total > MAX_PARTS ? ` The first ${MAX_PARTS} of ${total} are shown.` : '';
  return { pattern, rationale: rationale + more, stories: stories.slice(0, MAX_PARTS), placeholders: [...f.placeholders, ...extra] };
}

// ---------------------------------------------------------------------------------------------
// List items as acts of the role

/** "(with options like size)" and what follows a ";" are notes on an item, not the item. */
function itemCore(item: string): string {
  let s = item.replace(/\s*\([^()]*\)/g, '');
  const semi = s.indexOf(';');
  if (semi > 0) s = s.slice(0, semi);
  return trimTrailing(s, '.:,', true).trim();
}

const SUBJECT_PRONOUN = /^(?:i|we)$/;
const OBJECT_PRONOUN = /^(?:it|them)$/;

/** "starts" -> "start", "takes" -> "take"; the base form when the lexicon knows it. */
function baseVerb(word: string, lex: Lexicons): string | null {
  const w = word.toLowerCase();
  if (lex.verbs.has(w) && !/(?:ed|ing)$/.test(w)) return w.endsWith('s') && lex.verbs.has(lemma(w)) && lemma(w) !== w ? lemma(w) : w;
  const l = lemma(w);
  return l !== w && lex.verbs.has(l) && /s$/.test(w) ? l : null;
}

/** The singular of the goal's object, for "pause it" -> "pause the customer subscription". */
function objectFor(pronoun: string, f: Frame): string {
  const object = f.object.replace(/^(?:my|the|a|an|our|all|their)\s+/i, '');
  if (!object || object.split(/\s+/).length > 4) return pronoun;
  const words = object.split(/\s+/);
  if (pronoun.toLowerCase() === 'it') words[words.length - 1] = normalizePersona(words[words.length - 1]!);
  return `${/^my\s/i.test(f.object) ? 'my' : 'the'} ${words.join(' ')}`;
}

/**
 * A list item as what the role wants: "accept or decline a job" -> ["to accept a job", "to decline a
 * job"]; "starts the shift" -> ["to start the shift"]; "Students submit their files" -> ["students to
 * submit their files"]; "pause it" -> ["to pause the customer subscription"]. Null when the item does
 * not start with an act.
 */
export function itemActs(item: string, f: Frame, lex: Lexicons, role: string | null): string[] | null {
  const core = itemCore(item);
  const t = tokenize(core);
  if (!t.words.length) return null;
  let i = 0;
  let subject: string | null = null;
  if (SUBJECT_PRONOUN.test(t.words[0]!)) i = 1;
  else if (!baseVerb(t.words[0]!, lex) || (t.words[1] && /s$/.test(t.words[1]) && baseVerb(t.words[1], lex))) {
    // "Client opens the share link", "Portal team publishes it": a subject, then its verb.
    const k = t.words.findIndex((w, n) => n > 0 && n <= 3 && baseVerb(w, lex) !== null);
    if (k < 0) return null;
    const who = core.slice(0, t.ends[k - 1]!);
    subject = role && normalizePersona(who) === role ? null : who;
    i = k;
  }
  const verb = baseVerb(t.words[i]!, lex);
  if (!verb) return null;
  let rest = core.slice(t.ends[i]!).trim();
  // "accept or decline a job": two acts on one object.
  const acts: string[] = [verb];
  const pair = /^(?:or|and)\s+(\S+)\s+/i.exec(rest);
  if (pair && baseVerb(pair[1]!, lex)) {
    acts.push(baseVerb(pair[1]!, lex)!);
    rest = rest.slice(pair[0].length);
  }
  // A comma clause after the act is a note ("warn the author, after a second warning …").
  const comma = rest.indexOf(', ');
  if (comma > 0 && !/^(?:or|and)\b/i.test(rest.slice(comma + 2))) rest = rest.slice(0, comma);
  const first = /^(\S+)/.exec(rest)?.[1] ?? '';
  if (OBJECT_PRONOUN.test(first)) rest = `${objectFor(first, f)}${rest.slice(first.length)}`;
  rest = rest.replace(/\btheir\b/g, subject ? 'their' : 'my');
  return acts.map((v) => {
    const phrase = `${v}${rest ? ` ${rest}` : ''}`;
    return subject ? `${lowerFirst(subject)} to ${phrase}` : `to ${phrase}`;
  });
}

// ---------------------------------------------------------------------------------------------
// Which pattern a list is

const PLATFORM_WORDS = /\b(?:ios|android|web|mobile|desktop|iphone|ipad|tablet|windows|macos|linux|browser|app|email|e-mail|sms|text message|push|slack|teams|whatsapp|node|python|go|java|ruby|php|youtube|tiktok|vimeo|instagram|facebook)\b/i;

function patternOf(list: ListBlock, d: DescriptionStructure, f: Frame, lex: Lexicons, role: string | null): SplitPattern | null {
  const label = `${list.heading ?? ''} ${list.lead ?? ''}`.toLowerCase();
  if (/acceptance criteria|\bac\b|\bcriteria\b/.test(label)) return 'scenarios';
  if (/\brules?\b|\bpolic(?:y|ies)\b|\blevels?\b|\bscales?\b|\btiers?\b|\bconditions\b/.test(label)) return 'business-rules';
  if (d.simplest && /\b(?:then|later|harder|awkward|edge cases?|complex|afterwards|next)\b/.test(label)) return 'simple-complex';
  if (/needed (?:on|in)\b|\bplatforms?\b|\bchannels?\b|\bdestinations?\b|\bdevices?\b|\bbrowsers?\b|\bsdks?\b/.test(label)) return 'interface-variations';
  if (/\bformats?\b|\bfile types?\b|\btypes?\b|\bshapes?\b|\bsources?\b|\bkinds?\b|\bhow .* send\b/.test(label)) return 'data-variations';
  if (list.ordered || /\bsteps?\b|\bflow\b|\bprocess\b|\bworkflow\b/.test(label)) return 'workflow-steps';
  const acts = list.items.filter((x) => itemActs(x, f, lex, role) !== null).length;
  if (acts * 2 > list.items.length) return 'operations';
  if (list.items.filter((x) => PLATFORM_WORDS.test(x)).length === list.items.length) return 'interface-variations';
  return null;
}

/** "Needed on:" -> on, "Channels" -> by, "Destinations" -> to, "Needed in all three SDKs" -> in. */
function interfacePreposition(list: ListBlock): string {
  const label = `${list.heading ?? ''} ${list.lead ?? ''}`.toLowerCase();
  if (/\bchannels?\b|\bby\b/.test(label)) return 'by';
  if (/\bdestinations?\b|\bpublish(?:ed)? to\b|\bto:/.test(label)) return 'to';
  if (/needed in\b|\bsdks?\b|\blanguages?\b/.test(label)) return 'in';
  return 'on';
}

/**
 * A criterion shortened to name its scenario: its own short name when it ends with one ("… (cut-off)"),
 * else its opening, where criteria state their case ("Less than 24 hours before: the late-change fee"),
 * cut before the goal would hold the criterion (the pasted-criterion check: four or more of its longer
 * words and 80 % of them). The full criterion goes with the part.
 */
export function scenarioLabel(criterion: string, goalWords: ReadonlySet<string>, lex: Lexicons): string {
  const core = trimTrailing(criterion.replace(/\s+/g, ' '), '.;:', true);
  const named = /\(([^()]{2,30})\)$/.exec(core);
  if (named && named[1]!.split(/\s+/).length <= 3) return lowerFirst(named[1]!.trim());
  const t = tokenize(core);
  const longWords = t.words.filter((w) => w.length > 3);
  // The goal holds the criterion when it has max(4, 80 %) of its longer words (repeats counted).
  const limit = Math.max(4, Math.ceil(longWords.length * 0.8)) - 1;
  const counts = new Map<string, number>();
  for (const w of longWords) counts.set(w, (counts.get(w) ?? 0) + 1);
  const held = new Set(goalWords);
  let matched = longWords.filter((w) => held.has(w)).length;
  let end = -1;
  let cut = false;
  for (let k = 0; k < t.words.length; k++) {
    const w = t.words[k]!;
    if (!held.has(w)) {
      held.add(w);
      matched += counts.get(w) ?? 0;
    }
    if (matched > limit) {
      cut = true;
      break;
    }
    if (!lex.stopwords.has(w) || k === 0) end = k;
  }
  if (end < 0) return lowerFirst(core);
  const label = core.slice(t.starts[0]!, t.ends[end]!).replace(/^(?:an?|the)\s+/i, '');
  return lowerFirst(cut ? `${label} …` : label);
}

/** "audio only: WAV and MP3" -> ["WAV (audio only)", "MP3 (audio only)"]: two kinds in one item are two slices. */
function pairOfKinds(item: string): string[] {
  const m = /^(?:([^:]{1,30}):\s*)?([\w.+-]+(?:\s[\w.+-]+)?) (?:and|or|\/) ([\w.+-]+(?:\s[\w.+-]+)?)$/.exec(item);
  if (!m) return [item];
  const note = m[1] ? `, ${m[1].trim()}` : '';
  return [`${m[2]}${note}`, `${m[3]}${note}`];
}

function listSplit(pattern: SplitPattern, list: ListBlock, d: DescriptionStructure, f: Frame, story: Story, lex: Lexicons, role: string | null): Split | null {
  const items = list.items.slice(0, MAX_PARTS * 2).map(itemCore).filter(Boolean);
  switch (pattern) {
    case 'workflow-steps':
    case 'operations': {
      const acts = items.flatMap((x) => itemActs(x, f, lex, role) ?? []);
      if (acts.length < 2) return null;
      return split(
        pattern,
        pattern === 'workflow-steps'
          ? `The description lists ${items.length} steps; each step can be built, shown and accepted on its own, in this order.`
          : `The description names the operations a ${f.role} performs (${acts.length}); each is a capability they can use by itself. No other operation is added.`,
        acts.map((a) => part(f, a)),
        f,
      );
    }
    case 'business-rules':
      return split(pattern, `The description lists ${items.length} rules; start with the rule most cases follow and add each other rule as its own story.`, items.map((x) => part(f, qualified(f, lowerFirst(x)))), f);
    case 'data-variations': {
      const kinds = items.flatMap(pairOfKinds);
      return split(pattern, `The description lists ${kinds.length} kinds of data; start with the one most users have and add the others as their own stories.`, kinds.map((x) => part(f, qualified(f, x))), f);
    }
    case 'interface-variations': {
      const prep = interfacePreposition(list);
      return split(pattern, `The description names ${items.length} platforms or channels; deliver on one first, then one story per other.`, items.map((x) => part(f, `${wantClause(f.goal)} ${prep} ${x}`)), f);
    }
    case 'scenarios': {
      const goalWords = new Set(tokenize(`${f.goal.verb ?? ''} ${f.goal.rest}`).words);
      const all = story.acceptanceCriteria.length >= 2 ? story.acceptanceCriteria : items;
      const stories = all.slice(0, MAX_PARTS);
      return split(
        pattern,
        `The acceptance criteria describe ${all.length} scenarios; each scenario is a slice that can be built and accepted on its own (its criterion goes with it).`,
        stories.map((c) => ({ ...part(f, qualified(f, scenarioLabel(c, goalWords, lex))), description: `Acceptance criterion: ${c}` })),
        f,
        [],
        all.length,
      );
    }
    case 'simple-complex':
      return split(
        pattern,
        'The description starts with a simplest case and lists the harder ones: ship the simple case first, then one story per harder case.',
        [part(f, qualified(f, d.simplest!)), ...items.map((x) => part(f, qualified(f, lowerFirst(x))))],
        f,
      );
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Cues in the prose

/** "we have never integrated with the insurers' eligibility API" -> "how to integrate with the insurers' eligibility API". */
function spikeQuestion(sentence: string): string {
  const s = sentence.replace(/^\W*unknowns?\s*:?\s*/i, '').replace(/\s+/g, ' ');
  const never = /\bnever (integrated|handled|shipped|worked|built|used|done)\b\s*(.*?)(?:[.;,]|\s+(?:and|but|so)\s+(?:nobody|no one|we|the team|it|they)\b|$)/i.exec(s);
  if (never) {
    const verb = { integrated: 'integrate', handled: 'handle', shipped: 'ship', worked: 'work', built: 'build', used: 'use', done: 'do' }[never[1]!.toLowerCase()]!;
    return `how to ${verb} ${never[2]!.trim()}`.trim();
  }
  return lowerFirst(trimTrailing(s, '.?!', true));
}

function spikeSplit(f: Frame, unknown: string): Split {
  const question = spikeQuestion(unknown);
  return split(
    'spike',
    'The description states an unknown the team could not estimate past: a time-boxed spike answers it first, then the story is estimated (and split if still big).',
    [{ summary: `Spike: find out ${question} (time-boxed)`, description: `Question: ${question}?\nTime-box: ${PLACEHOLDER.timebox}\nOutput: an answer the team can estimate the story with.` }, part(f, f.goal)],
    f,
    [PLACEHOLDER.timebox],
  );
}

function targetText(sentence: string): string {
  return trimTrailing(sentence.replace(/^\W*(?:performance\s+)?target\s*:\s*/i, '').replace(/^(?:it\s+)?(?:should|must)\s+/i, ''), '.', true);
}

// ---------------------------------------------------------------------------------------------
// The goal's own structure (one-line stories)

/** "store and retrieve images" -> ["store images", "retrieve images"]; "define zones, then cut pictures" -> two steps. */
function actionSegments(facts: Facts): string[] {
  const text = facts.fieldText;
  const segs = facts.actions.map((a, i) => {
    const next = facts.actions[i + 1];
    const end = next?.joiner ? next.joiner.range[0] : facts.goalTokens.ends[facts.goalTokens.ends.length - 1]!;
    return trimTrailing(text.slice(a.range[0], end), ',;', true);
  });
  const last = segs[segs.length - 1] ?? '';
  const lastVerb = facts.actions[facts.actions.length - 1]?.verb ?? '';
  const sharedObject = last.slice(lastVerb.length).trim();
  // "upload, preview, re-cut, download and delete batches": a run of bare verbs shares the last object.
  const pieces = segs.flatMap((s) => (/^[\w-]+(?:\s*,\s*[\w-]+)+$/.test(s) ? s.split(/\s*,\s*/) : [s]));
  return pieces.map((s) => (s.split(/\s+/).length === 1 && sharedObject ? `${s} ${sharedObject}` : s));
}

/** "upload photos, videos, menus and documents" -> lead "upload", items [photos, videos, menus, documents]. */
function dataVariants(f: Frame): { items: string[] } | null {
  if (!f.goal.verb) return null;
  const listPart = f.goal.rest.split(/(?<!\s)\s+(?:to|for|in|on|from|with|by|so|that|which|when|where|using|via)\s+/i)[0] ?? '';
  const items = listPart
    .split(/(?<!\s)\s*,\s*(?:and\s+|or\s+)?|(?<!\s)\s+(?:and|or)\s+/i)
    .map((x) => x.trim())
    .filter(Boolean);
  if (items.length < 3 || items.some((x) => x.split(/\s+/).length > 4)) return null;
  return { items };
}

function goalSplits(f: Frame, facts: Facts, lex: Lexicons, goalText: string, described: boolean): Split[] {
  const out: Split[] = [];
  if (facts.actions.length >= 2 && facts.actions[1]?.joiner) {
    const segments = actionSegments(facts).map((s) => parseGoal(s, lex));
    out.push(
      split(
        facts.sequential ? 'workflow-steps' : 'operations',
        facts.sequential ? 'The goal is a sequence of steps; each step can be built, shown and accepted on its own.' : `The goal joins ${segments.length} operations; each is a capability a user can use by itself.`,
        segments.map((g) => part(f, { verb: g.verb, rest: g.rest })),
        f,
      ),
    );
  }
  const variants = facts.actions.length < 2 ? dataVariants(f) : null;
  if (variants) {
    out.push(
      split(
        'data-variations',
        `The goal covers ${variants.items.length} kinds of data; start with the one users need most and add the others as their own stories.`,
        variants.items.map((item) => part(f, { verb: f.goal.verb, rest: item })),
        f,
      ),
    );
  }
  const epic = lex.epicVerbs.find(facts.goalTokens, 0, 1)[0];
  if (epic && !described && f.goal.rest) {
    // Without a description we do not know which operations this role performs: view, and the rest to fill in.
    out.push(
      split(
        'operations',
        `"${f.goal.verb}" hides several operations, and the description does not say which a ${f.role} performs: keep only those, one story each.`,
        [part(f, { verb: 'view', rest: f.goal.rest }), part(f, `to ${PLACEHOLDER.operations} ${f.goal.rest}`)],
        f,
        [PLACEHOLDER.operations],
      ),
    );
  }
  const perf = PERFORMANCE.exec(goalText);
  if (perf) {
    const plain = (goalText.slice(0, perf.index) + goalText.slice(perf.index + perf[0].length)).replace(/\s{2,}/g, ' ').replace(/\s([,.])/g, '$1').trim();
    const g = parseGoal(plain, lex);
    out.push(
      split(
        'defer-performance',
        `Make it work first, then make it "${perf[0]}": the second story carries the measurable target.`,
        [part(f, { verb: g.verb, rest: g.rest }), part(f, `${wantClause({ verb: g.verb, rest: g.rest })} within ${PLACEHOLDER.target}`)],
        f,
        [PLACEHOLDER.target],
      ),
    );
  }
  return out;
}

export function suggestSplits(story: Story, template: TemplateParse, facts: Facts, lex: Lexicons, ruleIds: ReadonlySet<string>): Split[] {
  const frame = parseFrame(template, facts, lex);
  // A benefit that restates the goal does not hold for the parts either: they leave it to fill in.
  const f = frameOf(ruleIds.has('weak-benefit') ? { ...frame, benefit: null } : frame);
  if (!f) return [];
  const d = descriptionStructure(story);
  const out: Split[] = [];
  // A stated unknown: a spike first, whatever the size (the team could not estimate it).
  if (d.unknown) out.push(spikeSplit(f, d.unknown));
  if (!ruleIds.has('not-atomic') && !ruleIds.has('oversized')) return out;
  const role = template.roleName ? normalizePersona(template.roleName) : null;
  for (const list of d.lists) {
    const pattern = patternOf(list, d, f, lex, role);
    const s = pattern ? listSplit(pattern, list, d, f, story, lex, role) : null;
    if (s && !out.some((o) => o.pattern === s.pattern)) out.push(s);
  }
  if (d.target) {
    out.push(
      split(
        'defer-performance',
        `Make it work first, then meet the target the description sets ("${d.target.phrase}"): the second story carries it.`,
        [part(f, f.goal), part(f, qualified(f, `target: ${targetText(d.target.sentence)}`))],
        f,
      ),
    );
  }
  const described = out.length > 0;
  for (const s of goalSplits(f, facts, lex, template.goal!.text, described)) if (!out.some((o) => o.pattern === s.pattern)) out.push(s);
  if (!out.length && ruleIds.has('oversized')) {
    if (UNKNOWN_GOAL.test(template.goal!.text)) {
      out.push(spikeSplit(f, template.goal!.text));
    }
    out.push(
      split(
        'simple-complex',
        'Ship the simplest useful version first, then extend it; both stay valuable on their own.',
        [part(f, `${wantClause(f.goal)} for ${PLACEHOLDER.simplest}`), part(f, `${wantClause(f.goal)} for ${PLACEHOLDER.rest}`)],
        f,
        [PLACEHOLDER.simplest, PLACEHOLDER.rest],
      ),
    );
  }
  return out;
}
