/**
 * Runs importers off the main thread: decoding, JSON parsing and analysis of
 * a large file (for near-duplicates and the search index) would otherwise
 * freeze the window for seconds.
 */
import { parentPort } from 'node:worker_threads';
import { answer, type ParseRequest } from './parser';

parentPort?.on('message', (request: ParseRequest) => {
  parentPort?.postMessage(answer(request));
});
