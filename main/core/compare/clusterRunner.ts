/**
 * Runs a clustering job in a worker thread when running from compiled
 * JavaScript, and in-line otherwise (unit tests run the TypeScript sources
 * directly, and an in-memory library cannot be opened by a second thread).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { MizanError } from '../../../preload/contract/errors';
import type { Database } from '../db/connection';
import { runClusterJob, type ClusterJobRequest, type ClusterJobResult, type JobProgress } from './clusterJob';
import type { WorkerInbound, WorkerMessage } from './clusterWorker';

function cancelled(): MizanError {
  return new MizanError('CANCELLED', 'clustering was cancelled');
}

function inWorker(
  script: string,
  dbPath: string,
  request: ClusterJobRequest,
  progress: JobProgress,
  signal: AbortSignal,
): Promise<ClusterJobResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      fn();
    };
    // The worker stops at its next check and closes its connection itself (see clusterWorker.ts).
    const onAbort = (): void => {
      worker.postMessage({ type: 'cancel' } satisfies WorkerInbound);
      finish(() => reject(cancelled()));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') {
        if (!settled) progress(m.done, m.total, m.label);
      } else if (m.type === 'done') finish(() => resolve(m.result));
      else
        finish(() => reject(m.cancelled ? cancelled() : new MizanError('INTERNAL', `clustering failed: ${m.message}`)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new MizanError('INTERNAL', `clustering worker stopped (exit code ${code})`))),
    );
    worker.postMessage({ type: 'run', dbPath, request } satisfies WorkerInbound);
  });
}

export async function runClustering(
  db: Database,
  request: ClusterJobRequest,
  progress: JobProgress,
  signal: AbortSignal,
): Promise<ClusterJobResult> {
  if (signal.aborted) throw cancelled();
  const script = join(__dirname, 'clusterWorker.js');
  if (__filename.endsWith('.js') && existsSync(script) && db.path !== ':memory:') {
    return inWorker(script, db.path, request, progress, signal);
  }
  try {
    return await runClusterJob(db, request, progress, signal);
  } catch (error) {
    if (signal.aborted) throw cancelled();
    throw error;
  }
}
