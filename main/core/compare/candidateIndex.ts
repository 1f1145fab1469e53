/**
 * The candidate index of a placement run (clusterer.ts): for the article being placed, the dot product of its vector
 * with every placed article within the window that shares a term with it, accumulated term at a time over posting
 * lists in date order. Only articles sharing a term are ever looked at.
 *
 * The lists are a few flat typed arrays (offsets per slot) instead of hundreds of thousands of small ones, which keeps
 * the garbage collector out of a large run. An index holds the articles it was built over: a whole run's for an
 * incremental run, or, for a first run (placed in date order), only the days an article of the day being placed can
 * meet, rebuilt day by day, so that the index does not grow with the library.
 */
import type { Vector } from './clusterer';

export class CandidateIndex {
  private offset = new Int32Array(1);
  private postDoc = new Int32Array(0);
  private postWeight = new Float32Array(0);
  private windowStart = new Int32Array(0);

  /**
   * @param days each article's day, by document index
   * @param visible which articles are placed (only they are candidates)
   * @param inOrder articles are placed in the order of the lists (a first run): the first entry not yet placed ends
   *   a list's scan, and each list's window start only moves forward
   */
  constructor(
    private readonly days: Int32Array,
    private readonly visible: Uint8Array,
    private readonly inOrder: boolean,
  ) {}

  /** Posting lists of the articles `order[from..to)` (in date order); `slotCount` is read once their vectors are made. */
  build(
    order: ArrayLike<number>,
    from: number,
    to: number,
    vectorOf: (i: number) => Vector,
    slotCount: () => number,
  ): void {
    for (let p = from; p < to; p++) vectorOf(order[p]!);
    const slots = slotCount();
    const offset = new Int32Array(slots + 1);
    for (let p = from; p < to; p++) for (const slot of vectorOf(order[p]!).slots) offset[slot + 1]!++;
    for (let k = 0; k < slots; k++) offset[k + 1]! += offset[k]!;
    const postDoc = new Int32Array(offset[slots]!);
    const postWeight = new Float32Array(offset[slots]!);
    const fill = offset.slice(0, slots);
    for (let p = from; p < to; p++) {
      const i = order[p]!;
      const v = vectorOf(i);
      for (let k = 0; k < v.slots.length; k++) {
        const at = fill[v.slots[k]!]!++;
        postDoc[at] = i;
        postWeight[at] = v.weights[k]!;
      }
    }
    this.offset = offset;
    this.postDoc = postDoc;
    this.postWeight = postWeight;
    this.windowStart = offset.slice(0, slots);
  }

  /** The first entry of a slot's list on or after `day`. */
  private firstAtOrAfter(slot: number, day: number): number {
    const { days, postDoc, offset } = this;
    if (this.inOrder) {
      let j = this.windowStart[slot]!;
      const end = offset[slot + 1]!;
      while (j < end && days[postDoc[j]!]! < day) j++;
      this.windowStart[slot] = j;
      return j;
    }
    let lo = offset[slot]!;
    let hi = offset[slot + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (days[postDoc[mid]!]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Adds `v`'s dot product with every placed article of days `from..to` sharing a slot with it into `acc` (by
   * document index), listing each article it reaches first in `touched`. The caller zeroes `acc` afterwards.
   */
  accumulate(v: Vector, from: number, to: number, acc: Float64Array, touched: number[]): void {
    const { days, postDoc, postWeight, offset, visible } = this;
    const slots = offset.length - 1;
    for (let k = 0; k < v.slots.length; k++) {
      const slot = v.slots[k]!;
      // A slot no article of the index carries (it was assigned after the index was built).
      if (slot >= slots) continue;
      const w = v.weights[k]!;
      const end = offset[slot + 1]!;
      for (let j = this.firstAtOrAfter(slot, from); j < end; j++) {
        const e = postDoc[j]!;
        if (days[e]! > to) break;
        if (!visible[e]) {
          if (this.inOrder) break;
          continue;
        }
        if (acc[e] === 0) touched.push(e);
        acc[e]! += w * postWeight[j]!;
      }
    }
  }
}
