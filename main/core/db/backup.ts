/**
 * Library safety: online backups (SQLite's backup API, so a backup is a
 * consistent copy even while the app writes), integrity checks, restore by
 * atomic file swap. The library bundle is in `bundle.ts`.
 *
 * Backups live in `<library folder>/backups/`, named
 * `<library>.<UTC stamp>.<reason>.db`; a restore keeps the file it replaces
 * there too (`... .replaced.db`), so nothing is ever deleted by a restore.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MizanError } from '../../../preload/contract/errors';
import { Connection, type Database } from './connection';
import type { Migration } from './migrate';

export type BackupReason = 'manual' | 'scheduled' | 'pre-migration' | 'pre-restore' | 'replaced';
const reasons: readonly BackupReason[] = ['manual', 'scheduled', 'pre-migration', 'pre-restore', 'replaced'];

export interface BackupInfo {
  name: string;
  path: string;
  reason: BackupReason;
  createdAt: string;
  bytes: number;
}

/** Automatic backups kept per reason; manual ones and replaced files are never pruned. */
export const keepAutomatic = 10;
/** Above this size `PRAGMA quick_check` replaces the full integrity_check on open (O(N) instead of O(N log N)). */
export const quickCheckAbove = 256 * 1024 * 1024;

export function backupDirFor(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function stampOf(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

const NAME = /^(.+)\.(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-(\d+))?\.([a-z-]+)\.db$/;

function parseName(name: string): { library: string; createdAt: string; reason: BackupReason } | null {
  const m = NAME.exec(name);
  if (!m || !reasons.includes(m[4] as BackupReason)) return null;
  const [date, time] = m[2]!.split('T') as [string, string];
  const [h, mi, s, ms] = time.replace('Z', '').split('-');
  return { library: m[1]!, createdAt: `${date}T${h}:${mi}:${s}.${ms}Z`, reason: m[4] as BackupReason };
}

async function uniquePath(dir: string, library: string, now: Date, reason: BackupReason): Promise<string> {
  for (let n = 0; ; n += 1) {
    const path = join(dir, `${library}.${stampOf(now)}${n === 0 ? '' : `-${n}`}.${reason}.db`);
    if (!(await stat(path).catch(() => null))) return path;
  }
}

export interface IntegrityResult {
  ok: boolean;
  /** What SQLite reported (first 20 lines), or why the file could not be read at all. */
  problems: string[];
  check: 'integrity_check' | 'quick_check';
}

/**
 * Runs `PRAGMA integrity_check` (or quick_check on big files) on a file,
 * read-only, on its own connection. A file that is not a database at all is
 * reported as a problem, not thrown. `signal` interrupts a running check
 * (the library closed meanwhile): its result is then not ok, with the reason.
 */
export async function checkIntegrity(
  path: string,
  options: { quick?: boolean; signal?: AbortSignal } = {},
): Promise<IntegrityResult> {
  const size = (await stat(path).catch(() => null))?.size ?? 0;
  const check = (options.quick ?? size > quickCheckAbove) ? 'quick_check' : 'integrity_check';
  let conn: Connection | null = null;
  try {
    conn = await Connection.open(path, 'readonly');
    const opened = conn;
    const interrupt = () => opened.interrupt();
    if (options.signal?.aborted) return { ok: false, problems: ['check cancelled'], check };
    options.signal?.addEventListener('abort', interrupt, { once: true });
    const rows = await conn
      .all<Record<string, string>>(`PRAGMA ${check}(20)`)
      .finally(() => options.signal?.removeEventListener('abort', interrupt));
    const lines = rows.map((r) => String(Object.values(r)[0]));
    return { ok: lines.length === 1 && lines[0] === 'ok', problems: lines[0] === 'ok' ? [] : lines, check };
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)], check };
  } finally {
    await conn?.close().catch(() => undefined);
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a backup of `db` into `dir`: the online backup into a `.partial`
 * file, checked, flushed, then renamed into place, so a listed backup is
 * always whole. Prunes automatic backups of the same reason beyond `keep`.
 */
export async function createBackup(
  db: Database,
  options: { reason: BackupReason; now?: Date; dir?: string; keep?: number },
): Promise<BackupInfo> {
  if (db.path === ':memory:') throw new MizanError('INVALID_ARGUMENT', 'an in-memory library cannot be backed up');
  const dir = options.dir ?? backupDirFor(db.path);
  const now = options.now ?? new Date();
  await mkdir(dir, { recursive: true });
  const path = await uniquePath(dir, basename(db.path), now, options.reason);
  const partial = `${path}.partial`;
  try {
    await db.backupTo(partial);
    const integrity = await checkIntegrity(partial, { quick: true });
    if (!integrity.ok)
      throw new MizanError(
        'LIBRARY_CORRUPT',
        `the backup of ${db.path} fails its check: ${integrity.problems.join('; ')}`,
      );
    fsyncPath(partial);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  if (options.reason !== 'manual' && options.reason !== 'replaced')
    await pruneBackups(dir, basename(db.path), options.reason, options.keep ?? keepAutomatic);
  const bytes = (await stat(path)).size;
  return { name: basename(path), path, reason: options.reason, createdAt: now.toISOString(), bytes };
}

async function pruneBackups(dir: string, library: string, reason: BackupReason, keep: number): Promise<void> {
  const same = (await listBackups(dir)).filter((b) => b.reason === reason && b.name.startsWith(`${library}.`));
  for (const old of same.slice(keep)) await rm(old.path, { force: true });
}

/** Backups in `dir`, newest first. */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (!info?.isFile()) continue;
    out.push({ name, path: join(dir, name), reason: parsed.reason, createdAt: parsed.createdAt, bytes: info.size });
  }
  return out.sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.name.localeCompare(a.name),
  );
}

/**
 * Replaces the library file at `dbPath` with `sourcePath` (a backup, or a
 * database out of a bundle). The library must be closed (or this must run
 * inside Database.replaceFile). The replaced file and its WAL are moved into
 * the backup folder first; the new file is copied beside the target and
 * renamed over it, so a crash leaves either the old or the new file.
 */
export async function swapLibraryFile(
  dbPath: string,
  sourcePath: string,
  now: Date = new Date(),
): Promise<{ keptAside: string | null }> {
  const integrity = await checkIntegrity(sourcePath);
  if (!integrity.ok)
    throw new MizanError('LIBRARY_CORRUPT', `${basename(sourcePath)} is damaged too: ${integrity.problems.join('; ')}`);
  const dir = backupDirFor(dbPath);
  await mkdir(dir, { recursive: true });
  let keptAside: string | null = null;
  if (await stat(dbPath).catch(() => null)) {
    keptAside = await uniquePath(dir, basename(dbPath), now, 'replaced');
    await rename(dbPath, keptAside);
    for (const suffix of ['-wal', '-shm']) {
      if (await stat(dbPath + suffix).catch(() => null)) await rename(dbPath + suffix, keptAside + suffix);
    }
  }
  const incoming = `${dbPath}.restoring`;
  await copyFile(sourcePath, incoming);
  fsyncPath(incoming);
  await rename(incoming, dbPath);
  return { keptAside };
}

/** The newest backup of `dbPath` that passes the integrity check, or null. */
export async function latestGoodBackup(dbPath: string): Promise<BackupInfo | null> {
  for (const backup of await listBackups(backupDirFor(dbPath))) {
    if (backup.reason === 'replaced' || !backup.name.startsWith(`${basename(dbPath)}.`)) continue;
    if ((await checkIntegrity(backup.path)).ok) return backup;
  }
  return null;
}

/**
 * Checks a library file before it is opened. Throws LIBRARY_CORRUPT with the
 * recovery path in the message (the newest good backup) when it fails.
 */
export async function assertLibraryIntact(dbPath: string): Promise<void> {
  if (dbPath === ':memory:' || !(await stat(dbPath).catch(() => null))) return;
  const result = await checkIntegrity(dbPath);
  if (!result.ok) throw await corruptionError(dbPath, result);
}

/** LIBRARY_CORRUPT for a failed check of `dbPath`, naming the way out (the newest good backup). */
export async function corruptionError(dbPath: string, result: IntegrityResult): Promise<MizanError> {
  const good = await latestGoodBackup(dbPath);
  const recovery = good
    ? `restore the last good backup (${good.name}, ${good.createdAt})`
    : 'no good backup was found in the backups folder; the damaged file is left untouched';
  return new MizanError(
    'LIBRARY_CORRUPT',
    `library ${dbPath} is damaged (${result.check}: ${result.problems.slice(0, 3).join('; ')}): ${recovery}`,
  );
}

/** Restores the newest good backup over a damaged library (closed). */
export async function recoverFromLatestBackup(
  dbPath: string,
  now: Date = new Date(),
): Promise<{ restoredFrom: BackupInfo; keptAside: string | null }> {
  const good = await latestGoodBackup(dbPath);
  if (!good) throw new MizanError('NOT_FOUND', `no good backup of ${dbPath} in ${backupDirFor(dbPath)}`);
  const { keptAside } = await swapLibraryFile(dbPath, good.path, now);
  return { restoredFrom: good, keptAside };
}

/** True when `migrate` would apply at least one migration to an existing, non-empty library. */
export async function migrationsPending(db: Database, migrations: readonly Migration[]): Promise<boolean> {
  const ledger = await db.get<{ n: number }>(
    "SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'",
  );
  if (!ledger || ledger.n === 0) return false; // a new file: nothing to protect
  const applied = await db.get<{ n: number }>('SELECT count(*) AS n FROM schema_migrations');
  return (applied?.n ?? 0) > 0 && (applied?.n ?? 0) < migrations.length;
}

/** Restores the named backup over the open library. */
export async function restoreBackup(
  db: Database,
  name: string,
  now: Date = new Date(),
): Promise<{ restoredFrom: string; keptAside: string | null }> {
  const dir = backupDirFor(db.path);
  const backup = (await listBackups(dir)).find((b) => b.name === name);
  if (!backup) throw new MizanError('NOT_FOUND', `no backup named ${name} in ${dir}`);
  let keptAside: string | null = null;
  await db.replaceFile(async () => {
    ({ keptAside } = await swapLibraryFile(db.path, backup.path, now));
  });
  return { restoredFrom: backup.name, keptAside };
}
