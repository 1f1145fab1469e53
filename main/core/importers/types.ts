import type { ErrorCode } from '../../../preload/contract/errors';
import type { ParsedArticle } from '../library/newArticle';
import type { FieldMapping } from './fields';

export type { ParsedArticle } from '../library/newArticle';

/** A file handed to an importer: its bytes, already read (and un-gzipped). */
export interface SourceFile {
  /** Where it came from, as the user named it (a path, or an upload's name). */
  path: string;
  /** The name the format is judged by (".gz" already removed). */
  name: string;
  bytes: Uint8Array;
}

export interface RecordError {
  path: string;
  code: ErrorCode;
  message: string;
}

export type ParsedRecord = { ok: true; article: ParsedArticle } | { ok: false; error: RecordError };

/**
 * Articles per import transaction. The parser sums the search vocabulary
 * over groups of this many good records, so both sides must cut the same way.
 * 1,000 (was 400): per-batch costs (vocabulary upsert, band lookups, commit)
 * shrink, and at the import's ~1,000 articles/s a batch still holds the
 * writer about a second, as 400 did at the old speed.
 */
export const IMPORT_BATCH = 1000;

/** Files larger than this are refused rather than exhausting memory (ImportOptions.maxBytes overrides it). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A parsed file: its records, and the search vocabulary summed per IMPORT_BATCH good records (JSON). */
export interface ParsedFile {
  records: ParsedRecord[];
  vocab: string[];
}

export interface ImportOptions {
  /** Title for a single plain-text article instead of its first sentence. */
  title?: string;
  /** Which column or field holds each part of an article (CSV/TSV, JSON, front matter). */
  mapping?: FieldMapping;
  /** CSV/TSV: `mapping` is the whole choice (the UI's mapping dialog); unmapped parts are left out, not guessed by name. */
  mappingComplete?: boolean;
  /** Largest file (after decompression) to read, in bytes. */
  maxBytes?: number;
  /** The text encoding to read every file with, instead of detecting it (a label: windows-1254, iso-8859-6...). */
  encoding?: string;
  /**
   * The bytes are one part of a JSON array read as a stream (jsonStream.ts):
   * already decompressed, their records numbered in the file from
   * `firstRecord` (set by the import, not by the caller).
   */
  part?: { firstRecord: number };
  /** Where a page inside a web archive was captured (set per record by the import, not by the caller). */
  archived?: { url: string | null; capturedAt: string | null };
}

/** One import format. Registered in registry.ts; nothing else lists formats. */
export interface Importer {
  id: string;
  label: string;
  /** Lower-case, with the dot: ".txt". */
  extensions: readonly string[];
  /** Formats read synchronously (text, HTML, JSON, CSV...). */
  parse?(file: SourceFile, options: ImportOptions): ParsedRecord[];
  /** Formats whose reader is asynchronous (PDF.js, mammoth); used where `parse` is absent. */
  parseAsync?(file: SourceFile, options: ImportOptions): Promise<ParsedRecord[]>;
}

/** Thrown by importers for a whole-file failure; carries a stable code. */
export class ImportError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
