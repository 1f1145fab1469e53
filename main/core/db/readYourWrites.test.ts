/**
 * Read-your-writes: a read issued after a write's promise resolved sees that
 * write, even while reads started before it are still running on the reader
 * (whose open read transaction would otherwise hand the new read its older
 * snapshot).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/paths';
import { Database } from './connection';

const opened: Database[] = [];
afterEach(async () => {
  while (opened.length > 0)
    await opened
      .pop()!
      .close()
      .catch(() => undefined);
});

/**
 * `get` steps to the first row and finalizes afterwards: until then its
 * statement keeps the connection's read transaction open, and many of them
 * overlapping keep one snapshot alive on the reader for as long as they run.
 */
const OPEN_READ = `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000000)
  SELECT i, (SELECT count(*) FROM t) AS n FROM c`;

describe('Database read-your-writes', () => {
  it('a read after a write resolved sees it while older reads are still in flight', async () => {
    const db = await Database.open(join(tempDir(), 'library.db'));
    opened.push(db);
    await db.write((w) => w.exec('CREATE TABLE t (x INTEGER)'));
    let stale = 0;
    for (let round = 1; round <= 5; round++) {
      // Reads in flight, begun before the write: their snapshot predates it.
      const inFlight = Array.from({ length: 200 }, () => db.get<{ n: number }>(OPEN_READ));
      await new Promise((r) => setTimeout(r, 2));
      await db.write((w) => w.run('INSERT INTO t VALUES (?)', [round]));
      const seen = await Promise.all([
        db.get<{ n: number }>('SELECT count(*) AS n FROM t'),
        db.all<{ x: number }>('SELECT x FROM t ORDER BY x'),
      ]);
      if (seen[0]!.n !== round || seen[1].length !== round) stale++;
      const before = await Promise.all(inFlight);
      // Reads issued before the write see the table as it was or as it is now, never anything else.
      for (const row of before) expect([round - 1, round]).toContain(row!.n);
    }
    expect(stale).toBe(0);
  });

  it('a read issued after a write is not held behind a long read begun before it', async () => {
    const db = await Database.open(join(tempDir(), 'library.db'));
    opened.push(db);
    await db.write((w) => w.exec('CREATE TABLE t (x INTEGER)'));
    const finished: string[] = [];
    // A long read: one statement runs to its end under the connection's mutex.
    const long = db
      .all(`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 3000000) SELECT sum(i) FROM c`)
      .then(() => finished.push('long read'));
    await new Promise((r) => setTimeout(r, 20));
    await db.write((w) => w.run('INSERT INTO t VALUES (1)'));
    const seen = await db.get<{ n: number }>('SELECT count(*) AS n FROM t');
    finished.push('read after the write');
    await long;
    expect(seen!.n).toBe(1);
    expect(finished).toEqual(['read after the write', 'long read']);
  });
});
