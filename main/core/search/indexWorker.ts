/** Worker thread of indexer.ts: analyzes articles for the library index off the main thread. */
import { serveTasks } from '../workers/serve';
import { indexTask } from './indexer';

serveTasks(indexTask);
