/**
 * Set-level analysis: what comparing the stories tells the backlog rules and suggestions
 * (duplicates, uniformity, related stories) and the aggregate health of the backlog.
 */
import type { Prepared } from '../prepare';
import type { BacklogContext, EpicNode, GraphStory, RelatedStory } from './context';
import { epicsOf } from './epics';
import { topicalConcepts } from './topics';
import { concept } from '../lemma';
import { dependencyGraph, duplicateGroups, duplicateItem, findIssueKeyMentions, normalizePersona, personaInventory, uniformity } from './index';
import { personaRole } from './personas';
import type { ProjectContext } from './project-context';
import type { Lexicons } from '../lexicons';
import { errorText } from '../engine-error';
import { CRITERIA, type BacklogSummary, type DuplicateCluster, type StoryLink, type CriteriaScores, type StoryReport } from '../story';

/** What comparing `prepared` tells; builder roles count as users where the project context says so. */
export function buildBacklogContext(prepared: readonly Prepared[], lex: Lexicons, project: ProjectContext): BacklogContext {
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
  const { personas, servesNobody } = personaInventory(prepared.map((p) => ({ key: p.story.key, role: personaRole(p.template) })));
  const userRoles = new Set(project.userRoles);

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

  const graph = new Map<string, GraphStory>();
  const children = new Map<string, string[]>();
  for (const p of prepared) {
    const node = graphStory(p, lex, userRoles);
    graph.set(node.key, node);
    if (node.parent) children.set(node.parent, [...(children.get(node.parent) ?? []), node.key]);
  }
  const nodes = [...graph.values()];
  let epics: EpicNode[] | undefined;

  return {
    story: (key) => graph.get(key),
    childrenOf: (key) => children.get(key) ?? [],
    graphStories: () => nodes,
    epics: () => (epics ??= epicsOf(nodes, (key) => graph.get(key), lex)),
    duplicateClusters: clusters,
    duplicatesOf,
    nonUniform: new Set(uni.nonUniform),
    dominantForm: uni.dominantForm,
    uniformityShare: uni.share,
    servesNobody,
    personas,
    similarityOf: (key) => similarity.get(key) ?? 0,
    related,
  };
}

const TASK_TYPES = /^(?:sub-?task|task|technical task|bug|spike)$/i;

function graphStory(p: Prepared, lex: Lexicons, userRoles: ReadonlySet<string>): GraphStory {
  const role = p.template.roleName ? normalizePersona(p.template.roleName) : null;
  const userRole = role !== null && (!lex.builderRoles.has(role) || userRoles.has(role));
  const type = p.story.issueType;
  return {
    key: p.story.key,
    summary: p.story.summary,
    userStory: userRole && !(type && TASK_TYPES.test(type)),
    persona: role,
    issueType: type,
    parent: p.story.parent,
    links: p.story.links,
    concepts: topicalConcepts(p.facts.domainWords, lex),
    goalConcepts: topicalConcepts(goalWords(p, lex), lex),
    act: p.facts.actions[0] ? concept(p.facts.actions[0].verb) : null,
    acts: p.facts.actions.map((a) => concept(a.verb)),
    parentSummary: p.story.parentSummary,
    parentType: p.story.parentType,
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

/**
 * The backlog's health. Stories the engine could not analyze (`failed`) are listed, not scored:
 * count, score, criteria and histogram are over the analyzed stories only. `context` is null when
 * the set-level context could not be built (`failedCheck` says why).
 */
export function summarizeBacklog(
  features: readonly BacklogFeatures[],
  reports: readonly StoryReport[],
  context: BacklogContext | null,
  failedCheck?: string,
): BacklogSummary {
  const analyzed = reports.filter((r) => !r.failed);
  const count = analyzed.length;
  const criteria = Object.fromEntries(CRITERIA.map((c) => [c, 0])) as CriteriaScores;
  const histogram = new Array<number>(11).fill(0);
  const ruleCounts: Record<string, number> = {};
  let technicalCount = 0;
  for (const r of analyzed) {
    for (const c of CRITERIA) criteria[c] += r.criteria[c];
    histogram[Math.min(10, Math.floor(r.score / 10))]!++;
    if (r.technical) technicalCount++;
  }
  for (const r of reports) {
    for (const id of new Set(r.findings.map((f) => f.ruleId))) ruleCounts[id] = (ruleCounts[id] ?? 0) + 1;
  }
  for (const c of CRITERIA) criteria[c] = count ? Math.round(criteria[c] / count) : 100;
  const failedChecks: NonNullable<BacklogSummary['failedChecks']> = [];
  if (failedCheck !== undefined) failedChecks.push({ check: 'backlog-context', message: failedCheck });
  let graph: { cycles: string[][]; longestBlockedChain: string[] } = { cycles: [], longestBlockedChain: [] };
  try {
    graph = dependencyGraph([...features]);
  } catch (error) {
    failedChecks.push({ check: 'dependencies', message: errorText(error) });
  }
  return {
    count,
    failed: reports.filter((r) => r.failed).map((r) => r.key),
    ...(failedChecks.length ? { failedChecks } : {}),
    score: count ? Math.round(analyzed.reduce((s, r) => s + r.score, 0) / count) : 100,
    criteria: count ? criteria : { ...criteria },
    technicalCount,
    duplicates: context?.duplicateClusters ?? [],
    personas: context?.personas ?? [],
    servesNobody: context?.servesNobody ?? [],
    dependencyCycles: graph.cycles,
    longestBlockedChain: graph.longestBlockedChain,
    uniformity: context
      ? { dominantForm: context.dominantForm, share: Math.round(context.uniformityShare * 1000) / 1000 }
      : { dominantForm: 'none', share: 0 },
    scoreHistogram: histogram,
    ruleCounts,
  };
}

/** The goal's content words (the domain words when the goal has none), for the story graph. */
function goalWords(p: Prepared, lex: Lexicons): string[] {
  const words = p.facts.goalTokens.words.flatMap((t) => t.split('/')).filter((w) => w.length >= 3 && !lex.stopwords.has(w));
  return words.length ? [...new Set(words)] : p.facts.domainWords;
}
