/**
 * Dense ids for pairs of non-negative int32s (e.g. the two words of a shingle): an
 * open-addressing hash table in one typed array (slot = [first, second, id], so a probe reads
 * one cache line), so no string or boxed-number keys are built.
 */
import { imul, mix32 } from './hash';

const EMPTY = -1;

export class PairTable {
  private slots: Int32Array;
  private mask: number;
  /** Number of distinct pairs; ids are `0 .. size-1` in order of first appearance. */
  size = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 3).fill(EMPTY);
    this.mask = capacity - 1;
  }

  /** The id of (a, b), assigning the next id when the pair is new. */
  id(a: number, b: number): number {
    const slots = this.slots;
    let slot = mix32(imul(a, 0x9e3779b1) ^ b) & this.mask;
    for (;;) {
      const at = slot * 3;
      const f = slots[at]!;
      if (f === EMPTY) break;
      if (f === a && slots[at + 1] === b) return slots[at + 2]!;
      slot = (slot + 1) & this.mask;
    }
    const id = this.size++;
    slots[slot * 3] = a;
    slots[slot * 3 + 1] = b;
    slots[slot * 3 + 2] = id;
    if (this.size * 2 > this.mask) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = new Int32Array(capacity * 3).fill(EMPTY);
    this.mask = capacity - 1;
    for (let at = 0; at < old.length; at += 3) {
      const a = old[at]!;
      if (a === EMPTY) continue;
      const b = old[at + 1]!;
      let slot = mix32(imul(a, 0x9e3779b1) ^ b) & this.mask;
      while (this.slots[slot * 3] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots[slot * 3] = a;
      this.slots[slot * 3 + 1] = b;
      this.slots[slot * 3 + 2] = old[at + 2]!;
    }
  }
}
