/**
 * Clusters off the main thread: analysing 31,000 articles and placing them
 * takes seconds of CPU that would otherwise freeze the window. The worker
 * opens its own read-only connection (WAL lets it read while the app
 * writes) and sends back placements; the main thread stores them.
 *
 * It always ends by itself, after closing its connection: terminating a
 * worker while sqlite3 closes a handle aborts the whole process (node-sqlite3
 * throws from its close callback during environment teardown). Cancelling is
 * a message, honoured between pages of articles and while placing.
 */
import { parentPort } from 'node:worker_threads';
import { Connection } from '../db/connection';
import { runClusterJob, type ClusterJobRequest, type ClusterJobResult } from './clusterJob';

export type WorkerInbound = { type: 'run'; dbPath: string; request: ClusterJobRequest } | { type: 'cancel' };

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number | null; label: string }
  | { type: 'done'; result: ClusterJobResult }
  | { type: 'error'; message: string; cancelled: boolean };

const controller = new AbortController();

async function run(dbPath: string, request: ClusterJobRequest): Promise<WorkerMessage> {
  let db: Connection | null = null;
  try {
    db = await Connection.open(dbPath, 'readonly');
    db.configure(5000);
    const result = await runClusterJob(
      db,
      request,
      (done, total, label) => parentPort?.postMessage({ type: 'progress', done, total, label } satisfies WorkerMessage),
      controller.signal,
    );
    return { type: 'done', result };
  } catch (error) {
    return {
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      cancelled: controller.signal.aborted,
    };
  } finally {
    await db?.close().catch(() => undefined);
  }
}

parentPort?.on('message', (message: WorkerInbound) => {
  if (message.type === 'cancel') {
    controller.abort(new Error('cancelled'));
    return;
  }
  void run(message.dbPath, message.request).then((reply) => {
    parentPort?.postMessage(reply);
    parentPort?.close();
  });
});
