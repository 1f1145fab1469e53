/**
 * The guard lists (guards.ts) as one open-addressing hash table looked up on a range of a word: the analyzer asks
 * about the word, the word without its first one or two letters and the word without its last two, and a `Set` would
 * need each of those sliced off (a new string, hashed anew) and would walk a chain of string objects per lookup.
 * Here a lookup hashes the range in place, probes one array and compares letters only when the 32-bit hash matches.
 * One entry holds every list the word is on (a bit each), so a word is hashed once for all of them.
 */
import { AL_INITIAL, LAM_INITIAL, SUFFIX_KEEP, WAW_INITIAL } from './guards';
import { preparedTables, type GuardTable } from './preparedTables';

/** Bits of `guardFlags`: which list holds the word. */
export const G_WAW = 1;
export const G_AL = 2;
export const G_LAM = 4;
export const G_SUFFIX = 8;

/** FNV-1a over word[start, end): no allocation; the same value for a range and for the sliced string. */
function hashRange(word: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The table from the lists (the build writes it to the text tables file, which the CLI reads instead). */
export function buildGuardTable(): GuardTable {
  const flagOf = new Map<string, number>();
  const lists: [ReadonlySet<string>, number][] = [
    [WAW_INITIAL, G_WAW],
    [AL_INITIAL, G_AL],
    [LAM_INITIAL, G_LAM],
    [SUFFIX_KEEP, G_SUFFIX],
  ];
  for (const [list, flag] of lists) for (const w of list) flagOf.set(w, (flagOf.get(w) ?? 0) | flag);
  // At most half full: linear probing stays short.
  let size = 1024;
  while (size < flagOf.size * 2) size *= 2;
  const words = [...flagOf.keys()];
  const table: GuardTable = {
    mask: size - 1,
    slots: new Uint32Array(size * 2),
    text: words.join(''),
    starts: new Uint32Array(words.length + 1),
    flags: new Uint8Array(words.length),
  };
  words.forEach((word, i) => {
    const h = hashRange(word, 0, word.length);
    let s = h & table.mask;
    while (table.slots[s * 2 + 1] !== 0) s = (s + 1) & table.mask;
    table.slots[s * 2] = h;
    table.slots[s * 2 + 1] = i + 1;
    table.flags[i] = flagOf.get(word) as number;
    table.starts[i + 1] = table.starts[i]! + word.length;
  });
  return table;
}

let table: GuardTable | null = null;

/** The G_* bits of word[start, end) (0: on no list). */
export function guardFlags(word: string, start: number, end: number): number {
  const t = table ?? (table = preparedTables.guards ?? buildGuardTable());
  const h = hashRange(word, start, end);
  const len = end - start;
  for (let s = h & t.mask; ; s = (s + 1) & t.mask) {
    const at = t.slots[s * 2 + 1] as number;
    if (at === 0) return 0;
    if (t.slots[s * 2] !== h) continue;
    const from = t.starts[at - 1] as number;
    if ((t.starts[at] as number) - from !== len) continue;
    let i = 0;
    while (i < len && t.text.charCodeAt(from + i) === word.charCodeAt(start + i)) i++;
    if (i === len) return t.flags[at - 1] as number;
  }
}
