/**
 * A JSON array of articles read as a stream and cut into parts of whole
 * records, each a small JSON array of its own that a parser thread reads like
 * a file (json.ts, numbering its records from the part's first). So a file of
 * a few hundred megabytes never has to be in memory whole, neither as bytes
 * nor as parsed records: only the parts in flight are.
 *
 * The cut is made by a byte scanner that knows only strings, escapes and
 * nesting; the records themselves are parsed (and their errors reported)
 * by the parser thread. A file that is not an array (an object holding one,
 * UTF-16) is left to the whole-file path.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ImportError } from './types';

export interface JsonPart {
  /** `[` record, record, ... `]`: UTF-8 (or whatever the file holds) JSON of whole records. */
  bytes: Buffer;
  /** Index in the file of the part's first record. */
  firstRecord: number;
  records: number;
}

export interface JsonPartOptions {
  /** Records per part at most. */
  records: number;
  /** Bytes per part at most (a single larger record is a part of its own). */
  bytes: number;
  /** Largest decompressed file to read (the import's per-file limit). */
  limit: number;
}

/** Thrown before any part: the file is not a plain JSON array (the whole-file path reads it). */
export class NotAJsonArray extends Error {}

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function source(path: string): Readable {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!path.toLowerCase().endsWith('.gz')) return file;
  const gunzip = createGunzip();
  file.on('error', (error) => gunzip.destroy(error));
  return file.pipe(gunzip);
}

function unreadable(path: string, error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return path.toLowerCase().endsWith('.gz') && !/ENOENT|EACCES|EISDIR/.test(reason)
    ? new ImportError('IMPORT_DECODE_FAILED', `${path}: gzip data is damaged (${reason})`)
    : new ImportError('IMPORT_READ_FAILED', `${path}: cannot read (${reason})`);
}

/**
 * The records of the JSON array in `path` (gzipped when named .gz), a part at
 * a time, in order. Throws NotAJsonArray before the first part when the file
 * does not start with `[`; an ImportError when the file cannot be read, is
 * over the limit, or ends inside a record (the parts before it were yielded).
 */
export async function* jsonArrayParts(path: string, options: JsonPartOptions): AsyncGenerator<JsonPart> {
  const stream = source(path);
  // Scanner state, kept across chunks of the stream.
  let started = false;
  let ended = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let total = 0;
  // Bytes of whole records waiting to be a part, and of the record being read.
  let records: Buffer[] = [];
  let recordBytes = 0;
  let count = 0;
  let firstRecord = 0;
  let current: Buffer[] = [];
  let recordStart = -1;
  let inRecord = false;
  let bare = false;

  const part = (): JsonPart => {
    const out: Buffer[] = [Buffer.from('[')];
    records.forEach((r, i) => {
      if (i > 0) out.push(Buffer.from(','));
      out.push(r);
    });
    out.push(Buffer.from(']'));
    const made = { bytes: Buffer.concat(out), firstRecord, records: records.length };
    firstRecord += records.length;
    records = [];
    recordBytes = 0;
    return made;
  };

  /** Ends the record under way at `end` of `chunk`; true when the part is full. */
  const finish = (chunk: Buffer, end: number): boolean => {
    current.push(chunk.subarray(recordStart, end));
    // A copy: a slice would keep the whole chunk read from disk alive.
    const record = current.length === 1 ? Buffer.from(current[0]!) : Buffer.concat(current);
    current = [];
    recordStart = -1;
    inRecord = false;
    records.push(record);
    recordBytes += record.length;
    count++;
    return records.length >= options.records || recordBytes >= options.bytes;
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > options.limit)
        throw new ImportError(
          'IMPORT_TOO_LARGE',
          path.toLowerCase().endsWith('.gz')
            ? `${path}: decompresses to more than the ${Math.round(options.limit / 1e6)} MB limit for one file`
            : `${path}: over the ${Math.round(options.limit / 1e6)} MB limit for one file`,
        );
      let i = 0;
      if (!started) {
        // A UTF-8 byte-order mark, then white space, then the array.
        if (total === chunk.length && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
        while (i < chunk.length && isSpace(chunk[i]!)) i++;
        if (i === chunk.length) continue;
        if (chunk[i] !== OPEN) throw new NotAJsonArray(path);
        started = true;
        i++;
      }
      for (; i < chunk.length && !ended; i++) {
        const b = chunk[i]!;
        if (inString) {
          if (escaped) {
            escaped = false;
            continue;
          }
          // Text is most of the bytes: jump to the next quote, and look back at the backslashes before it.
          const quote = chunk.indexOf(QUOTE, i);
          const end = quote < 0 ? chunk.length : quote;
          let slashes = 0;
          while (end - slashes - 1 >= i && chunk[end - slashes - 1] === BACKSLASH) slashes++;
          if (quote < 0) {
            escaped = slashes % 2 === 1;
            i = chunk.length;
            break;
          }
          i = quote;
          if (slashes % 2 === 1) continue;
          inString = false;
          if (depth === 0 && finish(chunk, i + 1)) yield part();
          continue;
        }
        if (bare) {
          // A record that is a number or a literal ends before white space, a comma or the array's end.
          if (!isSpace(b) && b !== COMMA && b !== CLOSE) continue;
          bare = false;
          if (finish(chunk, i)) yield part();
        }
        if (!inRecord) {
          if (isSpace(b) || b === COMMA) continue;
          if (b === CLOSE) {
            ended = true;
            break;
          }
          inRecord = true;
          recordStart = i;
          if (b === QUOTE) inString = true;
          else if (b === OPEN_OBJECT || b === OPEN) depth = 1;
          else bare = true;
          continue;
        }
        if (b === QUOTE) inString = true;
        else if (b === OPEN_OBJECT || b === OPEN) depth++;
        else if ((b === CLOSE_OBJECT || b === CLOSE) && --depth === 0 && finish(chunk, i + 1)) yield part();
      }
      // The record under way goes on in the next chunk.
      if (inRecord) {
        current.push(chunk.subarray(recordStart));
        recordStart = 0;
      }
    }
  } catch (error) {
    if (error instanceof NotAJsonArray) throw error;
    throw unreadable(path, error);
  } finally {
    // Also when the import stops taking parts (a cancel, a full disk).
    stream.destroy();
  }
  if (!started) throw new NotAJsonArray(path);
  if (records.length > 0) yield part();
  if (!ended)
    throw new ImportError(
      'IMPORT_PARSE_FAILED',
      `${path}: invalid JSON: the file ends inside record ${count + 1} (the ${count} record(s) before it were read)`,
    );
}
