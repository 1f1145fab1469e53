/** The code of the ImportError a parse throws, or 'no error': importer tests compare codes, not messages. */
import { ImportError } from '../../main/core/importers/types';

export function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error.code;
    throw error;
  }
  return 'no error';
}
