/**
 * The worker side of a pool (pool.ts): runs each task it is sent with the
 * given function and answers with its output, its progress and its error
 * (as `{code, message}`). A cancel message aborts the task's signal.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { toWire, type FromWorker, type ToWorker } from './protocol';

export interface TaskContext<P> {
  progress(progress: P): void;
  /** Aborted when the pool cancels the task (workers that are never terminated check it). */
  signal: AbortSignal;
}

export type TaskFn<I, O, P> = (input: I, ctx: TaskContext<P>) => O | Promise<O>;

export interface ServeOptions<O> {
  /** Buffers of an output that move to the parent instead of being copied. */
  transfer?(output: O): ArrayBuffer[];
  /** Work done ahead of the first task when the pool warms the worker (loading, parsing fonts). */
  warm?(): void;
  /**
   * The worker ends itself after its first task, once the task has released
   * what it holds: for workers the pool must never terminate (a SQLite
   * connection closing during a terminate aborts the process).
   */
  once?: boolean;
}

export function serveTasks<I, O, P = never>(
  run: TaskFn<I, O, P>,
  options: ServeOptions<O> = {},
  port: MessagePort | null = parentPort,
): void {
  if (!port) return;
  const running = new Map<number, AbortController>();
  const post = (message: FromWorker<O, P>, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  port.on('message', (message: ToWorker<I>) => {
    if (message.type === 'warm') {
      options.warm?.();
      return;
    }
    if (message.type === 'cancel') {
      running.get(message.id)?.abort(new Error('cancelled'));
      return;
    }
    const { id, input } = message;
    const controller = new AbortController();
    running.set(id, controller);
    const ctx: TaskContext<P> = {
      progress: (progress) => post({ type: 'progress', id, progress }),
      signal: controller.signal,
    };
    void (async () => {
      try {
        const output = await run(input, ctx);
        post({ type: 'done', id, output }, options.transfer?.(output) ?? []);
      } catch (error) {
        post({ type: 'failed', id, error: toWire(error) });
      } finally {
        running.delete(id);
        if (options.once) port.close();
      }
    })();
  });
}
