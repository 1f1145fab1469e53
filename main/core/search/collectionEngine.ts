/**
 * Where collection indexes are built, held and searched: a worker thread
 * when running from compiled JavaScript (a 5,000-article build takes
 * seconds and loading one takes hundreds of milliseconds: neither may
 * block the main process), in-line under the TypeScript test runner.
 * Both run the same engine (createEngineCore).
 */
import type lunr from 'lunr';
import { MizanError } from '../../../preload/contract/errors';
import { createWorkerPool } from '../workers/pool';
import { workerScript } from '../workers/script';
import type { TaskFn } from '../workers/serve';
import {
  buildCollectionIndex,
  loadIndex,
  packHits,
  searchCollection,
  serializeIndex,
  type CollectionInput,
  type CollectionPlan,
  type PackedHits,
} from './lunrCollection';

export type EngineRequest =
  | { type: 'build'; key: string; inputs: CollectionInput[] }
  | { type: 'load'; key: string; data: Uint8Array }
  | { type: 'search'; key: string; plan: CollectionPlan }
  | { type: 'drop'; key: string };

export type EngineAnswer =
  { type: 'built'; data: Uint8Array } | { type: 'loaded' } | { type: 'hits'; hits: PackedHits } | { type: 'missing' };

/**
 * Indexes kept loaded: one (a 5,000-article index holds ~200 MB of lunr
 * objects); switching collections reloads from SQLite in about a second.
 */
const LOADED_LIMIT = 1;

/** The engine itself, holding the loaded indexes: one in the worker, or one in-line. Progress: articles indexed. */
export function createEngineCore(): TaskFn<EngineRequest, EngineAnswer, number> {
  const loaded = new Map<string, lunr.Index>();
  const keep = (key: string, index: lunr.Index): void => {
    loaded.delete(key);
    loaded.set(key, index);
    while (loaded.size > LOADED_LIMIT) loaded.delete(loaded.keys().next().value as string);
  };
  return (request, ctx) => {
    switch (request.type) {
      case 'build': {
        // Drop the index in use first: two at once is what would set the peak.
        loaded.clear();
        const serialized = buildCollectionIndex(request.inputs, (done) => ctx.progress(done));
        const data = serializeIndex(serialized);
        keep(request.key, loadIndex(serialized));
        return { type: 'built', data };
      }
      case 'load':
        loaded.clear();
        keep(request.key, loadIndex(request.data));
        return { type: 'loaded' };
      case 'search': {
        const index = loaded.get(request.key);
        if (!index) return { type: 'missing' };
        keep(request.key, index);
        return { type: 'hits', hits: packHits(searchCollection(index, request.plan)) };
      }
      case 'drop':
        loaded.delete(request.key);
        return { type: 'loaded' };
    }
  };
}

export interface CollectionEngine {
  build(key: string, inputs: CollectionInput[], onProgress?: (done: number) => void): Promise<Uint8Array>;
  load(key: string, data: Uint8Array): Promise<void>;
  /** null when the index `key` is not loaded. */
  search(key: string, plan: CollectionPlan): Promise<PackedHits | null>;
  close(): Promise<void>;
}

/** One worker: the loaded index lives in it, so every request goes to the same thread, in order. */
export function createCollectionEngine(): CollectionEngine {
  const pool = createWorkerPool<EngineRequest, EngineAnswer, number>({
    script: workerScript(__dirname, 'collectionWorker.js'),
    inline: createEngineCore(),
    errors: {
      failed: (error) => new MizanError('INTERNAL', error.message),
      crashed: (reason) => new MizanError('INTERNAL', `the collection index worker stopped (${reason})`),
    },
  });
  const fail = (r: EngineAnswer): never => {
    throw new MizanError('INTERNAL', `unexpected answer from the collection index: ${r.type}`);
  };
  return {
    async build(key, inputs, onProgress) {
      const r = await pool.run({ type: 'build', key, inputs }, { onProgress });
      return r.type === 'built' ? r.data : fail(r);
    },
    async load(key, data) {
      const r = await pool.run({ type: 'load', key, data });
      if (r.type !== 'loaded') fail(r);
    },
    async search(key, plan) {
      const r = await pool.run({ type: 'search', key, plan });
      if (r.type === 'missing') return null;
      return r.type === 'hits' ? r.hits : fail(r);
    },
    close: () => pool.close(),
  };
}
