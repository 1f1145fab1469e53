/**
 * Handlers whose module is loaded on their first call. A one-shot CLI read
 * (`mizan search`) then does not load code it never runs: the compare
 * modules build their text tables when loaded, most of what such a call
 * cost (bench/cliStart.ts).
 */
import type { CallContext, Handlers, MethodName } from '../../preload/contract';

type AnyHandler = (input: unknown, ctx: CallContext) => Promise<unknown>;

/** `methods` lists every name `load` answers for (a record, so the compiler checks that none is missing). */
export function lazyHandlers<M extends MethodName>(
  methods: Record<M, true>,
  load: () => Promise<Pick<Handlers, M>>,
): Pick<Handlers, M> {
  let loaded: Promise<Pick<Handlers, M>> | null = null;
  const out: Record<string, AnyHandler> = {};
  for (const name of Object.keys(methods) as M[])
    out[name] = async (input, ctx) => {
      // A failed load is tried again on the next call rather than remembered.
      loaded ??= load().catch((error: unknown) => {
        loaded = null;
        throw error;
      });
      const handler = (await loaded)[name] as unknown as AnyHandler;
      return handler(input, ctx);
    };
  return out as unknown as Pick<Handlers, M>;
}
