/**
 * The articles of a placement run, as the placement reads them (`RunDocs`), and a full run's store of them: every
 * article's signature and event keys as their packed bytes (6 bytes a term, 4 a key) in buffers of 8 MB, made into
 * objects only while placement is in the days around the article's own. Unpacked, an article was some twenty typed
 * arrays and objects (several kilobytes with their headers); packed it is its bytes (1.14 KB on SaudiNewsNet) and 24
 * bytes of index. A buffer once full goes to a temporary file and is read back an article at a time (its headlines
 * once, a buffer at a time): the run then holds 24 bytes an article. Not the library's own `cluster_signatures`: a
 * run that hands its signatures over has them written by another thread, with no sign of when they are committed.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoryDoc } from './clusterer';
import { unpackFeatures } from './features';
import { unpackEventKeys } from './templates';

/**
 * The articles of a placement run by document index, stored ones (`placed`) first. A first run asks for an article
 * only while placing the days around its own, so a source may hold the rest packed.
 */
export interface RunDocs {
  readonly count: number;
  id(i: number): number;
  day(i: number): number;
  /** Headline keys: every article's are read once before placing (the run's template index). */
  title(i: number): Uint32Array | undefined;
  doc(i: number): StoryDoc;
  /** The run needs the article no more: a source may drop what `doc` made of it. */
  release(i: number): void;
}

/** Bytes of one buffer of packed articles. */
const CHUNK = 1 << 23;

function grown(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= a.length) return a;
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

export class PackedDocs implements RunDocs {
  count = 0;
  private ids = new Int32Array(1024);
  private days = new Int32Array(1024);
  private chunkOf = new Int32Array(1024);
  private startOf = new Int32Array(1024);
  private termBytes = new Int32Array(1024);
  private eventBytes = new Int32Array(1024);
  /** Buffers in memory; null once written to the file (`fileAt`, `fileBytes`). */
  private readonly chunks: Array<Buffer | null> = [];
  private readonly fileAt: number[] = [];
  private readonly fileBytes: number[] = [];
  /** Buffers a view was handed out of: they stay in memory. */
  private readonly pinned = new Set<number>();
  private used = Infinity;
  private file: { dir: string; fd: number; size: number } | null = null;
  /** The buffer last read back whole (headlines are read in index order). */
  private reread: { chunk: number; bytes: Buffer } | null = null;
  /** Articles made into objects and not yet released. */
  private readonly open = new Map<number, StoryDoc>();

  /** `spill`: full buffers go to a temporary file (`close` removes it). */
  constructor(
    private readonly spill = false,
    private readonly chunkBytes = CHUNK,
  ) {}

  /**
   * Adds an article; with `view`, returns its packed signature and event keys as views of the store (no copies),
   * and its buffer then stays in memory.
   */
  add(
    id: number,
    day: number,
    terms: Uint8Array,
    event: Uint8Array | null,
    view = false,
  ): { terms: Buffer; event: Buffer } | null {
    const i = this.count++;
    for (const key of ['ids', 'days', 'chunkOf', 'startOf', 'termBytes', 'eventBytes'] as const)
      this[key] = grown(this[key], this.count);
    const eventLength = event?.length ?? 0;
    const size = terms.length + eventLength;
    if (this.used + size > (this.chunks.at(-1)?.length ?? 0)) {
      if (this.chunks.length > 0) this.putAway(this.chunks.length - 1);
      this.chunks.push(Buffer.allocUnsafe(Math.max(this.chunkBytes, size)));
      this.used = 0;
    }
    const chunk = this.chunks.at(-1)!;
    const start = this.used;
    chunk.set(terms, start);
    if (event) chunk.set(event, start + terms.length);
    this.used += size;
    this.ids[i] = id;
    this.days[i] = day;
    this.chunkOf[i] = this.chunks.length - 1;
    this.startOf[i] = start;
    this.termBytes[i] = terms.length;
    this.eventBytes[i] = eventLength;
    if (!view) return null;
    this.pinned.add(this.chunks.length - 1);
    return {
      terms: chunk.subarray(start, start + terms.length),
      event: chunk.subarray(start + terms.length, start + size),
    };
  }

  /** Writes a full buffer to the file and drops it, unless views of it are out. */
  private putAway(c: number): void {
    if (!this.spill || this.pinned.has(c)) return;
    if (!this.file) {
      const dir = mkdtempSync(join(tmpdir(), 'mizan-stories-'));
      this.file = { dir, fd: openSync(join(dir, 'articles.bin'), 'w+'), size: 0 };
    }
    const chunk = this.chunks[c]!;
    const length = this.used;
    for (let done = 0; done < length;)
      done += writeSync(this.file.fd, chunk, done, length - done, this.file.size + done);
    this.fileAt[c] = this.file.size;
    this.fileBytes[c] = length;
    this.file.size += length;
    this.chunks[c] = null;
  }

  /** Bytes written to the temporary file so far. */
  get spilledBytes(): number {
    return this.file?.size ?? 0;
  }

  /** Removes the temporary file, if any; the store can no longer read the articles it held there. */
  close(): void {
    if (!this.file) return;
    closeSync(this.file.fd);
    rmSync(this.file.dir, { recursive: true, force: true });
    this.file = null;
    this.reread = null;
  }

  /** `length` bytes at `at` of the file. */
  private read(at: number, length: number): Buffer {
    const out = Buffer.allocUnsafe(length);
    for (let done = 0; done < length;) {
      const n = readSync(this.file!.fd, out, done, length - done, at + done);
      if (n === 0) throw new Error(`stories' article store: ${length} bytes at ${at} are past its end`);
      done += n;
    }
    return out;
  }

  id(i: number): number {
    return this.ids[i]!;
  }

  day(i: number): number {
    return this.days[i]!;
  }

  /** An article's bytes; `whole`: from its buffer read back whole, for reading in index order. */
  private bytes(i: number, whole: boolean): { terms: Buffer; event: Buffer } {
    const c = this.chunkOf[i]!;
    let chunk = this.chunks[c];
    let start = this.startOf[i]!;
    const size = this.termBytes[i]! + this.eventBytes[i]!;
    if (!chunk && whole) {
      if (this.reread?.chunk !== c) {
        this.reread = { chunk: c, bytes: this.read(this.fileAt[c]!, this.fileBytes[c]!) };
      }
      chunk = this.reread.bytes;
    } else if (!chunk) {
      chunk = this.read(this.fileAt[c]! + start, size);
      start = 0;
    }
    const middle = start + this.termBytes[i]!;
    return { terms: chunk.subarray(start, middle), event: chunk.subarray(middle, start + size) };
  }

  title(i: number): Uint32Array {
    return unpackEventKeys(this.bytes(i, true).event).title;
  }

  doc(i: number): StoryDoc {
    let doc = this.open.get(i);
    if (!doc) {
      this.reread = null;
      const { terms, event } = this.bytes(i, false);
      doc = { id: this.ids[i]!, day: this.days[i]!, features: unpackFeatures(terms), event: unpackEventKeys(event) };
      this.open.set(i, doc);
    }
    return doc;
  }

  release(i: number): void {
    this.open.delete(i);
  }
}
