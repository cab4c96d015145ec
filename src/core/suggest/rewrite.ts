/**
 * Rewrites for work that is not a user story, chosen in evidence order (JUDGEMENT.md, "Who
 * benefits?"):
 * - a spike: a time-boxed spike stating the question it answers and its output;
 * - team work: a task for the team, not a backlog story;
 * - technical work: a task of the user story it serves (story graph: link, parent, shared domain
 *   phrases); else a user story in the voice of the person its benefit names, about the effect they
 *   see; else an explicit enabler naming what it enables.
 * Every sentence is generated from the story frame (frame.ts, generate.ts); unknowns become
 * visible placeholders. Never invents facts.
 */
import type { BacklogContext } from '../backlog/context';
import type { Facts } from '../facts';
import { parseBenefit, parseFrame, parseGoal, type StoryFrame } from '../frame';
import { lemma } from '../lemma';
import { tokenize } from '../tokens';
import type { Lexicons } from '../lexicons';
import type { Rewrite, Story, TemplateParse } from '../story';
import type { WorkAssessment } from '../work-kind';
import { benefitInFirstPerson, lowerFirst, passiveGoal, renderStory } from './generate';
import { capitalize, PLACEHOLDER, pastParticiple } from './grammar';
import { ANYONE, servedStory, type ServedStory } from './graph';
import { normalizePersona } from '../backlog/personas';

/** Head nouns that name a part of the system after an implementation act ("the upload service"). */
const SYSTEM_PARTS = new Set(['service', 'services', 'module', 'modules', 'component', 'components', 'layer', 'class', 'engine', 'subsystem', 'backend', 'server', 'api']);

/** "develop a mechanism to store and retrieve images" -> {verbs: [store, retrieve], object: "images"}. */
export function capability(facts: Facts, lex: Lexicons): { verbs: string[]; object: string } | null {
  const t = facts.goalTokens;
  const words = t.words;
  let i = 0;
  const acts = lex.technicalVerbs.find(t, 0, Math.min(words.length, 3));
  if (acts[0]?.first === 0) i = acts[0].last + 1;
  const arte = lex.technicalArtefacts.find(t, i, Math.min(words.length, i + 4))[0];
  if (arte) i = arte.last + 1;
  else if (i > 0) {
    // "refactor the review service": the act's object names a part of the system, not a capability.
    for (let k = i; k < Math.min(words.length, i + 4); k++) {
      if (SYSTEM_PARTS.has(words[k]!)) return null;
    }
  }
  if (i === 0) return null;
  while (i < words.length && ['a', 'an', 'the', 'to', 'for', 'that', 'which', 'can', 'will', 'of'].includes(words[i]!)) i++;
  const verbs: string[] = [];
  while (i < words.length && lex.verbs.has(words[i]!)) {
    verbs.push(words[i]!);
    i++;
    if (words[i] === 'and' || words[i] === 'or' || words[i] === '&') i++;
    else if (words[i]?.includes('/')) break;
  }
  if (!verbs.length || i >= words.length) return null;
  const object = facts.fieldText.slice(t.starts[i]!, t.ends[words.length - 1]!);
  return { verbs, object };
}

/** The work as an imperative title: the goal ("Expose the billing provider's pause endpoint …") or the summary. */
export function imperative(story: Story, frame: StoryFrame): string {
  const g = frame.goal;
  // A noun-phrase goal is a title without its article: "A Redis cache for pages" -> "Redis cache for pages".
  const text = g ? (g.verb ? `${g.verb} ${g.rest}`.trim() : g.text.replace(/^(?:an?|the)\s+/i, '')) : story.summary;
  return capitalize(text.replace(/[\s.!?]+$/, ''));
}

/** Verbs that build the thing their object names: the user wants the thing itself ("add SSO" -> "SSO"). */
const BUILD_VERBS = new Set(['add', 'build', 'create', 'develop', 'implement', 'introduce', 'provide', 'set', 'make', 'write', 'generate', 'support', 'enable', 'integrate', 'expose', 'offer', 'code']);
const CLAUSE_BREAK = /\s+(?=(?:from|to|into|onto|in|on|at|with|for|by|via|through|across|per|before|after|when|every|each|nightly|daily|weekly|automatically)\b)/i;

/** Does the goal name how the system handles data inside ("retrieved", "a service to cache menus")? */
function namesHandling(goal: string, lex: Lexicons): boolean {
  return tokenize(goal).words.some((w) => [w, lemma(w), w.replace(/ed$/, ''), w.replace(/d$/, '')].some((v) => lex.handlingVerbs.has(v)));
}

/**
 * The effect the beneficiary sees, as a goal: "restaurant payouts moved from the weekly batch to a
 * daily job". The system's own handling ("images stored and retrieved", "a service to store and
 * retrieve invoices") is no effect anyone sees: then there is none.
 */
function effectGoal(frame: StoryFrame, facts: Facts, lex: Lexicons): string | null {
  const goal = effectGoalOf(frame, facts, lex);
  return goal && namesHandling(goal, lex) ? null : goal;
}

function effectGoalOf(frame: StoryFrame, facts: Facts, lex: Lexicons): string | null {
  const cap = capability(facts, lex);
  if (cap) return passiveGoal(cap.verbs[0]!, cap.object, cap.verbs.slice(1).map((v) => `and ${pastParticiple(v)}`).join(' '));
  const g = frame.goal;
  if (!g) return null;
  if (!g.verb) return g.rest || null;
  if (!g.rest) return null;
  // A change to the system's own construction ("refactor the upload service") has no effect to name.
  if (!BUILD_VERBS.has(g.verb) && (lex.internalChangeVerbs.find(facts.goalTokens, 0, 2).length || lex.technicalVerbs.find(facts.goalTokens, 0, 2).length)) return null;
  if (BUILD_VERBS.has(g.verb)) {
    const rest = g.verb === 'set' ? g.rest.replace(/^up\s+/i, '') : g.rest;
    return g.verb === 'add' ? rest.replace(/\s+to\s+(?=(?:the|our|its|my|a|an)\s)/i, ' in ') : rest;
  }
  // "store X and check them nightly" -> "X stored and checked nightly".
  const clauses = g.rest.split(/\s+and\s+(?=\w+\s)/i);
  const parts: string[] = [];
  let verb = g.verb;
  for (const [k, clause] of clauses.entries()) {
    if (k > 0) {
      const next = parseGoal(clause, lex);
      if (!next.verb) {
        parts[parts.length - 1] += ` and ${clause}`;
        continue;
      }
      verb = next.verb;
      const obj = next.rest.replace(/^(?:it|them)\b\s*/i, '');
      parts.push(`${pastParticiple(verb)}${obj ? ` ${obj}` : ''}`);
      continue;
    }
    const cut = CLAUSE_BREAK.exec(clause);
    const object = cut ? clause.slice(0, cut.index) : clause;
    const qualifiers = cut ? clause.slice(cut.index).trim() : '';
    parts.push(passiveGoal(verb, object, qualifiers));
  }
  return parts.join(' and ');
}

/** After the benefit's subject: a modal that works with "I", then the capability ("can upload photos"). */
const MODAL = /^(?:can|could|will|would|may|might|should|must|are able to|is able to|get to|gets to)\s+/i;

/** What the beneficiary can do, from the benefit: "users can add/view images" -> "to add/view images". */
function goalFromBenefit(predicate: string, lex: Lexicons): string | null {
  const m = MODAL.exec(predicate);
  if (!m) return null;
  const rest = predicate.slice(m[0].length);
  const verb = rest.split(/[\s/]/)[0]!.toLowerCase();
  return lex.verbs.has(verb) ? `to ${rest}` : null;
}

const isVerbWith = (lex: Lexicons) => (w: string) => lex.verbs.has(w);

function spikeRewrite(story: Story, frame: StoryFrame): Rewrite {
  const work = imperative(story, frame);
  const timeboxed = /\b(?:time-?box(?:ed)?|timebox(?:ed)?|\d+\s*(?:days?|hours?|weeks?)\s*max|max(?:imum)?\s*\d+\s*days?)\b/i.test(story.description);
  const placeholders = timeboxed ? [] : [PLACEHOLDER.timebox];
  const lines = [`Question: ${lowerFirst(work)}?`, `Time-box: ${timeboxed ? 'as the description states' : PLACEHOLDER.timebox}`, 'Output: an answer the team can estimate with, and a recommendation.'];
  return {
    kind: 'spike',
    summary: `Spike: ${lowerFirst(work)} (time-boxed)`,
    description: lines.join('\n'),
    rationale: 'This work answers a question rather than delivering a capability: plan it as a time-boxed spike whose output is the answer, then write or split the story it unblocks.',
    placeholders,
  };
}

/**
 * Only the role says this is the team's work ("As a team lead, …"), and the goal acts on people the
 * backlog's stories speak for ("… tickets each agent has open"): the role may lead the product's
 * users, not the team that builds it.
 */
function roleOnlyOverUsers(frame: StoryFrame, technical: WorkAssessment, backlog: BacklogContext | null): boolean {
  if (!technical.signals.length || !technical.signals.every((s) => s.kind === 'team-role') || !frame.goal) return false;
  const heads = new Set((backlog?.personas ?? []).map((p) => p.persona.split(' ').pop()!));
  return tokenize(`${frame.goal.verb ?? ''} ${frame.goal.rest}`).words.some((w) => heads.has(normalizePersona(w)));
}

function teamRewrite(story: Story, frame: StoryFrame, lex: Lexicons, technical: WorkAssessment, backlog: BacklogContext | null): Rewrite {
  const work = imperative(story, frame);
  const outcome = frame.benefit ? benefitOrAsWritten(frame, lex) : PLACEHOLDER.outcome;
  const roleOnly = roleOnlyOverUsers(frame, technical, backlog);
  return {
    ...(roleOnly ? { doubt: `Only the role ("${technical.signals[0]!.text}") says this is the team's own work: if people in that role use the product, keep it as a user story.` } : {}),
    kind: 'team-task',
    summary: `Team task: ${lowerFirst(work)}`,
    description: `Outcome for the team: ${outcome}`,
    rationale: 'The team is the beneficiary of this work: plan it as a task for the team, not as a story in the product backlog.',
    placeholders: frame.benefit ? [] : [PLACEHOLDER.outcome],
  };
}

function benefitOrAsWritten(frame: StoryFrame, lex: Lexicons): string {
  return frame.benefit ? inFirstPersonPlural(benefitInFirstPerson(frame.benefit, isVerbWith(lex))) : '';
}

/** "I am", "I was", "I'm", "my": the team speaks as "we", and its verb agrees. */
function inFirstPersonPlural(s: string): string {
  return s
    .replace(/^I am\b/, 'we are')
    .replace(/^I was\b/, 'we were')
    .replace(/^I'm\b/, "we're")
    .replace(/^I /, 'we ')
    .replace(/\bmy\b/g, 'our')
    .replace(/\bmyself\b/g, 'ourselves');
}

function enablerRewrite(story: Story, frame: StoryFrame, technical: WorkAssessment): Rewrite {
  const work = imperative(story, frame);
  const benefit = frame.benefit && !technical.signals.some((s) => s.kind === 'benefit-about-code') ? frame.benefit.text : null;
  const placeholders = [PLACEHOLDER.stories];
  return {
    kind: 'enabler',
    summary: benefit ? `Enabler: ${lowerFirst(work)}, so that ${benefit}` : `Enabler: ${lowerFirst(work)}`,
    description: `Enables: ${PLACEHOLDER.stories}`,
    rationale: technical.enablerTopic
      ? `"${technical.enablerTopic}" has no user face: keep it as an explicit enabler and link the stories it enables.`
      : 'No user story in this set is served by this work and its benefit names nobody: keep it as an explicit enabler and link the stories it enables.',
    placeholders,
  };
}

const SUBJECT_MODIFIERS = new Set(['the', 'other', 'all', 'our', 'their', 'any', 'more', 'new', 'returning', 'existing', 'every', 'each', 'a', 'an', 'some', 'many', 'most', 'both']);
/** Nouns in -er/-or/-ent that name things, not people ("the order", "the browser"). */
const THINGS = new Set(['order', 'number', 'paper', 'letter', 'filter', 'folder', 'header', 'footer', 'marker', 'layer', 'server', 'browser', 'container', 'computer', 'answer', 'register', 'trigger', 'timer', 'counter', 'banner', 'poster', 'buffer', 'cluster', 'parameter', 'character', 'chapter', 'center', 'centre', 'matter', 'power', 'water', 'weather', 'error', 'monitor', 'sensor', 'vendor', 'content', 'event', 'document', 'payment', 'component', 'environment', 'requirement', 'amount', 'account', 'statement', 'element', 'agreement', 'department', 'segment', 'attachment', 'assignment', 'shipment', 'equipment', 'appointment', 'data', 'status']);
const PEOPLE = /(?:er|or|ist|ant|ent|ian|ee|eur|ess|person|people|staff|team|parent|child|children|guardian|family|families|owner|user|customer|patient|student)s?$/;

/**
 * The person a benefit is about, when its subject names one: a persona of the backlog, a person the
 * lexicons know, or a noun that names people ("researchers") followed by its verb. Returns the
 * persona (singular) and how many words the subject has.
 */
function beneficiaryInBenefit(text: string, personas: ReadonlySet<string>, lex: Lexicons): { persona: string; words: number } | null {
  const words = tokenize(text).words;
  let i = 0;
  while (i < words.length && i < 3 && SUBJECT_MODIFIERS.has(words[i]!)) i++;
  for (let n = Math.min(3, words.length - i); n >= 1; n--) {
    const span = words.slice(i, i + n);
    const persona = normalizePersona(span.join(' '));
    const head = span[span.length - 1]!;
    const next = words[i + n];
    const known = personas.has(persona) || lex.personas.has(persona) || lex.genericBeneficiaries.has(persona);
    const people = PEOPLE.test(head) && !THINGS.has(persona.split(' ').pop()!) && next !== undefined && (lex.verbs.has(next) || /^(?:can|could|will|would|may|might|should|must|are|is|get|gets|don't|doesn't|won't|can't|have|has|do|does|no\s+longer|never|always|only)$/.test(next));
    if (known || people) {
      // "returning patients": the persona may be the head alone.
      for (let k = 0; k < span.length; k++) {
        const tail = normalizePersona(span.slice(k).join(' '));
        if (personas.has(tail) || lex.personas.has(tail)) return { persona: tail, words: i + n };
      }
      return { persona, words: i + n };
    }
  }
  return null;
}

/** Who benefits: the person the assessment read in the benefit, else the person the benefit's subject names. */
function beneficiaryOf(frame: StoryFrame, technical: WorkAssessment, backlog: BacklogContext | null, lex: Lexicons): { persona: string; words: number } | null {
  const text = frame.benefit?.text;
  if (!text) return null;
  const personas = new Set((backlog?.personas ?? []).map((p) => p.persona));
  const found = beneficiaryInBenefit(text, personas, lex);
  if (technical.beneficiary) return { persona: technical.beneficiary, words: found?.words ?? tokenize(frame.benefit?.subject ?? '').words.length };
  return found;
}

/**
 * The user story in the beneficiary's voice: the effect they see as the goal ("the intake form
 * pre-filled …") with the benefit in their voice; when that does not pass `accept` (the self-check),
 * the capability the benefit names as the goal ("to see menus offline") and the benefit left to fill in.
 */
function userStoryRewrite(
  frame: StoryFrame,
  facts: Facts,
  lex: Lexicons,
  beneficiary: string,
  subjectWords: number,
  work: string,
  accept: (summary: string) => boolean,
  servedKey: string | null = null,
): Rewrite {
  const subject = frame.benefit && subjectWords ? tokenize(frame.benefit.text).words.slice(0, subjectWords).join(' ') : null;
  const voicedBenefit = frame.benefit ? parseBenefit(frame.benefit.text, subject) : null;
  const benefit = voicedBenefit ? benefitInFirstPerson(voicedBenefit, isVerbWith(lex)) : null;
  const whose = servedKey ? `The work serves ${servedKey}, a ${beneficiary}'s story` : `The benefit names ${beneficiary}s`;
  const rationale = `${whose}: the story is theirs, about the effect they see. The implementation ("${work}") becomes the team's task under it.`;
  const goal = effectGoal(frame, facts, lex);
  const concrete = renderStory(beneficiary, goal ?? PLACEHOLDER.goal, benefit ?? PLACEHOLDER.benefit);
  const placeholders = [...(goal ? [] : [PLACEHOLDER.goal]), ...(benefit ? [] : [PLACEHOLDER.benefit])];
  if (goal && benefit && accept(concrete)) return { kind: 'user-story', summary: concrete, rationale, placeholders };
  const capability = voicedBenefit?.subject ? goalFromBenefit(voicedBenefit.predicate, lex) : null;
  if (capability) {
    return { kind: 'user-story', summary: renderStory(beneficiary, capability, PLACEHOLDER.benefit), rationale, placeholders: [PLACEHOLDER.benefit] };
  }
  return { kind: 'user-story', summary: concrete, rationale, placeholders };
}

/**
 * "Refactor the upload service …", "Upgrade the image library to the next major version": a change to
 * the product's own construction serves every story alike, so words it shares with one story do not
 * make it that story's task (an explicit link or a parent still does); it is an enabler.
 */
function changesOwnConstruction(work: string, lex: Lexicons): boolean {
  const t = tokenize(work);
  const lead = Math.min(t.words.length, 2);
  return lex.internalChangeVerbs.find(t, 0, lead).length > 0 || lex.versionChangeVerbs.find(t, 0, lead).length > 0;
}

/**
 * "Set up a nightly backup of model definitions", "Renew the TLS certificate", "Rotate the logs":
 * operating the running system (lexicon operatingTerms) serves no single user story either, whatever
 * words it shares with one; the operation named, or null.
 */
function operatesSystem(story: Story, work: string, lex: Lexicons): string | null {
  const m = lex.operatingTerms.find(tokenize(work))[0] ?? lex.operatingTerms.find(tokenize(story.summary))[0];
  return m ? m.entry.replace(/\*$/, '') : null;
}

export function suggestRewrites(
  story: Story,
  template: TemplateParse,
  facts: Facts,
  technical: WorkAssessment,
  lex: Lexicons,
  backlog: BacklogContext | null,
  accept: (summary: string) => boolean = () => true,
): Rewrite[] {
  if (!technical.technical) return [];
  const frame = parseFrame(template, facts, lex);
  if (technical.kind === 'spike') return [spikeRewrite(story, frame)];
  if (technical.kind === 'team') return [teamRewrite(story, frame, lex, technical, backlog)];
  const work = imperative(story, frame);

  // 1. The user story this work serves.
  const who = beneficiaryOf(frame, technical, backlog, lex);
  const beneficiary = who?.persona ?? null;
  const found = servedStory(story, facts.domainWords, lex, backlog, beneficiary);
  // Shared words do not make a story's task of a change to our own construction or of operating the system.
  const operation = found?.via === 'shared' ? operatesSystem(story, work, lex) : null;
  const served = found && !(found.via === 'shared' && (changesOwnConstruction(work, lex) || operation)) ? found : null;
  const task = (served: ServedStory): Rewrite => {
    const why =
      served.via === 'link'
        ? `it is linked to ${served.key} (${served.evidence[0] ?? 'link'})`
        : served.via === 'parent'
          ? `${served.key} is its parent`
          : served.via === 'described'
            ? `its description names ${served.key} ("${served.purpose}")`
            : served.purpose
              ? `its description says what it is for ("${served.purpose}"), and it shares ${served.evidence.slice(0, 4).join(', ')} with ${served.key}`
              : `it shares ${served.evidence.slice(0, 4).join(', ')} with ${served.key}`;
    return {
      kind: 'task',
      summary: work,
      parentKey: served.key,
      description: served.summary ? `Serves ${served.key}: ${served.summary}` : `Serves ${served.key}.`,
      rationale: `This is how a user story gets built, not a story of its own: ${why}. Make it a task of ${served.key}.`,
      placeholders: [],
    };
  };

  // 2. A user story in the voice of the person the benefit names; when it names anyone ("users") and the
  // work serves a story of a known persona ("As a reviewer, …"), in that persona's voice.
  const servedPersona = served?.persona && beneficiary && ANYONE.has(beneficiary) && !ANYONE.has(served.persona) ? served.persona : null;
  const voiced = beneficiary ? userStoryRewrite(frame, facts, lex, servedPersona ?? beneficiary, who!.words, work, accept, servedPersona ? served!.key : null) : null;
  if (served) return voiced ? [task(served), voiced] : [task(served)];
  if (voiced) return [voiced];

  // 3. An explicit enabler.
  return [enablerRewrite(story, frame, technical.enablerTopic || !operation ? technical : { ...technical, enablerTopic: operation })];
}

