/**
 * FTS5 insert CPU of the library index's table shape (search_fts: four text
 * streams, author, source, lang; contentless, contentless_delete) with its
 * unicode61 tokenizer against `ascii` with every ASCII punctuation and symbol
 * as a token character (so both split on white space only). Rows: the first
 * N SaudiNewsNet days' titles and bodies as they are, each in two columns,
 * 1,000 rows a transaction and 200 an INSERT, as the import writes them.
 *
 *   node dist/bench/ftsTokenizer.js [--files N] [--tokenizer unicode61|ascii]
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import sqlite3 from 'sqlite3';
import { benchDir, sharedData } from './support';

const UNICODE61 = `unicode61 remove_diacritics 0 categories 'L* N* M* P* S* Co Cf'`;
const PUNCTUATION = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i))
  .filter((c) => !/[a-zA-Z0-9]/.test(c))
  .join('');
const ASCII = `ascii tokenchars '${PUNCTUATION.replace(/'/g, "''")}'`;

function exec(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const filesAt = args.indexOf('--files');
  const tokenizerAt = args.indexOf('--tokenizer');
  const tokenizer = tokenizerAt >= 0 ? args[tokenizerAt + 1]! : 'unicode61';
  const folder = sharedData('saudinewsnet');
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.json.gz'))
    .sort()
    .slice(0, filesAt >= 0 ? Number(args[filesAt + 1]) : 4);
  const rows: Array<Record<string, unknown>> = [];
  for (const f of files)
    for (const r of JSON.parse(gunzipSync(readFileSync(join(folder, f))).toString('utf8')) as Array<
      Record<string, unknown>
    >)
      if (typeof r['content'] === 'string' && r['content'].trim() !== '') rows.push(r);
  const path = join(benchDir('fts-tokenizer'), `${tokenizer}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const db = new sqlite3.Database(path);
  await exec(db, 'PRAGMA journal_mode = WAL');
  await exec(db, 'PRAGMA synchronous = NORMAL');
  // The tokenizer option is one SQL string literal: its quotes doubled.
  const spec = (tokenizer === 'ascii' ? ASCII : UNICODE61).replace(/"/g, '""');
  await exec(
    db,
    `CREATE VIRTUAL TABLE f USING fts5(title_x, title_s, body_x, body_s, author, source, lang,
       content = '', contentless_delete = 1, tokenize = "${spec}")`,
  );
  const cpu = process.cpuUsage();
  for (let at = 0; at < rows.length; at += 1000) {
    await exec(db, 'BEGIN');
    for (let k = at; k < Math.min(at + 1000, rows.length); k += 200) {
      const part = rows
        .slice(k, Math.min(k + 200, at + 1000))
        .map((r, i) => [k + i + 1, r['title'], r['title'], r['content'], r['content'], r['author'], r['source'], 'ar']);
      await exec(
        db,
        `INSERT INTO f (rowid, title_x, title_s, body_x, body_s, author, source, lang)
         SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7
         FROM json_each(?)`,
        [JSON.stringify(part)],
      );
    }
    await exec(db, 'COMMIT');
  }
  const used = process.cpuUsage(cpu);
  await new Promise<void>((resolve) => db.close(() => resolve()));
  console.log(`${tokenizer}: ${rows.length} rows, CPU ${((used.user + used.system) / 1e6).toFixed(2)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
