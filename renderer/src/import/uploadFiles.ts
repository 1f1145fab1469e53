/**
 * Sends picked or dropped files to `library.importUploads`. Imports must see
 * the raw bytes (encodings are detected on the other side), so files travel as
 * base64, in batches small enough for one request each. A file that cannot be
 * read, or a batch the host refuses, becomes errors in the report: the rest
 * of the import goes on.
 */
import type { ImportMapping, ImportReport, MizanApi } from '../../../preload/contract';
import { MizanError } from '../../../preload/contract/errors';

/** Extensions the file picker offers (the importers decide what they accept). */
export const IMPORT_ACCEPT =
  '.txt,.json,.jsonl,.gz,.md,.html,.htm,.csv,.tsv,.tab,.pdf,.docx,.rss,.atom,.xml,.warc,.wacz';

const BATCH_BYTES = 16 * 1024 * 1024;
const BATCH_FILES = 200;

export interface UploadProgress {
  phase: 'reading' | 'importing';
  done: number;
  total: number | null;
  label?: string;
  batch: number;
  batches: number;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /** Batch limits; the defaults suit the web host and IPC alike. */
  maxBatchBytes?: number;
  maxBatchFiles?: number;
  /** The columns the user mapped (CSV/TSV): the whole choice, nothing else is guessed. */
  mapping?: ImportMapping;
  /** Read every file in this encoding instead of detecting it. */
  encoding?: string;
}

interface Base64Capable {
  toBase64?: () => string;
}

/** Base64 of bytes, with the native encoder where the engine has one. */
export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & Base64Capable).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Files grouped so that no request carries more than ~16 MB or 200 files. */
export function batchFiles<T extends { size: number }>(
  files: readonly T[],
  maxBytes: number = BATCH_BYTES,
  maxFiles: number = BATCH_FILES,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (bytes + file.size > maxBytes || current.length >= maxFiles)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export function emptyReport(): ImportReport {
  return { imported: [], duplicates: [], errors: [] };
}

function errorFor(path: string, error: unknown): ImportReport['errors'][number] {
  if (error instanceof MizanError) return { path, code: error.code, message: error.message };
  return { path, code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

export async function uploadFiles(
  api: MizanApi,
  files: readonly File[],
  options: UploadOptions = {},
): Promise<ImportReport> {
  const report = emptyReport();
  const batches = batchFiles(files, options.maxBatchBytes, options.maxBatchFiles);
  for (const [index, batch] of batches.entries()) {
    const batchNo = index + 1;
    if (options.signal?.aborted) {
      for (const file of batch)
        report.errors.push({
          path: file.name,
          code: 'CANCELLED',
          message: 'import cancelled before this file was sent',
        });
      continue;
    }
    const uploads: { name: string; contentBase64: string }[] = [];
    for (const [i, file] of batch.entries()) {
      options.onProgress?.({
        phase: 'reading',
        done: i,
        total: batch.length,
        label: file.name,
        batch: batchNo,
        batches: batches.length,
      });
      try {
        uploads.push({ name: file.name, contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
      } catch (error) {
        report.errors.push({
          path: file.name,
          code: 'IMPORT_READ_FAILED',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (uploads.length === 0) continue;
    options.onProgress?.({
      phase: 'importing',
      done: 0,
      total: uploads.length,
      batch: batchNo,
      batches: batches.length,
    });
    try {
      const result = await api['library.importUploads'](
        {
          files: uploads,
          ...(options.mapping ? { mapping: options.mapping, mappingComplete: true } : {}),
          ...(options.encoding ? { encoding: options.encoding } : {}),
        },
        {
          signal: options.signal,
          onProgress: (p) =>
            options.onProgress?.({
              phase: 'importing',
              done: p.done,
              total: p.total,
              label: p.label,
              batch: batchNo,
              batches: batches.length,
            }),
        },
      );
      report.imported.push(...result.imported);
      report.duplicates.push(...result.duplicates);
      report.errors.push(...result.errors);
    } catch (error) {
      for (const upload of uploads) report.errors.push(errorFor(upload.name, error));
    }
  }
  return report;
}
