/**
 * The text fold tables (common/text/normalize.ts) from a file the build
 * writes beside the compiled code, instead of building them in each process:
 * ~45 ms of CPU at start-up, which a one-shot `mizan` call pays on every
 * call. A host that wants it imports this module before any text code runs.
 *
 * The tables depend on normalize's code and on the runtime's Unicode tables
 * (`String.prototype.normalize`, case mapping), so the file names both: the
 * SHA-1 of the compiled normalize.js and `process.versions.unicode`. When
 * either differs, or there is no file (tests run the sources), the tables are
 * built as usual.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { foldTablesData, useFoldTables } from '../../../common/text/normalize';

/** Where tsc puts normalize.js and the tables file, from this module's folder. */
const normalizeJs = join(__dirname, '..', '..', '..', 'common', 'text', 'normalize.js');
const tablesFile = join(__dirname, '..', '..', '..', 'common', 'text', 'textTables.bin');

function stamp(): string {
  const source = readFileSync(normalizeJs);
  return `${createHash('sha1').update(source).digest('hex')} unicode ${process.versions.unicode}\n`;
}

/**
 * The build's step: the tables this runtime builds, stamped. Layout: the
 * stamp line, the map (65,536 little-endian 16-bit entries), the expansions as JSON.
 */
export function writeFoldTablesFile(): void {
  const { map, expansions } = foldTablesData();
  const mapBytes = Buffer.alloc(map.length * 2);
  map.forEach((v, i) => mapBytes.writeUInt16LE(v, i * 2));
  writeFileSync(
    tablesFile,
    Buffer.concat([Buffer.from(stamp(), 'utf8'), mapBytes, Buffer.from(JSON.stringify(expansions))]),
  );
}

/** Whether this process took the tables from the file (false: built, or to be built, as usual). */
export let foldTablesFromFile = false;

function readFoldTablesFile(): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(tablesFile);
  } catch {
    return;
  }
  const expected = Buffer.from(stamp(), 'utf8');
  const size = expected.length + 0x10000 * 2;
  if (bytes.length <= size || !bytes.subarray(0, expected.length).equals(expected)) return;
  const body = bytes.subarray(expected.length);
  const map = new Uint16Array(0x10000);
  // On a little-endian machine (every one Node ships for but s390x) the entries are copied as bytes.
  if (endianness() === 'LE') new Uint8Array(map.buffer).set(body.subarray(0, map.length * 2));
  else for (let i = 0; i < map.length; i++) map[i] = body.readUInt16LE(i * 2);
  useFoldTables(map, JSON.parse(body.subarray(map.length * 2).toString('utf8')) as Array<[number, string]>);
  foldTablesFromFile = true;
}

readFoldTablesFile();
