/**
 * Clusters off the main thread: analysing 31,000 articles and placing them
 * takes seconds of CPU that would otherwise freeze the window. The worker
 * opens its own read-only connection (WAL lets it read while the app
 * writes) and sends back placements; the main thread stores them.
 *
 * It always ends by itself, after closing its connection (a one-shot
 * worker, serve.ts `once`): terminating a worker while sqlite3 closes a
 * handle aborts the whole process (node-sqlite3 throws from its close
 * callback during environment teardown). Cancelling is a message, honoured
 * between pages of articles and while placing.
 */
import { Connection } from '../db/connection';
import { serveTasks } from '../workers/serve';
import { runClusterJob, type ClusterJobRequest, type ClusterJobResult, type NewSignature } from './clusterJob';

export interface ClusterTask {
  dbPath: string;
  request: ClusterJobRequest;
}

export interface ClusterProgress {
  done: number;
  total: number | null;
  label: string;
  /** Signatures handed over by a full run (clusterJob.ts, SignatureHandOver): no progress of its own. */
  signatures?: NewSignature[];
}

serveTasks<ClusterTask, ClusterJobResult, ClusterProgress>(
  async ({ dbPath, request }, ctx) => {
    let db: Connection | null = null;
    try {
      db = await Connection.open(dbPath, 'readonly');
      db.configure(5000);
      return await runClusterJob(
        db,
        request,
        (done, total, label) => ctx.progress({ done, total, label }),
        ctx.signal,
        (signatures) => ctx.progress({ done: 0, total: null, label: '', signatures }),
      );
    } finally {
      await db?.close().catch(() => undefined);
    }
  },
  { once: true },
);
