import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/paths';
import { Database } from './connection';
import { dumpSchema, migrate, migrationChecksum, type Migration } from './migrate';
import { migrations } from './migrations';
import { generateSchemaSql } from './schemaTool';

describe('migrations', () => {
  it('migrating an empty file reproduces schema.sql exactly', async () => {
    const expected = readFileSync(join(__dirname, 'schema.sql'), 'utf8');
    expect(await generateSchemaSql()).toBe(expected);
  });

  it('shipped migrations are frozen (checksums match shipped.json)', () => {
    const shipped = JSON.parse(readFileSync(join(__dirname, 'migrations', 'shipped.json'), 'utf8')) as Record<
      string,
      string
    >;
    for (const m of migrations) {
      const key = String(m.version).padStart(4, '0');
      if (shipped[key])
        expect(migrationChecksum(m), `migration ${key} (${m.name}) was edited after shipping`).toBe(shipped[key]);
    }
    expect(Object.keys(shipped).length).toBeGreaterThanOrEqual(1);
  });

  it('opens the library in WAL with foreign keys on, and migrates once', async () => {
    const path = join(tempDir(), 'lib.db');
    const db = await Database.open(path);
    const first = await migrate(db, migrations);
    expect(first.applied.map((m) => m.version)).toEqual(migrations.map((m) => m.version));
    const second = await migrate(db, migrations);
    expect(second.applied).toEqual([]);
    expect(second.version).toBe(migrations.length);
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    const ledger = await db.all<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    expect(ledger.map((r) => r.checksum)).toEqual(migrations.map(migrationChecksum));
    await db.close();
  });

  it('refuses a library migrated by a newer Mizan, or with an edited migration, without touching it', async () => {
    const path = join(tempDir(), 'lib.db');
    const db = await Database.open(path);
    const future: Migration = {
      version: migrations.length + 1,
      name: 'future',
      sql: 'CREATE TABLE future_things (id INTEGER PRIMARY KEY);',
    };
    await migrate(db, [...migrations, future]);
    await expect(migrate(db, migrations)).rejects.toThrow(/newer than this Mizan knows/);
    await db.close();

    const path2 = join(tempDir(), 'lib2.db');
    const db2 = await Database.open(path2);
    await migrate(db2, migrations);
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    await expect(migrate(db2, edited)).rejects.toThrow(/differs from the shipped one/);
    await db2.close();
  });

  it('moves a stored collection index into its own table (v8), and deletes it with the collection', async () => {
    const db = await Database.open(join(tempDir(), 'lib.db'));
    await migrate(
      db,
      migrations.filter((m) => m.version < 8),
    );
    const blob = Buffer.from('a stored Lunr index');
    await db.write(async (w) => {
      await w.run(
        "INSERT INTO collections (id, name, name_key, created_at, updated_at) VALUES (1, 'Iraq', 'iraq', 'now', 'now')",
      );
      await w.run('INSERT INTO collection_search_indexes (collection_id, built_generation, data) VALUES (1, 0, ?)', [
        blob,
      ]);
    });
    await migrate(db, migrations);
    const row = await db.get<{ data: Buffer }>('SELECT data FROM collection_search_index_data WHERE collection_id = 1');
    expect(row?.data.equals(blob)).toBe(true);
    await db.write((w) => w.run('DELETE FROM collections WHERE id = 1'));
    expect(await db.get('SELECT 1 AS x FROM collection_search_index_data')).toBeUndefined();
    await db.close();
  });

  it('rolls back a failing migration completely', async () => {
    const db = await Database.open(join(tempDir(), 'lib.db'));
    const broken: Migration = {
      version: migrations.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE half_done (id INTEGER); SELECT * FROM no_such_table;',
    };
    await expect(migrate(db, [...migrations, broken])).rejects.toThrow(/migration \d+ \(broken\) failed/);
    expect(await db.get("SELECT name FROM sqlite_schema WHERE name = 'half_done'")).toBeUndefined();
    expect((await migrate(db, migrations)).version).toBe(migrations.length);
    await db.close();
  });

  it('enforces foreign keys and the dossier item kinds', async () => {
    const db = await Database.open(join(tempDir(), 'lib.db'));
    await migrate(db, migrations);
    const now = new Date().toISOString();
    await expect(
      db.write((w) =>
        w.run('INSERT INTO collection_items (collection_id, article_id, position, added_at) VALUES (99, 99, 1, ?)', [
          now,
        ]),
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.write((w) => w.run("INSERT INTO dossiers (title, created_at, updated_at) VALUES ('d', ?, ?)", [now, now]));
    await expect(
      db.write((w) => w.run("INSERT INTO dossier_items (dossier_id, position, kind) VALUES (1, 1, 'note')")),
    ).rejects.toThrow(/CHECK/);
    expect(await dumpSchema(db)).toContain('CREATE TABLE dossier_items');
    await db.close();
  });
});
