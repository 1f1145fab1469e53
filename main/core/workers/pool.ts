/**
 * One way to run background work on worker threads, for every job of the
 * core (parse, index, collection search, comparison, clustering, export).
 *
 * A pool has `size` slots, each a worker running one task at a time;
 * further tasks wait in order. A worker starts on first use and does not
 * keep the process alive while idle. A task reports progress, can be
 * cancelled through an AbortSignal, and fails with a typed error: the
 * worker's error crosses as `{code, message}` (protocol.ts) and is rebuilt
 * here. A worker that crashes or exits fails only the task it held and is
 * replaced on the next task. Two kinds of worker fit:
 *
 * - long-lived (the default): kept between tasks; a cancelled or timed-out
 *   task's worker is terminated and replaced;
 * - one-shot: a fresh worker per task that ends by itself (serve.ts
 *   `once`); it is never terminated, a cancel is a message it honours.
 *
 * With no compiled script (the TypeScript test runner), tasks run in-line
 * through the same function the worker would run, with the same errors.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { MizanError } from '../../../preload/contract/errors';
import { toWire, type FromWorker, type ToWorker, type WireError } from './protocol';
import type { TaskFn } from './serve';

/** How a pool words its failures; each runner says them in its own terms. */
export interface PoolErrors<I> {
  /** The task threw (in the worker, or in-line). */
  failed(error: WireError, input: I): Error;
  /** The worker died under the task (`reason`: its error, or its exit code). */
  crashed(reason: string, input: I): Error;
  timedOut(ms: number, input: I): Error;
  /** Cancelled through its signal, or still pending when the pool closed. */
  cancelled(input: I): Error;
  /** Started after the pool closed. */
  closed(input: I): Error;
}

const defaultErrors: PoolErrors<unknown> = {
  failed: (error) => new MizanError(error.code, error.message),
  crashed: (reason) => new MizanError('INTERNAL', `the worker stopped (${reason})`),
  timedOut: (ms) => new MizanError('INTERNAL', `the task did not finish within ${ms} ms`),
  cancelled: () => new MizanError('CANCELLED', 'cancelled'),
  closed: () => new MizanError('CANCELLED', 'the worker pool is closed'),
};

export interface PoolOptions<I, O, P> {
  /** The worker script (workerScript() in script.ts); null runs the tasks in-line. */
  script: string | null;
  /** The task itself, for in-line runs (the function the worker serves). */
  inline?: TaskFn<I, O, P>;
  /** Workers at once (default 1); ignored by one-shot pools, which start one per task. */
  size?: number;
  oneShot?: boolean;
  /** A task still running after this long fails (timedOut) and its worker is replaced; counted from the worker's start. */
  timeoutMs?: number;
  /** Buffers of an input that move to the worker instead of being copied. */
  transfer?(input: I): ArrayBuffer[];
  /** Each worker's V8 heap limits (a worker over them crashes: its task fails with `crashed`). */
  resourceLimits?: ResourceLimits;
  errors?: Partial<PoolErrors<I>>;
}

export interface RunOptions<P> {
  onProgress?(progress: P): void;
  signal?: AbortSignal;
  /**
   * Run only on the pool's first `threads` workers (at least one): a stream
   * of tasks that gains nothing from more threads leaves the others
   * unstarted, and their memory unspent. Ignored by one-shot pools.
   */
  threads?: number;
}

export interface WorkerPool<I, O, P = never> {
  /** False when the tasks run in-line. */
  readonly inWorkers: boolean;
  /** Tasks that run at once. */
  readonly size: number;
  run(input: I, options?: RunOptions<P>): Promise<O>;
  /** Starts the workers and has them do their warm-up (serve.ts `warm`) before the first task. */
  warm(): void;
  /** Fails the pending tasks (cancelled) and stops the workers. */
  close(): Promise<void>;
}

interface Task<I, O, P> {
  id: number;
  input: I;
  options: RunOptions<P>;
  resolve(output: O): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | null;
  onAbort: (() => void) | null;
  settled: boolean;
}

interface Slot<I, O, P> {
  worker: Worker | null;
  /** True once the worker's thread runs: its start-up does not count against a task's time. */
  online: boolean;
  task: Task<I, O, P> | null;
}

const never = new AbortController().signal;

export function createWorkerPool<I, O, P = never>(options: PoolOptions<I, O, P>): WorkerPool<I, O, P> {
  const errors = { ...(defaultErrors as PoolErrors<I>), ...options.errors };
  const script = options.script;
  if (script === null) return inlinePool(options, errors);
  const oneShot = options.oneShot ?? false;
  const size = Math.max(1, options.size ?? 1);
  const slots: Array<Slot<I, O, P>> = oneShot ? [] : Array.from({ length: size }, () => emptySlot());
  const queue: Array<Task<I, O, P>> = [];
  let nextId = 1;
  let closed = false;

  function emptySlot(): Slot<I, O, P> {
    return { worker: null, online: false, task: null };
  }

  const settle = (task: Task<I, O, P>, outcome: { output: O } | { error: Error }): void => {
    if (task.settled) return;
    task.settled = true;
    if (task.timer) clearTimeout(task.timer);
    if (task.onAbort) task.options.signal?.removeEventListener('abort', task.onAbort);
    if ('output' in outcome) task.resolve(outcome.output);
    else task.reject(outcome.error);
  };

  /**
   * Lets go of a slot's worker. A long-lived one is terminated (its error
   * event silenced: a dying worker's must not become an uncaught
   * exception); a one-shot one is left to end by itself.
   */
  const detach = (slot: Slot<I, O, P>): void => {
    const worker = slot.worker;
    slot.worker = null;
    slot.online = false;
    if (!worker) return;
    worker.removeAllListeners();
    worker.on('error', () => undefined);
    if (!oneShot) void worker.terminate().catch(() => undefined);
  };

  /** The slot is free again: the next task may take it (a one-shot slot goes with its worker). */
  const release = (slot: Slot<I, O, P>): void => {
    slot.task = null;
    if (oneShot) {
      slot.worker = null;
      slots.splice(slots.indexOf(slot), 1);
    } else slot.worker?.unref();
    pump();
  };

  const fail = (slot: Slot<I, O, P>, error: (task: Task<I, O, P>) => Error): void => {
    const task = slot.task;
    detach(slot);
    if (task) settle(task, { error: error(task) });
    release(slot);
  };

  const startTimer = (slot: Slot<I, O, P>, task: Task<I, O, P>): void => {
    const ms = options.timeoutMs;
    if (ms === undefined || task.timer) return;
    task.timer = setTimeout(() => {
      if (slot.task === task) fail(slot, (t) => errors.timedOut(ms, t.input));
    }, ms);
    task.timer.unref();
  };

  const spawn = (slot: Slot<I, O, P>): Worker => {
    const worker = new Worker(script, { resourceLimits: options.resourceLimits });
    slot.online = false;
    worker.unref();
    worker.once('online', () => {
      slot.online = true;
      if (slot.task) startTimer(slot, slot.task);
    });
    worker.on('message', (message: FromWorker<O, P>) => {
      const task = slot.task;
      if (!task || message.id !== task.id || task.settled) return;
      if (message.type === 'progress') {
        task.options.onProgress?.(message.progress);
        return;
      }
      if (message.type === 'done') settle(task, { output: message.output });
      else settle(task, { error: errors.failed(message.error, task.input) });
      release(slot);
    });
    const crashed = (reason: string) => {
      if (slot.worker === worker) fail(slot, (t) => errors.crashed(reason, t.input));
    };
    worker.on('error', (error) => crashed(error.message));
    worker.on('exit', (code) => crashed(`exit code ${code}`));
    return worker;
  };

  const post = (worker: Worker, message: ToWorker<I>, transfer: ArrayBuffer[] = []): void =>
    worker.postMessage(message, transfer);

  const assign = (slot: Slot<I, O, P>, task: Task<I, O, P>): void => {
    slot.task = task;
    slot.worker ??= spawn(slot);
    slot.worker.ref();
    if (slot.online) startTimer(slot, task);
    post(slot.worker, { type: 'run', id: task.id, input: task.input }, options.transfer?.(task.input));
  };

  function pump(): void {
    if (closed) return;
    if (oneShot) {
      for (let task = queue.shift(); task; task = queue.shift()) {
        const slot = emptySlot();
        slots.push(slot);
        assign(slot, task);
      }
      return;
    }
    slots.forEach((slot, k) => {
      if (slot.task) return;
      // The first queued task this slot may take (FIFO among those).
      const at = queue.findIndex((t) => k < Math.max(1, t.options.threads ?? size));
      if (at >= 0) assign(slot, queue.splice(at, 1)[0]!);
    });
  }

  const cancel = (task: Task<I, O, P>): void => {
    const queued = queue.indexOf(task);
    if (queued >= 0) queue.splice(queued, 1);
    const slot = slots.find((s) => s.task === task);
    settle(task, { error: errors.cancelled(task.input) });
    if (!slot) return;
    // A one-shot worker is asked to stop and ends by itself; a long-lived one is replaced.
    if (oneShot && slot.worker) post(slot.worker, { type: 'cancel', id: task.id });
    detach(slot);
    release(slot);
  };

  return {
    inWorkers: true,
    size,
    run(input, runOptions = {}) {
      if (closed) return Promise.reject(errors.closed(input));
      if (runOptions.signal?.aborted) return Promise.reject(errors.cancelled(input));
      return new Promise<O>((resolve, reject) => {
        const task: Task<I, O, P> = {
          id: nextId++,
          input,
          options: runOptions,
          resolve,
          reject,
          timer: null,
          onAbort: null,
          settled: false,
        };
        if (runOptions.signal) {
          task.onAbort = () => cancel(task);
          runOptions.signal.addEventListener('abort', task.onAbort, { once: true });
        }
        queue.push(task);
        pump();
      });
    },
    warm() {
      if (closed || oneShot) return;
      for (const slot of slots) {
        if (slot.worker) continue;
        const worker = spawn(slot);
        slot.worker = worker;
        post(worker, { type: 'warm' });
      }
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) settle(task, { error: errors.cancelled(task.input) });
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          const task = slot.task;
          slot.worker = null;
          slot.task = null;
          if (task) settle(task, { error: errors.cancelled(task.input) });
          if (!worker) return;
          worker.removeAllListeners();
          worker.on('error', () => undefined);
          if (oneShot) {
            if (task) post(worker, { type: 'cancel', id: task.id });
          } else await worker.terminate();
        }),
      );
    },
  };
}

/** The same pool, its tasks run here (asynchronously, after a macrotask hop, like a worker's answer). */
function inlinePool<I, O, P>(options: PoolOptions<I, O, P>, errors: PoolErrors<I>): WorkerPool<I, O, P> {
  const task = options.inline;
  let closed = false;
  return {
    inWorkers: false,
    size: 1,
    run(input, { onProgress, signal } = {}) {
      if (closed) return Promise.reject(errors.closed(input));
      if (signal?.aborted) return Promise.reject(errors.cancelled(input));
      if (!task) return Promise.reject(errors.crashed('no worker script', input));
      return new Promise<O>((resolve, reject) => {
        setImmediate(() => {
          (async () => task(input, { progress: (p) => onProgress?.(p), signal: signal ?? never }))().then(
            resolve,
            (error: unknown) => reject(signal?.aborted ? errors.cancelled(input) : errors.failed(toWire(error), input)),
          );
        });
      });
    },
    warm: () => undefined,
    async close() {
      closed = true;
    },
  };
}
