/**
 * Runs comparisons in one long-lived worker thread when running from
 * compiled JavaScript (started on first use, unreferenced while idle so it
 * never keeps a process alive), and in-line otherwise (unit tests run the
 * TypeScript sources directly).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { MizanError } from '../../../preload/contract/errors';
import type { AlignOptions } from './align';
import { compareTexts, type CompareInput, type TextComparison } from './comparison';
import type { ComparisonReply, ComparisonRequest } from './comparisonWorker';

export interface Comparer {
  compare(inputs: CompareInput[], options: AlignOptions): Promise<TextComparison>;
}

function workerComparer(script: string): Comparer {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: TextComparison) => void; reject: (e: Error) => void }>();
  const start = (): Worker => {
    const w = new Worker(script);
    w.unref();
    w.on('message', (reply: ComparisonReply) => {
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (pending.size === 0) w.unref();
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(new MizanError('INTERNAL', `comparison failed: ${reply.message}`));
    });
    // A crashed worker fails what it was doing; the next comparison starts a new one.
    const fail = (error: Error): void => {
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
      worker = null;
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new MizanError('INTERNAL', `comparison worker stopped (exit code ${code})`)));
    return w;
  };
  return {
    compare(inputs, options) {
      worker ??= start();
      const w = worker;
      const id = nextId++;
      return new Promise<TextComparison>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.ref();
        w.postMessage({ id, inputs, options } satisfies ComparisonRequest);
      });
    },
  };
}

export function createComparer(): Comparer {
  const script = join(__dirname, 'comparisonWorker.js');
  if (__filename.endsWith('.js') && existsSync(script)) return workerComparer(script);
  return { compare: async (inputs, options) => compareTexts(inputs, options) };
}
