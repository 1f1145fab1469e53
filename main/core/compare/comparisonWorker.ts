/**
 * Comparisons off the main thread: aligning and ledgering several long
 * articles can take more than the ~50 ms a main process may block for.
 */
import { serveTasks } from '../workers/serve';
import { comparisonTask } from './comparisonRunner';

serveTasks(comparisonTask);
