/** Anything thrown, as data that can cross a boundary. */
import { z } from 'zod';
import { MizanError, type ErrorData } from './errors';

/** Turns anything thrown into data that can cross a boundary. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof MizanError) return error.toData();
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { code: 'INVALID_ARGUMENT', message: `${where}${issue?.message ?? 'invalid argument'}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}
