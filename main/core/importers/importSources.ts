/**
 * What an import reads: the paths it is given, expanded into files, a
 * file's bytes within the size limit, and the parses they make (a big JSON
 * array in parts, so that it is never in memory whole).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { ImportReport } from '../../../preload/contract/library';
import { jsonArrayParts, NotAJsonArray } from './jsonStream';
import { IMPORT_BATCH, ImportError, type ImportOptions, type ParsedFile } from './types';

/** A file to import: on disk, or bytes already in hand (an upload, a page of a web archive). */
export type ImportItem =
  | { kind: 'path'; path: string }
  | { kind: 'bytes'; path: string; bytes: Uint8Array; archived?: ImportOptions['archived'] };

function isHidden(name: string): boolean {
  return name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini';
}

/** Expands folders into their files (sorted, hidden ones skipped); missing paths become errors. */
export async function expandPaths(paths: readonly string[], report: ImportReport): Promise<ImportItem[]> {
  const items: ImportItem[] = [];
  async function walk(path: string, top: boolean): Promise<void> {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(error);
      report.errors.push({ path, code: 'IMPORT_READ_FAILED', message: `${path}: ${reason}` });
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((n) => !isHidden(n)).sort((a, b) => a.localeCompare(b));
      for (const entry of entries) await walk(join(path, entry), false);
    } else if (info.isFile()) {
      if (top || !isHidden(basename(path))) items.push({ kind: 'path', path });
    }
  }
  for (const path of paths) await walk(resolve(path), true);
  return items;
}

function tooLarge(path: string, size: number, limit: number): ImportError {
  const mb = (n: number) => (n >= 1e6 ? `${Math.round(n / 1e5) / 10} MB` : `${Math.ceil(n / 1e3)} KB`);
  return new ImportError('IMPORT_TOO_LARGE', `${path}: ${mb(size)} is over the ${mb(limit)} limit for one file`);
}

/** A file's bytes, refused (IMPORT_TOO_LARGE, IMPORT_READ_FAILED) before reading what is over the limit. */
export async function readItem(item: ImportItem, limit: number): Promise<Uint8Array> {
  if (item.kind === 'bytes') {
    if (item.bytes.length > limit) throw tooLarge(item.path, item.bytes.length, limit);
    return item.bytes;
  }
  const unreadable = (error: unknown) => {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : error instanceof Error
          ? error.message
          : String(error);
    return new ImportError('IMPORT_READ_FAILED', `${item.path}: cannot read (${reason})`);
  };
  let size: number;
  try {
    size = (await stat(item.path)).size;
  } catch (error) {
    throw unreadable(error);
  }
  if (size > limit) throw tooLarge(item.path, size, limit);
  try {
    return await readFile(item.path);
  } catch (error) {
    throw unreadable(error);
  }
}

export interface StreamJson {
  /** JSON files from this size on (on disk) are read as a stream of parts. */
  fromBytes: number;
  /** Records per part at most. */
  partRecords: number;
}

/**
 * From 1 MB (a parsed file held ~10× its size in memory), parts of half an
 * import transaction's records: a part's parsed articles cross from the
 * parser thread as one message, a native buffer of ~10 MB at 500 records;
 * at 1,000 records peak RSS was 602 MB instead of 533 MB (six SaudiNewsNet
 * days), CPU within the noise (15.3 and 15.8 s).
 */
export const STREAM_JSON: StreamJson = { fromBytes: 1 << 20, partRecords: IMPORT_BATCH / 2 };
/** Bytes per streamed part at most (records of long texts). */
const PART_BYTES = 8 << 20;

/** One parse of an import: a whole file, a part of a JSON array read as a stream, or the end of such a file. */
export interface ParseUnit {
  /** Index of the file in the import's items. */
  file: number;
  parsing: Promise<ParsedFile>;
  /** The file's last unit: once it is taken, the file is done. */
  last: boolean;
  /** Records of the file before this unit. */
  firstRecord: number;
  /** A whole file of at most SMALL_FILE_BYTES: several may be in flight at once (see the import's read-ahead). */
  small: boolean;
}

/** Files up to this size are small enough to read ahead by the handful (a saved web page is 50-300 kB). */
export const SMALL_FILE_BYTES = 1024 * 1024;

async function sizeOf(item: ImportItem): Promise<number | undefined> {
  if (item.kind === 'bytes') return item.bytes.length;
  return (await stat(item.path).catch(() => null))?.size;
}

function streamable(item: ImportItem, size: number | undefined, limit: number, threshold: number): boolean {
  if (item.kind !== 'path' || !/\.json(\.gz)?$/i.test(item.path)) return false;
  // Missing and too large files take the whole-file path, which reports them.
  return size !== undefined && size >= threshold && size <= limit;
}

const noRecords: ParsedFile = { records: [], vocab: [] };

/**
 * The import's parses, in order, each started when the caller asks for it:
 * a file at a time, except a big JSON array, a part at a time (its end is a
 * unit of no records that carries the error the stream ended with, if any).
 */
export async function* parseUnits(
  items: readonly ImportItem[],
  parse: (item: ImportItem, bytes: Uint8Array, part?: { firstRecord: number }) => Promise<ParsedFile>,
  limit: number,
  stream: StreamJson = STREAM_JSON,
): AsyncGenerator<ParseUnit> {
  for (let file = 0; file < items.length; file++) {
    const item = items[file]!;
    const whole = (small = false): ParseUnit => ({
      file,
      parsing: readItem(item, limit).then((bytes) => parse(item, bytes)),
      last: true,
      firstRecord: 0,
      small,
    });
    const size = await sizeOf(item);
    if (!streamable(item, size, limit, stream.fromBytes)) {
      yield whole(size !== undefined && size <= SMALL_FILE_BYTES);
      continue;
    }
    let read = 0;
    let failure: unknown = null;
    try {
      for await (const part of jsonArrayParts(item.path, { records: stream.partRecords, bytes: PART_BYTES, limit })) {
        const firstRecord = part.firstRecord;
        read = firstRecord + part.records;
        yield { file, parsing: parse(item, part.bytes, { firstRecord }), last: false, firstRecord, small: false };
      }
    } catch (error) {
      if (error instanceof NotAJsonArray) {
        yield whole();
        continue;
      }
      failure = error;
    }
    yield {
      file,
      parsing: failure === null ? Promise.resolve(noRecords) : Promise.reject(failure),
      last: true,
      firstRecord: read,
      small: false,
    };
  }
}
