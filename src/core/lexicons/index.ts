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
import type { Settings } from '../config';
import { compilePhrases, type PhraseMatcher } from './matcher';
import { normalizePersona } from '../backlog/personas';

export interface Lexicons {
  vague: PhraseMatcher;
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
  /** Operations on the running system (deploy, encrypt, replicate …) and its health (error rate, uptime, logging …). */
  systemOperations: PhraseMatcher;
  systemHealth: PhraseMatcher;
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
  /** Team work: the team's activities and artefacts, the verbs that do them, learning, team roles and beneficiaries. */
  teamObjects: PhraseMatcher;
  teamVerbs: PhraseMatcher;
  learnVerbs: PhraseMatcher;
  teamRoles: ReadonlySet<string>;
  teamBeneficiaries: PhraseMatcher;
  /** What a description's opening says the item is ("This is a refactoring task", "Spike: …"). */
  descriptionTechnicalMarkers: PhraseMatcher;
  descriptionSpikeMarkers: PhraseMatcher;
  enablerTopics: PhraseMatcher;
  implementation: PhraseMatcher;
  layers: PhraseMatcher;
  fixedPairs: PhraseMatcher;
  sequenceMarkers: PhraseMatcher;
  emptyBenefits: PhraseMatcher;
  dependencyPhrases: PhraseMatcher;
  dependencyWork: PhraseMatcher;
  verbs: ReadonlySet<string>;
  crudVerbs: ReadonlySet<string>;
  epicVerbs: PhraseMatcher;
  /** Verbs whose object names the real action: "perform segmentation or localization". */
  lightVerbs: ReadonlySet<string>;
  /** Normalized builder role names. */
  builderRoles: ReadonlySet<string>;
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
    vague: compilePhrases([...vague.terms, ...extraVague]),
    technicalVerbs: compilePhrases(technical.verbs),
    technicalArtefacts: compilePhrases(technical.artefacts),
    technicalWords: new Set([...technical.verbs, ...technical.artefacts].filter((w) => !/[\s*]/.test(w))),
    codeBenefits: compilePhrases(technical.codeBenefits),
    internalChangeVerbs: compilePhrases(technical.internalChangeVerbs),
    weakInternalChangeVerbs: compilePhrases(technical.weakInternalChangeVerbs),
    constructionVerbs: compilePhrases(technical.constructionVerbs),
    systemOperations: compilePhrases(technical.systemOperations),
    systemHealth: compilePhrases(technical.systemHealth),
    versionChangeVerbs: compilePhrases(technical.versionChangeVerbs),
    internalArtefacts: compilePhrases(technical.internalArtefacts),
    developerProductTerms: compilePhrases(technical.developerProductTerms),
    externalBuilderQualifiers: new Set(technical.externalBuilderQualifiers),
    spikeMarkers: compilePhrases(workKinds.spikeMarkers),
    spikeVerbs: compilePhrases(workKinds.spikeVerbs),
    weakSpikeVerbs: compilePhrases(workKinds.weakSpikeVerbs),
    spikeQuestions: compilePhrases(workKinds.spikeQuestions),
    teamObjects: compilePhrases(workKinds.teamObjects),
    teamVerbs: compilePhrases(workKinds.teamVerbs),
    learnVerbs: compilePhrases(workKinds.learnVerbs),
    teamRoles: new Set(workKinds.teamRoles.map(normalizePersona)),
    teamBeneficiaries: compilePhrases(workKinds.teamBeneficiaries),
    descriptionTechnicalMarkers: compilePhrases(workKinds.descriptionTechnicalMarkers),
    descriptionSpikeMarkers: compilePhrases(workKinds.descriptionSpikeMarkers),
    enablerTopics: compilePhrases(technical.enablerTopics),
    implementation: compilePhrases([...implementation.technology, ...implementation.storage, ...implementation.widgets]),
    layers: compilePhrases(layers.phrases),
    fixedPairs: compilePhrases(verbs.fixedPairs),
    sequenceMarkers: compilePhrases(verbs.sequenceMarkers),
    emptyBenefits: compilePhrases(benefitTerms.empty),
    dependencyPhrases: compilePhrases(dependencyTerms.phrases),
    dependencyWork: compilePhrases(dependencyTerms.workNouns),
    verbs: new Set(verbs.verbs),
    crudVerbs: new Set(verbs.crudVerbs),
    epicVerbs: compilePhrases(verbs.epicVerbs),
    lightVerbs: new Set(verbs.lightVerbs),
    builderRoles: new Set([...builders.roles, ...extraBuilders].map(normalizePersona)),
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
