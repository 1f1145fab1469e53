/**
 * A ZIP archive read from its file, entry by entry, never whole: the end
 * record and the central directory give each entry's place, and an entry is
 * inflated as a stream (Node's zlib) into whatever the caller does with its
 * parts. Enough for the library bundle: no ZIP64, no encryption, stored or
 * deflated entries only.
 */
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedBytes: number;
  bytes: number;
  localHeaderAt: number;
}

const END_RECORD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A central directory larger than this is not a bundle's (it lists four names). */
const MAX_DIRECTORY = 64 * 1024;

export class ZipError extends Error {}

async function readAt(file: FileHandle, at: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, at);
  if (bytesRead !== length) throw new ZipError('the archive ends early');
  return buffer;
}

/**
 * The entries named by the central directory. The end record must close the
 * file (no comment, nothing after it) and the directory must end where it
 * starts: bytes anywhere else mean a damaged or altered file.
 */
export async function zipEntries(file: FileHandle, size: number): Promise<ZipEntry[]> {
  if (size < 22) throw new ZipError('trailing bytes or a damaged end of archive');
  const end = await readAt(file, size - 22, 22);
  if (end.readUInt32LE(0) !== END_RECORD) throw new ZipError('trailing bytes or a damaged end of archive');
  const count = end.readUInt16LE(10);
  const directoryBytes = end.readUInt32LE(12);
  const directoryAt = end.readUInt32LE(16);
  if (directoryAt + directoryBytes !== size - 22 || directoryBytes > MAX_DIRECTORY)
    throw new ZipError('a damaged central directory');
  const directory = await readAt(file, directoryAt, directoryBytes);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL)
      throw new ZipError('a damaged central directory');
    const nameBytes = directory.readUInt16LE(at + 28);
    const skip = nameBytes + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    if (at + 46 + skip > directory.length) throw new ZipError('a damaged central directory');
    entries.push({
      method: directory.readUInt16LE(at + 10),
      compressedBytes: directory.readUInt32LE(at + 20),
      bytes: directory.readUInt32LE(at + 24),
      name: directory.subarray(at + 46, at + 46 + nameBytes).toString('utf8'),
      localHeaderAt: directory.readUInt32LE(at + 42),
    });
    at += 46 + skip;
  }
  return entries;
}

/**
 * An entry's bytes in parts, inflated. More bytes than `limit` stop the read
 * (a bomb, or a manifest that lies about a size); so does a stream that
 * fails to inflate.
 */
export async function* entryParts(
  file: FileHandle,
  path: string,
  entry: ZipEntry,
  limit: number,
): AsyncGenerator<Buffer> {
  const local = await readAt(file, entry.localHeaderAt, 30);
  if (local.readUInt32LE(0) !== LOCAL) throw new ZipError(`${entry.name}: a damaged local header`);
  const dataAt = entry.localHeaderAt + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`${entry.name}: compression method ${entry.method}`);
  if (entry.compressedBytes === 0) return;
  const raw = createReadStream(path, {
    start: dataAt,
    end: dataAt + entry.compressedBytes - 1,
    highWaterMark: 1 << 20,
  });
  const source = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  raw.on('error', (error) => source.destroy(error));
  let total = 0;
  try {
    for await (const part of source as AsyncIterable<Buffer>) {
      total += part.length;
      if (total > limit) throw new ZipError(`${entry.name} is larger than the manifest says`);
      yield part;
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    raw.destroy();
    source.destroy();
  }
}
