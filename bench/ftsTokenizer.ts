/**
 * FTS5 insert CPU of the library index's table shape (search_fts: four text
 * streams, author, source, lang; contentless, contentless_delete) with its
 * unicode61 tokenizer against `ascii` with every ASCII punctuation and symbol
 * as a token character (so both split on white space only). Rows: the first
 * N SaudiNewsNet days' titles and bodies as they are, each in two columns,
 * 1,000 rows a transaction and 200 an INSERT, as the import writes them.
 *
 * With --compare-keys: every analyzer key (exact and stem) of all SaudiNewsNet
 * and BBC texts, one a row, into a table of each tokenizer; prints how many
 * terms each holds and every key that is not exactly one term alike in both
 * (migration 0011 copies a unicode61 index under `ascii` on that ground).
 *
 *   node dist/bench/ftsTokenizer.js [--files N] [--tokenizer unicode61|ascii]
 *   node dist/bench/ftsTokenizer.js --compare-keys
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import sqlite3 from 'sqlite3';
import { analyze } from '../main/core/text';
import { benchDir, sharedData } from './support';

const UNICODE61 = `unicode61 remove_diacritics 0 categories 'L* N* M* P* S* Co Cf'`;
const PUNCTUATION = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i))
  .filter((c) => !/[a-zA-Z0-9]/.test(c))
  .join('');
const ASCII = `ascii tokenchars '${PUNCTUATION.replace(/'/g, "''")}'`;

function exec(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
}

function all<T>(db: sqlite3.Database, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(sql, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
}

function* corpusTexts(): Generator<string> {
  const folder = sharedData('saudinewsnet');
  for (const f of readdirSync(folder).filter((n) => n.endsWith('.json.gz')))
    for (const r of JSON.parse(gunzipSync(readFileSync(join(folder, f))).toString('utf8')) as Array<
      Record<string, unknown>
    >)
      yield [r['title'], r['content'], r['author'], r['source']]
        .map((v) => (typeof v === 'string' ? v : ''))
        .join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'mizan-bbc-'));
  execFileSync('tar', ['-xzf', sharedData('bbc-fulltext.tar.gz'), '-C', dir]);
  for (const topic of readdirSync(join(dir, 'bbc'), { withFileTypes: true }).filter((e) => e.isDirectory()))
    for (const f of readdirSync(join(dir, 'bbc', topic.name)).filter((n) => n.endsWith('.txt')))
      yield readFileSync(join(dir, 'bbc', topic.name, f), 'utf8');
  rmSync(dir, { recursive: true, force: true });
}

/** Every key as its own row under both tokenizers: the terms each table holds must be the keys themselves. */
async function compareKeys(): Promise<void> {
  const keys = new Set<string>();
  for (const text of corpusTexts())
    for (const t of analyze(text)) {
      keys.add(t.exact);
      keys.add(t.stem);
    }
  const list = [...keys];
  const db = new sqlite3.Database(':memory:');
  const tables = { unicode61: UNICODE61, ascii: ASCII };
  for (const [name, spec] of Object.entries(tables)) {
    await exec(
      db,
      `CREATE VIRTUAL TABLE ${name} USING fts5(k, content = '', tokenize = "${spec.replace(/"/g, '""')}")`,
    );
    await exec(db, `CREATE VIRTUAL TABLE ${name}_terms USING fts5vocab(${name}, row)`);
    for (let at = 0; at < list.length; at += 5000) {
      const part = list.slice(at, at + 5000).map((k, i) => [at + i + 1, k]);
      await exec(db, `INSERT INTO ${name} (rowid, k) SELECT value ->> 0, value ->> 1 FROM json_each(?)`, [
        JSON.stringify(part),
      ]);
    }
  }
  const listed: string[] = [];
  for (const name of Object.keys(tables)) {
    const terms = await all<{ term: string; doc: number; cnt: number }>(db, `SELECT term, doc, cnt FROM ${name}_terms`);
    listed.push(terms.map((t) => `${t.term} ${t.doc} ${t.cnt}`).join('\n'));
    // One term per key, each in exactly one row: the key kept whole, nothing split off or folded into another.
    const odd = terms.filter((t) => t.doc !== 1 || t.cnt !== 1 || !keys.has(t.term)).map((t) => JSON.stringify(t.term));
    console.log(
      `${name}: ${list.length} keys, ${terms.length} terms, ${odd.length} not one whole key${odd.length > 0 ? `: ${odd.slice(0, 10).join(' ')}` : ''}`,
    );
  }
  console.log(`terms, documents and counts identical under both tokenizers: ${listed[0] === listed[1] ? 'yes' : 'NO'}`);
  db.close();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--compare-keys')) return compareKeys();
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
