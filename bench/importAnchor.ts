/**
 * The yardstick of the JSON import, and the check that a faster import
 * stores the same thing.
 *
 * `rawFtsBuild`: the same SaudiNewsNet files read (gunzip, JSON.parse) and
 * their rows written with plain `sqlite3`: a prepared INSERT per row into a
 * table, and an FTS5 index (unicode61) with that table as external content,
 * one transaction per 1,000 rows, WAL and synchronous=NORMAL as the library.
 * No analysis, duplicates or vocabulary: what any program storing and
 * indexing these rows would at least spend.
 *
 * `libraryChecksum`: sha256 over what an import stored: articles (ids,
 * content hashes and the columns the importer fills), near-duplicate links,
 * minhash signatures, the vocabulary, and the full-text index read back
 * through fts5vocab (term, column, articles, occurrences) with each
 * article's token counts, whatever the layout of its segments.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import sqlite3 from 'sqlite3';

type Db = sqlite3.Database;

function run(db: Db, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
}

function exec(db: Db, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));
}

function open(path: string, mode = sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE): Promise<Db> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, mode, (error) => (error ? reject(error) : resolve(db)));
  });
}

function close(db: Db): Promise<void> {
  return new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}

function stepRun(statement: sqlite3.Statement, params: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => statement.run(params, (error) => (error ? reject(error) : resolve())));
}

type Field = string | number | null;
type Row = Record<string, Field>;

export interface AnchorFigures {
  rows: number;
  seconds: number;
  cpuSeconds: number;
}

const ANCHOR_BATCH = 1000;

function text(v: unknown): string | null {
  return typeof v === 'string' ? v : v === null || v === undefined ? null : JSON.stringify(v);
}

/** Plain sqlite3: the files' rows into a table and an external-content FTS5 index, one transaction per batch. */
export async function rawFtsBuild(dbPath: string, files: readonly string[]): Promise<AnchorFigures> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  const db = await open(dbPath);
  await exec(
    db,
    `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
     CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, body TEXT NOT NULL, author TEXT, source TEXT, url TEXT, date TEXT);
     CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, content = 'docs', content_rowid = 'id', tokenize = 'unicode61');`,
  );
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const insert = db.prepare('INSERT INTO docs (title, body, author, source, url, date) VALUES (?, ?, ?, ?, ?, ?)');
  let rows = 0;
  let indexed = 0;
  let inBatch = 0;
  // The batch's inserts are queued without waiting for each (sqlite3 runs a statement's queue in order).
  let queued: Array<Promise<void>> = [];
  const commit = async () => {
    await Promise.all(queued);
    queued = [];
    await run(db, 'INSERT INTO docs_fts (rowid, title, body) SELECT id, title, body FROM docs WHERE id > ?', [indexed]);
    await exec(db, 'COMMIT');
    indexed = rows;
    inBatch = 0;
  };
  for (const file of files) {
    const records = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Row[];
    for (const r of records) {
      if (typeof r['content'] !== 'string' || r['content'].trim() === '') continue;
      if (inBatch === 0) await exec(db, 'BEGIN');
      queued.push(
        stepRun(insert, [
          text(r['title']),
          r['content'],
          text(r['author']),
          text(r['source']),
          text(r['url']),
          text(r['date_extracted']),
        ]),
      );
      rows++;
      if (++inBatch === ANCHOR_BATCH) await commit();
    }
  }
  if (inBatch > 0) await commit();
  await new Promise<void>((resolve, reject) => insert.finalize((error) => (error ? reject(error) : resolve())));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  await close(db);
  return { rows, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** Rows of `sql` fed to `hash` one line each, in the statement's order. */
function hashRows(db: Db, sql: string, hash: ReturnType<typeof createHash>): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    db.each(
      sql,
      (error: Error | null, row: Row) => {
        if (error) return;
        n++;
        hash.update(Object.values(row).map(String).join('\u001f')).update('\n');
      },
      (error) => (error ? reject(error) : resolve(n)),
    );
  });
}

export interface LibraryChecksum {
  articles: number;
  nearDuplicates: number;
  terms: number;
  /** (term, column) entries of the full-text index. */
  postings: number;
  sha256: string;
}

/** Checksum of what an import stored (see the module comment); reads a closed library file. */
export async function libraryChecksum(dbPath: string): Promise<LibraryChecksum> {
  const db = await open(dbPath);
  const hash = createHash('sha256');
  const part = (name: string) => hash.update(`\n#${name}\n`);
  part('articles');
  const articles = await hashRows(
    db,
    `SELECT a.id, a.content_hash, a.title, length(a.body), s.name, a.author, a.published_original, a.published_iso,
       a.lang, a.dir, a.url, a.origin_path, a.word_count, a.body_html IS NOT NULL
     FROM articles a LEFT JOIN sources s ON s.id = a.source_id ORDER BY a.id`,
    hash,
  );
  part('near');
  const nearDuplicates = await hashRows(
    db,
    'SELECT article_id, twin_id, round(similarity, 6) FROM near_duplicates ORDER BY article_id',
    hash,
  );
  part('minhash');
  await hashRows(db, 'SELECT article_id, hex(signature) FROM article_minhash ORDER BY article_id', hash);
  part('terms');
  const terms = await hashRows(db, 'SELECT key, surface, bare, definite, df FROM search_terms ORDER BY key', hash);
  part('fts');
  await exec(db, "CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, 'search_fts', 'col')");
  const postings = await hashRows(db, 'SELECT term, col, doc, cnt FROM temp.fts_terms ORDER BY term, col', hash);
  part('docsize');
  await hashRows(db, 'SELECT id, hex(sz) FROM search_fts_docsize ORDER BY id', hash);
  await close(db);
  return { articles, nearDuplicates, terms, postings, sha256: hash.digest('hex').slice(0, 16) };
}
