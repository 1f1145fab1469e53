/** Worker thread of collectionEngine.ts: builds, holds and searches collection indexes. */
import { serveTasks } from '../workers/serve';
import { createEngineCore } from './collectionEngine';

serveTasks(createEngineCore());
