/**
 * Numbered migrations, each applied in its own transaction and recorded with
 * a checksum, so a library file always says exactly which schema it holds.
 * Checks order and gaps before touching anything (after Kysely's migrator) and
 * verifies foreign keys after each step (after Tropy).
 */
import { createHash } from 'node:crypto';
import type { Database, Writer } from './connection';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigrationResult {
  applied: Array<{ version: number; name: string }>;
  /** Schema version of the file after migrating. */
  version: number;
}

export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

/** Checks that the list itself is 1, 2, 3, ... with no gap or repeat. */
export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration list out of order: position ${i + 1} holds version ${m.version} (${m.name})`);
    }
  });
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

async function ensureLedger(w: Writer): Promise<void> {
  await w.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`);
}

export async function migrate(
  db: Database,
  migrations: readonly Migration[],
  now: () => Date = () => new Date(),
): Promise<MigrationResult> {
  checkMigrationList(migrations);
  return db.exclusive(async (w) => {
    await ensureLedger(w);
    const applied = await w.all<AppliedRow>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    applied.forEach((row, i) => {
      const known = migrations[i];
      if (row.version !== i + 1) {
        throw new Error(`library ${db.path} has a gap in its migrations at version ${i + 1}`);
      }
      if (!known) {
        throw new Error(
          `library ${db.path} is at schema version ${applied.length}, newer than this Mizan knows (${migrations.length}); update Mizan`,
        );
      }
      if (row.checksum !== migrationChecksum(known)) {
        throw new Error(`library ${db.path}: migration ${row.version} (${row.name}) differs from the shipped one`);
      }
    });

    const result: MigrationResult = { applied: [], version: applied.length };
    for (const migration of migrations.slice(applied.length)) {
      await w.exec('BEGIN IMMEDIATE');
      try {
        await w.exec(migration.sql);
        const broken = await w.all('PRAGMA foreign_key_check');
        if (broken.length > 0)
          throw new Error(`migration ${migration.version} left ${broken.length} broken foreign keys`);
        await w.run('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)', [
          migration.version,
          migration.name,
          migrationChecksum(migration),
          now().toISOString(),
        ]);
        await w.exec('COMMIT');
      } catch (error) {
        await w.exec('ROLLBACK').catch(() => undefined);
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`migration ${migration.version} (${migration.name}) failed on ${db.path}: ${reason}`);
      }
      result.applied.push({ version: migration.version, name: migration.name });
      result.version = migration.version;
    }
    return result;
  });
}

/**
 * The schema as readable SQL, in a stable order: what `schema.sql` holds.
 * Generated from a migrated database so it can never drift from the truth.
 */
export async function dumpSchema(db: Database): Promise<string> {
  const rows = await db.all<{ type: string; name: string; sql: string | null }>(
    `SELECT type, name, sql FROM sqlite_schema
     WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
     ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'trigger' THEN 2 ELSE 3 END, name`,
  );
  const version = await db.get<{ v: number }>('SELECT max(version) AS v FROM schema_migrations');
  const header = [
    '-- Mizan library schema, generated from the migrations by `npm run db:schema`.',
    '-- Do not edit: change the schema with a new migration in main/core/db/migrations.',
    `-- Schema version ${version?.v ?? 0}.`,
    '',
  ];
  return header.join('\n') + rows.map((r) => `${(r.sql ?? '').trim()};\n`).join('\n');
}
