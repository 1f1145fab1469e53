/**
 * Library safety as a user meets it: back up, break the file, be told
 * LIBRARY_CORRUPT with the way out, restore, carry a library to another
 * machine in one file.
 */
import {
  existsSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MizanError } from '../../../preload/contract/errors';
import { tempDir } from '../../../tests/support/paths';
import { createDispatcher } from '../rpc';
import { createServices, type Services } from '../services';
import { checkIntegrity, recoverFromLatestBackup } from './backup';
import { readBundle } from './bundle';
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { Connection } from './connection';

const open: Services[] = [];
async function services(dbPath: string): Promise<Services> {
  const s = await createServices({ dbPath, host: 'test' });
  open.push(s);
  return s;
}
async function closeAll(): Promise<void> {
  while (open.length > 0)
    await open
      .pop()!
      .close()
      .catch(() => undefined);
}
afterEach(closeAll);

function article(i: number): { name: string; contentBase64: string } {
  const text = `Hurriya – (${(i % 28) + 1}/7/2021)\nArticle ${i} about the withdrawal of ${2500 + i} soldiers.\n${'Body sentence number '.repeat(40)}${i}.\n`;
  return { name: `a${i}.txt`, contentBase64: Buffer.from(text).toString('base64') };
}

async function seed(s: Services, from: number, count: number): Promise<void> {
  const files = Array.from({ length: count }, (_, k) => article(from + k));
  const report = await s.handlers['library.importUploads'](
    { files },
    { progress: () => undefined, signal: new AbortController().signal },
  );
  expect(report.errors).toEqual([]);
}

async function count(s: Services): Promise<number> {
  return (await s.handlers['app.info']({}, { progress: () => undefined, signal: new AbortController().signal }))
    .articleCount;
}

const ctx = { progress: () => undefined, signal: new AbortController().signal };

describe('library backups', () => {
  it('takes an online backup that is a whole, checked copy, and lists it', async () => {
    const dir = tempDir();
    const s = await services(join(dir, 'library.db'));
    await seed(s, 0, 20);
    // A backup taken while an import is running sees the library between two
    // transactions: some whole articles of the import, never half of one.
    const [backup] = await Promise.all([s.handlers['library.backupNow']({}, ctx), seed(s, 100, 10)]);
    expect(backup.reason).toBe('manual');
    expect(existsSync(backup.path)).toBe(true);
    expect((await checkIntegrity(backup.path)).ok).toBe(true);
    const listed = await s.handlers['library.listBackups']({}, ctx);
    expect(listed.map((b) => b.name)).toContain(backup.name);
    writeFileSync(join(dir, 'restored-elsewhere.db'), readFileSync(backup.path));
    const reopened = await services(join(dir, 'restored-elsewhere.db'));
    const n = await count(reopened);
    expect(n).toBeGreaterThanOrEqual(20);
    expect(n).toBeLessThanOrEqual(30);
  });

  it('restores a backup in place: the running services see the old data, the replaced file is kept', async () => {
    const dir = tempDir();
    const s = await services(join(dir, 'library.db'));
    await seed(s, 0, 5);
    const backup = await s.handlers['library.backupNow']({}, ctx);
    await seed(s, 50, 7);
    expect(await count(s)).toBe(12);
    const result = await s.handlers['library.restoreBackup']({ name: backup.name }, ctx);
    expect(result.restoredFrom).toBe(backup.name);
    expect(result.keptAside && existsSync(result.keptAside)).toBe(true);
    expect(await count(s)).toBe(5);
    // Still writable after the swap, and searchable.
    await seed(s, 200, 1);
    expect(await count(s)).toBe(6);
    const kept = await services(result.keptAside!);
    expect(await count(kept)).toBe(12);
  });

  it('refuses to restore a name that is not one of the backups (or a path)', async () => {
    const s = await services(join(tempDir(), 'library.db'));
    await expect(s.handlers['library.restoreBackup']({ name: 'nope.db' }, ctx)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const envelope = await createDispatcher(s.handlers, () => undefined).dispatch(
      'library.restoreBackup',
      { name: '../library.db' },
      null,
    );
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('a damaged library', () => {
  async function damagedLibrary(
    damage: (path: string) => void | Promise<void>,
  ): Promise<{ dbPath: string; backupName: string }> {
    const dbPath = join(tempDir(), 'library.db');
    const s = await services(dbPath);
    await seed(s, 0, 40);
    const backup = await s.handlers['library.backupNow']({}, ctx);
    await seed(s, 500, 3);
    await closeAll();
    await damage(dbPath);
    return { dbPath, backupName: backup.name };
  }

  it('is refused on open with LIBRARY_CORRUPT naming the last good backup when truncated, and recovers from it', async () => {
    const { dbPath, backupName } = await damagedLibrary((path) =>
      truncateSync(path, Math.floor(statSync(path).size / 2)),
    );
    const error = await createServices({ dbPath, host: 'test' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MizanError);
    expect((error as MizanError).code).toBe('LIBRARY_CORRUPT');
    expect((error as MizanError).message).toContain(backupName);

    const { restoredFrom, keptAside } = await recoverFromLatestBackup(dbPath);
    expect(restoredFrom.name).toBe(backupName);
    expect(keptAside && existsSync(keptAside)).toBe(true); // the broken file is kept, not deleted
    const s = await services(dbPath);
    expect(await count(s)).toBe(40);
  });

  it('is refused when pages are overwritten with garbage', async () => {
    const { dbPath } = await damagedLibrary((path) => {
      const size = statSync(path).size;
      const fd = openSync(path, 'r+');
      // Pages 2.. hold the tables: scribble over a run of them, keep the header.
      const garbage = Buffer.alloc(Math.min(16 * 4096, size - 8192), 0xa5);
      writeSync(fd, garbage, 0, garbage.length, 4096 * 2);
      closeSync(fd);
    });
    await expect(createServices({ dbPath, host: 'test' })).rejects.toMatchObject({ code: 'LIBRARY_CORRUPT' });
  });

  it('when big, opens at once and is checked in the background: the failure holds every write and answers LIBRARY_CORRUPT until the restore', async () => {
    const { dbPath, backupName } = await damagedLibrary(async (path) => {
      // A leaf page of the articles table: away from the schema and the migration ledger read on open.
      const conn = await Connection.open(path, 'readonly');
      const pages = await conn.all<{ pageno: number; size: number }>(
        "SELECT pageno, pgsize AS size FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf' ORDER BY pageno",
      );
      await conn.close();
      const page = pages[Math.floor(pages.length / 2)]!;
      const fd = openSync(path, 'r+');
      writeSync(fd, Buffer.alloc(page.size, 0xa5), 0, page.size, (page.pageno - 1) * page.size);
      closeSync(fd);
    });
    // backgroundCheckAbove 0: this small file is treated as a big one.
    const s = await createServices({ dbPath, host: 'test', backgroundCheckAbove: 0 });
    open.push(s);
    const importing = seed(s, 900, 2).then(
      () => null,
      (e: unknown) => e,
    );
    const failure = await s.db.checked();
    expect(failure).toBeInstanceOf(MizanError);
    expect((failure as MizanError).code).toBe('LIBRARY_CORRUPT');
    expect(failure!.message).toContain(backupName);
    // The import issued before the check ended was held, then refused with the same error.
    expect(await importing).toBe(failure);
    await expect(count(s)).rejects.toMatchObject({ code: 'LIBRARY_CORRUPT' });
    // The recovery the app offers, through the contract, in place.
    const { restoredFrom } = await s.handlers['library.restoreBackup']({ name: backupName }, ctx);
    expect(restoredFrom).toBe(backupName);
    expect(await count(s)).toBe(40);
    await seed(s, 900, 2);
    expect(await count(s)).toBe(42);
  });

  it('is refused when it is not a database at all, and says so without a backup to offer', async () => {
    const dbPath = join(tempDir(), 'library.db');
    writeFileSync(dbPath, 'this is a text file, not SQLite '.repeat(200));
    const error = (await createServices({ dbPath, host: 'test' }).catch((e: unknown) => e)) as MizanError;
    expect(error.code).toBe('LIBRARY_CORRUPT');
    expect(error.message).toMatch(/no good backup/);
    // A one-shot read opens without the check, and gets the same answer for a file SQLite refuses.
    const read = (await createServices({ dbPath, host: 'test', skipIntegrityCheck: true }).catch(
      (e: unknown) => e,
    )) as MizanError;
    expect(read.code).toBe('LIBRARY_CORRUPT');
    expect(read.message).toMatch(/no good backup/);
    await expect(recoverFromLatestBackup(dbPath)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(readFileSync(dbPath, 'utf8')).toMatch(/^this is a text file/); // left untouched
  });
});

describe('library bundle', () => {
  it('carries the library and its settings to another library in one file', async () => {
    const a = await services(join(tempDir(), 'library.db'));
    await seed(a, 0, 8);
    await a.handlers['app.settings.set']({ values: { theme: 'dark', lang: 'ar' } }, ctx);
    const bundlePath = join(tempDir(), 'my.mizan-bundle');
    const written = await a.handlers['library.exportBundle']({ path: bundlePath }, ctx);
    expect(written.bytes).toBe(statSync(bundlePath).size);
    expect((await readBundle(bundlePath)).settings?.toString()).toContain('dark');
    // Never over an existing file (the web host's page can call this), never a relative path.
    await expect(a.handlers['library.exportBundle']({ path: bundlePath }, ctx)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(a.handlers['library.exportBundle']({ path: 'relative.bundle' }, ctx)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });

    const bPath = join(tempDir(), 'library.db');
    const b = await services(bPath);
    await seed(b, 900, 2);
    const imported = await b.handlers['library.importBundle']({ path: bundlePath }, ctx);
    expect(imported.keptAside && existsSync(imported.keptAside)).toBe(true);
    expect(await count(b)).toBe(8);
    await closeAll();
    const again = await services(bPath);
    expect(await again.handlers['app.settings.get']({}, ctx)).toMatchObject({ theme: 'dark', lang: 'ar' });
  });

  it('is not imported once cancelled before the swap: the library unchanged, nothing staged left', async () => {
    const a = await services(join(tempDir(), 'library.db'));
    await seed(a, 0, 8);
    const bundlePath = join(tempDir(), 'my.zip');
    await a.handlers['library.exportBundle']({ path: bundlePath }, ctx);
    const bPath = join(tempDir(), 'library.db');
    const b = await services(bPath);
    await seed(b, 900, 2);
    const cancelled = new AbortController();
    cancelled.abort();
    await expect(
      b.handlers['library.importBundle']({ path: bundlePath }, { ...ctx, signal: cancelled.signal }),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
      message: 'my.zip was not imported: cancelled; the library is unchanged',
    });
    expect(await count(b)).toBe(2);
    expect(existsSync(`${bPath}.bundle-incoming`)).toBe(false);
  });

  it('is a standard ZIP a person can check with ordinary tools', async () => {
    const a = await services(join(tempDir(), 'library.db'));
    await seed(a, 0, 2);
    const bundlePath = join(tempDir(), 'inspect.mizan-bundle');
    await a.handlers['library.exportBundle']({ path: bundlePath }, ctx);
    const files = unzipSync(readFileSync(bundlePath));
    expect(Object.keys(files).sort()).toEqual(['SHA256SUMS', 'library.db', 'manifest.json']);
    expect(Buffer.from(files['library.db']!).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    // SHA256SUMS in `sha256sum -c` form, agreeing with the files beside it.
    for (const line of strFromU8(files['SHA256SUMS']!).trim().split('\n')) {
      const [hash, name] = line.split('  ') as [string, string];
      expect(createHash('sha256').update(files[name]!).digest('hex')).toBe(hash);
    }
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { format: string; entries: unknown[] };
    expect(manifest.format).toBe('mizan-library-bundle');
  });

  it('reads a bundle of the earlier one-file format', async () => {
    const a = await services(join(tempDir(), 'library.db'));
    await seed(a, 0, 2);
    const snapshot = join(tempDir(), 'snapshot.db');
    await a.db.backupTo(snapshot);
    const library = readFileSync(snapshot);
    const manifest = JSON.stringify({
      createdAt: '2026-01-01T00:00:00.000Z',
      app: 'Mizan 0.1.0',
      entries: [
        { name: 'library.db', bytes: library.length, sha256: createHash('sha256').update(library).digest('hex') },
      ],
    });
    const legacy = join(tempDir(), 'old.mizan-bundle');
    writeFileSync(legacy, Buffer.concat([Buffer.from(`MIZAN-BUNDLE 1\n${manifest}\n`), library]));
    expect((await readBundle(legacy)).library.equals(library)).toBe(true);
  });

  it('refuses a tampered, truncated or foreign bundle before touching the library', async () => {
    const a = await services(join(tempDir(), 'library.db'));
    await seed(a, 0, 3);
    const bundlePath = join(tempDir(), 'x.bundle');
    await a.handlers['library.exportBundle']({ path: bundlePath }, ctx);
    const bytes = readFileSync(bundlePath);
    const tampered = Buffer.from(bytes);
    // Inside the compressed library: the checksum (or the inflater) must catch it.
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = (tampered[middle] ?? 0) ^ 0xff;
    const bomb: Zippable = {
      'manifest.json': strToU8(
        JSON.stringify({
          format: 'mizan-library-bundle',
          version: 2,
          entries: [{ name: 'library.db', bytes: 10, sha256: '0'.repeat(64) }],
        }),
      ),
      'library.db': new Uint8Array(64 * 1024 * 1024),
    };
    const cases: Array<[string, Buffer]> = [
      ['tampered', tampered],
      ['truncated', bytes.subarray(0, bytes.length - 10)],
      ['foreign', Buffer.from('PK\u0003\u0004 not a bundle')],
      ['trailing', Buffer.concat([bytes, Buffer.from('x')])],
      // 64 MB of zeros inflate from 64 KB: the read stops at the size the manifest gives, not at the end.
      ['larger than its manifest', Buffer.from(zipSync(bomb, { level: 9 }))],
    ];
    for (const [label, data] of cases) {
      const path = join(tempDir(), `${label}.bundle`);
      writeFileSync(path, data);
      await expect(a.handlers['library.importBundle']({ path }, ctx), label).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
    expect(await count(a)).toBe(3);
  });
});
