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
import { createReadStream } from 'node:fs';
import { mkdtemp, open, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, strToU8, Zip, ZipDeflate } from 'fflate';
import { MizanError } from '../../../preload/contract/errors';
import { swapLibraryFile } from './backup';
import type { Database } from './connection';
import { entryParts, ZipError, zipEntries, type ZipEntry } from './zipEntries';

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

/** The file's SHA-256 and size, read in chunks. */
async function digestOf(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Read and written in parts of this size, so a library of any size is bundled in bounded memory. */
const CHUNK = 1024 * 1024;

/**
 * The library's snapshot is read twice, never held: once for its checksum
 * (the manifest, first in the archive, names it), once into the ZIP, whose
 * parts go to the file as fflate makes them.
 */
export async function writeBundle(
  db: Database,
  options: { path: string; settingsPath: string | null; app: string; now?: Date },
): Promise<{ path: string; bytes: number }> {
  const scratch = `${options.path}.db.partial`;
  const partial = `${options.path}.partial`;
  await db.backupTo(scratch);
  let handle: FileHandle | null = null;
  try {
    const settings = options.settingsPath ? await readFile(options.settingsPath).catch(() => null) : null;
    const entries: BundleEntry[] = [{ name: 'library.db', ...(await digestOf(scratch)) }];
    if (settings) entries.push({ name: 'settings.json', bytes: settings.length, sha256: sha256(settings) });
    const createdAt = (options.now ?? new Date()).toISOString();
    const manifest = { format: FORMAT, version: 2, createdAt, app: options.app, entries };
    const mtime = options.now ?? new Date();

    handle = await open(partial, 'w');
    const out = handle;
    // fflate hands over the archive's bytes synchronously as it makes them; they are written in order.
    let pending: Promise<unknown> = Promise.resolve();
    let failure: Error | null = null;
    const zip = new Zip((error, data) => {
      if (error) failure = error;
      else pending = pending.then(() => out.write(data));
    });
    const add = (name: string, data: Uint8Array) => {
      const file = new ZipDeflate(name, { level: 1 });
      file.mtime = mtime;
      zip.add(file);
      file.push(data, true);
    };
    add('manifest.json', strToU8(JSON.stringify(manifest, null, 2) + '\n'));
    // Level 1: SQLite pages compress about as well at 1 as at 6, at a fraction of the time.
    const library = new ZipDeflate('library.db', { level: 1 });
    library.mtime = mtime;
    zip.add(library);
    let previous: Buffer | null = null;
    for await (const chunk of createReadStream(scratch, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      if (previous) library.push(previous);
      previous = chunk;
      // Wait for the file to take what was made, so no more than a chunk or two is ever held.
      await pending;
    }
    library.push(previous ?? new Uint8Array(0), true);
    if (settings) add('settings.json', settings);
    add('SHA256SUMS', strToU8(entries.map((e) => `${e.sha256}  ${e.name}\n`).join('')));
    zip.end();
    await pending;
    if (failure) throw failure;
    await out.sync();
    await out.close();
    handle = null;
    await rename(partial, options.path);
    return { path: options.path, bytes: (await stat(options.path)).size };
  } finally {
    await handle?.close();
    await rm(partial, { force: true });
    await rm(scratch, { force: true });
  }
}

/** What a checked bundle holds besides its library (written to the caller's path). */
interface CheckedBundle {
  settings: Buffer | null;
  createdAt: string;
}
/** The manifest and settings are a few KB; a bundle claiming more is not one Mizan wrote. */
const SMALL_ENTRY = 16 * 1024 * 1024;

async function smallEntry(file: FileHandle, path: string, entry: ZipEntry): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of entryParts(file, path, entry, SMALL_ENTRY)) parts.push(part);
  return Buffer.concat(parts);
}

/**
 * Checks a ZIP bundle entry by entry and writes its library.db to
 * `libraryTo` as it is inflated and hashed; on any failure that file is
 * removed. The archive is never held whole.
 */
async function checkZipBundle(
  path: string,
  libraryTo: string,
  bad: (why: string) => MizanError,
  signal: AbortSignal | undefined,
): Promise<CheckedBundle> {
  const file = await open(path, 'r');
  try {
    const entries = await zipEntries(file, (await file.stat()).size);
    const byName = new Map<string, ZipEntry>();
    for (const entry of entries) {
      if (!ENTRY_NAMES.includes(entry.name)) throw bad(`unexpected entry ${entry.name}`);
      if (byName.has(entry.name)) throw bad(`${entry.name} twice`);
      byName.set(entry.name, entry);
    }
    const manifestEntry = byName.get('manifest.json');
    if (!manifestEntry) throw bad('no manifest.json');
    let manifest: { format?: unknown; createdAt?: unknown; entries?: unknown };
    try {
      manifest = JSON.parse(strFromU8(await smallEntry(file, path, manifestEntry))) as typeof manifest;
    } catch (error) {
      if (error instanceof ZipError) throw error;
      throw bad('unreadable manifest.json');
    }
    if (manifest.format !== FORMAT) throw bad('manifest.json is not a Mizan manifest');
    if (!Array.isArray(manifest.entries)) throw bad('no entries');
    let settings: Buffer | null = null;
    let library = false;
    for (const raw of manifest.entries as unknown[]) {
      const e = raw as Partial<BundleEntry>;
      if (
        (e.name !== 'library.db' && e.name !== 'settings.json') ||
        typeof e.sha256 !== 'string' ||
        !Number.isSafeInteger(e.bytes) ||
        (e.bytes ?? -1) < 0
      )
        throw bad('bad entry in manifest.json');
      const entry = byName.get(e.name);
      if (!entry) throw bad(`${e.name} is missing`);
      const hash = createHash('sha256');
      let bytes = 0;
      if (e.name === 'settings.json') {
        settings = await smallEntry(file, path, entry);
        hash.update(settings);
        bytes = settings.length;
      } else {
        const out = await open(libraryTo, 'w');
        try {
          for await (const part of entryParts(file, path, entry, e.bytes!)) {
            if (signal?.aborted) throw cancelled(path);
            hash.update(part);
            bytes += part.length;
            await out.write(part);
          }
        } finally {
          await out.close();
        }
        library = true;
      }
      if (bytes !== e.bytes) throw bad(`${e.name} is truncated`);
      if (hash.digest('hex') !== e.sha256) throw bad(`${e.name} fails its checksum`);
    }
    if (!library) throw bad('no library.db');
    return { settings, createdAt: String(manifest.createdAt ?? '') };
  } catch (error) {
    await rm(libraryTo, { force: true });
    if (error instanceof ZipError) throw bad(error.message);
    throw error;
  } finally {
    await file.close();
  }
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

const cancelled = (path: string) =>
  new MizanError('CANCELLED', `${basename(path)} was not imported: cancelled; the library is unchanged`);

/**
 * Verifies a bundle and writes its library to `libraryTo` (only a bundle
 * that passes every check leaves that file); throws INVALID_ARGUMENT naming
 * the file and what is wrong, CANCELLED once `signal` is aborted.
 */
export async function checkBundle(path: string, libraryTo: string, signal?: AbortSignal): Promise<CheckedBundle> {
  const head = await open(path, 'r')
    .then(async (file) => {
      try {
        const buffer = Buffer.alloc(LEGACY_MAGIC.length);
        await file.read(buffer, 0, buffer.length, 0);
        return buffer;
      } finally {
        await file.close();
      }
    })
    .catch((error: unknown) => {
      throw new MizanError(
        'NOT_FOUND',
        `cannot read bundle ${path}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  const bad = (why: string) =>
    new MizanError('INVALID_ARGUMENT', `${basename(path)} is not a Mizan library bundle: ${why}`);
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
    return checkZipBundle(path, libraryTo, bad, signal);
  if (head.toString('latin1') === LEGACY_MAGIC) {
    // The earlier format was written whole and is read whole.
    const { library, settings, createdAt } = readLegacyBundle(await readFile(path), bad);
    await writeFile(libraryTo, library);
    return { settings, createdAt };
  }
  throw bad('neither a ZIP nor an earlier Mizan bundle');
}

/** Reads and verifies a bundle into memory (small bundles: tests, inspection); see `checkBundle`. */
export async function readBundle(path: string): Promise<BundleContents> {
  const dir = await mkdtemp(join(tmpdir(), 'mizan-bundle-'));
  try {
    const checked = await checkBundle(path, join(dir, 'library.db'));
    return { ...checked, library: await readFile(join(dir, 'library.db')) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Replaces the open library with a bundle's: verified first, then swapped
 * like a restore (the current file kept in backups/), settings written beside it.
 */
export async function importBundle(
  db: Database,
  options: { path: string; settingsPath: string | null; now?: Date; signal?: AbortSignal },
): Promise<{ keptAside: string | null }> {
  const staging = `${db.path}.bundle-incoming`;
  try {
    const bundle = await checkBundle(options.path, staging, options.signal);
    // The last moment a cancel is honoured: after this the library file is swapped.
    if (options.signal?.aborted) throw cancelled(options.path);
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
