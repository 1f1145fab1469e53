/**
 * Where collection indexes are built, held and searched: a worker thread
 * when running from compiled JavaScript (a 5,000-article build takes
 * seconds and loading one takes hundreds of milliseconds: neither may
 * block the main process), in-line under the TypeScript test runner.
 * Both speak the same messages.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type lunr from 'lunr';
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
  | { type: 'build'; id: number; key: string; inputs: CollectionInput[] }
  | { type: 'load'; id: number; key: string; data: Uint8Array }
  | { type: 'search'; id: number; key: string; plan: CollectionPlan }
  | { type: 'drop'; id: number; key: string };

export type EngineResponse =
  | { type: 'progress'; id: number; done: number }
  | { type: 'built'; id: number; data: Uint8Array }
  | { type: 'loaded'; id: number }
  | { type: 'hits'; id: number; hits: PackedHits }
  | { type: 'missing'; id: number }
  | { type: 'error'; id: number; message: string };

/**
 * Indexes kept loaded: one (a 5,000-article index holds ~200 MB of lunr
 * objects); switching collections reloads from SQLite in about a second.
 */
const LOADED_LIMIT = 1;

/** The message handler itself, shared by the worker and the in-line engine. */
export function createEngineCore(): (request: EngineRequest, reply: (response: EngineResponse) => void) => void {
  const loaded = new Map<string, lunr.Index>();
  const keep = (key: string, index: lunr.Index): void => {
    loaded.delete(key);
    loaded.set(key, index);
    while (loaded.size > LOADED_LIMIT) loaded.delete(loaded.keys().next().value as string);
  };
  return (request, reply) => {
    try {
      switch (request.type) {
        case 'build': {
          // Drop the index in use first: two at once is what would set the peak.
          loaded.clear();
          const serialized = buildCollectionIndex(request.inputs, (done) =>
            reply({ type: 'progress', id: request.id, done }),
          );
          const data = serializeIndex(serialized);
          keep(request.key, loadIndex(serialized));
          reply({ type: 'built', id: request.id, data });
          return;
        }
        case 'load':
          loaded.clear();
          keep(request.key, loadIndex(request.data));
          reply({ type: 'loaded', id: request.id });
          return;
        case 'search': {
          const index = loaded.get(request.key);
          if (!index) {
            reply({ type: 'missing', id: request.id });
            return;
          }
          keep(request.key, index);
          reply({ type: 'hits', id: request.id, hits: packHits(searchCollection(index, request.plan)) });
          return;
        }
        case 'drop':
          loaded.delete(request.key);
          reply({ type: 'loaded', id: request.id });
          return;
      }
    } catch (error) {
      reply({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
    }
  };
}

type Pending = {
  resolve: (r: EngineResponse) => void;
  reject: (e: Error) => void;
  onProgress?: (done: number) => void;
};

export interface CollectionEngine {
  build(key: string, inputs: CollectionInput[], onProgress?: (done: number) => void): Promise<Uint8Array>;
  load(key: string, data: Uint8Array): Promise<void>;
  /** null when the index `key` is not loaded. */
  search(key: string, plan: CollectionPlan): Promise<PackedHits | null>;
  close(): Promise<void>;
}

function engineOver(
  send: (request: EngineRequest) => void,
  pending: Map<number, Pending>,
  close: () => Promise<void>,
): CollectionEngine {
  let nextId = 1;
  const ask = (make: (id: number) => EngineRequest, onProgress?: (done: number) => void): Promise<EngineResponse> => {
    const id = nextId++;
    return new Promise<EngineResponse>((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      send(make(id));
    });
  };
  const fail = (r: EngineResponse): never => {
    throw new Error(r.type === 'error' ? r.message : `unexpected answer from the collection index: ${r.type}`);
  };
  return {
    async build(key, inputs, onProgress) {
      const r = await ask((id) => ({ type: 'build', id, key, inputs }), onProgress);
      return r.type === 'built' ? r.data : fail(r);
    },
    async load(key, data) {
      const r = await ask((id) => ({ type: 'load', id, key, data }));
      if (r.type !== 'loaded') fail(r);
    },
    async search(key, plan) {
      const r = await ask((id) => ({ type: 'search', id, key, plan }));
      if (r.type === 'missing') return null;
      return r.type === 'hits' ? r.hits : fail(r);
    },
    close,
  };
}

function dispatchResponse(pending: Map<number, Pending>, response: EngineResponse): void {
  const waiter = pending.get(response.id);
  if (!waiter) return;
  if (response.type === 'progress') {
    waiter.onProgress?.(response.done);
    return;
  }
  pending.delete(response.id);
  waiter.resolve(response);
}

function inlineEngine(): CollectionEngine {
  const core = createEngineCore();
  const pending = new Map<number, Pending>();
  // A macrotask hop keeps the in-line engine asynchronous like the worker.
  const send = (request: EngineRequest): void => {
    setImmediate(() => core(request, (response) => dispatchResponse(pending, response)));
  };
  return engineOver(send, pending, async () => undefined);
}

function workerEngine(script: string): CollectionEngine {
  const worker = new Worker(script);
  worker.unref();
  const pending = new Map<number, Pending>();
  worker.on('message', (response: EngineResponse) => {
    dispatchResponse(pending, response);
    if (pending.size === 0) worker.unref();
  });
  const failAll = (error: Error): void => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the collection index worker stopped')));
  const send = (request: EngineRequest): void => {
    worker.ref();
    worker.postMessage(request);
  };
  return engineOver(send, pending, async () => {
    await worker.terminate();
  });
}

export function createCollectionEngine(): CollectionEngine {
  const script = join(__dirname, 'collectionWorker.js');
  return __filename.endsWith('.js') && existsSync(script) ? workerEngine(script) : inlineEngine();
}
