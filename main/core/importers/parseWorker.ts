/**
 * Runs importers off the main thread: decoding, JSON parsing and analysis of
 * a large file (for near-duplicates and the search index) would otherwise
 * freeze the window for seconds.
 */
import { parentPort } from 'node:worker_threads';
import { ImportError } from './types';
import { parseForImport, type ParseRequest, type ParseResponse } from './parser';

parentPort?.on('message', (request: ParseRequest) => {
  let response: ParseResponse;
  try {
    response = { id: request.id, ok: true, ...parseForImport(request.path, request.bytes, request.options) };
  } catch (error) {
    response =
      error instanceof ImportError
        ? { id: request.id, ok: false, code: error.code, message: error.message }
        : { id: request.id, ok: false, code: 'IMPORT_PARSE_FAILED', message: `${request.path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  parentPort?.postMessage(response);
});
