/**
 * The blocked-by graph of a backlog: who waits for whom, dependency cycles, and the longest
 * chain of stories waiting on each other. Linear time, no recursion.
 *
 * An edge "A is blocked by B" comes from
 * - a link whose type reads as a phrase from A's side: "is blocked by B", "depends on B",
 *   "is dependent on B" → A blocked by B; "is depended on by B" → B blocked by A;
 * - otherwise a link whose type names a blocking or dependency relation ("Blocks", "Blocker",
 *   "Depends", "Dependency"): direction `inward` → A blocked by B; `outward` → B blocked by A;
 * - a key mentioned in A's text as a dependency (`mentions`, see `findIssueKeyMentions`) → A blocked by it.
 * Other links (Relates, Duplicate, Clones …) are not dependencies.
 */
import type { StoryLink } from '../story';
import { stronglyConnectedComponents, toCsr } from './scc';

export interface DependencyItem {
  key: string;
  links: StoryLink[];
  /** Issue keys the story's text names as dependencies, e.g. "depends on SHOP-12". */
  mentions: string[];
}

export interface DependencyGraph {
  /** For every key with at least one blocker (items, and keys outside the set that an item blocks): its blockers, first-seen order, no repeats. */
  blockedBy: Record<string, string[]>;
  /**
   * Groups of stories (of the set) that block each other in a circle: strongly connected
   * components of size > 1, and stories blocked by themselves. Keys in input order; cycles
   * ordered by their first key.
   */
  cycles: string[][];
  /**
   * The longest path of blocked-by edges, from the story that waits the longest to the root
   * blocker (which may be outside the set). A cycle on the path counts with all its stories,
   * listed in input order. Empty when no story is blocked.
   */
  longestBlockedChain: string[];
}

const BLOCKED_BY_PHRASE = /\bblocked\s+by\b|\bdepends?\s+(?:up)?on\b|\bdependent\s+(?:up)?on\b/i;
const BLOCKS_PHRASE = /\bdepended\s+(?:up)?on\s+by\b/i;
const DEPENDENCY_TYPE = /block|depend/i;

/** Which way a link points in the blocked-by graph, or `null` when it is not a dependency. */
export function linkDependency(link: StoryLink): 'blocked-by-key' | 'blocks-key' | null {
  const type = typeof link.type === 'string' ? link.type : '';
  if (BLOCKS_PHRASE.test(type)) return 'blocks-key';
  if (BLOCKED_BY_PHRASE.test(type)) return 'blocked-by-key';
  if (!DEPENDENCY_TYPE.test(type)) return null;
  return link.direction === 'inward' ? 'blocked-by-key' : 'blocks-key';
}

export function dependencyGraph(items: DependencyItem[]): DependencyGraph {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const idOf = (key: string): number => {
    let id = ids.get(key);
    if (id === undefined) {
      id = keys.length;
      ids.set(key, id);
      keys.push(key);
    }
    return id;
  };
  for (const item of items) idOf(item.key);
  const itemCount = keys.length;

  const adjacency: number[][] = [];
  const seen: (Set<number> | undefined)[] = [];
  const addEdge = (blocked: number, blocker: number): void => {
    while (adjacency.length < keys.length) adjacency.push([]);
    const set = seen[blocked] ?? (seen[blocked] = new Set());
    if (set.has(blocker)) return;
    set.add(blocker);
    adjacency[blocked]!.push(blocker);
  };
  for (const item of items) {
    const self = ids.get(item.key)!;
    for (const link of item.links ?? []) {
      const way = linkDependency(link);
      if (way === null || typeof link.key !== 'string' || link.key === '') continue;
      const other = idOf(link.key);
      if (way === 'blocked-by-key') addEdge(self, other);
      else addEdge(other, self);
    }
    for (const mention of item.mentions ?? []) {
      if (typeof mention === 'string' && mention !== '') addEdge(self, idOf(mention));
    }
  }
  while (adjacency.length < keys.length) adjacency.push([]);

  const blockedBy: [string, string[]][] = [];
  for (let v = 0; v < keys.length; v++) {
    if (adjacency[v]!.length > 0) blockedBy.push([keys[v]!, adjacency[v]!.map((w) => keys[w]!)]);
  }
  return {
    // fromEntries defines own properties, so a key such as "__proto__" stays an ordinary key.
    blockedBy: Object.fromEntries(blockedBy),
    cycles: findCycles(adjacency, itemCount, keys),
    longestBlockedChain: longestChain(adjacency, keys),
  };
}

/** Cycles among the items only (node ids `0 .. itemCount-1`). */
function findCycles(adjacency: number[][], itemCount: number, keys: string[]): string[][] {
  const inner = adjacency.slice(0, itemCount).map((targets) => targets.filter((w) => w < itemCount));
  const { offsets, targets } = toCsr(inner);
  const { component, count } = stronglyConnectedComponents(offsets, targets);
  const members = groupByComponent(component, count);
  const cycles: number[][] = [];
  for (const nodes of members) {
    const first = nodes[0]!;
    if (nodes.length > 1 || inner[first]!.includes(first)) cycles.push(nodes);
  }
  cycles.sort((a, b) => a[0]! - b[0]!);
  return cycles.map((nodes) => nodes.map((v) => keys[v]!));
}

/** Longest path in the condensation DAG, each component weighing its number of nodes. */
function longestChain(adjacency: number[][], keys: string[]): string[] {
  const { offsets, targets } = toCsr(adjacency);
  const { component, count } = stronglyConnectedComponents(offsets, targets);
  const members = groupByComponent(component, count);
  const length = new Float64Array(count);
  const next = new Int32Array(count).fill(-1);
  // Components are numbered successors-first, so every successor is final when we reach c.
  for (let c = 0; c < count; c++) {
    let bestNext = -1;
    let bestLength = 0;
    for (const v of members[c]!) {
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const d = component[targets[e]!]!;
        if (d === c) continue;
        const len = length[d]!;
        if (len > bestLength || (len === bestLength && bestNext >= 0 && members[d]![0]! < members[bestNext]![0]!)) {
          bestLength = len;
          bestNext = d;
        }
      }
    }
    length[c] = members[c]!.length + bestLength;
    next[c] = bestNext;
  }
  let start = -1;
  for (let c = 0; c < count; c++) {
    if (start < 0 || length[c]! > length[start]! || (length[c] === length[start] && members[c]![0]! < members[start]![0]!)) start = c;
  }
  if (start < 0 || length[start]! < 2) return [];
  const chain: string[] = [];
  for (let c = start; c >= 0; c = next[c]!) for (const v of members[c]!) chain.push(keys[v]!);
  return chain;
}

/** Nodes of each component, ascending. */
function groupByComponent(component: Int32Array, count: number): number[][] {
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < component.length; v++) members[component[v]!]!.push(v);
  return members;
}
