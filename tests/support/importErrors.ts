/** The ImportError a parse throws: its code, or the whole error where a test checks the words. */
import { ImportError } from '../../main/core/importers/types';

/** The ImportError `run` throws; fails the test when it throws none. */
export function failure(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

/** Its code, or 'no error': importer tests mostly compare codes, not messages. */
export function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error.code;
    throw error;
  }
  return 'no error';
}
