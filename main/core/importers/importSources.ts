/**
 * What an import reads: the paths it is given, expanded into files, and a
 * file's bytes within the size limit.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { ImportReport } from '../../../preload/contract/library';
import { ImportError, type ImportOptions } from './types';

/** A file to import: on disk, or bytes already in hand (an upload, a page of a web archive). */
export type ImportItem =
  | { kind: 'path'; path: string }
  | { kind: 'bytes'; path: string; bytes: Uint8Array; archived?: ImportOptions['archived'] };

function isHidden(name: string): boolean {
  return name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini';
}

/** Expands folders into their files (sorted, hidden ones skipped); missing paths become errors. */
export async function expandPaths(paths: readonly string[], report: ImportReport): Promise<ImportItem[]> {
  const items: ImportItem[] = [];
  async function walk(path: string, top: boolean): Promise<void> {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(error);
      report.errors.push({ path, code: 'IMPORT_READ_FAILED', message: `${path}: ${reason}` });
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((n) => !isHidden(n)).sort((a, b) => a.localeCompare(b));
      for (const entry of entries) await walk(join(path, entry), false);
    } else if (info.isFile()) {
      if (top || !isHidden(basename(path))) items.push({ kind: 'path', path });
    }
  }
  for (const path of paths) await walk(resolve(path), true);
  return items;
}

function tooLarge(path: string, size: number, limit: number): ImportError {
  const mb = (n: number) => (n >= 1e6 ? `${Math.round(n / 1e5) / 10} MB` : `${Math.ceil(n / 1e3)} KB`);
  return new ImportError('IMPORT_TOO_LARGE', `${path}: ${mb(size)} is over the ${mb(limit)} limit for one file`);
}

/** A file's bytes, refused (IMPORT_TOO_LARGE, IMPORT_READ_FAILED) before reading what is over the limit. */
export async function readItem(item: ImportItem, limit: number): Promise<Uint8Array> {
  if (item.kind === 'bytes') {
    if (item.bytes.length > limit) throw tooLarge(item.path, item.bytes.length, limit);
    return item.bytes;
  }
  const unreadable = (error: unknown) => {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : error instanceof Error
          ? error.message
          : String(error);
    return new ImportError('IMPORT_READ_FAILED', `${item.path}: cannot read (${reason})`);
  };
  let size: number;
  try {
    size = (await stat(item.path)).size;
  } catch (error) {
    throw unreadable(error);
  }
  if (size > limit) throw tooLarge(item.path, size, limit);
  try {
    return await readFile(item.path);
  } catch (error) {
    throw unreadable(error);
  }
}
