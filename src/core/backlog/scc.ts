/**
 * Strongly connected components with an iterative Tarjan (explicit stacks, no recursion, so a
 * 50,000-node chain cannot overflow the call stack). Graph in compressed-row layout: the
 * successors of node v are `targets[offsets[v] .. offsets[v + 1])`.
 */

export interface Components {
  /** Component number of each node. */
  component: Int32Array;
  /**
   * Number of components. Tarjan emits a component only after every component reachable from
   * it, so numbers are a reverse topological order: an edge u → v has component[u] ≥ component[v].
   */
  count: number;
}

export function stronglyConnectedComponents(offsets: Int32Array, targets: Int32Array): Components {
  const n = offsets.length - 1;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callStack = new Int32Array(n);
  const nextEdge = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  let sp = 0;
  let count = 0;
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let csp = 0;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    callStack[csp++] = root;
    nextEdge[root] = offsets[root]!;
    while (csp > 0) {
      const v = callStack[csp - 1]!;
      const e = nextEdge[v]!;
      if (e < offsets[v + 1]!) {
        nextEdge[v] = e + 1;
        const w = targets[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          callStack[csp++] = w;
          nextEdge[w] = offsets[w]!;
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      csp--;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          component[w] = count;
        } while (w !== v);
        count++;
      }
      if (csp > 0) {
        const parent = callStack[csp - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  return { component, count };
}

/** Compressed-row layout of an adjacency list. */
export function toCsr(adjacency: readonly (readonly number[])[]): { offsets: Int32Array; targets: Int32Array } {
  const offsets = new Int32Array(adjacency.length + 1);
  for (let v = 0; v < adjacency.length; v++) offsets[v + 1] = offsets[v]! + adjacency[v]!.length;
  const targets = new Int32Array(offsets[adjacency.length]!);
  for (let v = 0; v < adjacency.length; v++) targets.set(adjacency[v]!, offsets[v]!);
  return { offsets, targets };
}
