/** Worker thread of collectionEngine.ts: builds, holds and searches collection indexes. */
import { parentPort } from 'node:worker_threads';
import { createEngineCore, type EngineRequest, type EngineResponse } from './collectionEngine';

const handle = createEngineCore();
parentPort?.on('message', (request: EngineRequest) => {
  handle(request, (response: EngineResponse) => parentPort?.postMessage(response));
});
