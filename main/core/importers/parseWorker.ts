/**
 * Runs importers off the main thread: decoding, JSON parsing and analysis of
 * a large file would otherwise freeze the window for seconds.
 */
import { parentPort } from 'node:worker_threads';
import { parseFile } from './registry';
import { ImportError } from './types';
import type { ParseRequest, ParseResponse } from './parser';

parentPort?.on('message', (request: ParseRequest) => {
  let response: ParseResponse;
  try {
    response = { id: request.id, ok: true, records: parseFile(request.path, request.bytes, request.options) };
  } catch (error) {
    response =
      error instanceof ImportError
        ? { id: request.id, ok: false, code: error.code, message: error.message }
        : { id: request.id, ok: false, code: 'IMPORT_PARSE_FAILED', message: `${request.path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  parentPort?.postMessage(response);
});
