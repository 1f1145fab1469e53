/**
 * Runs exports off the main thread. Laying out and shaping a 200-article
 * dossier takes seconds of CPU; in a worker thread the window (or the web
 * host) stays responsive and progress keeps flowing.
 *
 * One long-lived worker, started on first use: it keeps PDFKit loaded and
 * Amiri parsed between exports (about a second saved on each). Exports take
 * turns. Cancelling the running export terminates the worker; the next
 * export starts a fresh one. An idle worker does not keep the process alive.
 *
 * Unit tests run the TypeScript sources, where there is no compiled worker
 * script: there the export runs in-line.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { MizanError } from '../../../preload/contract/errors';
import type { DossierDocument, ProgressFn, RenderOptions } from './model';

export type ExportKind = 'pdf' | 'html';

export interface ExportJob {
  kind: ExportKind;
  document: DossierDocument;
  options: RenderOptions;
}

export interface ExportOutput {
  bytes: Uint8Array;
  /** Pages of a PDF; null for HTML. */
  pages: number | null;
  /** 1-based page each item starts on (PDF). */
  itemPages: number[] | null;
}

export type WorkerRequest = { id: number; job: ExportJob } | { id: 0; warm: true };

export type WorkerMessage =
  | { id: number; type: 'progress'; done: number; total: number; label: string }
  | { id: number; type: 'done'; output: ExportOutput }
  | { id: number; type: 'error'; message: string };

export interface Exporter {
  run(job: ExportJob, progress: ProgressFn, signal?: AbortSignal): Promise<ExportOutput>;
  /**
   * Starts the worker and has it load PDFKit and parse Amiri (about a second
   * of CPU), so that the export that follows starts at once. Called when the
   * dossiers are opened.
   */
  warm(): void;
  close(): Promise<void>;
}

function cancelled(): MizanError {
  return new MizanError('CANCELLED', 'export cancelled');
}

interface Pending {
  request: { id: number; job: ExportJob };
  progress: ProgressFn;
  signal?: AbortSignal;
  resolve(output: ExportOutput): void;
  reject(error: Error): void;
}

function workerExporter(script: string): Exporter {
  let worker: Worker | null = null;
  let running: Pending | null = null;
  const queue: Pending[] = [];
  let nextId = 1;

  const fail = (job: Pending | null, error: Error) => {
    if (!job) return;
    if (running === job) running = null;
    job.reject(error);
  };

  function start(): Worker {
    const w = new Worker(script);
    w.on('message', (message: WorkerMessage) => {
      const job = running;
      if (!job || job.request.id !== message.id) return;
      if (message.type === 'progress') {
        job.progress(message.done, message.total, message.label);
        return;
      }
      running = null;
      if (message.type === 'done') job.resolve(message.output);
      else
        job.reject(
          new MizanError('INTERNAL', `${job.request.job.kind.toUpperCase()} export failed: ${message.message}`),
        );
      next();
    });
    // A worker terminated on purpose (cancel, close) is no longer `worker`:
    // only the current one failing fails the export it runs.
    w.on('error', (error) => {
      if (worker === w) fail(running, new MizanError('INTERNAL', `export failed: ${error.message}`));
    });
    w.on('exit', (code) => {
      if (worker !== w) return;
      worker = null;
      fail(running, new MizanError('INTERNAL', `the export worker stopped (exit code ${code})`));
      next();
    });
    return w;
  }

  function next(): void {
    if (running) return;
    const job = queue.shift();
    if (!job) {
      worker?.unref();
      return;
    }
    if (job.signal?.aborted) {
      job.reject(cancelled());
      next();
      return;
    }
    running = job;
    worker ??= start();
    worker.ref();
    worker.postMessage(job.request);
  }

  return {
    run(job, progress, signal) {
      return new Promise<ExportOutput>((resolve, reject) => {
        const pending: Pending = { request: { id: nextId++, job }, progress, signal, resolve, reject };
        const onAbort = () => {
          const queued = queue.indexOf(pending);
          if (queued >= 0) {
            queue.splice(queued, 1);
            reject(cancelled());
          } else if (running === pending) {
            running = null;
            const w = worker;
            worker = null;
            reject(cancelled());
            void w?.terminate();
            next();
          }
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        const settle =
          <T>(fn: (value: T) => void) =>
          (value: T) => {
            signal?.removeEventListener('abort', onAbort);
            fn(value);
          };
        pending.resolve = settle(resolve);
        pending.reject = settle(reject);
        queue.push(pending);
        next();
      });
    },
    warm() {
      if (worker) return;
      worker = start();
      const request: WorkerRequest = { id: 0, warm: true };
      worker.postMessage(request);
      if (!running) worker.unref();
    },
    async close() {
      for (const job of queue.splice(0)) job.reject(cancelled());
      const w = worker;
      worker = null;
      fail(running, cancelled());
      await w?.terminate();
    },
  };
}

function inlineExporter(): Exporter {
  return {
    async run(job, progress, signal) {
      try {
        // Loaded here, not imported above: PDFKit and fontkit take a while to
        // load (~0.3 s), and a process that exports in a worker never needs them.
        const { runExportHere } = await import('./exportRun.js');
        return await runExportHere(job, progress, signal);
      } catch (error) {
        if (signal?.aborted) throw cancelled();
        throw error;
      }
    },
    warm: () => undefined,
    close: async () => undefined,
  };
}

export function createExporter(): Exporter {
  const script = join(__dirname, 'exportWorker.js');
  return __filename.endsWith('.js') && existsSync(script) ? workerExporter(script) : inlineExporter();
}
