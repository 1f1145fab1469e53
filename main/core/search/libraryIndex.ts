/**
 * Keeps the library index in step with the articles. The migration's
 * triggers queue every article that was inserted, edited or deleted (and
 * keep the text whose terms must leave the vocabulary); `flushIndexQueue`
 * runs as the write transaction's commit hook and writes the index rows,
 * so an article is searchable exactly when it is stored, whichever code
 * stored it, and a rolled-back write leaves no trace in the index.
 */
import { createHash } from 'node:crypto';
import type { Database, Writer } from '../db/connection';
import { analyze } from '../text';
import type { IndexInput } from './indexDocument';
import type { Indexer } from './indexer';

/**
 * Bumped when what indexDocument.ts stores changes (columns, stop words...).
 * Together with the analyzer's own output it says whether an index still
 * matches the code that reads it.
 */
const INDEX_FORMAT = 1;

/** Text touching every part of the analyzer: folding, clitics, variants, stems, numbers, dates, English. */
const PROBE =
  'أعلن الرئيس الأميركي والأمريكية بالبنتاجون للجنة الْكَاظِمِي ـــ مسئول ٢٥٠٠ 2,500 جندي (26/7/2021) ' +
  "تموز وواشنطن لواشنطن ببغداد فالعراق لبنان إلغاء في The Pentagon's U.S. officials were running, studies 3.5%";

/** Changes whenever the analyzer would turn the same text into different keys. */
export function analyzerFingerprint(): string {
  const keys = analyze(PROBE).map((t) => `${t.exact}|${t.stem}|${t.stop ? 1 : 0}`);
  return createHash('sha256').update(`${INDEX_FORMAT}\n${keys.join('\n')}`).digest('hex').slice(0, 16);
}

/** Articles analyzed per round inside one flush: bounds the text held in memory. */
const FLUSH_CHUNK = 1000;

interface QueuedRow extends IndexInput {
  id: number;
  vocab: number;
}

// `WHERE true` keeps SQLite from reading ON CONFLICT as a join constraint.
const ADD_TERMS = `INSERT INTO search_terms (key, surface, bare, definite, df)
  SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?) WHERE true
  ON CONFLICT (key) DO UPDATE SET
    df = df + excluded.df,
    surface = CASE WHEN excluded.bare > search_terms.bare THEN excluded.surface ELSE search_terms.surface END,
    bare = max(search_terms.bare, excluded.bare),
    definite = max(search_terms.definite, excluded.definite)`;

const SUBTRACT_TERMS = `UPDATE search_terms SET df = df - j.n
  FROM (SELECT value ->> 0 AS key, value ->> 4 AS n FROM json_each(?)) AS j
  WHERE search_terms.key = j.key`;

const INSERT_ROWS = `INSERT INTO search_fts (rowid, title_x, title_s, body_x, body_s, author, source, lang)
  SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7 FROM json_each(?)`;

async function subtractRetired(w: Writer, indexer: Indexer): Promise<void> {
  for (;;) {
    const rows = await w.all<{ id: number; title: string; body: string }>('SELECT id, title, body FROM search_retired ORDER BY id LIMIT ?', [FLUSH_CHUNK]);
    if (rows.length === 0) return;
    const { terms } = await indexer.build(
      rows.map((r) => ({ title: r.title, body: r.body, author: null, source: null, lang: '', countTerms: true })),
      false,
    );
    if (terms.length > 0) {
      const json = JSON.stringify(terms);
      await w.run(SUBTRACT_TERMS, [json]);
      await w.run('DELETE FROM search_terms WHERE df <= 0 AND key IN (SELECT value ->> 0 FROM json_each(?))', [json]);
    }
    await w.run('DELETE FROM search_retired WHERE id <= ?', [rows[rows.length - 1]!.id]);
  }
}

async function writeQueued(w: Writer, indexer: Indexer): Promise<void> {
  for (;;) {
    const rows = await w.all<QueuedRow>(
      `SELECT q.article_id AS id, q.vocab, a.title, a.body, a.author, s.name AS source, a.lang
       FROM search_queue q JOIN articles a ON a.id = q.article_id LEFT JOIN sources s ON s.id = a.source_id
       ORDER BY q.article_id LIMIT ?`,
      [FLUSH_CHUNK],
    );
    if (rows.length === 0) {
      // Queued ids whose article is gone (cannot happen through the triggers; cheap to be sure).
      await w.run('DELETE FROM search_queue');
      return;
    }
    const { streams, terms } = await indexer.build(
      rows.map(({ title, body, author, source, lang, vocab }) => ({ title, body, author, source, lang, countTerms: vocab === 1 })),
      true,
    );
    const ids = JSON.stringify(rows.map((r) => r.id));
    await w.run('DELETE FROM search_fts WHERE rowid IN (SELECT value FROM json_each(?))', [ids]);
    await w.run(INSERT_ROWS, [
      JSON.stringify(streams.map((d, i) => [rows[i]!.id, d.titleExact, d.titleStem, d.bodyExact, d.bodyStem, d.author, d.source, d.lang])),
    ]);
    if (terms.length > 0) await w.run(ADD_TERMS, [JSON.stringify(terms)]);
    await w.run('DELETE FROM search_queue WHERE article_id IN (SELECT value FROM json_each(?))', [ids]);
  }
}

/** The commit hook: writes what the triggers queued. Cheap when nothing is queued (two indexed reads). */
export async function flushIndexQueue(w: Writer, indexer: Indexer): Promise<void> {
  const pending = await w.get<{ r: number; q: number }>(
    'SELECT EXISTS (SELECT 1 FROM search_retired) AS r, EXISTS (SELECT 1 FROM search_queue) AS q',
  );
  if (pending?.r) await subtractRetired(w, indexer);
  if (pending?.q) await writeQueued(w, indexer);
}

// ---------------------------------------------------------------------------
// Bookkeeping: is the index the one this code would build?

export interface IndexState {
  fingerprint: string | null;
  indexed: number;
  articles: number;
}

export async function readIndexState(db: Database | Writer): Promise<IndexState> {
  const row = await db.get<{ fingerprint: string | null; indexed: number; articles: number }>(
    `SELECT (SELECT value FROM search_meta WHERE key = 'fingerprint') AS fingerprint,
       (SELECT count(*) FROM search_fts_docsize) AS indexed,
       (SELECT count(*) FROM articles) AS articles`,
  );
  return { fingerprint: row?.fingerprint ?? null, indexed: row?.indexed ?? 0, articles: row?.articles ?? 0 };
}

export async function writeFingerprint(w: Writer, fingerprint: string | null): Promise<void> {
  if (fingerprint === null) await w.run("DELETE FROM search_meta WHERE key = 'fingerprint'");
  else await w.run("INSERT INTO search_meta (key, value) VALUES ('fingerprint', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [fingerprint]);
}

/** The fingerprint the index was built with (null: none recorded). One indexed read: opening stays cheap. */
export async function readFingerprint(db: Database | Writer): Promise<string | null> {
  return (await db.get<{ value: string }>("SELECT value FROM search_meta WHERE key = 'fingerprint'"))?.value ?? null;
}

/**
 * A library with no articles and no fingerprint (new, or just migrated)
 * is trivially up to date: record the analyzer so later opens can tell.
 * Returns the fingerprint the index now has.
 */
export async function adoptEmptyIndex(db: Database, fingerprint: string): Promise<string | null> {
  const stored = await readFingerprint(db);
  if (stored !== null) return stored;
  if ((await db.get<{ any: number }>('SELECT EXISTS (SELECT 1 FROM articles) AS any'))?.any) return null;
  return db.write(async (w) => {
    const again = await readFingerprint(w);
    if (again !== null) return again;
    if ((await w.get<{ any: number }>('SELECT EXISTS (SELECT 1 FROM articles) AS any'))?.any) return null;
    await writeFingerprint(w, fingerprint);
    return fingerprint;
  });
}
