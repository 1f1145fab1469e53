/**
 * The messages between a pool (pool.ts) and its workers (serve.ts). A task
 * is sent with an id; its progress, its output or its error come back with
 * that id. An error crosses as `{code, message}`: a thread boundary keeps
 * no class, so the code is what carries the meaning.
 */
import { type ErrorCode, errorCodes } from '../../../preload/contract/errors';

export type ToWorker<I> = { type: 'run'; id: number; input: I } | { type: 'cancel'; id: number } | { type: 'warm' };

export type FromWorker<O, P> =
  | { type: 'progress'; id: number; progress: P }
  | { type: 'done'; id: number; output: O }
  | { type: 'failed'; id: number; error: WireError };

export interface WireError {
  code: ErrorCode;
  message: string;
}

const known = new Set<string>(errorCodes);

/** An error as it crosses: its own code when it has one of the contract's (MizanError, ImportError), else INTERNAL. */
export function toWire(error: unknown): WireError {
  const code = (error as { code?: unknown } | null)?.code;
  return {
    code: typeof code === 'string' && known.has(code) ? (code as ErrorCode) : 'INTERNAL',
    message: error instanceof Error ? error.message : String(error),
  };
}
