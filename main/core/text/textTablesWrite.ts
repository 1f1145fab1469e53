/**
 * The build's step (scripts/bundleCli.mjs): the tables this runtime builds,
 * written with the stamp textTablesFile.ts checks before it reads them.
 */
import { writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { foldTablesData } from '../../../common/text/normalize';
import { buildGuardTable } from './guardTable';
import { textCodeStamp, textTablesPath, type TextTablesHeader } from './textTablesFile';
import { buildClassTable } from './tokenize';

export function writeTextTablesFile(): void {
  // A big-endian machine builds its tables in each process (textTablesFile.ts reads little-endian arrays only).
  if (endianness() !== 'LE') return;
  const { map, expansions } = foldTablesData();
  const guards = buildGuardTable();
  const header: TextTablesHeader = {
    expansions,
    guardMask: guards.mask,
    guardWords: guards.flags.length,
    guardText: guards.text.length,
  };
  const bytes = (array: Uint8Array | Uint16Array | Uint32Array): Buffer =>
    Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  writeFileSync(
    textTablesPath,
    Buffer.concat([
      Buffer.from(`${textCodeStamp()}\n${JSON.stringify(header)}\n`, 'utf8'),
      bytes(map),
      bytes(buildClassTable()),
      bytes(guards.slots),
      bytes(guards.starts),
      bytes(guards.flags),
      Buffer.from(guards.text, 'utf16le'),
    ]),
  );
}
