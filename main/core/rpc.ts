/**
 * The one dispatcher every host uses: validate the input against the
 * contract, run the handler with progress and cancellation, and turn any
 * failure into `{ code, message }`. Hosts differ only in how bytes travel.
 */
// Each part from its own file, not the contract's index: a call builds only its method's area's schemas.
import { toErrorData } from '../../preload/contract/errorData';
import { MizanError } from '../../preload/contract/errors';
import { isMethodName } from '../../preload/contract/methodList';
import { methodSpec } from '../../preload/contract/areas';
import type { CallContext, Contract, Envelope, Handlers, MethodName, Progress } from '../../preload/contract';

export interface Dispatcher {
  dispatch(method: string, input: unknown, jobId: string | null): Promise<Envelope<unknown>>;
  /** Jobs still running, for cancellation and for a clean shutdown. */
  readonly running: number;
}

/**
 * `contract`: a host that has loaded it (the app, the web host) validates each call at once, so calls start in the
 * order they came. Without it, the first call of each area waits for that area's file (`methodSpec`): the `mizan`
 * command, which makes one call at a time and exits, then builds only the schemas it uses.
 */
export function createDispatcher(
  handlers: Handlers,
  emitProgress: (progress: Progress) => void,
  contract?: Contract,
): Dispatcher {
  const jobs = new Map<string, AbortController>();

  async function call(method: MethodName, input: unknown, jobId: string | null): Promise<unknown> {
    if (method === 'jobs.cancel') {
      const { jobId: target } = (contract?.[method] ?? (await methodSpec(method))).input.parse(input);
      jobs.get(target)?.abort();
      return { ok: true };
    }
    const spec = contract?.[method] ?? (await methodSpec(method));
    const parsed: unknown = spec.input.parse(input ?? {});
    const controller = new AbortController();
    if (jobId) {
      if (jobs.has(jobId)) throw new MizanError('CONFLICT', `job ${jobId} is already running`);
      jobs.set(jobId, controller);
    }
    let last = 0;
    const ctx: CallContext = {
      signal: controller.signal,
      progress(done, total, label) {
        if (!jobId) return;
        // At most ~20 events a second: enough for a smooth bar, cheap over IPC.
        const t = Date.now();
        if (done !== total && t - last < 50) return;
        last = t;
        emitProgress({ jobId, done, total, ...(label ? { label } : {}) });
      },
    };
    try {
      // The handler table is indexed by the same name the input was parsed for.
      const handler = handlers[method] as (input: unknown, ctx: CallContext) => Promise<unknown>;
      return await handler(parsed, ctx);
    } finally {
      if (jobId) jobs.delete(jobId);
    }
  }

  return {
    get running() {
      return jobs.size;
    },
    async dispatch(method, input, jobId) {
      if (!isMethodName(method)) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `no such method: ${method}` } };
      }
      try {
        return { ok: true, value: await call(method, input, jobId) };
      } catch (error) {
        return { ok: false, error: toErrorData(error) };
      }
    },
  };
}
