/**
 * The LSH band index of the library's near-duplicate signatures, held in
 * memory and derived from `article_minhash` (the signatures are the stored
 * truth; band keys are a function of them).
 *
 * Why not a table: until schema v6 the bands were a `minhash_bands` B-tree
 * of 32 rows per article keyed by a random hash. Every import batch then
 * inserted 32,000 keys scattered over the whole tree, so each commit dirtied
 * (and wrote to the WAL) nearly every page of it — 25 MB at 30,000 articles,
 * 80 MB at 100,000 — and looked up 32,000 keys one seek each: 30-40 % of
 * the storing thread's time in bulk imports (importers/README.md). Here a
 * batch costs a binary search per key and one merge of sorted arrays.
 *
 * The price is reading the signatures once per process and library: about
 * 25 MB at 100,000 articles, then kept (8 bytes per band, 26 MB at 100,000).
 *
 * Entries are packed into doubles as key * 2^24 + article id (keys are under
 * 2^29, see `bandKeys`; the sum stays under 2^53, so it is exact), sorted:
 * all articles of a key are one contiguous run.
 *
 * Stale entries are harmless: a deleted article's keys only add a candidate
 * whose signature is no longer found, so it is skipped. Entries are added by
 * the transaction that stores the signatures; if it rolls back, the caller
 * drops the index (`LibraryBands.forget`) and the next import reads it again.
 */
import type { Database, Writer } from '../db/connection';
import { bandKeys, signatureFromBytes } from './minhash';

const ID_SPACE = 0x100_0000;
/** Article ids at or above this are not indexed (16.7 million: far beyond a desktop library). */
export const MAX_INDEXED_ID = ID_SPACE - 1;

/** Rows read per statement when catching up with article_minhash. */
const READ_CHUNK = 5000;

export class BandIndex {
  private packed: Float64Array = new Float64Array(0);
  /** The highest article id whose signature has been read or added. */
  private upTo = 0;

  constructor(readonly fileGeneration: number) {}

  /**
   * Reads the signatures stored since the last call (all of them the first
   * time): on the reader before a batch takes the writer lock (the first
   * read of a big library is seconds), then inside the batch's transaction
   * for what was committed meanwhile (another process may have imported).
   * Cheap when there are none (one indexed range read).
   */
  async catchUp(w: Pick<Writer, 'all'> | Database): Promise<void> {
    for (;;) {
      const rows = await w.all<{ article_id: number; signature: Buffer }>(
        'SELECT article_id, signature FROM article_minhash WHERE article_id > ? ORDER BY article_id LIMIT ?',
        [this.upTo, READ_CHUNK],
      );
      if (rows.length === 0) return;
      this.add(rows.map((r) => ({ id: r.article_id, keys: bandKeys(signatureFromBytes(r.signature)) })));
      if (rows.length < READ_CHUNK) return;
    }
  }

  /** Ids of the indexed articles holding `key`, in id order. */
  articlesWith(key: number): number[] {
    const base = key * ID_SPACE;
    const packed = this.packed;
    let lo = 0;
    let hi = packed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (packed[mid]! < base) lo = mid + 1;
      else hi = mid;
    }
    const ids: number[] = [];
    for (let i = lo; i < packed.length && packed[i]! < base + ID_SPACE; i++) ids.push(packed[i]! - base);
    return ids;
  }

  /** Adds articles' band keys (one sort of the new entries, one merge with the old). */
  add(entries: ReadonlyArray<{ id: number; keys: readonly number[] }>): void {
    let count = 0;
    for (const e of entries) if (e.id <= MAX_INDEXED_ID) count += e.keys.length;
    const fresh = new Float64Array(count);
    let k = 0;
    for (const e of entries) {
      if (e.id > this.upTo) this.upTo = e.id;
      if (e.id > MAX_INDEXED_ID) continue;
      for (const key of e.keys) fresh[k++] = key * ID_SPACE + e.id;
    }
    fresh.sort();
    this.packed = mergeSorted(this.packed, fresh);
  }

  get size(): number {
    return this.packed.length;
  }
}

/** Two sorted arrays into one; an entry present in both is kept once. */
function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) out[n++] = a[i++]!;
    else if (y < x) out[n++] = b[j++]!;
    else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return n === out.length ? out : out.slice(0, n);
}

/**
 * The band index of one open library, built by createServices and handed to
 * what stores or restores articles: rebuilt when the file was replaced (a
 * restored backup) or when a batch that added to it rolled back.
 */
export class LibraryBands {
  private held: BandIndex | null = null;

  constructor(private readonly db: Database) {}

  /** The index for the library file as it is now. */
  current(): BandIndex {
    if (this.held && this.held.fileGeneration === this.db.fileGeneration) return this.held;
    this.held = new BandIndex(this.db.fileGeneration);
    return this.held;
  }

  /** Drops the index: a transaction that added to it rolled back, or the file was restored. */
  forget(): void {
    this.held = null;
  }
}
