/**
 * Parses files in a worker thread when running from compiled JavaScript, and
 * in-line otherwise (unit tests run the TypeScript sources directly).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../preload/contract';
import { parseFile } from './registry';
import { ImportError, type ImportOptions, type ParsedRecord } from './types';

export interface ParseRequest {
  id: number;
  path: string;
  bytes: Uint8Array;
  options: ImportOptions;
}

export type ParseResponse =
  | { id: number; ok: true; records: ParsedRecord[] }
  | { id: number; ok: false; code: ErrorCode; message: string };

export interface Parser {
  parse(path: string, bytes: Uint8Array, options: ImportOptions): Promise<ParsedRecord[]>;
  close(): Promise<void>;
}

function inlineParser(): Parser {
  return {
    parse: async (path, bytes, options) => parseFile(path, bytes, options),
    close: async () => undefined,
  };
}

function workerParser(script: string): Parser {
  const worker = new Worker(script);
  worker.unref();
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: ParsedRecord[]) => void; reject: (e: Error) => void }>();
  worker.on('message', (response: ParseResponse) => {
    const waiter = pending.get(response.id);
    if (!waiter) return;
    pending.delete(response.id);
    if (response.ok) waiter.resolve(response.records);
    else waiter.reject(new ImportError(response.code, response.message));
  });
  worker.on('error', (error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  return {
    parse(path, bytes, options) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.ref();
        const request: ParseRequest = { id, path, bytes, options };
        // The bytes move to the worker instead of being copied.
        const transfer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
        worker.postMessage(request, transfer);
      }).finally(() => {
        if (pending.size === 0) worker.unref();
      }) as Promise<ParsedRecord[]>;
    },
    async close() {
      await worker.terminate();
    },
  };
}

export function createParser(): Parser {
  const script = join(__dirname, 'parseWorker.js');
  return __filename.endsWith('.js') && existsSync(script) ? workerParser(script) : inlineParser();
}
