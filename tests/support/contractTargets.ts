/**
 * The two ways a client reaches the contract, for suites that must get the
 * same answers from both: the services called in-process, and the real web
 * host (a child process, as `npm run web` starts it) over HTTP.
 */
import { expect } from 'vitest';
import { createClient, MizanError, type MizanApi, type Progress, type Transport } from '../../preload/contract';
import { createDispatcher } from '../../main/core/rpc';
import { createServices } from '../../main/core/services';
import { httpTransport } from './httpTransport';
import { startWebHost } from './webHost';

export interface StartedTarget {
  api: MizanApi;
  transport: Transport;
  stop(): Promise<void>;
}

export interface ContractTarget {
  name: string;
  /** A file-name-safe label, for screenshots and exported files. */
  slug: 'inprocess' | 'webhost';
  start(libraryPath: string): Promise<StartedTarget>;
}

export interface TargetOptions {
  /** Clock of the in-process services (the web host runs on real time). */
  now?: () => Date;
  /** false: imports do not place their articles into stories (the suite runs compare.cluster itself). */
  storiesAfterImport?: boolean;
}

export function contractTargets(options: TargetOptions = {}): ContractTarget[] {
  return [
    {
      name: 'services in-process',
      slug: 'inprocess',
      async start(libraryPath) {
        const services = await createServices({
          dbPath: libraryPath,
          host: 'test',
          now: options.now,
          storiesAfterImport: options.storiesAfterImport,
        });
        const listeners = new Set<(p: Progress) => void>();
        const dispatcher = createDispatcher(services.handlers, (p) => listeners.forEach((l) => l(p)));
        const transport: Transport = {
          invoke: (method, input, jobId) => dispatcher.dispatch(method, input, jobId),
          onProgress(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
        };
        return { api: createClient(transport), transport, stop: () => services.close() };
      },
    },
    {
      name: 'web host over HTTP',
      slug: 'webhost',
      async start(libraryPath) {
        const host = await startWebHost({
          libraryPath,
          env: options.storiesAfterImport === false ? { MIZAN_STORIES_AFTER_IMPORT: '0' } : undefined,
        });
        const transport = httpTransport(host.origin, host.token);
        return {
          api: createClient(transport),
          transport,
          async stop() {
            transport.close();
            await host.stop();
          },
        };
      },
    },
  ];
}

/** Awaits a call that must fail with `code`, and returns the typed error. */
export async function expectError(promise: Promise<unknown>, code: string): Promise<MizanError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MizanError);
    expect((error as MizanError).code).toBe(code);
    return error as MizanError;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}
