/**
 * Keeps the library's entity index current in the background: drains the
 * queue the article triggers fill (new libraries' backfill, imports, edits),
 * a chunk at a time: text read on the reader, people/places/organisations
 * extracted on a worker thread, the chunk stored in one write. Runs one drain
 * at a time; a request during a drain asks for one more pass after it.
 */
import type { ResourceLimits } from 'node:worker_threads';
import { MizanError } from '../../../preload/contract/errors';
import type { Database } from '../db/connection';
import { createWorkerPool } from '../workers/pool';
import { workerScript } from '../workers/script';
import type { ExtractRequest, ExtractResult } from './extractTask';
import { EXTRACTOR_VERSION } from '../entities/version';
import {
  queueState,
  readQueued,
  requeueForExtractor,
  settleStale,
  storeExtracted,
  type Extracted,
} from './entityStore';

/**
 * Articles per chunk: one worker task and one transaction. A chunk's texts,
 * its message to the worker, its result rows and its JSON parameters pass
 * through native buffers whose high-water mark glibc's arenas keep: chunks of
 * 50 instead of 200 filled 4,756 articles at 225-228 MB of peak RSS against
 * 243-247 (after the fill 148-160 against 174-179), for 6-9 % more CPU; 25 saved
 * no more (README, bench/entityFill.ts). A cancel waits for 0.1-0.3 s of extraction.
 */
const CHUNK = 50;

/**
 * The worker's old generation at most: left to itself V8 let it grow to
 * ~120 MB over 1,200 articles (19 MB live after a full GC); capped at 64 MB
 * it stays at ~85 MB at about the same CPU (7.1-7.4 -> 7.4-7.7 s), without
 * `--max-semi-space-size`'s cost (+25 %). A book-length text (1.7 M
 * characters) needs more: its chunk is read again without the limit.
 */
const WORKER_OLD_SPACE_MB = 64;

export interface EntityIndexProgress {
  /** Articles still to read. */
  queued: number;
  /** Articles in the library. */
  articles: number;
  /** True while a drain is under way. */
  running: boolean;
}

export interface EntityIndexer {
  /** Asks for a drain (after an import, an edit, a delete, or at open); nothing when built with `auto: false`. */
  request(): void;
  /** Drains the queue now, whatever `auto` says, and resolves when it is empty (the CLI's `entities --top`). */
  catchUp(): Promise<void>;
  /** Resolves when no drain is under way or asked for. */
  idle(): Promise<void>;
  progress(): Promise<EntityIndexProgress>;
  close(): Promise<void>;
}

export interface EntityIndexerOptions {
  db: Database;
  onError?: (error: unknown) => void;
  /** Articles per chunk (tests use small chunks to see progress move). */
  chunk?: number;
  /** Drain when asked (default true); false leaves the queue until catchUp (short CLI commands, benchmarks). */
  auto?: boolean;
}

export function createEntityIndexer(options: EntityIndexerOptions): EntityIndexer {
  const { db } = options;
  const chunk = options.chunk ?? CHUNK;
  const controller = new AbortController();
  // One thread: it runs beside imports and searches on machines of two cores.
  const extractors = (resourceLimits?: ResourceLimits) =>
    createWorkerPool<ExtractRequest, ExtractResult>({
      script: workerScript(__dirname, 'entityWorker.js'),
      // Loaded when a task runs in-line: the extractor's name tables cost a one-shot CLI call ~75 ms of CPU at load.
      inline: async (request) => (await import('./extractTask.js')).extractTask(request),
      size: 1,
      resourceLimits,
      errors: {
        failed: (error) => new MizanError('INTERNAL', `reading entities failed: ${error.message}`),
        crashed: (reason) => new MizanError('INTERNAL', `the entity worker stopped (${reason})`),
      },
    });
  /** Started by a drain and stopped when the queue is empty: an idle app keeps no extractor's heap. */
  let pool: ReturnType<typeof extractors> | null = null;
  /** A chunk the limited worker could not read, once more on a worker without the limit (then stopped). */
  let roomy: ReturnType<typeof extractors> | null = null;
  async function extract(request: ExtractRequest): Promise<ExtractResult> {
    try {
      pool ??= extractors({ maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB });
      return await pool.run(request, { signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) throw error;
      roomy = extractors();
      try {
        return await roomy.run(request, { signal: controller.signal });
      } finally {
        await roomy.close();
        roomy = null;
      }
    }
  }
  async function release(): Promise<void> {
    const stopping = pool;
    pool = null;
    await stopping?.close();
  }
  let current: Promise<void> | null = null;
  let again = false;
  /** The stored reading is compared with the running extractor once, at the first drain. */
  let versionChecked = false;

  async function drain(): Promise<void> {
    if (!versionChecked) {
      await requeueForExtractor(db, EXTRACTOR_VERSION);
      versionChecked = true;
    }
    let after = 0;
    for (;;) {
      if (controller.signal.aborted) return;
      const articles = await readQueued(db, after, chunk);
      if (articles.length === 0) break;
      after = articles[articles.length - 1]!.id;
      const { articles: found } = await extract({ articles });
      const stamp = new Map(articles.map((a) => [a.id, a.updatedAt]));
      const batch: Extracted[] = found.map((f) => ({ id: f.id, updatedAt: stamp.get(f.id)!, mentions: f.mentions }));
      await db.write((w) => storeExtracted(w, batch));
    }
    // Deletes leave stale entities without queueing anything; most drains find none (no write then).
    const stale = await db.get<{ n: number }>('SELECT count(*) AS n FROM entity_stale');
    if ((stale?.n ?? 0) > 0) await db.write((w) => settleStale(w));
  }

  const start = (): void => {
    current = (async () => {
      do {
        again = false;
        try {
          await drain();
        } catch (error) {
          if (!controller.signal.aborted) options.onError?.(error);
        }
        // The queue is empty: the worker goes (a request meanwhile sets `again`, and the next pass starts one).
        if (!again) await release();
      } while (again && !controller.signal.aborted);
    })().finally(() => {
      current = null;
    });
  };

  const kick = (): void => {
    if (controller.signal.aborted) return;
    if (current) again = true;
    else start();
  };

  return {
    request() {
      if (options.auto !== false) kick();
    },
    async catchUp() {
      kick();
      while (current) await current;
    },
    async idle() {
      while (current) await current;
    },
    async progress() {
      const state = await queueState(db);
      return { ...state, running: current !== null };
    },
    async close() {
      controller.abort();
      await current;
      await release();
      await roomy?.close();
    },
  };
}
