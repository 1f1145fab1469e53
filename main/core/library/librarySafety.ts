/**
 * Opening a library safely and the contract's backup methods. Every library
 * gets the full `PRAGMA integrity_check` on open (LIBRARY_CORRUPT with the
 * recovery path when it fails). A small one, or one about to be migrated, is
 * checked before anything else touches it (then backed up before the
 * migration). A big one up to date is opened at once and checked in the
 * background on its own connection: reads are served meanwhile, every write
 * waits for the check (Database.holdWritesUntil), and a failure puts the
 * library in the LIBRARY_CORRUPT state, where the recovery is the same.
 * A one-shot read may skip the check (skipIntegrityCheck: the CLI's list,
 * show and search); a file SQLite refuses still gets it, for the same error.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { MizanError } from '../../../preload/contract/errors';
import type { Handlers } from '../../../preload/contract';
import {
  assertLibraryIntact,
  backupDirFor,
  checkIntegrity,
  corruptionError,
  createBackup,
  listBackups,
  migrationsPending,
  restoreBackup,
} from '../db/backup';
import { Database } from '../db/connection';
import { migrate, type Migration } from '../db/migrate';

export interface OpenLibraryOptions {
  dbPath: string;
  migrations: readonly Migration[];
  now: () => Date;
  /**
   * Files above this many bytes are checked in the background after open
   * (default `backgroundCheckAbove`); 0 checks every existing file so.
   */
  backgroundCheckAbove?: number;
  /**
   * No check before or after open: for a one-shot read (the CLI's list, show, search), where the
   * check would cost more than the read. A file SQLite cannot open, or one about to be migrated,
   * is still checked.
   */
  skipIntegrityCheck?: boolean;
}

/**
 * Above this size the check moves to the background: the 959 MB bench
 * library took 4-15 s to quick_check before open, far beyond the search goal's first
 * answer within 1 s. 64 MB is that scaled down with a margin, not a size
 * measured to take exactly 1 s.
 */
export const backgroundCheckAbove = 64 * 1024 * 1024;

function isNotADatabase(error: unknown): boolean {
  return (
    error instanceof Error &&
    /SQLITE_NOTADB|file is not a database|database disk image is malformed|SQLITE_CORRUPT/i.test(error.message)
  );
}

/** Checks, opens, backs up before a pending migration, migrates (see the file's comment for when the check runs). */
export async function openLibrary(options: OpenLibraryOptions): Promise<Database> {
  const { dbPath } = options;
  const size = dbPath === ':memory:' ? 0 : (statSync(dbPath, { throwIfNoEntry: false })?.size ?? 0);
  const skip = options.skipIntegrityCheck === true;
  const inBackground = !skip && size > 0 && size > (options.backgroundCheckAbove ?? backgroundCheckAbove);
  // Checked later (in the background, or when SQLite refuses the file), or now.
  const later = inBackground || skip;
  if (!later) await assertLibraryIntact(dbPath);
  let db: Database;
  try {
    db = await Database.open(dbPath);
  } catch (error) {
    if (isNotADatabase(error)) {
      if (later) await assertLibraryIntact(dbPath); // the recovery path, when the check finds the damage
      throw new MizanError(
        'LIBRARY_CORRUPT',
        `library ${dbPath} cannot be read as a database: restore a backup (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    throw error;
  }
  try {
    const pending =
      dbPath !== ':memory:' &&
      (await migrationsPending(db, options.migrations).catch(async (error: unknown) => {
        // Damage in the schema itself: say so the way the full check would.
        if (later && isNotADatabase(error)) await assertLibraryIntact(dbPath);
        throw error;
      }));
    if (pending) {
      // A migration rewrites the file: check it first, as for a small library.
      if (later) await assertLibraryIntact(dbPath);
      await createBackup(db, { reason: 'pre-migration', now: options.now() });
    }
    // Up to date, migrate() only reads the ledger (it checks it against the shipped migrations).
    await migrate(db, options.migrations, options.now);
    if (inBackground && !pending) checkInBackground(db, dbPath);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

function checkInBackground(db: Database, dbPath: string): void {
  const abort = new AbortController();
  const check = checkIntegrity(dbPath, { quick: false, signal: abort.signal }).then(async (result) => {
    if (abort.signal.aborted) throw new Error(`library ${dbPath} was closed before its integrity check finished`);
    if (!result.ok) throw await corruptionError(dbPath, result);
  });
  db.holdWritesUntil(check, () => abort.abort());
}

export type LibrarySafetyMethod =
  | 'library.backupNow'
  | 'library.listBackups'
  | 'library.restoreBackup'
  | 'library.exportBundle'
  | 'library.importBundle';

export function librarySafetyHandlers(deps: {
  db: Database;
  now: () => Date;
  settingsPath: string | null;
  app: string;
}): Pick<Handlers, LibrarySafetyMethod> {
  const { db } = deps;
  const fileOnly = () => {
    if (db.path === ':memory:')
      throw new MizanError('INVALID_ARGUMENT', 'an in-memory library has no file to back up or replace');
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
      // The zip code is loaded when a bundle is written or read: a one-shot CLI search paid ~10-60 ms to load it.
      const { writeBundle } = await import('../db/bundle.js');
      return writeBundle(db, { path, settingsPath: deps.settingsPath, app: deps.app, now: deps.now() });
    },
    'library.importBundle': async ({ path }, ctx) => {
      fileOnly();
      const { importBundle } = await import('../db/bundle.js');
      return importBundle(db, { path, settingsPath: deps.settingsPath, now: deps.now(), signal: ctx.signal });
    },
  };
}
