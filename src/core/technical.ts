/**
 * Is this story implementation work dressed as a story? The judgement behind `technical-story` and
 * the rewrite suggestions. Signals (each with evidence): a builder role (developer, team, DevOps,
 * the system) doing an implementation act or naming an artefact; a benefit that names someone else
 * ("so that users can …"); a benefit about the code itself; no role and an implementation verb in
 * the title. A developer is a real user when the project says so (settings.personas) or when the
 * project's own developer stories are mostly not implementation work (an SDK, a data tool).
 */
import type { Lexicons } from './lexicons';
import type { Facts } from './facts';
import type { Field, Range, TemplateParse } from './story';
import { tokenize } from './tokens';
import { normalizePersona } from './backlog/personas';

export type TechnicalSignalKind =
  | 'builder-role'
  | 'non-human-role'
  | 'implementation-act'
  | 'implementation-artefact'
  | 'benefit-for-others'
  | 'benefit-about-code'
  | 'technical-title';

export interface TechnicalSignal {
  kind: TechnicalSignalKind;
  text: string;
  field: Field;
  range: Range;
}

export interface TechnicalAssessment {
  technical: boolean;
  signals: TechnicalSignal[];
  /** The persona the benefit names ("users can view them" -> "user"), or null. */
  beneficiary: string | null;
  /** The work has no user face (load balancing, upgrades, CI): suggest an explicit enabler. */
  enablerTopic: string | null;
}

const NON_HUMAN = new Set(['system', 'application', 'app', 'server', 'backend', 'back end', 'platform', 'service', 'database', 'api']);
const SELF = new Set(['i', 'we', 'me', 'us', 'my', 'our']);

/** "so that there are no duplicates", "so that users can …": the benefit is not the role's own. */
function benefitNotOwn(facts: Facts): boolean {
  const first = facts.benefitTokens.words[0];
  return first !== undefined && !SELF.has(first);
}

/** A membership test: a set, or a reader of the project context that remembers what was asked. */
export interface Lookup {
  has(value: string): boolean;
}

export interface TechnicalOptions {
  /** Roles the project itself shows to be real users (the project context). */
  userRoles?: Lookup;
  /** Normalized personas the project's stories are written for (the project context). */
  personas?: Lookup;
}

export function assessTechnical(
  summary: string,
  template: TemplateParse,
  facts: Facts,
  lex: Lexicons,
  options: TechnicalOptions = {},
): TechnicalAssessment {
  const signals: TechnicalSignal[] = [];
  const field = template.field;
  const role = template.roleName ? normalizePersona(template.roleName) : null;
  const isUserRole = role !== null && (lex.personas.has(role) || (options.userRoles?.has(role) ?? false));
  const builder = role !== null && !isUserRole && lex.builderRoles.has(role);
  const nonHuman = role !== null && !isUserRole && NON_HUMAN.has(role);
  if (builder && template.role) {
    signals.push({ kind: nonHuman ? 'non-human-role' : 'builder-role', text: template.role.text, field, range: template.role.range });
  }

  const verbs = lex.technicalVerbs.find(facts.goalTokens);
  for (const m of verbs) signals.push({ kind: 'implementation-act', text: facts.fieldText.slice(m.start, m.end), field, range: [m.start, m.end] });
  const artefacts = lex.technicalArtefacts.find(facts.goalTokens);
  for (const m of artefacts) signals.push({ kind: 'implementation-artefact', text: facts.fieldText.slice(m.start, m.end), field, range: [m.start, m.end] });
  // The goal's first verb being an implementation verb ("implement", "refactor") is the strongest act.
  const leadingAct = verbs.some((m) => m.first === 0);

  let beneficiary: string | null = null;
  const subject = facts.benefitSubject;
  if (subject && !SELF.has(subject.split(' ')[0]!) && template.benefit) {
    const persona = normalizePersona(subject.replace(/^(?:other|all|the|our|their|my|any|more|new)\s+/i, ''));
    const known = lex.genericBeneficiaries.has(persona) || lex.personas.has(persona) || (options.personas?.has(persona) ?? false);
    if (known && persona !== role && !NON_HUMAN.has(persona)) {
      beneficiary = persona;
      const range: Range = [template.benefit.range[0], template.benefit.range[0] + subject.length];
      signals.push({ kind: 'benefit-for-others', text: facts.fieldText.slice(range[0], range[1]), field, range });
    }
  }
  for (const m of lex.codeBenefits.find(facts.benefitTokens)) {
    signals.push({ kind: 'benefit-about-code', text: facts.fieldText.slice(m.start, m.end), field, range: [m.start, m.end] });
  }

  const has = (k: TechnicalSignalKind) => signals.some((s) => s.kind === k);
  let technical = false;
  if (nonHuman) technical = true;
  else if (builder) {
    // A builder with no stated user value, or with implementation work, is doing team work.
    technical =
      !template.benefit ||
      has('implementation-act') ||
      has('implementation-artefact') ||
      has('benefit-for-others') ||
      has('benefit-about-code') ||
      benefitNotOwn(facts);
  } else if (role !== null) {
    // A real user asking for implementation work: "As a user, I want to migrate the database".
    technical = leadingAct && (has('implementation-artefact') || has('benefit-about-code'));
  } else if (template.form !== 'job-story') {
    // No role: an implementation verb leading the title ("Refactor the upload service").
    const title = tokenize(summary);
    const lead = lex.technicalVerbs.find(title, 0, Math.min(title.words.length, 3)).find((m) => m.first === 0);
    if (lead) {
      signals.push({ kind: 'technical-title', text: summary.slice(lead.start, lead.end), field: 'summary', range: [lead.start, lead.end] });
      technical = true;
    } else if (leadingAct) technical = true;
  }

  let enablerTopic: string | null = null;
  if (technical) {
    const topic = lex.enablerTopics.find(facts.goalTokens)[0] ?? lex.enablerTopics.find(tokenize(summary))[0];
    enablerTopic = topic ? topic.entry.replace(/\*$/, '') : null;
  }
  return { technical, signals: technical ? signals : [], beneficiary, enablerTopic };
}
