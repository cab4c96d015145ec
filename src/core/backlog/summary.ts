/**
 * Set-level analysis: the context per-story rules need (duplicates, uniformity, which builder roles
 * are real users here, related stories) and the aggregate health of the backlog.
 */
import type { Prepared } from '../prepare';
import type { BacklogContext, RelatedStory } from './context';
import { dependencyGraph, duplicateGroups, duplicateItem, findIssueKeyMentions, normalizePersona, personaInventory, uniformity } from './index';
import type { Lexicons } from '../lexicons';
import { assessWork, isDeveloperRole, isExternalBuilder, type WorkSignalKind } from '../work-kind';
import { tokenize } from '../tokens';
import { CRITERIA, type BacklogSummary, type DuplicateCluster, type StoryLink, type CriteriaScores, type StoryReport } from '../story';

/** A builder role is a real user here when at most this share of its stories looks like team work. */
const USER_ROLE_MAX_TECHNICAL_SHARE = 0.34;
const USER_ROLE_MIN_STORIES = 3;
/** Evidence about what is wanted (not about who asks). */
const CONTENT_SIGNALS: ReadonlySet<WorkSignalKind> = new Set(['implementation-act', 'implementation-artefact', 'benefit-about-code', 'spike-marker', 'investigation', 'team-activity', 'learning']);
/** Builder-role stories make up this share of the stories with a role: the product serves builders. */
const BUILDER_PRODUCT_ROLE_SHARE = 0.4;
const BUILDER_PRODUCT_MIN_ROLES = 5;
/** In a backlog of bare titles, this share of titles names developer-product things (API, SDK, plugin …). */
const BUILDER_PRODUCT_TERM_SHARE = 0.17;
/** A word is the users' own when the goals of at least this many user stories use it. */
const USER_VOCABULARY_MIN_STORIES = 2;
const USER_VOCABULARY_MIN_SHARE = 0.08;

/**
 * Team work by its look: implementation in the goal, or a benefit that someone or something else
 * gets. `null` when the story gives no evidence either way (no benefit, no implementation).
 */
function looksLikeTeamWork(p: Prepared, lex: Lexicons): boolean | null {
  const t = p.facts.goalTokens;
  // What is wanted, judged without any backlog context: construction, team work or a question.
  const work = assessWork(p.story.summary, p.template, p.facts, lex);
  if (work.signals.some((s) => CONTENT_SIGNALS.has(s.kind))) return true;
  // "I want to present my app": the role owns things in the product, so it uses the product.
  if (t.words.includes('my')) return false;
  if (!p.template.benefit) return null;
  const subject = p.facts.benefitSubject;
  return subject === null || !lex.pronouns.has(subject.split(' ')[0]!);
}

/**
 * Does this product serve builders? Its builder-role stories look like use (`userRoles`), or they
 * are a large share of the stories that name a role (a CLI whose every story is a developer's), or —
 * in a backlog of bare titles — many titles speak of APIs, SDKs, plugins, commands, modules.
 */
function servesBuilders(prepared: readonly Prepared[], lex: Lexicons, userRoles: ReadonlySet<string>): boolean {
  if (userRoles.size > 0) return true;
  let withRole = 0;
  let builders = 0;
  let devTerms = 0;
  let external = 0;
  for (const p of prepared) {
    const role = p.template.roleName ? normalizePersona(p.template.roleName) : null;
    if (role) {
      withRole++;
      if (isDeveloperRole(role, lex)) builders++;
      if (isExternalBuilder(role, lex)) external++;
    }
    const words = p.template.goal ? p.facts.goalTokens : tokenize(p.story.summary);
    if (lex.developerProductTerms.find(words).length) devTerms++;
  }
  if (withRole >= BUILDER_PRODUCT_MIN_ROLES && builders / withRole >= BUILDER_PRODUCT_ROLE_SHARE) return true;
  // Developers who build apps, plugins or integrations with it: the product serves them.
  if (external >= 2) return true;
  const titles = prepared.length - withRole;
  return titles >= BUILDER_PRODUCT_MIN_ROLES * 2 && titles / prepared.length >= 0.7 && devTerms / prepared.length >= BUILDER_PRODUCT_TERM_SHARE;
}

export function buildBacklogContext(prepared: readonly Prepared[], lex: Lexicons): BacklogContext {
  const duplicatesOf = new Map<string, string[]>();
  const similarity = new Map<string, number>();
  let clusters: DuplicateCluster[] = [];
  if (prepared.length > 1) {
    const found = duplicateGroups(prepared.map((p) => duplicateItem(p.story, p.template)));
    clusters = found.clusters;
    for (const [i, partners] of found.partners) {
      const key = prepared[i]!.story.key;
      duplicatesOf.set(key, partners.others.map((j) => prepared[j]!.story.key));
      similarity.set(key, partners.similarity);
    }
  }
  const uni = uniformity(prepared.map((p) => ({ key: p.story.key, form: p.template.form })));
  const { personas, servesNobody } = personaInventory(prepared.map((p) => ({ key: p.story.key, role: p.template.roleName })));

  // Builder-looking roles whose stories are mostly not implementation work: the product serves them.
  const userRoles = new Set<string>();
  const byRole = new Map<string, { n: number; technical: number }>();
  for (const p of prepared) {
    const role = p.template.roleName ? normalizePersona(p.template.roleName) : null;
    if (!role || !(lex.builderRoles.has(role) || lex.teamRoles.has(role))) continue;
    const team = looksLikeTeamWork(p, lex);
    if (team === null) continue;
    const entry = byRole.get(role) ?? { n: 0, technical: 0 };
    entry.n++;
    if (team) entry.technical++;
    byRole.set(role, entry);
  }
  for (const [role, { n, technical }] of byRole) {
    if (n >= USER_ROLE_MIN_STORIES && technical / n <= USER_ROLE_MAX_TECHNICAL_SHARE) userRoles.add(role);
  }

  // Inverted index of domain nouns over user stories (a role that is not a builder), for related().
  const topical = (words: readonly string[]) => words.filter((w) => !lex.verbs.has(w) && !lex.builderRoles.has(w) && !lex.technicalWords.has(w));
  const candidates: RelatedStory[] = [];
  const idx = new Map<string, number[]>();
  for (const p of prepared) {
    const role = p.template.roleName ? normalizePersona(p.template.roleName) : null;
    if (!role || (lex.builderRoles.has(role) && !userRoles.has(role))) continue;
    const id = candidates.push({ key: p.story.key, summary: p.story.summary, persona: role, score: 0 }) - 1;
    for (const w of topical(p.facts.domainWords)) {
      const list = idx.get(w);
      if (list) list.push(id);
      else idx.set(w, [id]);
    }
  }
  /** Score = IDF-weighted share of the query's topical words that the candidate also has. */
  const related = (key: string, words: readonly string[]): RelatedStory[] => {
    const query = [...new Set(topical(words))];
    const idf = (w: string) => Math.log(1 + candidates.length / (1 + (idx.get(w)?.length ?? 0)));
    const total = query.reduce((s, w) => s + idf(w), 0);
    if (!total) return [];
    const shared = new Map<number, number>();
    for (const w of query) {
      for (const id of idx.get(w) ?? []) shared.set(id, (shared.get(id) ?? 0) + idf(w));
    }
    const out: RelatedStory[] = [];
    for (const [id, weight] of shared) {
      const c = candidates[id]!;
      if (c.key !== key) out.push({ ...c, score: weight / total });
    }
    return out.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1)).slice(0, 5);
  };

  // The words the backlog's users use in their goals: their domain, even when they sound like
  // construction or team work ("schema" for a data publisher, "planning session" for a moderator).
  const builderProduct = servesBuilders(prepared, lex, userRoles);
  const vocabularyCount = new Map<string, number>();
  let userVoiced = 0;
  for (const p of prepared) {
    const role = p.template.roleName ? normalizePersona(p.template.roleName) : null;
    if (!role) continue;
    // The team's own voice (and builders', unless the product serves them) is not the users'.
    if (!userRoles.has(role) && (lex.teamRoles.has(role) || (lex.builderRoles.has(role) && !builderProduct))) continue;
    userVoiced++;
    for (const w of new Set(p.facts.goalTokens.words)) if (w.length > 1 && !lex.stopwords.has(w)) vocabularyCount.set(w, (vocabularyCount.get(w) ?? 0) + 1);
  }
  const userVocabulary = new Set([...vocabularyCount].filter(([, n]) => n >= USER_VOCABULARY_MIN_STORIES).map(([w]) => w));
  // The product's core words recur across the users' stories, not in one role's handful of requests.
  const minStories = Math.max(USER_VOCABULARY_MIN_STORIES, Math.ceil(USER_VOCABULARY_MIN_SHARE * userVoiced));
  const userCoreVocabulary = new Set([...vocabularyCount].filter(([, n]) => n >= minStories).map(([w]) => w));

  return {
    duplicateClusters: clusters,
    duplicatesOf,
    nonUniform: new Set(uni.nonUniform),
    dominantForm: uni.dominantForm,
    uniformityShare: uni.share,
    servesNobody,
    userRoles,
    userVocabulary,
    userCoreVocabulary,
    builderProduct,
    personas,
    personaNames: new Set(personas.map((x) => x.persona)),
    similarityOf: (key) => similarity.get(key) ?? 0,
    related,
  };
}

/** What the backlog summary needs of a story, kept small so the full story can be released early. */
export interface BacklogFeatures {
  key: string;
  links: StoryLink[];
  mentions: string[];
}

export function backlogFeatures(p: Prepared): BacklogFeatures {
  return {
    key: p.story.key,
    links: p.story.links,
    mentions: findIssueKeyMentions(`${p.story.summary}\n${p.story.description}`),
  };
}

export function summarizeBacklog(features: readonly BacklogFeatures[], reports: readonly StoryReport[], context: BacklogContext): BacklogSummary {
  const count = reports.length;
  const criteria = Object.fromEntries(CRITERIA.map((c) => [c, 0])) as CriteriaScores;
  const histogram = new Array<number>(11).fill(0);
  const ruleCounts: Record<string, number> = {};
  let technicalCount = 0;
  for (const r of reports) {
    for (const c of CRITERIA) criteria[c] += r.criteria[c];
    histogram[Math.min(10, Math.floor(r.score / 10))]!++;
    if (r.technical) technicalCount++;
    for (const id of new Set(r.findings.map((f) => f.ruleId))) ruleCounts[id] = (ruleCounts[id] ?? 0) + 1;
  }
  for (const c of CRITERIA) criteria[c] = count ? Math.round(criteria[c] / count) : 100;
  const graph = dependencyGraph([...features]);
  return {
    count,
    score: count ? Math.round(reports.reduce((s, r) => s + r.score, 0) / count) : 100,
    criteria: count ? criteria : { ...criteria },
    technicalCount,
    duplicates: context.duplicateClusters,
    personas: context.personas,
    servesNobody: context.servesNobody,
    dependencyCycles: graph.cycles,
    longestBlockedChain: graph.longestBlockedChain,
    uniformity: { dominantForm: context.dominantForm, share: Math.round(context.uniformityShare * 1000) / 1000 },
    scoreHistogram: histogram,
    ruleCounts,
  };
}
