/**
 * What kind of work is this? Judges **what is wanted** — the goal's verb and object — and lets the
 * role only shift the judgement (JUDGEMENT.md, "Who benefits?"):
 * - spike: a question to answer (a spike marker; a strong investigation verb with a question; any
 *   investigation verb from a builder or team role);
 * - team work: the team is the beneficiary (meetings, planning, research with users, design
 *   explorations, learning, the team's own tools);
 * - technical work: a construction artefact or an operation on the system (schemas, endpoints,
 *   caches, pipelines, monitoring, tests, upgrades, connecting an outside service's API …), whoever
 *   asks for it, with or without a role;
 * - user story: everything else — a capability someone uses.
 * The product decides who is a user: in a backlog whose developers, data people or operators are
 * its users (the context's `userRoles`, settings' personas), their words are the domain, not
 * implementation. The same holds for team words a product's users use (a planning-poker app's
 * moderators do run planning sessions): the context's user vocabulary says so.
 */
import type { Lexicons } from './lexicons';
import type { Facts } from './facts';
import type { Field, Range, TemplateParse, WorkKind } from './story';
import { tokenize, type Tokens } from './tokens';
import type { PhraseMatch, PhraseMatcher } from './lexicons/matcher';
import { normalizePersona } from './backlog/personas';
import { codeWords } from './code-words';
import { emptyParse } from './template';

export type WorkSignalKind =
  | 'builder-role'
  | 'non-human-role'
  | 'team-role'
  | 'implementation-act'
  | 'implementation-artefact'
  | 'benefit-for-others'
  | 'benefit-about-code'
  | 'benefit-for-team'
  | 'technical-title'
  | 'spike-marker'
  | 'investigation'
  | 'team-activity'
  | 'learning'
  | 'described-as';

export interface WorkSignal {
  kind: WorkSignalKind;
  text: string;
  field: Field;
  range: Range;
}

export interface WorkAssessment {
  kind: WorkKind;
  /** `kind !== 'user'`: work that is not a user story. */
  technical: boolean;
  /** Evidence for the verdict, strongest first; empty for a user story. */
  signals: WorkSignal[];
  /** The persona the benefit names ("users can view them" -> "user"), or null. */
  beneficiary: string | null;
  /** The work has no user face (load balancing, upgrades, CI): suggest an explicit enabler. */
  enablerTopic: string | null;
}

/** @deprecated name kept for the rules' context type; the assessment covers every kind of work. */
export type TechnicalAssessment = WorkAssessment;

/** A membership test: a set, or a reader of the project context that remembers what was asked. */
export interface Lookup {
  has(value: string): boolean;
}

/** What the project context tells the judgement (see backlog/project-context.ts). */
export interface WorkContext {
  /** Builder-looking roles the project shows to be real users (a product for developers). */
  userRoles?: Lookup;
  /** Normalized personas the project's stories are written for. */
  personas?: Lookup;
  /** Words the project's users use in their goals: their domain, even when they sound technical. */
  userVocabulary?: Lookup;
  /** Words a good share of the users' stories use: team words there are the product's (planning sessions in a planning-poker app). */
  userCoreVocabulary?: Lookup;
  /**
   * The product serves builders: their roles are users and their artefacts the domain. A function is
   * asked only when the story's judgement needs it (so a story that names no builder role and no
   * construction does not depend on it).
   */
  builderProduct?: boolean | (() => boolean);
  /** The Jira project key of the story, if any: "As a Fabric developer" in FAB is the team. */
  projectKey?: string | null;
}

/** Head nouns of roles that build software. */
const DEVELOPER_HEADS = new Set(['developer', 'developers', 'engineer', 'engineers', 'programmer', 'programmers', 'coder', 'coders', 'author', 'authors']);

/**
 * "app developer", "plugin author", "third-party developer": someone who builds something WITH the
 * product, so the product serves them. ("backend developer" builds the product itself.)
 */
export function isExternalBuilder(role: string, lex: Lexicons): boolean {
  const words = role.split(' ');
  if (words.length < 2 || !DEVELOPER_HEADS.has(words[words.length - 1]!)) return false;
  const qualifier = words.slice(0, -1).join(' ');
  return lex.externalBuilderQualifiers.has(qualifier) || lex.externalBuilderQualifiers.has(words[words.length - 2]!);
}

/** Qualifiers that name the product's own builders ("core developer", "internal engineer"). */
const OWN_BUILDER_QUALIFIERS = new Set(['core', 'internal', 'in-house', 'our']);

/**
 * "As a Fabric developer" in project FAB, "a core developer": a developer named after the product
 * (Jira keys abbreviate product names) or its core builds the product — the team, not a user.
 */
export function isOwnBuilder(role: string, projectKey: string | null): boolean {
  const words = role.split(' ');
  if (words.length < 2 || !DEVELOPER_HEADS.has(words[words.length - 1]!)) return false;
  const qualifier = words[words.length - 2]!;
  if (OWN_BUILDER_QUALIFIERS.has(qualifier)) return true;
  return projectKey !== null && projectKey.length >= 2 && qualifier.startsWith(projectKey.toLowerCase());
}

/** The project key of a Jira issue key ("FAB-788" -> "FAB"), or null. */
export function projectKeyOf(key: string | undefined): string | null {
  return key ? (/^([A-Za-z][A-Za-z0-9_]+)-\d+(?:#\d+)?$/.exec(key)?.[1] ?? null) : null;
}

/** Is this role one that builds software (any developer, engineer …), whoever they build for? */
export function isDeveloperRole(role: string, lex: Lexicons): boolean {
  return (lex.builderRoles.has(role) && !lex.teamRoles.has(role)) || DEVELOPER_HEADS.has(role.split(' ').pop()!);
}

const NON_HUMAN = new Set(['system', 'application', 'app', 'server', 'backend', 'back end', 'platform', 'service', 'database', 'api']);
const SELF = new Set(['i', 'we', 'me', 'us', 'my', 'our']);

interface Goal {
  tokens: Tokens;
  /** Text the token offsets point into. */
  text: string;
  field: Field;
  /** The goal came from the summary as a title (no story sentence). */
  isTitle: boolean;
}

function goalOf(summary: string, summaryTokens: Tokens, template: TemplateParse, facts: Facts): Goal {
  if (template.goal) return { tokens: facts.goalTokens, text: facts.fieldText, field: template.field, isTitle: false };
  return { tokens: summaryTokens, text: summary, field: 'summary', isTitle: true };
}

/** Words before a goal's first content word ("to be able to", "have the ability to", "a way to"). */
const LEAD_SKIP = new Set(['to', 'be', 'able', 'have', 'the', 'a', 'an', 'ability', 'option', 'way', 'possibility', 'please', 'also', 'just', 'easily', 'quickly']);

/** "16" after "React": a bare major version. */
const MAJOR_VERSION = /^\d+$/;

/** The first content token of the goal: skips "to", "be able to", "have the ability to", "a way to". */
function leadIndex(t: Tokens): number {
  const w = t.words;
  let i = 0;
  while (i < w.length && i < 6 && LEAD_SKIP.has(w[i]!)) i++;
  return i < w.length ? i : 0;
}

function signal(kind: WorkSignalKind, m: PhraseMatch, goal: Goal): WorkSignal {
  return { kind, text: goal.text.slice(m.start, m.end), field: goal.field, range: [m.start, m.end] };
}

/** Words of a match that the backlog's own users use in their goals (their domain). */
function inUserVocabulary(m: PhraseMatch, goal: Goal, vocabulary: Lookup | undefined): boolean {
  if (!vocabulary) return false;
  for (let i = m.first; i <= m.last; i++) if (!vocabulary.has(goal.tokens.words[i]!)) return false;
  return true;
}

/** How much of the description's opening is read for what it says the item is. */
const DESCRIPTION_OPENING = 240;

/** A summary read as a bare title: no story sentence, no benefit. */
const TITLE_ONLY: TemplateParse = Object.freeze(emptyParse('summary'));
const NO_TOKENS: Tokens = Object.freeze({ words: [], starts: [], ends: [] });

function titleFacts(summary: string): Facts {
  return { fieldText: summary, goalTokens: NO_TOKENS, benefitTokens: NO_TOKENS, actions: [], sequential: false, benefitSubject: null, domainWords: [] };
}

/** Signals that say what a title's item is from its first words: "Spike: …", "Investigate …", "Upgrade …". */
const TITLE_LEADS: ReadonlySet<WorkSignalKind> = new Set(['spike-marker', 'investigation', 'technical-title']);

export function assessWork(summary: string, template: TemplateParse, facts: Facts, lex: Lexicons, context: WorkContext = {}, description = ''): WorkAssessment {
  // The story sentence sits in the description ("We'd like to provide …"): the summary still names
  // the item, and a title that says "Investigate …" or "Upgrade …" says what the work is.
  if (template.field === 'description' && summary.trim()) {
    // Only what leads the title counts here: mentions of artefacts in a title say less than the sentence.
    const title = judgeWork(summary, TITLE_ONLY, titleFacts(summary), lex, context, '');
    if (title.kind !== 'user' && TITLE_LEADS.has(title.signals[0]?.kind ?? 'builder-role')) return title;
  }
  return judgeWork(summary, template, facts, lex, context, description);
}

/** "12-19-2017", "2019-03-01", "2019": a date or a year, which makes data a batch. */
const DATE_OR_YEAR = /^(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|(?:19|20)\d\d)$/;

/**
 * "the historical data loaded for go-live", "the 2019 records processed before the audit": a one-off
 * load or run over old data, asked for as a finished state (the participle ends the goal or leads a
 * purpose or place). "old messages loaded when I scroll" is behaviour, not a batch.
 */
function dataBatch(t: Tokens, lead: number, lex: Lexicons): PhraseMatch | undefined {
  const w = t.words;
  for (let i = lead + 1; i < w.length; i++) {
    if (!lex.dataBatchParticiples.has(w[i]!)) continue;
    if (i + 1 < w.length && !lex.dataBatchFollowers.has(w[i + 1]!)) continue;
    for (let j = lead; j < i; j++) {
      if (lex.dataBatchMarkers.has(w[j]!) || DATE_OR_YEAR.test(w[j]!)) return { entry: w[i]!, first: j, last: i, start: t.starts[j]!, end: t.ends[i]! };
    }
  }
  return undefined;
}

/** Words that may stand between a verb and the people it acts on ("prevent the users from"). */
const PEOPLE_DETERMINERS = new Set(['the', 'our', 'all', 'other', 'any', 'their', 'my']);

/**
 * "prevent users from double publishing", "stop clerks from enrolling twice", "let guests …": the goal
 * acts on the product's people, so what it asks for is behaviour they see, whoever voices it.
 */
function actsOnPeople(t: Tokens, lead: number, role: string | null, lex: Lexicons, context: WorkContext): boolean {
  const w = t.words;
  if (!lex.userFacingVerbs.has(w[lead] ?? '')) return false;
  let j = lead + 1;
  if (PEOPLE_DETERMINERS.has(w[j] ?? '')) j++;
  const noun = w[j];
  if (!noun || lex.pronouns.has(noun) || lex.technicalWords.has(noun) || NON_HUMAN.has(noun)) return false;
  const persona = normalizePersona(noun);
  if (persona === role) return false;
  if (lex.genericBeneficiaries.has(persona) || lex.personas.has(persona) || (context.personas?.has(persona) ?? false)) return true;
  // An unknown plural kept from doing something ("stop clerks from enrolling twice"): people by the shape.
  // (Things are rarely "prevented from"; "allow X to" is left to the known personas.)
  return noun.endsWith('s') && w[j + 1] === 'from' && (w[j + 2] ?? '').endsWith('ing');
}

/** "a custom importer", "my own theme": a builder making something WITH the product (an extension point). */
const CUSTOM_WORDS = new Set(['custom', 'own']);

function judgeWork(summary: string, template: TemplateParse, facts: Facts, lex: Lexicons, context: WorkContext, description: string): WorkAssessment {
  const titleTokens = tokenize(summary);
  const goal = goalOf(summary, titleTokens, template, facts);
  const t = goal.tokens;
  const field = template.field;
  const role = template.roleName ? normalizePersona(template.roleName) : null;
  let builderProductAnswer: boolean | undefined;
  const isBuilderProduct = () => (builderProductAnswer ??= typeof context.builderProduct === 'function' ? context.builderProduct() : (context.builderProduct ?? false));
  // The product's maintainers and contributors build it, even when its users are developers too.
  const ownBuilder = role !== null && (isOwnBuilder(role, context.projectKey ?? null) || lex.ownBuilderRoles.has(role));
  const isUserRole =
    role !== null &&
    !ownBuilder &&
    (lex.personas.has(role) || (context.userRoles?.has(role) ?? false) || isExternalBuilder(role, lex) || (lex.builderRoles.has(role) && !lex.teamRoles.has(role) && !NON_HUMAN.has(role) && isBuilderProduct()));
  const teamRole = role !== null && !isUserRole && lex.teamRoles.has(role);
  const builder = role !== null && !isUserRole && (lex.builderRoles.has(role) || teamRole || ownBuilder);
  const nonHuman = role !== null && !isUserRole && NON_HUMAN.has(role);
  /** A real user of this product asks: their technologies and team words are the product's domain. */
  const domainUser = role !== null && !builder && !nonHuman;
  const vocabulary = context.userVocabulary;
  const lead = leadIndex(t);
  const leadWindow = Math.min(t.words.length, lead + 2);

  const roleSignal: WorkSignal[] = [];
  if (builder && template.role) roleSignal.push({ kind: nonHuman ? 'non-human-role' : teamRole ? 'team-role' : 'builder-role', text: template.role.text, field, range: template.role.range });

  // Spikes: a question to answer.
  const spike: WorkSignal[] = [];
  const inTitle = lex.spikeMarkers.find(titleTokens, 0, Math.min(titleTokens.words.length, 4))[0];
  const marker = inTitle ?? lex.spikeMarkers.find(t).find((m) => m.entry !== 'feasibility');
  if (marker) {
    spike.push(inTitle ? { kind: 'spike-marker', text: summary.slice(inTitle.start, inTitle.end), field: 'summary', range: [inTitle.start, inTitle.end] } : signal('spike-marker', marker, goal));
  }
  const strong = lex.spikeVerbs.find(t, lead, leadWindow)[0];
  const weak = lex.weakSpikeVerbs.find(t, lead, leadWindow)[0];
  const question = lex.spikeQuestions.find(t, (strong ?? weak)?.last ?? lead)[0];
  // "understand the memory behaviour of the tail command": a property of the system to learn.
  const propertyVerb = lex.propertySpikeVerbs.find(t, lead, leadWindow)[0];
  const property = propertyVerb ? lex.spikeProperties.find(t, propertyVerb.last + 1)[0] : undefined;
  if (strong && (question || builder || goal.isTitle)) spike.push(signal('investigation', strong, goal));
  else if (weak && question && (builder || goal.isTitle)) spike.push(signal('investigation', weak, goal));
  else if (propertyVerb && property && (builder || goal.isTitle)) spike.push(signal('investigation', propertyVerb, goal));

  // Team work: the team is the beneficiary.
  const team: WorkSignal[] = [];
  // Team words a product's own people also use (staff training, a lesson) are evidence only from the
  // team or in a bare title.
  const ambiguousTeam = (m: PhraseMatch) => lex.ambiguousTeamObjects.has(m.entry);
  const activities = lex.teamObjects.find(t).filter((m) => !(domainUser && (inUserVocabulary(m, goal, context.userCoreVocabulary) || ambiguousTeam(m))));
  const teamVerb = lex.teamVerbs.find(t, lead, leadWindow)[0];
  if (activities.length && (teamVerb || builder || goal.isTitle || !domainUser)) for (const m of activities.slice(0, 2)) team.push(signal('team-activity', m, goal));
  const learning = lex.learnVerbs.find(t, lead, leadWindow)[0];
  if (learning && (builder || goal.isTitle)) team.push(signal('learning', learning, goal));
  const benefitTeam = template.benefit ? lex.teamBeneficiaries.find(facts.benefitTokens, 0, Math.min(facts.benefitTokens.words.length, 5))[0] : undefined;
  if (benefitTeam && benefitTeam.first === 0 && (team.length || (builder && !lex.teamStakeholders.has(benefitTeam.entry)))) {
    team.push({ kind: 'benefit-for-team', text: facts.fieldText.slice(benefitTeam.start, benefitTeam.end), field, range: [benefitTeam.start, benefitTeam.end] });
  }

  // Technical work: a construction artefact or an operation on the system.
  const technical: WorkSignal[] = [];
  // In a product that serves builders their artefacts are the domain: only changes to our own
  // construction (refactor, clean up, upgrade …) and the team's internal artefacts count.
  // "my project", "my site deployment": the user's own thing, which the product handles for them.
  const owned = (m: PhraseMatch) => {
    for (let i = Math.max(0, m.first - 2); i <= Math.min(t.words.length - 1, m.last + 4); i++) if (t.words[i] === 'my') return true;
    return false;
  };
  const domain = (m: PhraseMatch) => (domainUser && (owned(m) || inUserVocabulary(m, goal, vocabulary))) || (!domainUser && isBuilderProduct() && inUserVocabulary(m, goal, vocabulary));
  // A change to our own construction leads the goal: "Refactor …", "Decouple …", or a weaker verb
  // ("Move", "Replace", "Update") on a code artefact, a code identifier or a version number.
  const code = codeWords(goal.text, t);
  // "to React 16": a framework's bare major version is a version too.
  for (let i = 1; i < t.words.length; i++) if (MAJOR_VERSION.test(t.words[i]!) && lex.frameworks.has(t.words[i - 1]!)) code.versions.push(i);
  // Words with an ordinary sense (a class of pupils, a van driver, room availability) are evidence
  // from a user only next to construction that has none.
  const userVoice = role !== null && !builder && !nonHuman && !DEVELOPER_HEADS.has(role.split(' ').pop()!);
  const rawArtefacts = [...lex.technicalArtefacts.find(t), ...technologyArtefacts(t, lex)];
  const rawInternal = lex.internalArtefacts.find(t);
  const rawVerbs = lex.technicalVerbs.find(t);
  const rawOperations = lex.systemOperations.find(t);
  const rawHealth = lex.systemHealth.find(t);
  const plain = (m: PhraseMatch) => !lex.ambiguousTechnical.has(m.entry);
  const onlyAmbiguous =
    userVoice &&
    code.paths.length + code.identifiers.length + code.versions.length === 0 &&
    ![rawArtefacts, rawInternal, rawVerbs, rawOperations, rawHealth].some((list) => list.some(plain)) &&
    !lex.constructionVerbs.find(t, lead, leadWindow).length;
  const sense = (list: readonly PhraseMatch[]) => (onlyAmbiguous ? list.filter(plain) : list);
  const anyArtefacts = sense(rawArtefacts).filter((m) => !domain(m));
  const internalArtefacts = sense(rawInternal).filter((m) => !domain(m));
  // In a product for builders, identifiers are its API: only the team's internal artefacts count.
  // "our docs site", "our build": the team's own things.
  const teamOwned = t.words.includes('our') && (goal.isTitle || builder);
  const codeThing =
    anyArtefacts.length > 0 || internalArtefacts.length > 0 || code.paths.length > 0 || teamOwned || (code.identifiers.length > 0 && !isBuilderProduct());
  const versionChange = code.versions.length > 0 ? lex.versionChangeVerbs.find(t, lead, leadWindow)[0] : undefined;
  const weakChange = codeThing || code.versions.length ? lex.weakInternalChangeVerbs.find(t, lead, leadWindow)[0] : undefined;
  // Verbs of change are never the users' domain: their objects decide (a version, a code artefact).
  // A user of a product for builders changing their own things ("upgrade the dataset my pipeline
  // uses") is using the product: only the strong verbs count there.
  const weakAct = versionChange ?? weakChange;
  const internalAct = [...lex.internalChangeVerbs.find(t, lead, leadWindow), ...(weakAct && !(domainUser && isBuilderProduct()) ? [weakAct] : [])];
  const identifierSignals: WorkSignal[] = (internalAct.length ? [...code.paths, ...(code.identifiers.length && !isBuilderProduct() ? code.identifiers : []), ...code.versions] : []).map((i) => ({
    kind: 'implementation-artefact',
    text: goal.text.slice(t.starts[i]!, t.ends[i]!),
    field: goal.field,
    range: [t.starts[i]!, t.ends[i]!] as Range,
  }));
  // Outside products for builders: an operation on the running system (deploy, encrypt, replicate …),
  // its health (error rate, uptime, logging …), or a layer of it ("backend changes for …"), wherever in the goal.
  const batch = dataBatch(t, lead, lex);
  const operationWords = [...sense(rawOperations), ...(batch && !owned(batch) ? [batch] : [])];
  const healthWords = sense(rawHealth);
  // "backend changes for …", "the frontend part": a side of the system delivered on its own.
  const sideWords = lex.layerSides.find(t, lead, Math.min(t.words.length, lead + 4)).filter((m) => lex.layerHeads.has(t.words[m.last + 1] ?? ''));
  const layerWords = [...lex.layers.find(t, lead, Math.min(t.words.length, lead + 4)), ...sideWords];
  const technicalVerbs = sense(rawVerbs);
  // Who the product serves matters only when the goal names construction at all.
  const anyConstruction = operationWords.length + healthWords.length + layerWords.length + technicalVerbs.length + anyArtefacts.length + internalArtefacts.length + internalAct.length > 0;
  const builderProduct = anyConstruction && isBuilderProduct();
  // A layer of the system (backend, frontend, the data model) is domain only among the product's core
  // words: a few stories asking for "backend changes" do not make the backend its users' business.
  // Operations and health may be a product's features (replication in a preservation repository).
  const coreDomain = (m: PhraseMatch) => (domainUser && owned(m)) || inUserVocabulary(m, goal, context.userCoreVocabulary);
  const operations = builderProduct ? [] : operationWords.filter((m) => m === batch || !domain(m));
  const health = builderProduct ? [] : healthWords.filter((m) => !domain(m));
  const layer = builderProduct ? [] : layerWords.filter((m) => !coreDomain(m));
  const acts = builderProduct ? internalAct : [...technicalVerbs.filter((m) => !domain(m)), ...internalAct, ...operations];
  const artefacts = builderProduct ? [...internalArtefacts, ...(internalAct.length ? anyArtefacts : [])] : [...anyArtefacts, ...internalArtefacts, ...health, ...layer];
  const systemWork = operations.length > 0 || health.length > 0 || layer.length > 0;
  for (const m of acts) technical.push(signal('implementation-act', m, goal));
  for (const m of artefacts) technical.push(signal('implementation-artefact', m, goal));
  technical.push(...identifierSignals);
  const leadingAct = acts.some((m) => m.first >= lead && m.first < leadWindow);

  let beneficiary: string | null = null;
  const subject = facts.benefitSubject;
  const benefitSignals: WorkSignal[] = [];
  if (subject && !SELF.has(subject.split(' ')[0]!) && template.benefit) {
    const persona = normalizePersona(subject.replace(/^(?:other|all|the|our|their|my|any|more|new)\s+/i, ''));
    const known = lex.genericBeneficiaries.has(persona) || lex.personas.has(persona) || (context.personas?.has(persona) ?? false);
    if (known && persona !== role && !NON_HUMAN.has(persona)) {
      beneficiary = persona;
      const range: Range = [template.benefit.range[0], template.benefit.range[0] + subject.length];
      benefitSignals.push({ kind: 'benefit-for-others', text: facts.fieldText.slice(range[0], range[1]), field, range });
    }
  }
  for (const m of lex.codeBenefits.find(facts.benefitTokens)) {
    benefitSignals.push({ kind: 'benefit-about-code', text: facts.fieldText.slice(m.start, m.end), field, range: [m.start, m.end] });
  }
  const aboutCode = benefitSignals.some((s) => s.kind === 'benefit-about-code');

  // The description may say what the item is: "This is a refactoring task", "Spike: …".
  // Read only for work that would otherwise be a user story.
  const opening = template.field !== 'description' ? description.slice(0, DESCRIPTION_OPENING) : '';
  const describedMarker = (markers: PhraseMatcher) => (opening ? markers.find(tokenize(opening))[0] : undefined);
  const described = (m: PhraseMatch): WorkSignal => ({ kind: 'described-as', text: opening.slice(m.start, m.end), field: 'description', range: [m.start, m.end] });

  let kind: WorkKind = 'user';
  let evidence: WorkSignal[] = [];
  // A team activity heads the goal ("Long-term planning for …", "a design direction"): the team's work,
  // even when it mentions the system or starts with an investigation verb.
  // A title's head noun ("Driver app release planning") names the thing too. Words a product's people
  // also use never outrank construction.
  const leadingActivity = (m: PhraseMatch) => !ambiguousTeam(m) && (m.first <= lead + 3 || (goal.isTitle && m.last === t.words.length - 1));
  const teamAtLead = team.some((s) => s.kind === 'team-activity') && activities.some(leadingActivity);
  const questionAsked = spike.some((s) => s.kind === 'spike-marker') || question !== undefined;
  // Learning how the team's own process works ("understand how work moves through a sprint") is team work.
  const learningTeamWays = team.some((s) => s.kind === 'learning') && activities.some((m) => !ambiguousTeam(m));
  const onlyTeamBenefit = team.length > 0 && team.every((s) => s.kind === 'benefit-for-team');
  if (spike.length && !(teamAtLead && !questionAsked) && !(learningTeamWays && !spike.some((s) => s.kind === 'spike-marker'))) {
    kind = 'spike';
    evidence = [...spike, ...roleSignal];
  } else if (team.length && (!technical.length || teamAtLead || (!onlyTeamBenefit && team.some((s) => s.kind === 'learning')))) {
    kind = 'team';
    evidence = [...team, ...roleSignal];
  } else if (nonHuman) {
    kind = 'technical';
    evidence = [...roleSignal, ...technical, ...benefitSignals];
  } else if (builder && t.words.includes('my') && !internalAct.length && !artefacts.length && !acts.length && !spike.length && !team.length) {
    // "As a developer, I want to pin the versions my project depends on": their own project, the product's use.
  } else if (builder && !technical.length && !team.length && actsOnPeople(t, lead, role, lex, context)) {
    // "As a developer, I want to prevent users from double publishing": behaviour the users see.
  } else if (builder && !teamRole && !artefacts.length && !internalAct.length && !identifierSignals.length && t.words.slice(lead, lead + 4).some((w) => CUSTOM_WORDS.has(w))) {
    // "As a developer, I want to develop a custom importer": built with the product's extension points.
  } else if (builder) {
    // A builder with implementation work, someone else's benefit, a benefit about the code, or no
    // stated value of their own is doing work for the team. A team role (designer, team member)
    // is the team whatever it asks for itself.
    const own = !template.benefit ? false : !benefitSignals.length && SELF.has(facts.benefitTokens.words[0] ?? '');
    if (technical.length || benefitSignals.length || !own || teamRole) {
      // A team role ("team member", "scrum master") asking for anything but construction: team work.
      kind = (team.length && !(onlyTeamBenefit && technical.length)) || (teamRole && !technical.length) ? 'team' : 'technical';
      evidence = [...(team.length ? team : []), ...roleSignal, ...technical, ...benefitSignals];
    }
  } else if (role !== null) {
    // A real user asking for implementation: "As a PO, I want a nightly export job", "… the database migrated".
    const artefactObject = artefacts.length > 0;
    const constructionVerb = !isUserRole ? lex.constructionVerbs.find(t, lead, leadWindow)[0] : undefined;
    const construction = constructionVerb && !isBuilderProduct() ? constructionVerb : undefined;
    if (construction) technical.unshift(signal('implementation-act', construction, goal));
    if (construction || systemWork || internalAct.length || (leadingAct && (artefactObject || aboutCode)) || (artefactObject && aboutCode) || (artefactObject && artefacts.some((m) => m.first >= lead && m.first <= lead + 3) && !isUserRole)) {
      kind = 'technical';
      evidence = [...technical, ...benefitSignals];
    } else if (team.length) {
      kind = 'team';
      evidence = team;
    }
  } else if (template.form !== 'job-story') {
    // No role: a title or an "I want" sentence. An implementation verb leads, or an artefact is the object.
    // The act leads when it starts there; a phrase may run on past the window ("Integrate the SMS provider").
    const leadTechnical = rawVerbs.find((m) => m.first >= lead && m.first < leadWindow);
    const leadAct = internalAct[0] ?? (leadTechnical && !isBuilderProduct() ? leadTechnical : undefined);
    if (leadAct) {
      kind = 'technical';
      evidence = [{ kind: 'technical-title', text: goal.text.slice(leadAct.start, leadAct.end), field: goal.field, range: [leadAct.start, leadAct.end] }, ...technical.filter((s) => s.range[0] !== leadAct.start)];
    } else if (artefacts.length && goal.isTitle && (!builderProduct || internalArtefacts.length)) {
      kind = 'technical';
      evidence = technical;
    } else if (team.length) {
      kind = 'team';
      evidence = team;
    }
  }

  const describedSpike = kind === 'user' ? describedMarker(lex.descriptionSpikeMarkers) : undefined;
  const describedTechnical = kind === 'user' && !describedSpike ? describedMarker(lex.descriptionTechnicalMarkers) : undefined;
  if (describedSpike) {
    kind = 'spike';
    evidence = [described(describedSpike)];
  } else if (describedTechnical) {
    kind = 'technical';
    evidence = [described(describedTechnical)];
  }

  let enablerTopic: string | null = null;
  if (kind === 'technical') {
    const topic = lex.enablerTopics.find(t)[0] ?? lex.enablerTopics.find(titleTokens)[0];
    enablerTopic = topic ? topic.entry.replace(/\*$/, '') : null;
  }
  return { kind, technical: kind !== 'user', signals: kind === 'user' ? [] : dedupe(evidence), beneficiary, enablerTopic };
}

function dedupe(signals: WorkSignal[]): WorkSignal[] {
  const seen = new Set<string>();
  return signals.filter((s) => {
    const k = `${s.kind}@${s.range[0]}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** "a PostgreSQL table", "the Kafka topic": a named technology followed by a construction noun is an artefact of the system. */
function technologyArtefacts(t: Tokens, lex: Lexicons): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  // Most goals name no construction noun at all: only then is the technology lexicon read.
  if (!t.words.some((w) => lex.technologyHeads.has(w))) return out;
  for (const m of lex.implementation.find(t)) {
    const next = m.last + 1;
    if (lex.implementation.groupOf(m.entry) !== 'technology' || !lex.technologyHeads.has(t.words[next] ?? '')) continue;
    out.push({ entry: `${m.entry} ${t.words[next]}`, first: m.first, last: next, start: m.start, end: t.ends[next]! });
  }
  return out;
}
