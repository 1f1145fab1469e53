/**
 * A statement's rows handed over one at a time as SQLite's thread steps to
 * them (node-sqlite3's `each`), so that the caller's work on a row overlaps
 * the statement's work on the next.
 */
import type sqlite3 from 'sqlite3';

/**
 * Runs `stmt` with `params`, calling `onRow` on each row as it arrives;
 * rejects with the statement's error or the first error `onRow` threw (the
 * rows after it are not handed over). Settles only after a reset queued
 * behind the statement: the driver may report the end of the rows before a
 * failing step's error, which arrives with the statement's own completion.
 */
export function eachRow<T>(stmt: sqlite3.Statement, params: unknown, onRow: (row: T) => void): Promise<void> {
  let failed: unknown = null;
  const take = (err: Error | null, row: T): void => {
    if (failed !== null) return;
    try {
      if (err) throw err;
      onRow(row);
    } catch (error) {
      failed = error;
    }
  };
  return new Promise((resolve, reject) => {
    let left = 2;
    const settle = (): void => {
      if (--left > 0) return;
      if (failed === null) resolve();
      else reject(failed instanceof Error ? failed : new Error(String(failed)));
    };
    stmt.each(params, take, settle).reset(settle);
  });
}
