/**
 * The library index's totals: how many rows search_fts holds and how many
 * tokens each column holds in all, which bm25 reads as N (for each term's
 * idf) and as the average row length. FTS5 keeps them in its "averages"
 * record (search_fts_data, id 1) and adds a row to them on insert, but a
 * contentless_delete table's DELETE leaves them as they were (SQLite 3.52,
 * fts5StorageContentlessDelete), so every replaced or deleted row stayed
 * counted: a reindex, which replaces every row, doubled N, and changed the
 * top 20 of 65 of the 330 bench queries of a 20,000-article library.
 *
 * So index rows are deleted here, their sizes (search_fts_docsize) taken
 * off the totals in the same transaction. The record is a list of SQLite
 * varints: the row count, then each column's token count; a docsize row is
 * the same without the row count.
 */
import type { Writer } from '../db/connection';

/** The integers of a list of SQLite varints (big-endian 7-bit groups; a ninth byte holds 8 bits). */
export function readVarints(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let at = 0;
  while (at < bytes.length) {
    let value = 0;
    let i = 0;
    for (; i < 8 && at < bytes.length; i++) {
      const b = bytes[at++]!;
      value = value * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
    if (i === 8 && at < bytes.length) value = value * 256 + bytes[at++]!;
    out.push(value);
  }
  return out;
}

/** SQLite varints of non-negative integers (token counts never come near the ninth byte). */
export function writeVarints(values: readonly number[]): Buffer {
  const bytes: number[] = [];
  for (const value of values) {
    const groups = [value % 128];
    for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) groups.unshift(rest % 128);
    groups.forEach((g, i) => bytes.push(i < groups.length - 1 ? g | 0x80 : g));
  }
  return Buffer.from(bytes);
}

/** Rows and per-column tokens, as the averages record holds them. */
interface Totals {
  rows: number;
  columns: number[];
}

function addSizes(into: Totals, sz: Uint8Array, sign: 1 | -1): void {
  into.rows += sign;
  readVarints(sz).forEach((n, i) => (into.columns[i] = (into.columns[i] ?? 0) + sign * n));
}

/**
 * The averages record. FTS5 caches the totals on the writer while a
 * transaction writes rows and saves them at its end: 'flush' saves them now
 * and drops the cache, so the next row written (or the COMMIT) starts from
 * the record as `writeTotals` leaves it.
 */
async function readTotals(w: Writer): Promise<Totals> {
  await w.run("INSERT INTO search_fts (search_fts) VALUES ('flush')");
  const row = await w.get<{ block: Uint8Array | null }>('SELECT block FROM search_fts_data WHERE id = 1');
  const [rows = 0, ...columns] = row?.block ? readVarints(row.block) : [];
  return { rows, columns };
}

/** Writes the averages record; only after `readTotals`, with no index row written in between. */
async function writeTotals(w: Writer, totals: Totals): Promise<void> {
  const values = [Math.max(0, totals.rows), ...totals.columns.map((n) => Math.max(0, n))];
  await w.run('INSERT OR REPLACE INTO search_fts_data (id, block) VALUES (1, ?)', [writeVarints(values)]);
}

/** Sizes of the index rows a transaction deleted, to take off the totals before it commits. */
export class DroppedRows {
  readonly sizes: Totals = { rows: 0, columns: [] };
}

/**
 * Deletes the index rows of `ids` (a JSON array), adding their sizes to
 * `dropped`. Ids without a row are skipped.
 */
export async function deleteIndexRows(w: Writer, ids: string, dropped: DroppedRows): Promise<void> {
  const sizes = await w.all<{ sz: Uint8Array }>(
    'SELECT sz FROM search_fts_docsize WHERE id IN (SELECT value FROM json_each(?))',
    [ids],
  );
  if (sizes.length === 0) return;
  await w.run('DELETE FROM search_fts WHERE rowid IN (SELECT value FROM json_each(?))', [ids]);
  for (const { sz } of sizes) addSizes(dropped.sizes, sz, 1);
}

/** Takes the dropped rows off the totals: once per transaction, after its last index write. */
export async function settleTotals(w: Writer, dropped: DroppedRows): Promise<void> {
  if (dropped.sizes.rows === 0) return;
  const totals = await readTotals(w);
  totals.rows -= dropped.sizes.rows;
  dropped.sizes.columns.forEach((n, i) => (totals.columns[i] = (totals.columns[i] ?? 0) - n));
  await writeTotals(w, totals);
}

/** Rows read per statement while recounting: bounds the memory one read holds. */
const RECOUNT_CHUNK = 20_000;

/**
 * Sets the totals to what the index holds, from every row's sizes: repairs
 * an index whose deleted rows are still counted.
 */
export async function recountTotals(w: Writer): Promise<{ rows: number; before: number }> {
  const before = (await readTotals(w)).rows;
  const totals: Totals = { rows: 0, columns: [] };
  for (let last = Number.MIN_SAFE_INTEGER; ;) {
    const rows = await w.all<{ id: number; sz: Uint8Array }>(
      'SELECT id, sz FROM search_fts_docsize WHERE id > ? ORDER BY id LIMIT ?',
      [last, RECOUNT_CHUNK],
    );
    for (const { sz } of rows) addSizes(totals, sz, 1);
    if (rows.length < RECOUNT_CHUNK) break;
    last = rows[rows.length - 1]!.id;
  }
  await writeTotals(w, totals);
  return { rows: totals.rows, before };
}
