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
import type { ErrorCode } from '../../../preload/contract';
import { prepareTexts } from '../search/indexDocument';
import { parseFile } from './registry';
import { IMPORT_BATCH, ImportError, type ImportOptions, type ParsedArticle, type ParsedFile, type ParsedRecord } from './types';

export interface ParseRequest {
  id: number;
  path: string;
  bytes: Uint8Array;
  options: ImportOptions;
}

export type ParseResponse =
  | { id: number; ok: true; records: ParsedRecord[]; vocab?: string[] }
  | { id: number; ok: false; code: ErrorCode; message: string };

export interface Parser {
  parse(path: string, bytes: Uint8Array, options: ImportOptions): Promise<ParsedFile>;
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
    close: async () => undefined,
  };
}

interface Job {
  request: ParseRequest;
  resolve: (file: ParsedFile) => void;
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

  const finish = (slot: Slot, outcome: { file: ParsedFile } | { error: Error }) => {
    const job = slot.job;
    if (!job) return;
    slot.job = null;
    if (job.timer) clearTimeout(job.timer);
    if ('file' in outcome) job.resolve(outcome.file);
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
      discard(slot, new ImportError('IMPORT_PARSE_FAILED', `${job.request.path}: still not parsed after ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}; refused`));
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
      // A worker that predates the vocabulary (a test's stand-in) sends records only.
      if (response.ok) finish(slot, { file: { records: response.records, vocab: response.vocab ?? [] } });
      else finish(slot, { error: new ImportError(response.code, response.message) });
    });
    const crashed = (reason: string) => {
      const path = slot.job?.request.path ?? 'file';
      discard(slot, new ImportError('IMPORT_PARSE_FAILED', `${path}: the parser stopped (${reason}); the file was not imported`));
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
      const transfer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
      worker.postMessage(job.request, transfer);
    }
  };

  return {
    concurrency: size,
    parse(path, bytes, options) {
      if (closed) return Promise.reject(new ImportError('IMPORT_PARSE_FAILED', `${path}: the parser is closed`));
      return new Promise<ParsedFile>((resolve, reject) => {
        queue.push({ request: { id: nextId++, path, bytes, options }, resolve, reject, timer: null });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new ImportError('CANCELLED', `${job.request.path}: import closed`));
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          slot.worker = null;
          if (slot.job) finish(slot, { error: new ImportError('CANCELLED', `${slot.job.request.path}: import closed`) });
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
