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
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../preload/contract/errors';
import type { TablePreview } from '../../../preload/contract/library';
import { prepareTexts } from '../search/indexDocument';
import { parseFile } from './registry';
import { previewTable, type PreviewOptions } from './tablePreview';
import {
  IMPORT_BATCH,
  ImportError,
  type ImportOptions,
  type ParsedArticle,
  type ParsedFile,
  type ParsedRecord,
} from './types';

/** A file to parse for import, or (preview) a table file to look at before its columns are mapped. */
export type ParseRequest = { id: number; path: string; bytes: Uint8Array } & (
  { task?: 'import'; options: ImportOptions } | { task: 'preview'; preview: PreviewOptions }
);

export type ParseResponse =
  | { id: number; ok: true; records: ParsedRecord[]; vocab?: string[] }
  | { id: number; ok: true; preview: TablePreview }
  | { id: number; ok: false; code: ErrorCode; message: string };

export interface Parser {
  parse(path: string, bytes: Uint8Array, options: ImportOptions): Promise<ParsedFile>;
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

/** What a worker answers to a request (the same in-line). */
export function answer(request: ParseRequest): ParseResponse {
  try {
    if (request.task === 'preview')
      return { id: request.id, ok: true, preview: previewTable(request.path, request.bytes, request.preview) };
    return { id: request.id, ok: true, ...parseForImport(request.path, request.bytes, request.options) };
  } catch (error) {
    return error instanceof ImportError
      ? { id: request.id, ok: false, code: error.code, message: error.message }
      : {
          id: request.id,
          ok: false,
          code: 'IMPORT_PARSE_FAILED',
          message: `${request.path}: ${error instanceof Error ? error.message : String(error)}`,
        };
  }
}

/**
 * Parses a file and analyzes its articles for the search index, once, here:
 * this runs on a parser thread, and the thread that stores only writes.
 */
export function parseForImport(path: string, bytes: Uint8Array, options: ImportOptions): ParsedFile {
  const records = parseFile(path, bytes, options);
  const articles: ParsedArticle[] = [];
  for (const r of records) if (r.ok) articles.push(r.article);
  const { keys, groups } = prepareTexts(articles, IMPORT_BATCH);
  articles.forEach((a, i) => (a.keys = keys[i]));
  return { records, vocab: groups };
}

function inlineParser(): Parser {
  return {
    concurrency: 1,
    parse: async (path, bytes, options) => parseForImport(path, bytes, options),
    preview: async (path, bytes, options) => previewTable(path, bytes, options),
    close: async () => undefined,
  };
}

interface Job {
  request: ParseRequest;
  resolve: (response: Extract<ParseResponse, { ok: true }>) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout | null;
}

interface Slot {
  worker: Worker | null;
  /** True once the worker's thread runs: its start-up is not counted against a file's time. */
  online: boolean;
  job: Job | null;
}

function workerPool(script: string, size: number, timeoutMs: number): Parser {
  let nextId = 1;
  let closed = false;
  const queue: Job[] = [];
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, online: false, job: null }));

  const finish = (slot: Slot, outcome: { done: Extract<ParseResponse, { ok: true }> } | { error: Error }) => {
    const job = slot.job;
    if (!job) return;
    slot.job = null;
    if (job.timer) clearTimeout(job.timer);
    if ('done' in outcome) job.resolve(outcome.done);
    else job.reject(outcome.error);
    slot.worker?.unref();
    pump();
  };

  /** Drops a worker that can no longer be trusted; the next job starts a fresh one. */
  const discard = (slot: Slot, error: Error) => {
    const worker = slot.worker;
    slot.worker = null;
    if (worker) {
      worker.removeAllListeners();
      // Keep an error event from a dying worker from becoming an uncaught exception.
      worker.on('error', () => undefined);
      void worker.terminate().catch(() => undefined);
    }
    finish(slot, { error });
  };

  const startTimer = (slot: Slot, job: Job) => {
    job.timer = setTimeout(() => {
      if (slot.job !== job) return;
      discard(
        slot,
        new ImportError(
          'IMPORT_PARSE_FAILED',
          `${job.request.path}: still not parsed after ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}; refused`,
        ),
      );
    }, timeoutMs);
    job.timer.unref();
  };

  const spawn = (slot: Slot): Worker => {
    const worker = new Worker(script);
    slot.online = false;
    worker.unref();
    worker.once('online', () => {
      slot.online = true;
      if (slot.job && !slot.job.timer) startTimer(slot, slot.job);
    });
    worker.on('message', (response: ParseResponse) => {
      if (!slot.job || response.id !== slot.job.request.id) return;
      if (response.ok) finish(slot, { done: response });
      else finish(slot, { error: new ImportError(response.code, response.message) });
    });
    const crashed = (reason: string) => {
      const path = slot.job?.request.path ?? 'file';
      discard(
        slot,
        new ImportError('IMPORT_PARSE_FAILED', `${path}: the parser stopped (${reason}); the file was not imported`),
      );
    };
    worker.on('error', (error) => crashed(error.message));
    worker.on('exit', (code) => {
      if (slot.worker === worker) crashed(`exit code ${code}`);
    });
    return worker;
  };

  const pump = () => {
    if (closed) return;
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker ??= spawn(slot);
      const worker = slot.worker;
      worker.ref();
      if (slot.online) startTimer(slot, job);
      const { bytes } = job.request;
      // The bytes move to the worker instead of being copied.
      const transfer =
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
          ? [bytes.buffer]
          : [];
      worker.postMessage(job.request, transfer);
    }
  };

  const run = (request: ParseRequest): Promise<Extract<ParseResponse, { ok: true }>> => {
    if (closed) return Promise.reject(new ImportError('IMPORT_PARSE_FAILED', `${request.path}: the parser is closed`));
    return new Promise((resolve, reject) => {
      queue.push({ request, resolve, reject, timer: null });
      pump();
    });
  };

  return {
    concurrency: size,
    async parse(path, bytes, options) {
      const response = await run({ id: nextId++, path, bytes, options });
      if ('preview' in response)
        throw new ImportError('IMPORT_PARSE_FAILED', `${path}: the parser answered with a table preview`);
      // A worker that predates the vocabulary (a test's stand-in) sends records only.
      return { records: response.records, vocab: response.vocab ?? [] };
    },
    async preview(path, bytes, options) {
      const response = await run({ id: nextId++, path, bytes, task: 'preview', preview: options });
      if (!('preview' in response))
        throw new ImportError('IMPORT_PARSE_FAILED', `${path}: the parser answered without a table preview`);
      return response.preview;
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new ImportError('CANCELLED', `${job.request.path}: import closed`));
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          slot.worker = null;
          if (slot.job)
            finish(slot, { error: new ImportError('CANCELLED', `${slot.job.request.path}: import closed`) });
          if (worker) {
            worker.removeAllListeners();
            await worker.terminate();
          }
        }),
      );
    },
  };
}

export function createParser(options: ParserOptions = {}): Parser {
  const script = options.script ?? join(__dirname, 'parseWorker.js');
  const compiled = options.script !== undefined || __filename.endsWith('.js');
  if (!compiled || !existsSync(script)) return inlineParser();
  const size = Math.max(1, options.workers ?? Math.min(4, availableParallelism()));
  return workerPool(script, size, options.timeoutMs ?? 120_000);
}
