/**
 * The project context: what one story's analysis may know about the rest of its project. A story's
 * score is a function of the story, the project's settings and this context, never of which
 * neighbours a surface happened to load. It is plain JSON (stored per project by the backlog scan,
 * read by the save trigger and the panel) and is built by ONE builder from the project's stories,
 * a chunk at a time: `add()` per story, `finish()` once.
 *
 * Today it holds who the project serves: the personas its story sentences name, and the
 * builder-looking roles (developer, data engineer …) that its own stories show to be real users.
 * Enrich it here (one type, one builder) and read it through `contextReader` (context-reads.ts).
 */
import type { Lexicons } from '../lexicons';
import type { Prepared } from '../prepare';
import { normalizePersona, personaRole } from './personas';

export interface ProjectContext {
  /** Builder-looking roles whose stories in this project are mostly not implementation work, sorted. */
  userRoles: readonly string[];
  /** Normalized personas named by the project's story sentences, most frequent first (at most MAX_CONTEXT_PERSONAS). */
  personaNames: readonly string[];
}

/** The context of a project nobody has scanned yet: the settings alone decide. */
export const EMPTY_PROJECT_CONTEXT: ProjectContext = Object.freeze({ userRoles: Object.freeze([]), personaNames: Object.freeze([]) });

/** Personas kept: the most frequent, so the stored context stays small (well under one storage value) for any project. */
export const MAX_CONTEXT_PERSONAS = 1000;
/** A "persona" longer than this is a sentence caught as a role, not a name a benefit repeats. */
export const MAX_PERSONA_LENGTH = 80;

/** A builder role is a real user here when at most this share of its stories looks like team work. */
const USER_ROLE_MAX_TECHNICAL_SHARE = 0.34;
const USER_ROLE_MIN_STORIES = 3;

/** What the builder needs of one story: small, so a scan can keep it in its per-story record. */
export interface ContextFeatures {
  /** The role of the story sentence (as written), or null when the story has no story sentence. */
  role: string | null;
  /** For a builder-looking role: does the story look like team work? null: no evidence, or not a builder role. */
  teamWork: boolean | null;
}

/**
 * Team work by its look: implementation in the goal, or a benefit that someone or something else
 * gets. `null` when the story gives no evidence either way (no benefit, no implementation).
 */
function looksLikeTeamWork(p: Prepared, lex: Lexicons): boolean | null {
  const t = p.facts.goalTokens;
  if (lex.technicalVerbs.find(t).length > 0 || lex.technicalArtefacts.find(t).length > 0) return true;
  // "I want to present my app": the role owns things in the product, so it uses the product.
  if (t.words.includes('my')) return false;
  if (!p.template.benefit) return null;
  const subject = p.facts.benefitSubject;
  return subject === null || !lex.pronouns.has(subject.split(' ')[0]!);
}

export function contextFeatures(p: Prepared, lex: Lexicons): ContextFeatures {
  const role = personaRole(p.template);
  const builder = role !== null && lex.builderRoles.has(normalizePersona(role));
  return { role, teamWork: builder ? looksLikeTeamWork(p, lex) : null };
}

export interface ProjectContextBuilder {
  add(features: ContextFeatures): void;
  finish(): ProjectContext;
}

export function projectContextBuilder(lex: Lexicons): ProjectContextBuilder {
  const personaCounts = new Map<string, number>();
  const byRole = new Map<string, { n: number; technical: number }>();
  return {
    add({ role, teamWork }) {
      const persona = role ? normalizePersona(role) : '';
      if (!persona) return;
      personaCounts.set(persona, (personaCounts.get(persona) ?? 0) + 1);
      if (teamWork === null || !lex.builderRoles.has(persona)) return;
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
      return { userRoles, personaNames };
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

/** A stored context, checked; null when it is not one (an older shape, a damaged value). */
export function parseProjectContext(value: unknown): ProjectContext | null {
  if (typeof value !== 'object' || value === null) return null;
  const { userRoles, personaNames } = value as Record<string, unknown>;
  if (!isStringList(userRoles, MAX_CONTEXT_PERSONAS) || !isStringList(personaNames, MAX_CONTEXT_PERSONAS)) return null;
  return { userRoles: [...userRoles], personaNames: [...personaNames] };
}
