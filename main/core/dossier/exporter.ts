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
import { MizanError } from '../../../preload/contract/errors';
import { createWorkerPool } from '../workers/pool';
import { workerScript } from '../workers/script';
import type { ExportJob, ExportOutput, ExportProgress } from './exportTypes';
import type { ProgressFn } from './model';

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

export function createExporter(): Exporter {
  const pool = createWorkerPool<ExportJob, ExportOutput, ExportProgress>({
    script: workerScript(__dirname, 'exportWorker.js'),
    async inline(job, ctx) {
      // Loaded here, not imported above: PDFKit and fontkit take a while to
      // load (~0.3 s), and a process that exports in a worker never needs them.
      const { runExportHere } = await import('./exportRun.js');
      return runExportHere(job, (done, total, label) => ctx.progress({ done, total, label }), ctx.signal);
    },
    errors: {
      failed: (error, job) => new MizanError('INTERNAL', `${job.kind.toUpperCase()} export failed: ${error.message}`),
      crashed: (reason) => new MizanError('INTERNAL', `the export worker stopped (${reason})`),
      cancelled,
      closed: cancelled,
    },
  });
  return {
    run: (job, progress, signal) => pool.run(job, { onProgress: (p) => progress(p.done, p.total, p.label), signal }),
    warm: () => pool.warm(),
    close: () => pool.close(),
  };
}
