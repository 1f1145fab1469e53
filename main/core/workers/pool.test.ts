/**
 * The worker pool with real worker threads: stand-in workers speaking the
 * pool's protocol (protocol.ts) crash, hang, fail with a code and report
 * progress; the pool fails only the task concerned, rebuilds the error as
 * the core's typed error and carries on with a fresh worker.
 */
import { writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { MizanError } from '../../../preload/contract/errors';
import { tempDir } from '../../../tests/support/paths';
import { createWorkerPool } from './pool';
import type { FromWorker, ToWorker } from './protocol';
import { locateScript } from './script';
import { serveTasks } from './serve';

/** Answers `{type:'run'}` by what the input says; counts its tasks so a replaced worker shows. */
const WORKER = `
const { parentPort, threadId } = require('node:worker_threads');
const running = new Map();
parentPort.on('message', (m) => {
  if (m.type === 'cancel') { const t = running.get(m.id); if (t) { clearInterval(t); running.delete(m.id); parentPort.postMessage({ type: 'failed', id: m.id, error: { code: 'CANCELLED', message: 'stopped' } }); parentPort.close(); } return; }
  if (m.type !== 'run') return;
  const { id, input } = m;
  if (input === 'crash') process.exit(3);
  if (input === 'throw') throw new RangeError('Invalid array length');
  if (input === 'hang') return;
  if (input === 'hold 64 MB') { globalThis.held = Array.from({ length: 64 }, (_, i) => new Array(131072).fill(i + 0.5)); return parentPort.postMessage({ type: 'done', id, output: 'held@' + threadId }); }
  if (input === 'coded') return parentPort.postMessage({ type: 'failed', id, error: { code: 'NOT_FOUND', message: 'no article with id 7' } });
  if (input === 'progress') {
    for (const done of [1, 2, 3]) parentPort.postMessage({ type: 'progress', id, progress: { done } });
    return parentPort.postMessage({ type: 'done', id, output: 'counted' });
  }
  if (input === 'slow') { running.set(id, setInterval(() => undefined, 1000)); return; }
  parentPort.postMessage({ type: 'done', id, output: input + '@' + threadId });
});
`;

const script = join(tempDir('mizan-pool-'), 'worker.js');
writeFileSync(script, WORKER);

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    return `ok ${String(await promise)}`;
  } catch (error) {
    return error instanceof MizanError ? `${error.code}: ${error.message}` : `other: ${String(error)}`;
  }
}

const thread = (answer: string) => answer.slice(answer.indexOf('@') + 1);

describe('worker pool', () => {
  it('fails only the task whose worker crashed or threw, and runs the next on a fresh worker', async () => {
    const pool = createWorkerPool<string, string>({ script });
    const first = await outcome(pool.run('a'));
    expect(await outcome(pool.run('crash'))).toBe('INTERNAL: the worker stopped (exit code 3)');
    const second = await outcome(pool.run('b'));
    expect(await outcome(pool.run('throw'))).toBe('INTERNAL: the worker stopped (Invalid array length)');
    const third = await outcome(pool.run('c'));
    expect([first, second, third].map((a) => a.slice(0, 4))).toEqual(['ok a', 'ok b', 'ok c']);
    expect(new Set([thread(first), thread(second), thread(third)]).size).toBe(3);
    await pool.close();
  });

  it('runs tasks limited to one thread on a single worker, while the others still use the whole pool', async () => {
    const pool = createWorkerPool<string, string>({ script, size: 3 });
    const limited = await Promise.all(['p', 'q', 'r', 's'].map((x) => pool.run(x, { threads: 1 })));
    expect(limited.map((a) => a.split('@')[0])).toEqual(['p', 'q', 'r', 's']);
    expect(new Set(limited.map(thread)).size).toBe(1);
    // Tasks without the limit go to every free worker.
    const spread = await Promise.all(['a', 'b', 'c'].map((x) => pool.run(x)));
    expect(new Set(spread.map(thread)).size).toBe(3);
    await pool.close();
  });

  it('rebuilds an error that crossed with a code as the typed error, in the runner’s words', async () => {
    const pool = createWorkerPool<string, string>({ script });
    const error = await pool.run('coded').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MizanError);
    expect((error as MizanError).code).toBe('NOT_FOUND');
    expect((error as MizanError).message).toBe('no article with id 7');
    const worded = createWorkerPool<string, string>({
      script,
      errors: { failed: (e, input) => new MizanError('INTERNAL', `${input} failed: ${e.code} ${e.message}`) },
    });
    expect(await outcome(worded.run('coded'))).toBe('INTERNAL: coded failed: NOT_FOUND no article with id 7');
    // The worker is still the same one: an error answer is not a crash.
    expect(thread(await worded.run('x'))).toBe(thread(await worded.run('y')));
    await Promise.all([pool.close(), worded.close()]);
  });

  it('reports progress in order, before the result', async () => {
    const pool = createWorkerPool<string, string, { done: number }>({ script });
    const seen: string[] = [];
    const result = await pool.run('progress', { onProgress: (p) => seen.push(`progress ${p.done}`) });
    seen.push(result);
    expect(seen).toEqual(['progress 1', 'progress 2', 'progress 3', 'counted']);
    await pool.close();
  });

  it('cancels a running task (its worker replaced) and a waiting one, and carries on', async () => {
    const pool = createWorkerPool<string, string>({ script });
    const running = new AbortController();
    const waiting = new AbortController();
    const hung = outcome(pool.run('hang', { signal: running.signal }));
    const queued = outcome(pool.run('queued', { signal: waiting.signal }));
    const after = outcome(pool.run('after'));
    waiting.abort();
    expect(await queued).toBe('CANCELLED: cancelled');
    running.abort();
    expect(await hung).toBe('CANCELLED: cancelled');
    expect(await after).toMatch(/^ok after@/);
    expect(await outcome(pool.run('late', { signal: AbortSignal.abort() }))).toBe('CANCELLED: cancelled');
    await pool.close();
    expect(await outcome(pool.run('closed'))).toBe('CANCELLED: the worker pool is closed');
  });

  it('asks a one-shot worker to stop instead of terminating it', async () => {
    const pool = createWorkerPool<string, string>({ script, oneShot: true });
    const controller = new AbortController();
    const slow = outcome(pool.run('slow', { signal: controller.signal }));
    const other = outcome(pool.run('other'));
    // A one-shot pool starts a worker per task: the second task does not wait for the first.
    expect(await other).toMatch(/^ok other@/);
    controller.abort();
    expect(await slow).toBe('CANCELLED: cancelled');
    await pool.close();
  });

  it('refuses a task that outlives its time limit and replaces the worker', async () => {
    const pool = createWorkerPool<string, string>({
      script,
      timeoutMs: 300,
      errors: { timedOut: (ms, input) => new MizanError('INTERNAL', `${input}: still running after ${ms} ms`) },
    });
    expect(await outcome(pool.run('hang'))).toBe('INTERNAL: hang: still running after 300 ms');
    expect(await outcome(pool.run('next'))).toMatch(/^ok next@/);
    await pool.close();
  });

  it('stops a worker over its heap limit: its task fails, the next runs on a fresh worker', async () => {
    const limited = createWorkerPool<string, string>({ script, resourceLimits: { maxOldGenerationSizeMb: 16 } });
    expect(await outcome(limited.run('hold 64 MB'))).toMatch(/^INTERNAL: the worker stopped \(.*memory limit/);
    expect(await outcome(limited.run('next'))).toMatch(/^ok next@/);
    await limited.close();
    const free = createWorkerPool<string, string>({ script });
    expect(await outcome(free.run('hold 64 MB'))).toMatch(/^ok held@/);
    await free.close();
  });

  it('runs the same task in-line when there is no worker script, with the same errors', async () => {
    const pool = createWorkerPool<string, string, number>({
      script: null,
      inline: (input, ctx) => {
        ctx.progress(1);
        if (input === 'coded') throw new MizanError('NOT_FOUND', 'gone');
        if (input === 'plain') throw new TypeError('bad');
        return input.toUpperCase();
      },
    });
    const seen: number[] = [];
    expect(await pool.run('x', { onProgress: (p) => seen.push(p) })).toBe('X');
    expect(seen).toEqual([1]);
    expect(await outcome(pool.run('coded'))).toBe('NOT_FOUND: gone');
    expect(await outcome(pool.run('plain'))).toBe('INTERNAL: bad');
  });
});

describe('worker side (serveTasks)', () => {
  it('answers with output, progress and coded errors, and aborts a cancelled task’s signal', async () => {
    const { port1, port2 } = new MessageChannel();
    let aborted: Promise<void> = Promise.resolve();
    serveTasks<string, string, number>(
      async (input, ctx) => {
        if (input === 'coded') throw new MizanError('LIBRARY_CORRUPT', 'broken');
        if (input === 'plain') throw new Error('oops');
        if (input === 'wait') {
          aborted = new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
          await aborted;
          throw new Error('stopped');
        }
        ctx.progress(5);
        return `${input}!`;
      },
      {},
      port1,
    );
    const replies: Array<FromWorker<string, number>> = [];
    port2.on('message', (m: FromWorker<string, number>) => replies.push(m));
    const send = (m: ToWorker<string>) => port2.postMessage(m);
    const until = async (n: number) => {
      while (replies.length < n) await new Promise((r) => setTimeout(r, 5));
    };
    send({ type: 'run', id: 1, input: 'hi' });
    await until(2);
    send({ type: 'run', id: 2, input: 'coded' });
    send({ type: 'run', id: 3, input: 'plain' });
    await until(4);
    send({ type: 'run', id: 4, input: 'wait' });
    await new Promise((r) => setTimeout(r, 20));
    send({ type: 'cancel', id: 4 });
    await until(5);
    port1.close();
    expect(replies).toEqual([
      { type: 'progress', id: 1, progress: 5 },
      { type: 'done', id: 1, output: 'hi!' },
      { type: 'failed', id: 2, error: { code: 'LIBRARY_CORRUPT', message: 'broken' } },
      { type: 'failed', id: 3, error: { code: 'INTERNAL', message: 'oops' } },
      { type: 'failed', id: 4, error: { code: 'INTERNAL', message: 'stopped' } },
    ]);
  });
});

describe('worker script lookup', () => {
  it('prefers a script unpacked beside app.asar, and else the packed one', () => {
    const packed = ['', 'opt', 'Mizan', 'resources', 'app.asar', 'dist', 'main', 'w.js'].join(sep);
    const unpacked = packed.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
    expect(locateScript(packed, (p) => p === packed || p === unpacked)).toBe(unpacked);
    expect(locateScript(packed, (p) => p === packed)).toBe(packed);
    expect(locateScript(packed, () => false)).toBeNull();
  });
});
