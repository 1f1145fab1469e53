/**
 * Runs importers off the main thread: decoding, JSON parsing and analysis of
 * a large file (for near-duplicates and the search index) would otherwise
 * freeze the window for seconds.
 */
import { serveTasks } from '../workers/serve';
import { parseTask } from './parseTask';

serveTasks(parseTask);
