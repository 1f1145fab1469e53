/**
 * Opening a library safely and the contract's backup methods. The checks run
 * before anything else touches the file: an integrity check (LIBRARY_CORRUPT
 * with the recovery path when it fails), then a backup when a migration is
 * about to change the schema.
 */
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Handlers } from '../../../preload/contract';
import { MizanError } from '../../../preload/contract';
import { assertLibraryIntact, backupDirFor, createBackup, importBundle, listBackups, migrationsPending, restoreBackup, writeBundle } from '../db/backup';
import { Database } from '../db/connection';
import { migrate, type Migration } from '../db/migrate';

export interface OpenLibraryOptions {
  dbPath: string;
  migrations: readonly Migration[];
  now: () => Date;
}

function isNotADatabase(error: unknown): boolean {
  return error instanceof Error && /SQLITE_NOTADB|file is not a database|database disk image is malformed|SQLITE_CORRUPT/i.test(error.message);
}

/** Checks, opens, backs up before a pending migration, migrates. */
export async function openLibrary(options: OpenLibraryOptions): Promise<Database> {
  await assertLibraryIntact(options.dbPath);
  let db: Database;
  try {
    db = await Database.open(options.dbPath);
  } catch (error) {
    if (isNotADatabase(error)) {
      throw new MizanError('LIBRARY_CORRUPT', `library ${options.dbPath} cannot be read as a database: restore a backup (${error instanceof Error ? error.message : String(error)})`);
    }
    throw error;
  }
  try {
    if (options.dbPath !== ':memory:' && (await migrationsPending(db, options.migrations))) {
      await createBackup(db, { reason: 'pre-migration', now: options.now() });
    }
    await migrate(db, options.migrations, options.now);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export type LibrarySafetyMethod = 'library.backupNow' | 'library.listBackups' | 'library.restoreBackup' | 'library.exportBundle' | 'library.importBundle';

export function librarySafetyHandlers(deps: { db: Database; now: () => Date; settingsPath: string | null; app: string }): Pick<Handlers, LibrarySafetyMethod> {
  const { db } = deps;
  const fileOnly = () => {
    if (db.path === ':memory:') throw new MizanError('INVALID_ARGUMENT', 'an in-memory library has no file to back up or replace');
  };
  return {
    'library.backupNow': async () => {
      fileOnly();
      return createBackup(db, { reason: 'manual', now: deps.now() });
    },
    'library.listBackups': async () => (db.path === ':memory:' ? [] : listBackups(backupDirFor(db.path))),
    'library.restoreBackup': async ({ name }) => {
      fileOnly();
      return restoreBackup(db, name, deps.now());
    },
    'library.exportBundle': async ({ path }) => {
      fileOnly();
      // Callers include the web host's page: never let a bundle overwrite an existing file.
      if (!isAbsolute(path)) throw new MizanError('INVALID_ARGUMENT', `bundle path must be absolute: ${path}`);
      if (existsSync(path)) throw new MizanError('CONFLICT', `${path} already exists; choose a new file name`);
      return writeBundle(db, { path, settingsPath: deps.settingsPath, app: deps.app, now: deps.now() });
    },
    'library.importBundle': async ({ path }) => {
      fileOnly();
      return importBundle(db, { path, settingsPath: deps.settingsPath, now: deps.now() });
    },
  };
}
