/**
 * A backlog snapshot from scan records: health score, pass rate per criterion, score histogram,
 * counts of technical / oversized / unestimated / untestable stories, duplicate clusters,
 * dependency cycles and the longest blocked-by chain, the persona inventory, template uniformity,
 * and the stories with the most to gain. Pure and linear (duplicates are sub-quadratic).
 *
 * Every list is bounded and carries its full size beside it (so a report can say "and N more"),
 * and the whole snapshot is kept under SNAPSHOT_BUDGET_BYTES of UTF-8 JSON: it always fits one
 * storage value (Forge KVS: 240 KiB), for a backlog of 20 or 20,000 stories in any shape.
 */
import { dependencyGraph, findDuplicates, personaInventory, uniformity } from './backlog/index';
import { jsonBytes } from './bytes';
import { COUNTED_RULES, type CountedRule } from './counted-rules';
import type { ScanRecord } from './scan-record';
import { CRITERIA, type Criterion, type PersonaCount, type TemplateForm } from './story';

import { PASS_SCORE } from './grade';

export { PASS_SCORE };
const FIX_FIRST = 20;
/**
 * Lists in a snapshot are bounded so it always fits one storage value (Forge KVS: 240 KiB), for a
 * backlog of 20 or 20,000 stories; their full counts are kept beside them.
 */
export const LIST_LIMITS = { duplicates: 100, clusterKeys: 20, cycles: 50, cycleKeys: 20, chain: 50, personas: 50, personaKeys: 10, failed: 50 } as const;
/** The snapshot's size limit in UTF-8 bytes of JSON: room to spare under Forge KVS's 240 KiB. */
export const SNAPSHOT_BUDGET_BYTES = 200 * 1024;

/** A group of near-identical stories: its first keys, and how many stories it has in all. */
export interface SnapshotCluster {
  keys: string[];
  size: number;
  /** Jaccard similarity estimate of the closest pair, 0..1. */
  similarity: number;
}

/** Stories that block each other in a circle: the first keys, and how many there are in all. */
export interface SnapshotCycle {
  keys: string[];
  size: number;
}

export interface Snapshot {
  createdAt: string;
  engineVersion: string;
  /** Stories with a verdict; every score, rate and count below is over these. */
  count: number;
  /** Stories the engine could not analyze: counted here, listed (up to LIST_LIMITS.failed) with the error. */
  failedCount: number;
  failed: { key: string; error: string }[];
  score: number;
  /** Mean score per criterion. */
  criteria: Record<Criterion, number>;
  /** Share of stories passing each criterion, 0..1. */
  passRates: Record<Criterion, number>;
  /** Stories per 10-point score bucket: index 0 = 0–9 … 10 = 100. */
  histogram: number[];
  counts: {
    technical: number;
    oversized: number;
    noAcceptanceCriteria: number;
    noEstimate: number;
    notAtomic: number;
    dependent: number;
    duplicateClusters: number;
    storiesInDuplicates: number;
    dependencyCycles: number;
    personas: number;
  };
  ruleCounts: Record<string, number>;
  /** The largest groups (at most LIST_LIMITS.duplicates; all of them: counts.duplicateClusters). */
  duplicates: SnapshotCluster[];
  /** At most LIST_LIMITS.cycles (all of them: counts.dependencyCycles). */
  dependencyCycles: SnapshotCycle[];
  longestBlockedChain: string[];
  /** The most frequent personas, each with its first keys (`count` is all its stories). */
  personas: PersonaCount[];
  servesNobodyCount: number;
  uniformity: { dominantForm: TemplateForm; share: number };
  /** Length of the longest blocked-by chain (the list may be cut to LIST_LIMITS.chain). */
  longestChainLength: number;
  /** Keys with the most value to gain (lowest score, heaviest first), with their top finding. */
  fixFirst: { key: string; score: number; ruleId: string | null; messageId: string | null; data: Record<string, string | number> }[];
}

export function aggregate(all: readonly ScanRecord[], meta: { createdAt: string; engineVersion: string }): Snapshot {
  // A story the engine could not analyze has no verdict: it is listed, never scored or counted below.
  const failed = all.filter((r) => r.failed !== undefined);
  const records = failed.length ? all.filter((r) => r.failed === undefined) : all;
  const count = records.length;
  const criteria = Object.fromEntries(CRITERIA.map((c) => [c, 0])) as Record<Criterion, number>;
  const passes = Object.fromEntries(CRITERIA.map((c) => [c, 0])) as Record<Criterion, number>;
  const histogram = new Array<number>(11).fill(0);
  const ruleCounts: Record<string, number> = {};
  let scoreSum = 0;
  for (const r of records) {
    scoreSum += r.score;
    histogram[Math.min(10, Math.floor(r.score / 10))]!++;
    for (const c of CRITERIA) {
      criteria[c] += r.criteria[c];
      if (r.criteria[c] >= PASS_SCORE) passes[c]++;
    }
    for (const id of r.ruleIds) ruleCounts[id] = (ruleCounts[id] ?? 0) + 1;
  }
  const passRates = {} as Record<Criterion, number>;
  for (const c of CRITERIA) {
    criteria[c] = count ? Math.round(criteria[c] / count) : 100;
    passRates[c] = count ? Math.round((passes[c] / count) * 1000) / 1000 : 1;
  }
  const uni = uniformity(records.map((r) => ({ key: r.key, form: r.form })));
  const personas = personaInventory(records.map((r) => ({ key: r.key, role: r.role })));
  const graph = dependencyGraph(records.map((r) => ({ key: r.key, links: r.links, mentions: r.mentions })));
  const duplicates = count > 1 ? findDuplicates(records.map((r) => ({ key: r.key, text: r.dupText, exactKey: r.dupKey, containable: r.dupGoal }))) : [];
  const fixFirst = [...records]
    .filter((r) => r.score < 100)
    .sort((a, b) => a.score - b.score || (b.storyPoints ?? 0) - (a.storyPoints ?? 0) || (a.key < b.key ? -1 : 1))
    .slice(0, FIX_FIRST)
    .map((r) => ({ key: r.key, score: r.score, ruleId: r.top?.ruleId ?? null, messageId: r.top?.messageId ?? null, data: r.top?.data ?? {} }));
  const snapshot: Snapshot = {
    ...meta,
    count,
    failedCount: failed.length,
    failed: failed.slice(0, LIST_LIMITS.failed).map((r) => ({ key: r.key, error: r.failed! })),
    score: count ? Math.round(scoreSum / count) : 100,
    criteria,
    passRates,
    histogram,
    counts: {
      technical: records.filter((r) => r.technical).length,
      ...(Object.fromEntries(Object.entries(COUNTED_RULES).map(([count, ruleId]) => [count, ruleCounts[ruleId] ?? 0])) as Record<CountedRule, number>),
      duplicateClusters: duplicates.length,
      storiesInDuplicates: duplicates.reduce((s, c) => s + c.keys.length, 0),
      dependencyCycles: graph.cycles.length,
      personas: personas.personas.length,
    },
    ruleCounts,
    duplicates: [...duplicates]
      .sort((a, b) => b.keys.length - a.keys.length || b.similarity - a.similarity)
      .slice(0, LIST_LIMITS.duplicates)
      .map((c) => ({ keys: c.keys.slice(0, LIST_LIMITS.clusterKeys), size: c.keys.length, similarity: c.similarity })),
    dependencyCycles: graph.cycles.slice(0, LIST_LIMITS.cycles).map((c) => ({ keys: c.slice(0, LIST_LIMITS.cycleKeys), size: c.length })),
    longestBlockedChain: graph.longestBlockedChain.slice(0, LIST_LIMITS.chain),
    longestChainLength: graph.longestBlockedChain.length,
    personas: personas.personas.slice(0, LIST_LIMITS.personas).map((p) => ({ ...p, keys: p.keys.slice(0, LIST_LIMITS.personaKeys) })),
    servesNobodyCount: personas.servesNobody.length,
    uniformity: { dominantForm: uni.dominantForm, share: Math.round(uni.share * 1000) / 1000 },
    fixFirst,
  };
  return withinBudget(snapshot);
}

/**
 * Halves the lists until the snapshot fits SNAPSHOT_BUDGET_BYTES. Limits and record caps keep a
 * snapshot far below it; this is the guarantee for inputs nobody foresaw (very long persona names,
 * long keys, long quoted text in fix-first), measured rather than assumed.
 */
export function withinBudget(snapshot: Snapshot, budget = SNAPSHOT_BUDGET_BYTES): Snapshot {
  let s = snapshot;
  for (let round = 0; round < 20 && jsonBytes(s) > budget; round++) {
    const half = (n: number) => Math.floor(n / 2);
    s = {
      ...s,
      duplicates: s.duplicates.slice(0, half(s.duplicates.length)).map((c) => ({ ...c, keys: c.keys.slice(0, Math.max(2, half(c.keys.length))) })),
      dependencyCycles: s.dependencyCycles.slice(0, half(s.dependencyCycles.length)).map((c) => ({ ...c, keys: c.keys.slice(0, Math.max(1, half(c.keys.length))) })),
      longestBlockedChain: s.longestBlockedChain.slice(0, half(s.longestBlockedChain.length)),
      personas: s.personas.slice(0, half(s.personas.length)).map((p) => ({ ...p, persona: p.persona.slice(0, 100), keys: p.keys.slice(0, half(p.keys.length)) })),
      fixFirst: s.fixFirst.slice(0, half(s.fixFirst.length)),
    };
  }
  return s;
}
