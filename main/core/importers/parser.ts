/**
 * Parses files on worker threads when running from compiled JavaScript, and
 * in-line otherwise (unit tests run the TypeScript sources directly).
 *
 * A pool, because HTML extraction is CPU-bound (~20 ms a page) and a second
 * core doubles it. A worker that dies (out of memory, a native crash) fails
 * only the file it held and is replaced; a file that takes longer than the
 * time limit (a pathological page) is refused and its worker replaced, so
 * one bad file never stalls or ends a batch.
 */
import { availableParallelism } from 'node:os';
import type { TablePreview } from '../../../preload/contract/library';
import type { PreviewOptions } from './tablePreview';
import { createWorkerPool } from '../workers/pool';
import { locateScript, workerScript } from '../workers/script';
import { ImportError, type ImportOptions, type ParsedFile, type ParsedRecord } from './types';

/** A file to parse for import, or (preview) a table file to look at before its columns are mapped. */
export type ParseRequest = { path: string; bytes: Uint8Array } & (
  { task?: 'import'; options: ImportOptions } | { task: 'preview'; preview: PreviewOptions }
);

export type ParseOutput = { records: ParsedRecord[]; vocab?: string[] } | { preview: TablePreview };

export interface Parser {
  /** `threads`: on the first so many parser threads only (see the pool's RunOptions.threads). */
  parse(path: string, bytes: Uint8Array, options: ImportOptions, threads?: number): Promise<ParsedFile>;
  /**
   * A CSV/TSV file's header, first rows and guessed mapping (tablePreview.ts),
   * on a parser thread too: decoding and counting a 40 MB export takes half
   * a second, which the main process must not spend.
   */
  preview(path: string, bytes: Uint8Array, options: PreviewOptions): Promise<TablePreview>;
  /** Files that can usefully be in flight at once. */
  readonly concurrency: number;
  close(): Promise<void>;
}

export interface ParserOptions {
  /** Worker threads (default: one per core, at most 4). */
  workers?: number;
  /** A file still parsing after this long is refused (default 120 s). */
  timeoutMs?: number;
  /** The worker script; tests point it at a stand-in. */
  script?: string;
}

/** The bytes move to the worker instead of being copied, when they are a whole buffer of their own. */
function movable(request: ParseRequest): ArrayBuffer[] {
  const { bytes } = request;
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
    ? [bytes.buffer]
    : [];
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

export function createParser(options: ParserOptions = {}): Parser {
  const script =
    options.script !== undefined ? locateScript(options.script) : workerScript(__dirname, 'parseWorker.js');
  const pool = createWorkerPool<ParseRequest, ParseOutput>({
    script,
    // Loaded on the first file: the importers (HTML extraction above all) are heavy to load, and a
    // process that opens a library only to read it (a CLI search) never parses anything.
    inline: async (request) => (await import('./parseTask.js')).parseTask(request),
    size: Math.max(1, options.workers ?? Math.min(4, availableParallelism())),
    timeoutMs: options.timeoutMs ?? 120_000,
    transfer: movable,
    errors: {
      failed: (error) => new ImportError(error.code, error.message),
      crashed: (reason, r) =>
        new ImportError('IMPORT_PARSE_FAILED', `${r.path}: the parser stopped (${reason}); the file was not imported`),
      timedOut: (ms, r) =>
        new ImportError('IMPORT_PARSE_FAILED', `${r.path}: still not parsed after ${seconds(ms)}; refused`),
      cancelled: (r) => new ImportError('CANCELLED', `${r.path}: import closed`),
      closed: (r) => new ImportError('IMPORT_PARSE_FAILED', `${r.path}: the parser is closed`),
    },
  });
  return {
    concurrency: pool.size,
    async parse(path, bytes, options, threads) {
      const output = await pool.run({ path, bytes, options }, threads === undefined ? {} : { threads });
      if ('preview' in output)
        throw new ImportError('IMPORT_PARSE_FAILED', `${path}: the parser answered with a table preview`);
      // A worker that predates the vocabulary (a test's stand-in) sends records only.
      return { records: output.records, vocab: output.vocab ?? [] };
    },
    async preview(path, bytes, options) {
      const output = await pool.run({ path, bytes, task: 'preview', preview: options });
      if (!('preview' in output))
        throw new ImportError('IMPORT_PARSE_FAILED', `${path}: the parser answered without a table preview`);
      return output.preview;
    },
    close: () => pool.close(),
  };
}
