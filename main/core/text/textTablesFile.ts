/**
 * The text code's start-up tables from a file the build writes beside the
 * compiled code, instead of building them in each process, which a one-shot
 * `mizan` call would pay on every call: the fold tables (common/text/normalize.ts),
 * the tokenizer's code-unit classes (tokenize.ts) and the guard lists' hash
 * table (guardTable.ts). A host that wants them imports this module before
 * any text code runs; textTablesWrite.ts writes the file.
 *
 * The tables depend on the text code and on the runtime's Unicode tables
 * (`String.prototype.normalize`, case mapping, `\p{L}`), so the file names
 * both: the size and modification time of every compiled module of the two
 * text folders (tsc rewrites a module whenever its code changes) and
 * `process.versions.unicode`. When either differs, or there is no file (tests
 * run the sources), or the machine is big-endian, the tables are built as usual.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { useFoldTables } from '../../../common/text/normalize';
import { preparedTables } from './preparedTables';

/** Where tsc puts the text code and the tables file, from this module's folder. */
const textFolders = [join(__dirname, '..', '..', '..', 'common', 'text'), __dirname];
export const textTablesPath = join(__dirname, '..', '..', '..', 'common', 'text', 'textTables.bin');

let codeStamp: string | null = null;

/**
 * Names the text code (every compiled .js module of common/text and main/core/text: name, size, modification time)
 * and the runtime's Unicode version: what the tables, and anything else computed from the analyzer, depend on.
 * Sizes and times, not a hash of the ~900 kB of code: 28 stats cost ~0.3 ms, reading and hashing ~6 ms.
 */
export function textCodeStamp(): string {
  if (codeStamp !== null) return codeStamp;
  const parts: string[] = [];
  for (const folder of textFolders)
    for (const name of readdirSync(folder).sort())
      if (name.endsWith('.js')) {
        const { size, mtimeMs } = statSync(join(folder, name));
        parts.push(`${name}:${size}:${mtimeMs}`);
      }
  codeStamp = `${parts.join(' ')} unicode ${process.versions.unicode}`;
  return codeStamp;
}

/** The file's second line: what is not a plain array of numbers. */
export interface TextTablesHeader {
  expansions: Array<[number, string]>;
  guardMask: number;
  guardWords: number;
  /** Code units of the guard words, one after the other. */
  guardText: number;
}

/** Whether this process took the tables from the file (false: built, or to be built, as usual). */
export let foldTablesFromFile = false;

/**
 * Layout (textTablesWrite.ts): the stamp line, the header line (JSON), then little-endian arrays: the fold map
 * (65,536 × 16 bits), the code-unit classes (65,536 × 8), the guard slots ((mask + 1) × 2 × 32), the guard words'
 * starts ((words + 1) × 32) and flags (words × 8), and last their text as UTF-16.
 */
function readTextTablesFile(): void {
  if (endianness() !== 'LE') return;
  let bytes: Buffer;
  try {
    bytes = readFileSync(textTablesPath);
  } catch {
    return;
  }
  const expected = Buffer.from(`${textCodeStamp()}\n`, 'utf8');
  if (!bytes.subarray(0, expected.length).equals(expected)) return;
  const headerEnd = bytes.indexOf(0x0a, expected.length);
  if (headerEnd < 0) return;
  const header = JSON.parse(bytes.subarray(expected.length, headerEnd).toString('utf8')) as TextTablesHeader;
  const map = new Uint16Array(0x10000);
  const charClass = new Uint8Array(0x10000);
  const slots = new Uint32Array((header.guardMask + 1) * 2);
  const starts = new Uint32Array(header.guardWords + 1);
  const flags = new Uint8Array(header.guardWords);
  const arrays = [map, charClass, slots, starts, flags];
  let at = headerEnd + 1;
  if (bytes.length !== at + arrays.reduce((n, a) => n + a.byteLength, 0) + header.guardText * 2) return;
  for (const array of arrays) {
    new Uint8Array(array.buffer).set(bytes.subarray(at, at + array.byteLength));
    at += array.byteLength;
  }
  useFoldTables(map, header.expansions);
  preparedTables.charClass = charClass;
  preparedTables.guards = { mask: header.guardMask, slots, text: bytes.toString('utf16le', at), starts, flags };
  foldTablesFromFile = true;
}

readTextTablesFile();
