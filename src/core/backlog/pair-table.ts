/**
 * Dense ids for pairs of non-negative int32s (e.g. the two words of a shingle): an
 * open-addressing hash table in typed arrays, so no string or boxed-number keys are built.
 */
import { mix32 } from './hash';

export class PairTable {
  private first: Int32Array;
  private second: Int32Array;
  private ids: Int32Array;
  private mask: number;
  /** Number of distinct pairs; ids are `0 .. size-1` in order of first appearance. */
  size = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.first = new Int32Array(capacity).fill(-1);
    this.second = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The id of (a, b), assigning the next id when the pair is new. */
  id(a: number, b: number): number {
    let slot = mix32(Math.imul(a, 0x9e3779b1) ^ b) & this.mask;
    for (;;) {
      const f = this.first[slot]!;
      if (f === -1) break;
      if (f === a && this.second[slot] === b) return this.ids[slot]!;
      slot = (slot + 1) & this.mask;
    }
    this.first[slot] = a;
    this.second[slot] = b;
    const id = this.size++;
    this.ids[slot] = id;
    if (this.size * 2 > this.mask) this.grow();
    return id;
  }

  private grow(): void {
    const { first, second, ids } = this;
    const capacity = first.length * 2;
    this.first = new Int32Array(capacity).fill(-1);
    this.second = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let s = 0; s < first.length; s++) {
      const a = first[s]!;
      if (a === -1) continue;
      let slot = mix32(Math.imul(a, 0x9e3779b1) ^ second[s]!) & this.mask;
      while (this.first[slot] !== -1) slot = (slot + 1) & this.mask;
      this.first[slot] = a;
      this.second[slot] = second[s]!;
      this.ids[slot] = ids[s]!;
    }
  }
}
