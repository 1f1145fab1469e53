/** Errors: stable codes cross the boundary; the UI turns them into words. */

export const errorCodes = [
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'CONFLICT',
  'CANCELLED',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'IMPORT_UNSUPPORTED_FORMAT',
  'IMPORT_DECODE_FAILED',
  'IMPORT_EMPTY',
  'IMPORT_BINARY',
  'IMPORT_PARSE_FAILED',
  'IMPORT_READ_FAILED',
  'IMPORT_TOO_LARGE',
  /** A document with no text layer (a scanned PDF): Mizan does not do OCR. */
  'IMPORT_NO_TEXT',
  /** A password-protected document (an encrypted PDF): save an unprotected copy first. */
  'IMPORT_ENCRYPTED',
  'QUERY_INVALID',
  /** The library file failed SQLite's integrity check (or is not a database): restore a backup. */
  'LIBRARY_CORRUPT',
  /** The disk holding the library filled up: an import stops there, keeping what it stored before. */
  'DISK_FULL',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorData {
  code: ErrorCode;
  message: string;
}

/** The error every client throws; `code` survives IPC and HTTP unchanged. */
export class MizanError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'MizanError';
    this.code = code;
  }
  toData(): ErrorData {
    return { code: this.code, message: this.message };
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
