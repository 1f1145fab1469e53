/**
 * The write gate behind the background integrity check (librarySafety.ts):
 * reads go on while the check runs, no write lands before it passes, and a
 * failed check refuses reads and writes until a restored file is in place.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/paths';
import { Database } from './connection';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const opened: Database[] = [];
afterEach(async () => {
  while (opened.length > 0)
    await opened
      .pop()!
      .close()
      .catch(() => undefined);
});

async function library(): Promise<Database> {
  const db = await Database.open(join(tempDir(), 'library.db'));
  opened.push(db);
  await db.write((w) => w.exec('CREATE TABLE t (x INTEGER)'));
  return db;
}

const rows = async (db: Database) => (await db.get<{ n: number }>('SELECT count(*) AS n FROM t'))!.n;
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('Database.holdWritesUntil', () => {
  it('serves reads during the check and lands no write before it passes, then all of them in order', async () => {
    const db = await library();
    const check = deferred();
    db.holdWritesUntil(check.promise);
    const order: number[] = [];
    const first = db.write(async (w) => {
      order.push(1);
      await w.run('INSERT INTO t VALUES (1)');
    });
    const second = db.exclusive(async (w) => {
      order.push(2);
      await w.run('INSERT INTO t VALUES (2)');
    });
    await settle();
    expect(order).toEqual([]);
    expect(await rows(db)).toBe(0); // a read answers while the writes wait
    check.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual([1, 2]);
    expect(await rows(db)).toBe(2);
    expect(await db.checked()).toBeNull();
  });

  it('refuses held and later writes and reads with the check’s error, and nothing is written', async () => {
    const db = await library();
    const check = deferred();
    db.holdWritesUntil(check.promise);
    const held = db.write((w) => w.run('INSERT INTO t VALUES (1)')).catch((e: unknown) => e);
    await settle();
    const damaged = new Error('library is damaged: restore the last good backup');
    check.reject(damaged);
    expect(await held).toBe(damaged);
    expect(await db.checked()).toBe(damaged);
    await expect(db.write((w) => w.run('INSERT INTO t VALUES (2)'))).rejects.toBe(damaged);
    await expect(rows(db)).rejects.toBe(damaged);
  });

  it('forgets a failed check once a restored file replaces the one checked', async () => {
    const db = await library();
    const good = join(tempDir(), 'good.db');
    await db.backupTo(good);
    const check = deferred();
    let cancelled = false;
    db.holdWritesUntil(check.promise, () => (cancelled = true));
    check.reject(new Error('damaged'));
    expect(await db.checked()).not.toBeNull();
    await db.replaceFile(async () => writeFileSync(db.path, readFileSync(good)));
    expect(await db.checked()).toBeNull();
    await db.write((w) => w.run('INSERT INTO t VALUES (3)'));
    expect(await rows(db)).toBe(1);
    expect(cancelled).toBe(false); // the check had already ended
  });

  it('cancels a running check when the library closes', async () => {
    const db = await library();
    let cancelled = false;
    db.holdWritesUntil(new Promise(() => undefined), () => (cancelled = true));
    await db.close();
    opened.pop();
    expect(cancelled).toBe(true);
  });
});
