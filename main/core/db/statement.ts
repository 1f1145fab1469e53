/** A prepared statement with promise methods (Connection.prepare), for the hot loops of bulk import. */
import type sqlite3 from 'sqlite3';
import type { Row, RunResult, SqlParams } from './connection';

export class Statement {
  constructor(private readonly stmt: sqlite3.Statement) {}

  run(params: SqlParams = []): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.stmt.run(params, function onRun(this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ lastID: this.lastID, changes: this.changes });
      });
    });
  }

  get<T = Row>(params: SqlParams = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.stmt.get(params, (err: Error | null, row: T | undefined) => (err ? reject(err) : resolve(row)));
    });
  }

  finalize(): Promise<void> {
    return new Promise((resolve) => this.stmt.finalize(() => resolve()));
  }
}
