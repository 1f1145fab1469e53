/**
 * Which of the 65,536 UTF-16 code units a Unicode property class matches,
 * as a table: 1 where it matches, 0 elsewhere and on surrogates.
 *
 * One global regex over a string of every code unit, marking each run it
 * matches, instead of one `test` per code unit: ~4 ms of CPU against ~20 ms
 * for a cold process, which each one-shot `mizan` call is (the tokenizer's
 * class table is built at load).
 */

/** Every BMP code unit in order, surrogates written as a space (no property class used here matches it). */
let allCodeUnits: string | null = null;

function everyCodeUnit(): string {
  if (allCodeUnits !== null) return allCodeUnits;
  // Plain JavaScript only: the tokenizer is also bundled into the offline HTML dossier's page (a browser, and the
  // sandbox that checks the bundle), where there is no Buffer or TextDecoder.
  const units = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) units[c] = c >= 0xd800 && c <= 0xdfff ? 0x20 : c;
  const parts: string[] = [];
  for (let c = 0; c < 0x10000; c += 0x1000) parts.push(String.fromCharCode(...units.subarray(c, c + 0x1000)));
  allCodeUnits = parts.join('');
  return allCodeUnits;
}

/**
 * `runs` is a global, unicode-aware regex of runs of the class, e.g.
 * `/[\p{L}\p{M}]+/gu`; it must not match a space.
 */
export function codeUnitMask(runs: RegExp): Uint8Array {
  if (!runs.global || !runs.unicode) throw new Error(`codeUnitMask: ${runs} needs the g and u flags`);
  const text = everyCodeUnit();
  const mask = new Uint8Array(0x10000);
  runs.lastIndex = 0;
  for (let m = runs.exec(text); m !== null; m = runs.exec(text)) mask.fill(1, m.index, m.index + m[0].length);
  return mask;
}
