/**
 * Rows handed over as they arrive (Connection.each): every row in order, and
 * a statement that fails after some rows, or a row handler that throws,
 * fails the read instead of passing for a shorter list.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/paths';
import { Database } from './connection';

const opened: Database[] = [];
afterEach(async () => {
  while (opened.length > 0) await opened.pop()!.close();
});

async function library(): Promise<Database> {
  const db = await Database.open(join(tempDir(), 'library.db'));
  opened.push(db);
  await db.write((w) => w.exec('CREATE TABLE t (x INTEGER)'));
  await db.write((w) =>
    w.run(
      'WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 500) INSERT INTO t (x) SELECT x FROM n',
    ),
  );
  return db;
}

// abs() of the smallest integer fails at the step that reaches it ("integer overflow").
const failingAt = (n: number) =>
  `SELECT CASE WHEN x = ${n} THEN abs(-9223372036854775807 - 1) ELSE x END AS x FROM t ORDER BY x`;

describe('Database.each', () => {
  it('hands over every row in order, as all() returns them', async () => {
    const db = await library();
    const seen: number[] = [];
    await db.each<{ x: number }>('SELECT x FROM t WHERE x % ? = 0 ORDER BY x', [7], (r) => seen.push(r.x));
    const all = await db.all<{ x: number }>('SELECT x FROM t WHERE x % ? = 0 ORDER BY x', [7]);
    expect(seen).toEqual(all.map((r) => r.x));
    expect(seen).toHaveLength(71);
  });

  it('fails when the statement fails after some rows, every time', async () => {
    const db = await library();
    for (let i = 0; i < 20; i++) {
      const seen: number[] = [];
      await expect(db.each<{ x: number }>(failingAt(400), [], (r) => seen.push(r.x))).rejects.toThrow(/overflow/);
      expect(seen.length).toBeLessThan(400);
    }
    // The kept statement still answers afterwards.
    expect(await db.all(failingAt(1000))).toHaveLength(500);
  });

  it('fails with the error a row handler threw, and hands over no row after it', async () => {
    const db = await library();
    const seen: number[] = [];
    const read = db.each<{ x: number }>('SELECT x FROM t ORDER BY x', [], (r) => {
      seen.push(r.x);
      if (r.x === 3) throw new Error('no snippet');
    });
    await expect(read).rejects.toThrow('no snippet');
    expect(seen).toEqual([1, 2, 3]);
  });
});
