/**
 * The library bundle: one file to move a library between machines, and one
 * a person can open with ordinary tools. It is a standard ZIP:
 *
 *   manifest.json   { format: "mizan-library-bundle", version: 2, createdAt, app, entries: [{ name, bytes, sha256 }] }
 *   library.db      an online backup of the library (a plain SQLite file)
 *   settings.json   the UI settings, when there are any
 *   SHA256SUMS      the same checksums in `sha256sum -c` form
 *
 * `unzip -l` lists it, `unzip` and `sha256sum -c SHA256SUMS` check it,
 * `sqlite3 library.db` reads it. Readers verify every checksum before the
 * library is touched. Bundles of the earlier one-file format
 * ("MIZAN-BUNDLE 1" header) are still read.
 */
import { createHash } from 'node:crypto';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { MizanError } from '../../../preload/contract/errors';
import { swapLibraryFile } from './backup';
import type { Database } from './connection';

type EntryName = 'library.db' | 'settings.json';
interface BundleEntry {
  name: EntryName;
  bytes: number;
  sha256: string;
}
export interface BundleContents {
  library: Buffer;
  settings: Buffer | null;
  createdAt: string;
}

const FORMAT = 'mizan-library-bundle';
const ENTRY_NAMES: readonly string[] = ['manifest.json', 'library.db', 'settings.json', 'SHA256SUMS'];
const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

export async function writeBundle(
  db: Database,
  options: { path: string; settingsPath: string | null; app: string; now?: Date },
): Promise<{ path: string; bytes: number }> {
  const scratch = `${options.path}.db.partial`;
  await db.backupTo(scratch);
  try {
    const parts: Array<{ name: EntryName; data: Buffer }> = [{ name: 'library.db', data: await readFile(scratch) }];
    const settings = options.settingsPath ? await readFile(options.settingsPath).catch(() => null) : null;
    if (settings) parts.push({ name: 'settings.json', data: settings });
    const entries: BundleEntry[] = parts.map((p) => ({ name: p.name, bytes: p.data.length, sha256: sha256(p.data) }));
    const createdAt = (options.now ?? new Date()).toISOString();
    const manifest = { format: FORMAT, version: 2, createdAt, app: options.app, entries };
    const mtime = options.now ?? new Date();
    const files: Zippable = { 'manifest.json': [strToU8(JSON.stringify(manifest, null, 2) + '\n'), { mtime }] };
    for (const p of parts) files[p.name] = [p.data, { mtime }];
    files['SHA256SUMS'] = [strToU8(entries.map((e) => `${e.sha256}  ${e.name}\n`).join('')), { mtime }];
    // Level 1: SQLite pages compress about as well at 1 as at 6, at a fraction of the time.
    const zipped = zipSync(files, { level: 1 });
    const partial = `${options.path}.partial`;
    const handle = await open(partial, 'w');
    try {
      await handle.write(zipped);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, options.path);
    return { path: options.path, bytes: (await stat(options.path)).size };
  } finally {
    await rm(scratch, { force: true });
  }
}

/** Where a ZIP's end-of-central-directory record must start when the archive has no comment and nothing after it. */
function endRecordAt(data: Buffer): number {
  return data.length - 22;
}

function readZipBundle(data: Buffer, bad: (why: string) => MizanError): BundleContents {
  const end = endRecordAt(data);
  // Bytes after the archive (or a comment) mean a damaged or altered file, not a bundle Mizan wrote.
  if (end < 0 || data.readUInt32LE(end) !== 0x06054b50) throw bad('trailing bytes or a damaged end of archive');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data);
  } catch (error) {
    throw bad(`unreadable ZIP (${error instanceof Error ? error.message : String(error)})`);
  }
  const unexpected = Object.keys(files).find((name) => !ENTRY_NAMES.includes(name));
  if (unexpected !== undefined) throw bad(`unexpected entry ${unexpected}`);
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) throw bad('no manifest.json');
  let manifest: { format?: unknown; createdAt?: unknown; entries?: unknown };
  try {
    manifest = JSON.parse(strFromU8(manifestBytes)) as typeof manifest;
  } catch {
    throw bad('unreadable manifest.json');
  }
  if (manifest.format !== FORMAT) throw bad('manifest.json is not a Mizan manifest');
  if (!Array.isArray(manifest.entries)) throw bad('no entries');
  const found = new Map<string, Buffer>();
  for (const raw of manifest.entries as unknown[]) {
    const e = raw as Partial<BundleEntry>;
    if ((e.name !== 'library.db' && e.name !== 'settings.json') || typeof e.sha256 !== 'string')
      throw bad('bad entry in manifest.json');
    const body = files[e.name];
    if (!body) throw bad(`${e.name} is missing`);
    if (body.length !== e.bytes) throw bad(`${e.name} is truncated`);
    if (sha256(body) !== e.sha256) throw bad(`${e.name} fails its checksum`);
    found.set(e.name, Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  }
  const library = found.get('library.db');
  if (!library) throw bad('no library.db');
  return { library, settings: found.get('settings.json') ?? null, createdAt: String(manifest.createdAt ?? '') };
}

// The earlier format: "MIZAN-BUNDLE 1\n", one line of JSON manifest, then the entries' bytes back to back.
const LEGACY_MAGIC = 'MIZAN-BUNDLE 1\n';
const MAX_MANIFEST = 64 * 1024;

function readLegacyBundle(data: Buffer, bad: (why: string) => MizanError): BundleContents {
  const end = data.indexOf(0x0a, LEGACY_MAGIC.length);
  if (end < 0 || end - LEGACY_MAGIC.length > MAX_MANIFEST) throw bad('no manifest');
  let manifest: { createdAt?: unknown; entries?: unknown };
  try {
    manifest = JSON.parse(data.subarray(LEGACY_MAGIC.length, end).toString('utf8')) as typeof manifest;
  } catch {
    throw bad('unreadable manifest');
  }
  if (!Array.isArray(manifest.entries)) throw bad('no entries');
  let offset = end + 1;
  const found = new Map<string, Buffer>();
  for (const raw of manifest.entries as unknown[]) {
    const e = raw as Partial<BundleEntry>;
    if (
      (e.name !== 'library.db' && e.name !== 'settings.json') ||
      !Number.isSafeInteger(e.bytes) ||
      (e.bytes ?? -1) < 0 ||
      typeof e.sha256 !== 'string'
    )
      throw bad('bad entry');
    const bytes = e.bytes as number;
    if (offset + bytes > data.length) throw bad(`${e.name} is truncated`);
    const body = data.subarray(offset, offset + bytes);
    if (sha256(body) !== e.sha256) throw bad(`${e.name} fails its checksum`);
    found.set(e.name, body);
    offset += bytes;
  }
  if (offset !== data.length) throw bad('trailing bytes');
  const library = found.get('library.db');
  if (!library) throw bad('no library.db');
  return { library, settings: found.get('settings.json') ?? null, createdAt: String(manifest.createdAt ?? '') };
}

/** Reads and verifies a bundle; throws INVALID_ARGUMENT naming the file and what is wrong. */
export async function readBundle(path: string): Promise<BundleContents> {
  const data = await readFile(path).catch((error: unknown) => {
    throw new MizanError(
      'NOT_FOUND',
      `cannot read bundle ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  const bad = (why: string) =>
    new MizanError('INVALID_ARGUMENT', `${basename(path)} is not a Mizan library bundle: ${why}`);
  if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return readZipBundle(data, bad);
  if (data.subarray(0, LEGACY_MAGIC.length).toString('latin1') === LEGACY_MAGIC) return readLegacyBundle(data, bad);
  throw bad('neither a ZIP nor an earlier Mizan bundle');
}

/**
 * Replaces the open library with a bundle's: verified first, then swapped
 * like a restore (the current file kept in backups/), settings written beside it.
 */
export async function importBundle(
  db: Database,
  options: { path: string; settingsPath: string | null; now?: Date },
): Promise<{ keptAside: string | null }> {
  const bundle = await readBundle(options.path);
  const staging = `${db.path}.bundle-incoming`;
  await writeFile(staging, bundle.library);
  try {
    let keptAside: string | null = null;
    await db.replaceFile(async () => {
      ({ keptAside } = await swapLibraryFile(db.path, staging, options.now));
    });
    if (bundle.settings && options.settingsPath) {
      await writeFile(`${options.settingsPath}.tmp`, bundle.settings);
      await rename(`${options.settingsPath}.tmp`, options.settingsPath);
    }
    return { keptAside };
  } finally {
    await rm(staging, { force: true });
  }
}
