/**
 * Where collection indexes are built, held and searched: a worker thread
 * when running from compiled JavaScript (a 5,000-article build takes
 * seconds and loading one takes hundreds of milliseconds: neither may
 * block the main process), in-line under the TypeScript test runner.
 * Both run the same engine (createEngineCore).
 */
import { MizanError } from '../../../preload/contract/errors';
import type { LunrSearcher } from './compactLunrQuery';
import { createWorkerPool } from '../workers/pool';
import { workerScript } from '../workers/script';
import type { TaskFn } from '../workers/serve';
import {
  buildCollectionIndex,
  loadIndex,
  lunrIndexOf,
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
 * Loaded indexes are kept while their stored sizes add up to this (always
 * the last one used): a 5,000-article index is 19 MB stored and holds about
 * twice that loaded (bench:collections), so this keeps about 100 MB.
 */
const LOADED_BYTES = 48 * 1024 * 1024;
/** An index not searched for this long is dropped; loading it again takes milliseconds. */
const IDLE_MS = 5 * 60 * 1000;

interface Loaded {
  index: LunrSearcher;
  bytes: number;
  timer: NodeJS.Timeout;
}

/** The engine itself, holding the loaded indexes: one in the worker, or one in-line. Progress: articles indexed. */
export function createEngineCore(): TaskFn<EngineRequest, EngineAnswer, number> {
  const loaded = new Map<string, Loaded>();
  const drop = (key: string): void => {
    const entry = loaded.get(key);
    if (entry) clearTimeout(entry.timer);
    loaded.delete(key);
  };
  const idleTimer = (key: string): NodeJS.Timeout => {
    const timer = setTimeout(() => drop(key), IDLE_MS);
    timer.unref();
    return timer;
  };
  const keep = (key: string, index: LunrSearcher, bytes: number): void => {
    drop(key);
    loaded.set(key, { index, bytes, timer: idleTimer(key) });
    let total = 0;
    for (const entry of loaded.values()) total += entry.bytes;
    for (const [oldest, entry] of loaded) {
      if (total <= LOADED_BYTES || oldest === key) break;
      total -= entry.bytes;
      drop(oldest);
    }
  };
  return (request, ctx) => {
    switch (request.type) {
      case 'build': {
        const compact = buildCollectionIndex(request.inputs, (done) => ctx.progress(done));
        const data = serializeIndex(compact);
        keep(request.key, lunrIndexOf(compact), data.byteLength);
        return { type: 'built', data };
      }
      case 'load':
        keep(request.key, loadIndex(request.data), request.data.byteLength);
        return { type: 'loaded' };
      case 'search': {
        const entry = loaded.get(request.key);
        if (!entry) return { type: 'missing' };
        keep(request.key, entry.index, entry.bytes);
        return { type: 'hits', hits: packHits(searchCollection(entry.index, request.plan)) };
      }
      case 'drop':
        drop(request.key);
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
