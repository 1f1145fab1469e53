/**
 * The typed client for every method, built from the method list alone (no
 * schemas): answers are the core's, already validated there, and the
 * renderer's first screen loads no zod.
 */
import { MizanError } from './errors';
import type { CallOptions, MethodName, MizanApi, Transport } from './index';
import { methodList, methodNames } from './methodList';

let jobCounter = 0;
function newJobId(): string {
  jobCounter += 1;
  return `job-${Date.now().toString(36)}-${jobCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Builds the typed client for every method from the one list. */
export function createClient(transport: Transport): MizanApi {
  const api: Partial<Record<MethodName, unknown>> = {};
  for (const method of methodNames) {
    const reportsProgress = 'progress' in methodList[method];
    api[method] = async (input: unknown, options: CallOptions = {}) => {
      let jobId: string | null = null;
      let unsubscribe: (() => void) | null = null;
      let abortListener: (() => void) | null = null;
      if (reportsProgress) {
        const id = newJobId();
        jobId = id;
        if (options.onProgress) {
          const onProgress = options.onProgress;
          unsubscribe = transport.onProgress((p) => {
            if (p.jobId === id) onProgress(p);
          });
        }
        if (options.signal) {
          abortListener = () => void transport.invoke('jobs.cancel', { jobId: id }, null);
          options.signal.addEventListener('abort', abortListener, { once: true });
        }
      }
      try {
        const envelope = await transport.invoke(method, input ?? {}, jobId);
        if (!envelope.ok) throw new MizanError(envelope.error.code, envelope.error.message);
        return envelope.value;
      } finally {
        unsubscribe?.();
        if (abortListener) options.signal?.removeEventListener('abort', abortListener);
      }
    };
  }
  return api as MizanApi;
}
