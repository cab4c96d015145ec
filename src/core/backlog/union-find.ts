/**
 * Disjoint sets over `0..size-1` with path halving. The root of a set is always its smallest
 * member, so the result does not depend on the order in which unions happen.
 */
export class UnionFind {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }

  find(x: number): number {
    const p = this.parent;
    let i = x;
    while (p[i] !== i) {
      const grand = p[p[i]!]!;
      p[i] = grand;
      i = grand;
    }
    return i;
  }

  /** Joins the sets of `a` and `b`; returns the root of the joined set. */
  union(a: number, b: number): number {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return ra;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[child] = root;
    return root;
  }
}
