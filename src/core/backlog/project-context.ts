/**
 * The project context: what one story's analysis may know about the rest of its project. A story's
 * score is a function of the story, the project's settings and this context, never of which
 * neighbours a surface happened to load. It is plain JSON (stored per project by the backlog scan,
 * read by the save trigger and the panel) and is built by ONE builder from the project's stories,
 * a chunk at a time: `add()` per story, `finish()` once.
 *
 * It holds who the project serves and what its users talk about:
 * - the personas its story sentences name;
 * - the builder-looking roles (developer, data engineer …) that its own stories show to be real users;
 * - the words its users use in their goals (their domain, even when the words sound like construction
 *   or team work), and the core of them that a good share of the stories use;
 * - traits of the product: `builder-product` when it serves builders (an SDK, a CLI, a data tool).
 * Read it through `contextReader` (context-reads.ts), so every lookup is remembered.
 */
import type { Lexicons } from '../lexicons';
import type { Prepared } from '../prepare';
import { tokenize } from '../tokens';
import { assessWork, isDeveloperRole, isExternalBuilder, type WorkSignalKind } from '../work-kind';
import { normalizePersona, personaRole } from './personas';

/** Product traits a story's judgement may depend on. */
export const PRODUCT_TRAITS = ['builder-product'] as const;
export type ProductTrait = (typeof PRODUCT_TRAITS)[number];

export interface ProjectContext {
  /** Builder-looking roles whose stories in this project are mostly not implementation work, sorted. */
  userRoles: readonly string[];
  /** Normalized personas named by the project's story sentences, most frequent first (at most MAX_CONTEXT_PERSONAS). */
  personaNames: readonly string[];
  /** Words the goals of at least two of the users' stories use (not the team's, nor builders' unless the product serves them), sorted. */
  userVocabulary: readonly string[];
  /** The words a good share of the users' stories use: the product's core ("estimate" in a planning-poker app), sorted. */
  userCoreVocabulary: readonly string[];
  /** What the project's stories show about the product (see PRODUCT_TRAITS). */
  traits: readonly ProductTrait[];
}

/** The context of a project nobody has scanned yet: the settings alone decide. */
export const EMPTY_PROJECT_CONTEXT: ProjectContext = Object.freeze({
  userRoles: Object.freeze([]),
  personaNames: Object.freeze([]),
  userVocabulary: Object.freeze([]),
  userCoreVocabulary: Object.freeze([]),
  traits: Object.freeze([]),
});

/** Personas kept: the most frequent, so the stored context stays small (well under one storage value) for any project. */
export const MAX_CONTEXT_PERSONAS = 1000;
/** Vocabulary kept: the most used words (about 30 KB at most). */
export const MAX_CONTEXT_WORDS = 3000;
/** A "persona" longer than this is a sentence caught as a role, not a name a benefit repeats. */
export const MAX_PERSONA_LENGTH = 80;
/** Goal words one story contributes (its first, where the object is). */
const MAX_STORY_WORDS = 24;

/** A builder role is a real user here when at most this share of its stories looks like team work. */
const USER_ROLE_MAX_TECHNICAL_SHARE = 0.34;
const USER_ROLE_MIN_STORIES = 3;
/** Builder-role stories make up this share of the stories with a role: the product serves builders. */
const BUILDER_PRODUCT_ROLE_SHARE = 0.4;
const BUILDER_PRODUCT_MIN_ROLES = 5;
/** In a backlog of bare titles, this share of titles names developer-product things (API, SDK, plugin …). */
const BUILDER_PRODUCT_TERM_SHARE = 0.17;
/** A word is the users' own when the goals of at least this many user stories use it … */
const USER_VOCABULARY_MIN_STORIES = 2;
/** … and part of the product's core when this share of them does. */
const USER_CORE_VOCABULARY_MIN_SHARE = 0.08;

/** Evidence about what is wanted (not about who asks). */
const CONTENT_SIGNALS: ReadonlySet<WorkSignalKind> = new Set(['implementation-act', 'implementation-artefact', 'benefit-about-code', 'spike-marker', 'investigation', 'team-activity', 'learning']);

/** Whose voice a story's goal is in: a user's, a builder's (developer, engineer), or the team's. */
export type Voice = 'user' | 'builder' | 'team';

/** What the builder needs of one story: small, so a scan can keep it in its per-story record. */
export interface ContextFeatures {
  /** The role of the story sentence (as written), or null when the story has no story sentence. */
  role: string | null;
  /** For a builder-looking role: does the story look like team work? null: no evidence, or not a builder role. */
  teamWork: boolean | null;
  /** Whose voice (null: no role). */
  voice?: Voice | null;
  /** A developer who builds with the product ("app developer", "plugin author"). */
  externalBuilder?: boolean;
  /** The goal (or the title) names developer-product things: API, SDK, CLI, plugin … */
  developerTerms?: boolean;
  /** Content words of the goal, unique, at most MAX_STORY_WORDS. */
  words?: string[];
}

/**
 * Team work by what is wanted, judged without any project context: construction, team work or a
 * question. "I want to present my app": the role owns things in the product, so it uses it. `null`
 * when the story gives no evidence either way.
 */
function looksLikeTeamWork(p: Prepared, lex: Lexicons): boolean | null {
  const work = assessWork(p.story.summary, p.template, p.facts, lex);
  if (work.signals.some((s) => CONTENT_SIGNALS.has(s.kind))) return true;
  if (p.facts.goalTokens.words.includes('my')) return false;
  if (!p.template.benefit) return null;
  const subject = p.facts.benefitSubject;
  return subject === null || !lex.pronouns.has(subject.split(' ')[0]!);
}

export function contextFeatures(p: Prepared, lex: Lexicons): ContextFeatures {
  const role = personaRole(p.template);
  const persona = role ? normalizePersona(role) : '';
  const builderLooking = persona !== '' && (lex.builderRoles.has(persona) || lex.teamRoles.has(persona));
  const voice: Voice | null = !persona ? null : lex.teamRoles.has(persona) ? 'team' : isDeveloperRole(persona, lex) ? 'builder' : 'user';
  const goal = p.template.goal ? p.facts.goalTokens : tokenize(p.story.summary);
  const words = [...new Set(p.facts.goalTokens.words.filter((w) => w.length > 1 && !lex.stopwords.has(w)))].slice(0, MAX_STORY_WORDS);
  return {
    role,
    teamWork: builderLooking ? looksLikeTeamWork(p, lex) : null,
    voice,
    externalBuilder: persona !== '' && isExternalBuilder(persona, lex),
    developerTerms: lex.developerProductTerms.find(goal).length > 0,
    words,
  };
}

export interface ProjectContextBuilder {
  add(features: ContextFeatures): void;
  finish(): ProjectContext;
}

function topWords(counts: ReadonlyMap<string, number>, min: number): string[] {
  return [...counts]
    .filter(([, n]) => n >= min)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_CONTEXT_WORDS)
    .map(([w]) => w)
    .sort();
}

export function projectContextBuilder(lex: Lexicons): ProjectContextBuilder {
  const personaCounts = new Map<string, number>();
  const byRole = new Map<string, { n: number; technical: number }>();
  const userWords = new Map<string, number>();
  const builderWords = new Map<string, number>();
  /** Per builder-looking role, its words: counted as the users' once the role proves to be a user. */
  const roleWords = new Map<string, Map<string, number>>();
  let stories = 0;
  let withRole = 0;
  let builders = 0;
  let external = 0;
  let developerTerms = 0;
  let userVoiced = 0;
  let builderVoiced = 0;
  const count = (into: Map<string, number>, words: readonly string[]) => {
    for (const w of words) into.set(w, (into.get(w) ?? 0) + 1);
  };
  return {
    add({ role, teamWork, voice = null, externalBuilder = false, developerTerms: dev = false, words = [] }) {
      stories++;
      if (dev) developerTerms++;
      const persona = role ? normalizePersona(role) : '';
      if (!persona) return;
      withRole++;
      personaCounts.set(persona, (personaCounts.get(persona) ?? 0) + 1);
      if (voice === 'builder') builders++;
      if (externalBuilder) external++;
      if (voice === 'user' || externalBuilder) {
        userVoiced++;
        count(userWords, words);
      } else if (voice === 'builder') {
        builderVoiced++;
        count(builderWords, words);
        const own = roleWords.get(persona) ?? new Map<string, number>();
        count(own, words);
        roleWords.set(persona, own);
      }
      if (teamWork === null || !(lex.builderRoles.has(persona) || lex.teamRoles.has(persona))) return;
      const entry = byRole.get(persona) ?? { n: 0, technical: 0 };
      entry.n++;
      if (teamWork) entry.technical++;
      byRole.set(persona, entry);
    },
    finish() {
      const userRoles = [...byRole]
        .filter(([, { n, technical }]) => n >= USER_ROLE_MIN_STORIES && technical / n <= USER_ROLE_MAX_TECHNICAL_SHARE)
        .map(([role]) => role)
        .sort();
      const personaNames = [...personaCounts]
        .filter(([name]) => name.length <= MAX_PERSONA_LENGTH)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .slice(0, MAX_CONTEXT_PERSONAS)
        .map(([name]) => name);
      // The product serves builders when they are a large share of the stories with a role, when
      // developers build apps or plugins with it, or — in a backlog of bare titles — when many titles
      // speak of APIs, SDKs, plugins, commands, modules. (A builder role that proves to be a user makes
      // that role a user, not the whole product one for builders: a food app with a partner API still
      // has its database work.)
      const titles = stories - withRole;
      const builderProduct =
        (withRole >= BUILDER_PRODUCT_MIN_ROLES && builders / withRole >= BUILDER_PRODUCT_ROLE_SHARE) ||
        external >= 2 ||
        (titles >= BUILDER_PRODUCT_MIN_ROLES * 2 && titles / stories >= 0.7 && developerTerms / stories >= BUILDER_PRODUCT_TERM_SHARE);
      // The users' words: users', plus builders' where the product serves them or the role proved a user.
      const words = new Map(userWords);
      let voiced = userVoiced;
      if (builderProduct) {
        for (const [w, n] of builderWords) words.set(w, (words.get(w) ?? 0) + n);
        voiced += builderVoiced;
      } else {
        for (const role of userRoles) for (const [w, n] of roleWords.get(role) ?? []) words.set(w, (words.get(w) ?? 0) + n);
      }
      const core = Math.max(USER_VOCABULARY_MIN_STORIES, Math.ceil(USER_CORE_VOCABULARY_MIN_SHARE * voiced));
      return {
        userRoles,
        personaNames,
        userVocabulary: topWords(words, USER_VOCABULARY_MIN_STORIES),
        userCoreVocabulary: topWords(words, core),
        traits: builderProduct ? ['builder-product'] : [],
      };
    },
  };
}

/** The context of a set of prepared stories (the CLI's input, a test's backlog). */
export function buildProjectContext(prepared: Iterable<Prepared>, lex: Lexicons): ProjectContext {
  const builder = projectContextBuilder(lex);
  for (const p of prepared) builder.add(contextFeatures(p, lex));
  return builder.finish();
}

function isStringList(value: unknown, max: number): value is string[] {
  return Array.isArray(value) && value.length <= max && value.every((v) => typeof v === 'string');
}

/** A stored context, checked; null when it is not one (a damaged value). Fields an older version did not store read as empty. */
export function parseProjectContext(value: unknown): ProjectContext | null {
  if (typeof value !== 'object' || value === null) return null;
  const { userRoles, personaNames, userVocabulary = [], userCoreVocabulary = [], traits = [] } = value as Record<string, unknown>;
  if (!isStringList(userRoles, MAX_CONTEXT_PERSONAS) || !isStringList(personaNames, MAX_CONTEXT_PERSONAS)) return null;
  if (!isStringList(userVocabulary, MAX_CONTEXT_WORDS) || !isStringList(userCoreVocabulary, MAX_CONTEXT_WORDS) || !isStringList(traits, 10)) return null;
  return {
    userRoles: [...userRoles],
    personaNames: [...personaNames],
    userVocabulary: [...userVocabulary],
    userCoreVocabulary: [...userCoreVocabulary],
    traits: traits.filter((t): t is ProductTrait => (PRODUCT_TRAITS as readonly string[]).includes(t)),
  };
}
