/**
 * Web archives: WARC files (plain or gzipped record by record) and WACZ
 * packages (a ZIP whose archive/ folder holds WARCs), read as a stream with
 * warcio, never whole. Each HTML response record (status 2xx, text/html)
 * becomes an item for the HTML importer, carrying the page's original URL
 * and its capture time (WARC-Target-URI, WARC-Date) as provenance. Other
 * records (requests, metadata, images, redirects) are passed over.
 *
 * A revisit record (a crawler's "this page has not changed since an earlier
 * capture", stored without its body) is followed to that capture when it is
 * in the same archive, by payload digest or by URL and date; one whose
 * capture is in another archive is named as such, so a researcher knows
 * which file to import too.
 *
 * A record cut short (an interrupted crawl or download) is reported as a
 * failed record naming its place; the records before it are imported.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { brotliDecompressSync, createInflateRaw, gunzipSync, inflateSync } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import type { RecordError } from './types';

export { isWebArchive } from './archiveKinds';

/** One archived page, ready for the HTML importer. */
export interface ArchivedPage {
  /** `archive.warc#N`: the N-th record of the archive (1-based, counting every record). */
  path: string;
  bytes: Uint8Array;
  url: string | null;
  capturedAt: string | null;
}

/** A later capture of a page that had not changed: no body of its own. */
export interface Revisit {
  path: string;
  url: string | null;
  capturedAt: string | null;
  /** The `path` of the earlier capture in this archive, or null when it is not here. */
  original: string | null;
  /** The earlier capture as the record names it: its URL and date. */
  refersTo: string;
}

export type ArchiveEvent = { page: ArchivedPage } | { revisit: Revisit } | { error: RecordError } | { skipped: true };

/** The HTML captures of one archive read so far, by payload digest and by URL + date, to follow revisits. */
type Captures = Map<string, string>;
const byDigest = (digest: string) => `digest ${digest}`;
const byCapture = (url: string | null, date: string | null) => `capture ${url ?? ''} ${date ?? ''}`;

/** How far the reading is, in bytes of the archive file. */
export interface ArchiveProgress {
  read: number;
  size: number;
}

/** Removes HTTP/1.1 chunked transfer coding, which some crawlers store as received. */
function dechunk(bytes: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [];
  let at = 0;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while (at < text.length) {
    const lineEnd = text.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(text.subarray(at, lineEnd).toString('latin1').split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size <= 0) break;
    out.push(text.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return out.length > 0 ? Buffer.concat(out) : bytes;
}

/** The payload as the server meant it: transfer and content codings removed (within the size limit). */
function decodePayload(
  raw: Uint8Array,
  headers: { get(name: string): string | null | undefined } | null,
  limit: number,
): Uint8Array {
  let bytes = /chunked/i.test(headers?.get('transfer-encoding') ?? '') ? dechunk(raw) : raw;
  const coding = (headers?.get('content-encoding') ?? '').toLowerCase();
  if (coding.includes('gzip')) bytes = gunzipSync(bytes, { maxOutputLength: limit });
  else if (coding.includes('br')) bytes = brotliDecompressSync(bytes, { maxOutputLength: limit });
  else if (coding.includes('deflate')) bytes = inflateSync(bytes, { maxOutputLength: limit });
  return bytes;
}

function isHtmlPage(record: WARCRecord): boolean {
  const type = record.warcType;
  if (type === 'revisit') {
    // A revisit's stored HTTP headers, when kept, say what the page was; without them it may be a page.
    const contentType = record.httpHeaders?.headers.get('content-type') ?? 'text/html';
    return /text\/html|application\/xhtml/i.test(contentType);
  }
  if (type === 'response') {
    const status = Number(record.httpHeaders?.statusCode ?? 0);
    const contentType = record.httpHeaders?.headers.get('content-type') ?? '';
    return status >= 200 && status < 300 && /text\/html|application\/xhtml/i.test(contentType);
  }
  if (type === 'resource')
    return /text\/html|application\/xhtml/i.test(record.warcHeaders.headers.get('content-type') ?? '');
  return false;
}

/** The records of one WARC stream, in order; `name` is how they are named (`name#N`). */
export async function* readWarc(
  name: string,
  source: AsyncIterable<Uint8Array>,
  size: number,
  limit: number,
  captures: Captures = new Map(),
): AsyncGenerator<ArchiveEvent> {
  const parser = new WARCParser(source);
  let n = 0;
  let end = 0;
  try {
    for await (const record of parser) {
      n++;
      const path = `${name}#${n}`;
      // Every record is read to its end, so that one cut short is seen here: warcio, asked for the next
      // record after a cut one, can loop without end on what follows.
      const html = isHtmlPage(record);
      const raw = await record.readFully(false);
      // The record's reader still owes bytes: the file ends inside this record.
      const owed = (record.reader as unknown as { limit?: number }).limit ?? 0;
      const url = record.warcTargetURI ?? null;
      if (owed > 0) {
        yield {
          error: {
            path,
            code: 'IMPORT_PARSE_FAILED',
            message: `${path}: the record of ${url ?? 'a page'} is cut short (${owed} bytes missing); the archive ends there`,
          },
        };
        return;
      }
      end = parser.offset + parser.recordLength;
      if (!html) {
        yield { skipped: true };
        continue;
      }
      const headers = record.warcHeaders.headers;
      const digest = headers.get('WARC-Payload-Digest');
      if (record.warcType === 'revisit') {
        const refersUrl = headers.get('WARC-Refers-To-Target-URI') ?? url;
        const refersDate = headers.get('WARC-Refers-To-Date') ?? null;
        const original =
          (digest ? captures.get(byDigest(digest)) : undefined) ?? captures.get(byCapture(refersUrl, refersDate));
        const refersTo = [refersUrl, refersDate].filter((part) => part).join(' captured ');
        yield { revisit: { path, url, capturedAt: record.warcDate ?? null, original: original ?? null, refersTo } };
        continue;
      }
      if (digest) captures.set(byDigest(digest), path);
      captures.set(byCapture(url, record.warcDate ?? null), path);
      let bytes: Uint8Array;
      try {
        bytes = decodePayload(raw, record.httpHeaders?.headers ?? null, limit);
      } catch (error) {
        yield {
          error: {
            path,
            code: 'IMPORT_DECODE_FAILED',
            message: `${path}: the page of ${url} cannot be decoded (${String(error)})`,
          },
        };
        continue;
      }
      yield { page: { path, bytes, url, capturedAt: record.warcDate ?? null } };
    }
  } catch (error) {
    yield {
      error: {
        path: `${name}#${n + 1}`,
        code: 'IMPORT_PARSE_FAILED',
        message: `${name}#${n + 1}: damaged WARC data after record ${n} (${error instanceof Error ? error.message : String(error)}); the records before it are imported`,
      },
    };
    return;
  }
  // A gzipped WARC whose last member is cut short ends the parser quietly.
  if (size > 0 && end > 0 && size - end > 4)
    yield {
      error: {
        path: `${name}#${n + 1}`,
        code: 'IMPORT_PARSE_FAILED',
        message: `${name}#${n + 1}: the archive ends in a cut or damaged record (${size - end} bytes after record ${n} could not be read)`,
      },
    };
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries of a ZIP file, from its central directory (read from the end, never the whole file). */
async function zipEntries(path: string, size: number): Promise<ZipEntry[]> {
  const file = await open(path, 'r');
  try {
    const tailSize = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailSize);
    await file.read(tail, 0, tailSize, size - tailSize);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new Error('no ZIP directory at its end');
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    const dir = Buffer.alloc(dirSize);
    await file.read(dir, 0, dirSize, dirOffset);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let i = 0; i < count && at + 46 <= dir.length; i++) {
      if (dir.readUInt32LE(at) !== 0x02014b50) break;
      const nameLength = dir.readUInt16LE(at + 28);
      const extra = dir.readUInt16LE(at + 30);
      const comment = dir.readUInt16LE(at + 32);
      entries.push({
        name: dir.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
        method: dir.readUInt16LE(at + 10),
        compressedSize: dir.readUInt32LE(at + 20),
        localOffset: dir.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + extra + comment;
    }
    // Where each entry's data starts: after its local header, whose name and extra lengths may differ.
    for (const entry of entries) {
      const local = Buffer.alloc(30);
      await file.read(local, 0, 30, entry.localOffset);
      entry.localOffset += 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    }
    return entries;
  } finally {
    await file.close();
  }
}

/** Counts the bytes that go by, for progress. */
async function* counted(
  source: AsyncIterable<Buffer> | Iterable<Buffer>,
  onBytes: (n: number) => void,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    onBytes(chunk.length);
    yield chunk;
  }
}

/**
 * Every event of a WARC or WACZ file, with the progress through it. WACZ's
 * WARCs are read in the order of its directory, each as its own stream.
 */
export async function* readWebArchive(
  path: string,
  size: number,
  limit: number,
  progress: (p: ArchiveProgress) => void,
  bytes?: Uint8Array,
): AsyncGenerator<ArchiveEvent> {
  let read = 0;
  const tick = (n: number) => progress({ read: (read += n), size });
  // One map for the whole archive: a WACZ's revisits may point into another of its WARCs.
  const captures: Captures = new Map();
  if (bytes) {
    // An upload already in memory: a WARC is read from it; a WACZ needs its file.
    if (/\.wacz$/i.test(path))
      yield {
        error: {
          path,
          code: 'IMPORT_UNSUPPORTED_FORMAT',
          message: `${path}: import a WACZ package from its file, not an upload`,
        },
      };
    else
      yield* readWarc(
        path,
        counted([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)], tick),
        size,
        limit,
        captures,
      );
    return;
  }
  if (!/\.wacz$/i.test(path)) {
    yield* readWarc(path, counted(createReadStream(path, { highWaterMark: 1 << 20 }), tick), size, limit, captures);
    return;
  }
  let entries: ZipEntry[];
  try {
    entries = await zipEntries(path, size);
  } catch (error) {
    yield { error: { path, code: 'IMPORT_PARSE_FAILED', message: `${path}: not a WACZ package (${String(error)})` } };
    return;
  }
  const warcs = entries.filter((e) => /^archive\/.+\.warc(\.gz)?$/i.test(e.name));
  if (warcs.length === 0)
    yield { error: { path, code: 'IMPORT_EMPTY', message: `${path}: the WACZ package holds no WARC in archive/` } };
  for (const entry of warcs) {
    if (entry.method !== 0 && entry.method !== 8) {
      yield {
        error: {
          path: `${path}/${entry.name}`,
          code: 'IMPORT_UNSUPPORTED_FORMAT',
          message: `${path}/${entry.name}: compressed with ZIP method ${entry.method}`,
        },
      };
      continue;
    }
    const raw = createReadStream(path, {
      start: entry.localOffset,
      end: entry.localOffset + entry.compressedSize - 1,
      highWaterMark: 1 << 20,
    });
    if (entry.method === 0) {
      yield* readWarc(`${path}/${entry.name}`, counted(raw, tick), 0, limit, captures);
    } else {
      // Progress counts the file's bytes, before inflating.
      raw.on('data', (chunk: string | Buffer) => tick(chunk.length));
      yield* readWarc(`${path}/${entry.name}`, raw.pipe(createInflateRaw()), 0, limit, captures);
    }
  }
}
