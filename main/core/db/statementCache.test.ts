/**
 * `Connection.all` keeps its statements prepared: what it reads must stay
 * exactly what a fresh statement would read (no pinned snapshot, other
 * parameters each time), a bad statement must not be kept, and closing must
 * not be refused for kept statements.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/paths';
import { Connection, Database } from './connection';

describe('kept statements', () => {
  it('read every commit and their own parameters, and let the library close', async () => {
    const db = await Database.open(join(tempDir(), 'library.db'));
    await db.write((w) => w.exec('CREATE TABLE t (x INTEGER)'));
    const sql = 'SELECT count(*) AS n, max(x) AS top FROM t WHERE x >= ?';
    for (let i = 1; i <= 5; i++) {
      await db.write((w) => w.run('INSERT INTO t (x) VALUES (?)', [i]));
      // The reader's kept statement sees the commit it follows.
      expect(await db.all(sql, [0])).toEqual([{ n: i, top: i }]);
      expect(await db.all(sql, [i])).toEqual([{ n: 1, top: i }]);
    }
    // Concurrent calls of one statement, each with its parameters.
    const answers = await Promise.all([1, 2, 3, 4, 5].map((k) => db.all<{ n: number }>(sql, [k])));
    expect(answers.map((rows) => rows[0]!.n)).toEqual([5, 4, 3, 2, 1]);
    await db.close();
  });

  it('keeps at most 64 and still answers the ones it dropped; a statement that fails to prepare is not kept', async () => {
    const path = join(tempDir(), 'library.db');
    const setup = await Database.open(path);
    await setup.write((w) => w.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)'));
    await setup.close();
    const conn = await Connection.open(path, 'readonly');
    for (let round = 0; round < 2; round++) {
      for (let k = 0; k < 100; k++)
        expect(await conn.all(`SELECT ${k} + count(*) AS n FROM t`)).toEqual([{ n: k + 3 }]);
    }
    await expect(conn.all('SELECT nope FROM t')).rejects.toThrow(/no such column: nope/);
    await expect(conn.all('SELECT nope FROM t')).rejects.toThrow(/no such column: nope/);
    expect(await conn.all('SELECT count(*) AS n FROM t')).toEqual([{ n: 3 }]);
    await conn.close();
  });
});
