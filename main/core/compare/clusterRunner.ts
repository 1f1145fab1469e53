/**
 * Runs a clustering job in a worker thread when running from compiled
 * JavaScript, and in-line otherwise (unit tests run the TypeScript sources
 * directly, and an in-memory library cannot be opened by a second thread).
 */
import { MizanError } from '../../../preload/contract/errors';
import type { Database } from '../db/connection';
import { createWorkerPool } from '../workers/pool';
import { workerScript } from '../workers/script';
import {
  runClusterJob,
  type ClusterJobRequest,
  type ClusterJobResult,
  type JobProgress,
  type SignatureHandOver,
} from './clusterJob';
import type { ClusterProgress, ClusterTask } from './clusterWorker';

function cancelled(): MizanError {
  return new MizanError('CANCELLED', 'clustering was cancelled');
}

export async function runClustering(
  db: Database,
  request: ClusterJobRequest,
  progress: JobProgress,
  signal: AbortSignal,
  handOver?: SignatureHandOver,
): Promise<ClusterJobResult> {
  if (signal.aborted) throw cancelled();
  const script = workerScript(__dirname, 'clusterWorker.js');
  if (script && db.path !== ':memory:') {
    // One-shot: the worker closes its own connection and ends (see clusterWorker.ts).
    const pool = createWorkerPool<ClusterTask, ClusterJobResult, ClusterProgress>({
      script,
      oneShot: true,
      errors: {
        failed: (error) => new MizanError('INTERNAL', `clustering failed: ${error.message}`),
        crashed: (reason) => new MizanError('INTERNAL', `clustering worker stopped (${reason})`),
        cancelled,
      },
    });
    return pool.run(
      { dbPath: db.path, request },
      {
        onProgress: (p) => (p.signatures ? handOver?.(p.signatures) : progress(p.done, p.total, p.label)),
        signal,
      },
    );
  }
  try {
    return await runClusterJob(db, request, progress, signal, handOver);
  } catch (error) {
    if (signal.aborted) throw cancelled();
    throw error;
  }
}
