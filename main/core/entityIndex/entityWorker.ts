/** Worker thread of entityIndexer.ts: reads people, places and organisations off the main thread. */
import { serveTasks } from '../workers/serve';
import { extractTask } from './extractTask';

serveTasks(extractTask);
