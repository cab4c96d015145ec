/** Word lists as data (STYLE.md §6), compiled once into matchers; project settings extend them. */
import vague from './vague-terms.json';
import builders from './builder-roles.json';
import technical from './technical-terms.json';
import workKinds from './work-kinds.json';
import implementation from './implementation-terms.json';
import layers from './layers.json';
import verbs from './verbs.json';
import personaTerms from './persona-terms.json';
import benefitTerms from './benefit-terms.json';
import dependencyTerms from './dependency-terms.json';
import stopwords from './stopwords.json';
import clauses from './clauses.json';
import purposeTerms from './purpose-terms.json';
import type { Settings } from '../config';
import { compileGroups, compilePhrases, type GroupedMatcher, type PhraseMatcher } from './matcher';
import { normalizePersona } from '../backlog/personas';

/** Groups of vague-terms.json (settings' vague terms join `terms`). */
export type VagueGroup = 'terms' | 'verbHomographs' | 'quantities' | 'pronouns' | 'openLists' | 'exceptions';
export type ImplementationGroup = 'technology' | 'properNames' | 'formats' | 'mechanisms' | 'layStorage' | 'widgets' | 'exceptions';
export type LayerGroup = 'phrases' | 'sides' | 'apis' | 'uiFor' | 'exceptions';

/** The words of dependency-terms.json, compiled. */
export interface DependencyLexicon {
  /** `wait`: "depends on", "blocked by" …; `need`: "requires", "needs" …; `time`: "once", "after", "until" …. */
  triggers: GroupedMatcher<'wait' | 'need' | 'time'>;
  /** Work another story or party does; the `exceptions` group holds phrases that only look like it ("task group"). */
  workNouns: GroupedMatcher<'work' | 'exceptions'>;
  /** Other parties a need may wait on ("from the platform team"). */
  parties: ReadonlySet<string>;
  eventNouns: ReadonlySet<string>;
  /** "its completion": the event belongs to the subject, a runtime thing. */
  ownerPronouns: ReadonlySet<string>;
  completion: PhraseMatcher;
  strongCompletion: PhraseMatcher;
  pastCauses: ReadonlySet<string>;
  /** "after DM-9 was implemented": the work happened already. */
  pastMarkers: ReadonlySet<string>;
  finishedWork: ReadonlySet<string>;
  /** "once this issue is fixed", "once it is implemented": the ticket itself. */
  selfSubjects: ReadonlySet<string>;
  /** "requires that", "needs to", "needs of": a requirement, an obligation or a noun, not a wait. */
  notWaitFollowers: ReadonlySet<string>;
  sequenceNouns: ReadonlySet<string>;
  conditions: PhraseMatcher;
}

export interface Lexicons {
  vague: GroupedMatcher<VagueGroup>;
  technicalVerbs: PhraseMatcher;
  technicalArtefacts: PhraseMatcher;
  /** Single words of the technical verb and artefact lists, for quick filtering. */
  technicalWords: ReadonlySet<string>;
  codeBenefits: PhraseMatcher;
  /** Changes to the product's own construction (refactor, clean up, upgrade …) and artefacts internal to the team (CI, flaky tests …). */
  internalChangeVerbs: PhraseMatcher;
  weakInternalChangeVerbs: PhraseMatcher;
  /** Verbs only the builders of a product use (implement, develop, code): a user asking for them asks for construction. */
  constructionVerbs: PhraseMatcher;
  /**
   * Operations on the running system (deploy, encrypt, replicate …), connecting an outside service
   * ("integrate the SMS provider"), and the system's health (error rate, uptime, logging …).
   */
  systemOperations: PhraseMatcher;
  systemHealth: PhraseMatcher;
  /** Operating the running system (backups, monitoring, certificates, scaling …): it serves no single user story. */
  operatingTerms: PhraseMatcher;
  /** Artefacts that make reading faster (a cache, an index, a CDN): they serve stories that read what they hold. */
  readPathArtefacts: PhraseMatcher;
  /** How the system handles data inside (retrieve, fetch, persist, cache …): no effect a person sees. */
  handlingVerbs: ReadonlySet<string>;
  /** Acts that change a thing (claim, edit, upload, pin …), as words: a story doing only these is not served by a read-path artefact. */
  writeActs: ReadonlySet<string>;
  versionChangeVerbs: PhraseMatcher;
  internalArtefacts: PhraseMatcher;
  /** Words that show a product serves builders (API, SDK, CLI, plugin, schema …). */
  developerProductTerms: PhraseMatcher;
  /** "app developer", "plugin developer": a developer who builds something with the product is its user. */
  externalBuilderQualifiers: ReadonlySet<string>;
  /** Spikes: markers ("Spike:", "POC"), investigation verbs (strong, weak) and the question words after them. */
  spikeMarkers: PhraseMatcher;
  spikeVerbs: PhraseMatcher;
  weakSpikeVerbs: PhraseMatcher;
  spikeQuestions: PhraseMatcher;
  /** "understand the memory behaviour of …": a property of the system to learn, after a learning verb. */
  spikeProperties: PhraseMatcher;
  propertySpikeVerbs: PhraseMatcher;
  /** Team work: the team's activities and artefacts, the verbs that do them, learning, team roles and beneficiaries. */
  teamObjects: PhraseMatcher;
  teamVerbs: PhraseMatcher;
  learnVerbs: PhraseMatcher;
  teamRoles: ReadonlySet<string>;
  teamBeneficiaries: PhraseMatcher;
  /** Beneficiaries the team reports to (stakeholders, management): team work only with a team activity. */
  teamStakeholders: ReadonlySet<string>;
  /** What a description's opening says the item is ("This is a refactoring task", "Spike: …"). */
  descriptionTechnicalMarkers: PhraseMatcher;
  descriptionSpikeMarkers: PhraseMatcher;
  /** Team words a product's own people also use (staff training, a lesson): evidence only from the team or a title. */
  ambiguousTeamObjects: ReadonlySet<string>;
  /** "prevent users from …", "let clerks …": a goal that acts on its users asks for behaviour they see. */
  userFacingVerbs: ReadonlySet<string>;
  /** Technical entries with an ordinary sense (a class of pupils, a van driver): alone, from a non-builder, no evidence. */
  ambiguousTechnical: ReadonlySet<string>;
  /** Frameworks and toolchains whose bare major version ("React 16") is a version number. */
  frameworks: ReadonlySet<string>;
  /** "a PostgreSQL table", "a Kafka topic": a technology followed by one of these is a construction artefact. */
  technologyHeads: ReadonlySet<string>;
  /** A one-off load of old data: participles, what marks the data as old, and the words that may follow the participle. */
  dataBatchParticiples: ReadonlySet<string>;
  dataBatchMarkers: ReadonlySet<string>;
  dataBatchFollowers: ReadonlySet<string>;
  enablerTopics: PhraseMatcher;
  implementation: GroupedMatcher<ImplementationGroup>;
  /** "a Python client": nouns after a technology that make it a deliverable for its users. */
  deliverables: ReadonlySet<string>;
  /** Verbs that exchange data in a format (import, export, download …). */
  exchangeVerbs: PhraseMatcher;
  /** Verbs that keep data somewhere (store, save, load …): "the database" with them is a storage choice. */
  persistenceVerbs: PhraseMatcher;
  /** Phrases that name one architectural layer wherever they stand (layers.json phrases, apis, uiFor), for the technical-story check. */
  layers: PhraseMatcher;
  /** layers.json by group, for horizontal-slice, which reads each group's words in context. */
  layerGroups: GroupedMatcher<LayerGroup>;
  /** Words after a layer word that make it the thing delivered ("backend changes"). */
  layerHeads: ReadonlySet<string>;
  /** layers.json sides (backend, frontend, server side …), for the technical-story check: a side before a layer head is a layer. */
  layerSides: PhraseMatcher;
  /** Our own screens an API may be built for ("API for UI"). */
  layerConsumers: PhraseMatcher;
  /** Verbs that build a layer standing alone ("Create offline mode back end"). */
  buildVerbs: PhraseMatcher;
  /** What a UI can be a separate layer over ("the UI for the TAP service"). */
  backendObjects: ReadonlySet<string>;
  /** "from the front end": the place a user acts from. */
  placeWords: ReadonlySet<string>;
  /** Open a purpose or reason clause inside a goal. */
  purposeMarkers: PhraseMatcher;
  /** How a description states what the work is for ("Needed for the appointment reminders"), for the story graph. */
  statedPurposeMarkers: PhraseMatcher;
  /** After an ambiguous word they make it a verb with an object. */
  determiners: ReadonlySet<string>;
  /** Words that open a clause inside a benefit (while, when, if …): no subject holds one. */
  subordinators: ReadonlySet<string>;
  /** "nobody", "nothing": a benefit's subject that names no one. */
  negativeSubjects: ReadonlySet<string>;
  /** Before an ambiguous word they make it a verb ("should clear"). */
  verbPreceders: ReadonlySet<string>;
  /** After "things", "everything" …: a clause or example bounds them. */
  boundingWords: ReadonlySet<string>;
  /** Before a widget or technology: the user wants to do without it. */
  avoidingWords: ReadonlySet<string>;
  /** "via", "using": the word after names the means a goal prescribes. */
  meansMarkers: ReadonlySet<string>;
  /** Introduce an example of something that exists. */
  exampleMarkers: PhraseMatcher;
  fixedPairs: PhraseMatcher;
  sequenceMarkers: PhraseMatcher;
  emptyBenefits: PhraseMatcher;
  dependency: DependencyLexicon;
  verbs: ReadonlySet<string>;
  crudVerbs: ReadonlySet<string>;
  epicVerbs: PhraseMatcher;
  /** Verbs whose object names the real action: "perform segmentation or localization". */
  lightVerbs: ReadonlySet<string>;
  /** Normalized builder role names. */
  builderRoles: ReadonlySet<string>;
  /** Roles that build the product itself (maintainers, contributors): never its users. */
  ownBuilderRoles: ReadonlySet<string>;
  /** Normalized personas the project declared as real users. */
  personas: ReadonlySet<string>;
  givenNames: ReadonlySet<string>;
  genericBeneficiaries: ReadonlySet<string>;
  stopwords: ReadonlySet<string>;
  verbFollowers: ReadonlySet<string>;
  ambiguousNouns: ReadonlySet<string>;
  pronouns: ReadonlySet<string>;
}

function build(settings: Settings | null): Lexicons {
  const extraVague = settings?.vagueTerms ?? [];
  const extraBuilders = settings?.builderRoles ?? [];
  const personas = (settings?.personas ?? []).map(normalizePersona);
  return {
    vague: compileGroups<VagueGroup>({
      exceptions: vague.exceptions,
      terms: [...vague.terms, ...extraVague],
      verbHomographs: vague.verbHomographs,
      quantities: vague.quantities,
      pronouns: vague.pronouns,
      openLists: vague.openLists,
    }),
    // Connecting an outside service is an act a title or a builder leads with, and an operation from anyone.
    technicalVerbs: compilePhrases([...technical.verbs, ...technical.serviceIntegrations]),
    technicalArtefacts: compilePhrases(technical.artefacts),
    technicalWords: new Set([...technical.verbs, ...technical.artefacts].filter((w) => !/[\s*]/.test(w))),
    codeBenefits: compilePhrases(technical.codeBenefits),
    internalChangeVerbs: compilePhrases(technical.internalChangeVerbs),
    weakInternalChangeVerbs: compilePhrases(technical.weakInternalChangeVerbs),
    constructionVerbs: compilePhrases(technical.constructionVerbs),
    systemOperations: compilePhrases([...technical.systemOperations, ...technical.serviceIntegrations]),
    systemHealth: compilePhrases(technical.systemHealth),
    operatingTerms: compilePhrases(technical.operatingTerms),
    readPathArtefacts: compilePhrases(technical.readPathArtefacts),
    handlingVerbs: new Set(technical.handlingVerbs),
    writeActs: new Set(technical.writeActs),
    versionChangeVerbs: compilePhrases(technical.versionChangeVerbs),
    internalArtefacts: compilePhrases(technical.internalArtefacts),
    developerProductTerms: compilePhrases(technical.developerProductTerms),
    externalBuilderQualifiers: new Set(technical.externalBuilderQualifiers),
    spikeMarkers: compilePhrases(workKinds.spikeMarkers),
    spikeVerbs: compilePhrases(workKinds.spikeVerbs),
    weakSpikeVerbs: compilePhrases(workKinds.weakSpikeVerbs),
    spikeQuestions: compilePhrases(workKinds.spikeQuestions),
    spikeProperties: compilePhrases(workKinds.spikeProperties),
    propertySpikeVerbs: compilePhrases(workKinds.propertySpikeVerbs),
    teamObjects: compilePhrases(workKinds.teamObjects),
    teamVerbs: compilePhrases(workKinds.teamVerbs),
    learnVerbs: compilePhrases(workKinds.learnVerbs),
    teamRoles: new Set(workKinds.teamRoles.map(normalizePersona)),
    teamBeneficiaries: compilePhrases(workKinds.teamBeneficiaries),
    teamStakeholders: new Set(workKinds.teamStakeholders),
    descriptionTechnicalMarkers: compilePhrases(workKinds.descriptionTechnicalMarkers),
    descriptionSpikeMarkers: compilePhrases(workKinds.descriptionSpikeMarkers),
    ambiguousTeamObjects: new Set(workKinds.ambiguousTeamObjects),
    userFacingVerbs: new Set(workKinds.userFacingVerbs),
    ambiguousTechnical: new Set(technical.ambiguous),
    frameworks: new Set(technical.frameworks),
    technologyHeads: new Set(technical.technologyHeads),
    dataBatchParticiples: new Set(technical.dataBatchParticiples),
    dataBatchMarkers: new Set(technical.dataBatchMarkers),
    dataBatchFollowers: new Set(technical.dataBatchFollowers),
    enablerTopics: compilePhrases(technical.enablerTopics),
    implementation: compileGroups<ImplementationGroup>({
      exceptions: implementation.exceptions,
      technology: implementation.technology,
      properNames: implementation.properNames,
      formats: implementation.formats,
      mechanisms: implementation.mechanisms,
      layStorage: implementation.layStorage,
      widgets: implementation.widgets,
    }),
    deliverables: new Set(implementation.deliverables),
    exchangeVerbs: compilePhrases(implementation.exchangeVerbs),
    persistenceVerbs: compilePhrases(implementation.persistenceVerbs),
    layers: compilePhrases([...layers.phrases, ...layers.apis, ...layers.uiFor]),
    layerGroups: compileGroups<LayerGroup>({ exceptions: layers.exceptions, phrases: layers.phrases, sides: layers.sides, apis: layers.apis, uiFor: layers.uiFor }),
    layerHeads: new Set(layers.layerHeads),
    layerSides: compilePhrases(layers.sides),
    layerConsumers: compilePhrases(layers.consumers),
    buildVerbs: compilePhrases(layers.buildVerbs),
    backendObjects: new Set(layers.backendObjects),
    placeWords: new Set(layers.placeWords),
    purposeMarkers: compilePhrases(clauses.purposeMarkers),
    statedPurposeMarkers: compilePhrases(purposeTerms.statedPurposeMarkers),
    determiners: new Set(clauses.determiners),
    subordinators: new Set(clauses.subordinators),
    negativeSubjects: new Set(clauses.negativeSubjects),
    verbPreceders: new Set(clauses.verbPreceders),
    boundingWords: new Set(clauses.boundingWords),
    avoidingWords: new Set(clauses.avoidingWords),
    meansMarkers: new Set(clauses.meansMarkers),
    exampleMarkers: compilePhrases(clauses.exampleMarkers),
    fixedPairs: compilePhrases(verbs.fixedPairs),
    sequenceMarkers: compilePhrases(verbs.sequenceMarkers),
    emptyBenefits: compilePhrases(benefitTerms.empty),
    dependency: {
      triggers: compileGroups({ wait: dependencyTerms.waitTriggers, need: dependencyTerms.needTriggers, time: dependencyTerms.timeTriggers }),
      workNouns: compileGroups({ exceptions: dependencyTerms.notWork, work: dependencyTerms.workNouns }),
      parties: new Set(dependencyTerms.parties),
      eventNouns: new Set(dependencyTerms.eventNouns),
      ownerPronouns: new Set(dependencyTerms.ownerPronouns),
      completion: compilePhrases(dependencyTerms.completion),
      strongCompletion: compilePhrases(dependencyTerms.strongCompletion),
      pastCauses: new Set(dependencyTerms.pastCauses),
      pastMarkers: new Set(dependencyTerms.pastMarkers),
      finishedWork: new Set(dependencyTerms.finishedWork),
      selfSubjects: new Set(dependencyTerms.selfSubjects),
      notWaitFollowers: new Set(dependencyTerms.notWaitFollowers),
      sequenceNouns: new Set(dependencyTerms.sequenceNouns),
      conditions: compilePhrases(dependencyTerms.conditions),
    },
    verbs: new Set(verbs.verbs),
    crudVerbs: new Set(verbs.crudVerbs),
    epicVerbs: compilePhrases(verbs.epicVerbs),
    lightVerbs: new Set(verbs.lightVerbs),
    builderRoles: new Set([...builders.roles, ...extraBuilders].map(normalizePersona)),
    ownBuilderRoles: new Set(builders.own.map(normalizePersona)),
    personas: new Set(personas),
    givenNames: new Set(personaTerms.givenNames),
    genericBeneficiaries: new Set(personaTerms.genericBeneficiaries.map(normalizePersona)),
    stopwords: new Set(stopwords.stopwords),
    verbFollowers: new Set(stopwords.verbFollowers),
    ambiguousNouns: new Set(stopwords.ambiguousNouns),
    pronouns: new Set(personaTerms.pronouns),
  };
}

const cache = new WeakMap<Settings, Lexicons>();
let defaults: Lexicons | null = null;

/** Lexicons for a project's settings, compiled once per settings object. */
export function lexiconsFor(settings: Settings | null): Lexicons {
  if (!settings || (!settings.vagueTerms.length && !settings.builderRoles.length && !settings.personas.length)) {
    defaults ??= build(null);
    return defaults;
  }
  let lex = cache.get(settings);
  if (!lex) {
    lex = build(settings);
    cache.set(settings, lex);
  }
  return lex;
}
