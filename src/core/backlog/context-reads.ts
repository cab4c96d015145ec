/**
 * How a story's analysis reads the project context: through a reader that remembers every lookup
 * and its answer. The reads are the part of the context the story's result depends on, so
 *  - the stored property's content hash covers them (a context change rewrites exactly the
 *    properties whose analysis read a changed answer), and
 *  - a scan that scored a story with an older context knows whether the new one changes it
 *    (`readsHold`), and re-scores only those stories.
 */
import type { ProjectContext } from './project-context';

/** The context's fields that are lists looked up by membership. */
export type ContextList = { [K in keyof ProjectContext]: ProjectContext[K] extends readonly string[] ? K : never }[keyof ProjectContext];

/** One lookup: in which list, what, and the answer the analysis got. */
export type ContextRead = [list: ContextList, value: string, answer: boolean];

export interface ContextReader {
  has(list: ContextList, value: string): boolean;
  /** The answer without recording the lookup: for reads that decide no score (a suggestion's self-check). */
  peek(list: ContextList, value: string): boolean;
  /** Every lookup so far, unique, sorted: equal reads are equal JSON. */
  reads(): ContextRead[];
}

const SETS = new WeakMap<ProjectContext, Map<ContextList, ReadonlySet<string>>>();

function setOf(context: ProjectContext, list: ContextList): ReadonlySet<string> {
  let sets = SETS.get(context);
  if (!sets) {
    sets = new Map();
    SETS.set(context, sets);
  }
  let set = sets.get(list);
  if (!set) {
    set = new Set(context[list]);
    sets.set(list, set);
  }
  return set;
}

export function contextReader(context: ProjectContext): ContextReader {
  const seen = new Map<string, ContextRead>();
  return {
    has(list, value) {
      const answer = setOf(context, list).has(value);
      seen.set(`${list}\u0000${value}`, [list, value, answer]);
      return answer;
    },
    peek(list, value) {
      return setOf(context, list).has(value);
    },
    reads() {
      return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
    },
  };
}

/** True when `context` answers every read as it was answered: the story's result stands. */
export function readsHold(reads: readonly ContextRead[], context: ProjectContext): boolean {
  return reads.every(([list, value, answer]) => setOf(context, list).has(value) === answer);
}
