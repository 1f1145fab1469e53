/**
 * The articles of a placement run, as the placement reads them (`RunDocs`), and a full run's store of them: every
 * article's signature and event keys as their packed bytes (6 bytes a term, 4 a key) in a few large buffers, made into
 * objects only while placement is in the days around the article's own. Unpacked, an article was some twenty typed
 * arrays and objects (several kilobytes with their headers); packed it is its bytes and 24 bytes of index.
 */
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
  private readonly chunks: Buffer[] = [];
  private used = CHUNK;
  /** Articles made into objects and not yet released. */
  private readonly open = new Map<number, StoryDoc>();

  /** Adds an article; returns its packed signature and event keys as views of the store (no copies). */
  add(id: number, day: number, terms: Uint8Array, event: Uint8Array | null): { terms: Buffer; event: Buffer } {
    const i = this.count++;
    for (const key of ['ids', 'days', 'chunkOf', 'startOf', 'termBytes', 'eventBytes'] as const)
      this[key] = grown(this[key], this.count);
    const eventLength = event?.length ?? 0;
    const size = terms.length + eventLength;
    if (this.used + size > (this.chunks.at(-1)?.length ?? 0)) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(CHUNK, size)));
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
    return {
      terms: chunk.subarray(start, start + terms.length),
      event: chunk.subarray(start + terms.length, start + size),
    };
  }

  id(i: number): number {
    return this.ids[i]!;
  }

  day(i: number): number {
    return this.days[i]!;
  }

  private bytes(i: number): { terms: Buffer; event: Buffer } {
    const chunk = this.chunks[this.chunkOf[i]!]!;
    const start = this.startOf[i]!;
    const middle = start + this.termBytes[i]!;
    return { terms: chunk.subarray(start, middle), event: chunk.subarray(middle, middle + this.eventBytes[i]!) };
  }

  title(i: number): Uint32Array {
    return unpackEventKeys(this.bytes(i).event).title;
  }

  doc(i: number): StoryDoc {
    let doc = this.open.get(i);
    if (!doc) {
      const { terms, event } = this.bytes(i);
      doc = { id: this.ids[i]!, day: this.days[i]!, features: unpackFeatures(terms), event: unpackEventKeys(event) };
      this.open.set(i, doc);
    }
    return doc;
  }

  release(i: number): void {
    this.open.delete(i);
  }
}
