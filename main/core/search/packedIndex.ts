/**
 * Strings (skeletons, keys) to the line starts of their words, packed: the
 * distinct strings sorted and joined into one string, found by binary search,
 * and each one's starts in one array. Maps held a string, an array and an
 * entry per string (skeleton map ~8 MB for 147,212 Arabic words; the Latin
 * names' ~6 MB; 195,345 words as objects ~25 MB) in the main process's heap.
 */
export interface PackedIndex {
  /** The distinct strings in order, one after another. */
  joined: string;
  /** Where each string begins in `joined`; one more entry: where the last ends. */
  at: Int32Array;
  /** Where each string's starts begin in `starts`; one more entry: the end. */
  from: Int32Array;
  starts: Int32Array;
}

/** `keys[i]` for `starts[i]`; the starts of one string stay in the order given. */
export function packIndex(keys: readonly string[], starts: readonly number[]): PackedIndex {
  const order = keys.map((_, i) => i);
  order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const distinct: string[] = [];
  const from: number[] = [];
  order.forEach((i, n) => {
    if (n > 0 && keys[i] === keys[order[n - 1]!]) return;
    distinct.push(keys[i]!);
    from.push(n);
  });
  from.push(order.length);
  const at = new Int32Array(distinct.length + 1);
  distinct.forEach((k, d) => (at[d + 1] = at[d]! + k.length));
  return {
    joined: distinct.join(''),
    at,
    from: Int32Array.from(from),
    starts: Int32Array.from(order, (i) => starts[i]!),
  };
}

/** The line starts of `key` in `index`. */
export function startsOf(index: PackedIndex, key: string): Int32Array {
  const stringAt = (d: number) => index.joined.slice(index.at[d]!, index.at[d + 1]!);
  let lo = 0;
  let hi = index.at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (stringAt(mid) < key) lo = mid + 1;
    else hi = mid;
  }
  if (lo === index.at.length - 1 || stringAt(lo) !== key) return index.starts.subarray(0, 0);
  return index.starts.subarray(index.from[lo]!, index.from[lo + 1]!);
}
