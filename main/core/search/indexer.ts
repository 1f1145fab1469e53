/**
 * Analyzes articles for the library index off the main thread (about 0.3 ms
 * an article: a 400-article import batch would otherwise hold the main
 * process for over 100 ms). Worker threads when running from compiled
 * JavaScript, in-line under the TypeScript test runner.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeBatch, type BatchInput, type IndexBatch, type TermCount } from './indexDocument';

export interface IndexerRequest {
  id: number;
  inputs: BatchInput[];
  withStreams: boolean;
}

export type IndexerResponse = { id: number; ok: true; batch: IndexBatch } | { id: number; ok: false; message: string };

export interface Indexer {
  /** Index rows of `inputs` (in order, when `withStreams`) and their summed vocabulary. */
  build(inputs: BatchInput[], withStreams: boolean): Promise<IndexBatch>;
  close(): Promise<void>;
}

function inlineIndexer(): Indexer {
  return {
    build: async (inputs, withStreams) => analyzeBatch(inputs, withStreams),
    close: async () => undefined,
  };
}

/** Sums the vocabulary counts of batches analyzed apart. */
function mergeTerms(parts: readonly TermCount[][]): TermCount[] {
  if (parts.length === 1) return parts[0]!;
  const merged = new Map<string, TermCount>();
  for (const part of parts) {
    for (const t of part) {
      const seen = merged.get(t[0]);
      if (!seen) merged.set(t[0], t);
      else {
        if (t[2] > seen[2]) {
          seen[1] = t[1];
          seen[2] = 1;
        }
        if (t[3] > seen[3]) seen[3] = 1;
        seen[4] += t[4];
      }
    }
  }
  return [...merged.values()];
}

interface PooledWorker {
  worker: Worker;
  pending: Map<number, { resolve: (b: IndexBatch) => void; reject: (e: Error) => void }>;
}

function startWorker(script: string): PooledWorker {
  const worker = new Worker(script);
  worker.unref();
  const pending: PooledWorker['pending'] = new Map();
  worker.on('message', (response: IndexerResponse) => {
    const waiter = pending.get(response.id);
    if (!waiter) return;
    pending.delete(response.id);
    if (response.ok) waiter.resolve(response.batch);
    else waiter.reject(new Error(`indexing failed: ${response.message}`));
    if (pending.size === 0) worker.unref();
  });
  const failAll = (error: Error): void => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the indexing worker stopped')));
  return { worker, pending };
}

/** Large requests are split across the workers; small ones go to the least busy. */
function workerIndexer(script: string, size: number): Indexer {
  const pool: PooledWorker[] = [];
  let nextId = 1;
  const send = (w: PooledWorker, inputs: BatchInput[], withStreams: boolean): Promise<IndexBatch> => {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      w.pending.set(id, { resolve, reject });
      w.worker.ref();
      const request: IndexerRequest = { id, inputs, withStreams };
      w.worker.postMessage(request);
    });
  };
  return {
    async build(inputs, withStreams) {
      if (inputs.length === 0) return { streams: [], terms: [] };
      // Workers start on first use: a CLI search never pays for them.
      while (pool.length < size) pool.push(startWorker(script));
      const parts = inputs.length >= 40 ? pool.length : 1;
      const per = Math.ceil(inputs.length / parts);
      const byLoad = [...pool].sort((a, b) => a.pending.size - b.pending.size);
      const results = await Promise.all(
        byLoad.slice(0, parts).map((w, i) => send(w, inputs.slice(i * per, (i + 1) * per), withStreams)),
      );
      return { streams: results.flatMap((r) => r.streams), terms: mergeTerms(results.map((r) => r.terms)) };
    },
    async close() {
      await Promise.all(pool.map((w) => w.worker.terminate()));
      pool.length = 0;
    },
  };
}

export function createIndexer(options: { workers?: number } = {}): Indexer {
  const script = join(__dirname, 'indexWorker.js');
  const size = Math.max(1, Math.min(options.workers ?? availableParallelism(), 4));
  return __filename.endsWith('.js') && existsSync(script) ? workerIndexer(script, size) : inlineIndexer();
}
