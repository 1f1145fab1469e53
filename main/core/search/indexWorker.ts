/** Worker thread of indexer.ts: analyzes articles for the library index off the main thread. */
import { parentPort } from 'node:worker_threads';
import { analyzeBatch } from './indexDocument';
import type { IndexerRequest, IndexerResponse } from './indexer';

parentPort?.on('message', (request: IndexerRequest) => {
  let response: IndexerResponse;
  try {
    response = { id: request.id, ok: true, batch: analyzeBatch(request.inputs, request.withStreams) };
  } catch (error) {
    response = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
