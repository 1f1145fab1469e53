/** Opening a library: what is protected before a migration changes the file. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/paths';
import { backupDirFor, listBackups } from '../db/backup';
import { migrations } from '../db/migrations';
import { openLibrary } from './librarySafety';

describe('library backups', () => {
  it('backs up before a migration that will change an existing library, not for a new one', async () => {
    const dbPath = join(tempDir(), 'library.db');
    const old = await openLibrary({
      dbPath,
      migrations: migrations.slice(0, 1),
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    await old.close();
    expect(await listBackups(backupDirFor(dbPath))).toEqual([]); // a new file: nothing to protect
    const db = await openLibrary({ dbPath, migrations, now: () => new Date('2026-02-01T00:00:00Z') });
    await db.close();
    const backups = await listBackups(backupDirFor(dbPath));
    expect(backups.map((b) => b.reason)).toEqual(migrations.length > 1 ? ['pre-migration'] : []);
    if (migrations.length > 1) {
      // The backup holds the schema as it was before the migration.
      const before = await openLibrary({
        dbPath: backups[0]!.path,
        migrations: migrations.slice(0, 1),
        now: () => new Date(),
      });
      expect((await before.get<{ n: number }>('SELECT count(*) AS n FROM schema_migrations'))?.n).toBe(1);
      await before.close();
    }
  });
});
