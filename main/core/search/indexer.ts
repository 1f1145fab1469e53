/**
 * Analyzes articles for the library index off the main thread (about 0.3 ms
 * an article: a 400-article import batch would otherwise hold the main
 * process for over 100 ms). Worker threads when running from compiled
 * JavaScript, in-line under the TypeScript test runner.
 */
import { availableParallelism } from 'node:os';
import { MizanError } from '../../../preload/contract/errors';
import { createWorkerPool } from '../workers/pool';
import { workerScript } from '../workers/script';
import { analyzeBatch, type BatchInput, type IndexBatch, type TermCount } from './indexDocument';

export interface IndexerRequest {
  inputs: BatchInput[];
  withStreams: boolean;
}

/** What an indexing thread does with a request (the same in-line). */
export function indexTask(request: IndexerRequest): IndexBatch {
  return analyzeBatch(request.inputs, request.withStreams);
}

export interface Indexer {
  /** Index rows of `inputs` (in order, when `withStreams`) and their summed vocabulary. */
  build(inputs: BatchInput[], withStreams: boolean): Promise<IndexBatch>;
  close(): Promise<void>;
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

/** Large requests are split across the workers; small ones go to the first free one. */
export function createIndexer(options: { workers?: number } = {}): Indexer {
  const pool = createWorkerPool<IndexerRequest, IndexBatch>({
    script: workerScript(__dirname, 'indexWorker.js'),
    inline: indexTask,
    size: Math.max(1, Math.min(options.workers ?? availableParallelism(), 4)),
    errors: {
      failed: (error) => new MizanError('INTERNAL', `indexing failed: ${error.message}`),
      crashed: (reason) => new MizanError('INTERNAL', `the indexing worker stopped (${reason})`),
    },
  });
  return {
    async build(inputs, withStreams) {
      if (inputs.length === 0) return { streams: [], terms: [] };
      const parts = inputs.length >= 40 ? pool.size : 1;
      const per = Math.ceil(inputs.length / parts);
      const results = await Promise.all(
        Array.from({ length: parts }, (_, i) =>
          pool.run({ inputs: inputs.slice(i * per, (i + 1) * per), withStreams }),
        ),
      );
      return { streams: results.flatMap((r) => r.streams), terms: mergeTerms(results.map((r) => r.terms)) };
    },
    close: () => pool.close(),
  };
}
