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
import {
  AL_INITIAL,
  analyze,
  LAM_INITIAL,
  PREPOSITION_KEEP,
  PREPOSITION_TARGETS,
  SUFFIX_KEEP,
  WAW_INITIAL,
} from '../text';
import { deleteIndexRows, DroppedRows, recountTotals, settleTotals } from './ftsTotals';
import { streamsFromKeys, type IndexInput, type IndexStreams, type TermCount } from './indexDocument';
import type { Indexer } from './indexer';
import type { IndexPrimer, PrimedBatch } from './primedIndex';

/**
 * Bumped when what indexDocument.ts stores changes (columns, stop words...).
 * Together with the analyzer's own output it says whether an index still
 * matches the code that reads it.
 */
const INDEX_FORMAT = 1;

/** Text touching every part of the analyzer: folding, clitics, variants, stems, numbers, dates, English. */
const PROBE =
  'أعلن الرئيس الأميركي والأمريكية بالبنتاجون للجنة الْكَاظِمِي ـــ مسئول ٢٥٠٠ 2,500 جندي (26/7/2021) ' +
  "تموز وواشنطن لواشنطن ببغداد بتسليمها كيري فالعراق لبنان إلغاء في The Pentagon's U.S. officials were running, studies 3.5%";

/** The fingerprint a host read from the build's file for this same code (main/cli/fingerprintFile.ts); null: computed. */
let preparedFingerprint: string | null = null;

/** Takes the fingerprint `computeAnalyzerFingerprint` gave, in the build, for the code now running. */
export function useAnalyzerFingerprint(fingerprint: string): void {
  preparedFingerprint = fingerprint;
}

/**
 * Changes whenever the analyzer would turn the same text into different keys. The preposition and guard lists
 * are hashed whole: a regenerated list changes keys of words no probe can anticipate.
 */
export function analyzerFingerprint(): string {
  return preparedFingerprint ?? computeAnalyzerFingerprint();
}

export function computeAnalyzerFingerprint(): string {
  const keys = analyze(PROBE).map((t) => `${t.exact}|${t.stem}|${t.stop ? 1 : 0}`);
  const hash = createHash('sha256').update(`${INDEX_FORMAT}\n${keys.join('\n')}`);
  for (const [word, letters] of PREPOSITION_TARGETS) hash.update(`\n${word} ${letters}`);
  for (const word of PREPOSITION_KEEP) hash.update(`\n-${word}`);
  const guards = { WAW_INITIAL, AL_INITIAL, LAM_INITIAL, SUFFIX_KEEP };
  for (const [name, words] of Object.entries(guards)) hash.update(`\n${name}\n${[...words].join(' ')}`);
  return hash.digest('hex').slice(0, 16);
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

/** Index rows per INSERT (see writeRows). */
const ROWS_PER_INSERT = 200;

async function subtractTerms(w: Writer, json: string): Promise<void> {
  await w.run(SUBTRACT_TERMS, [json]);
  await w.run('DELETE FROM search_terms WHERE df <= 0 AND key IN (SELECT value ->> 0 FROM json_each(?))', [json]);
}

/**
 * The vocabulary change of an edit: `added` (the new text's counts) less
 * `retired` (the old text's). An edit keeps most of an article's words, and
 * writing both counts in full touched a search_terms page per word of the
 * article (a title edit rewrote ~0.8 MB of the 100,000 library): only keys
 * whose count moves are written, and those whose bare or definite flag the
 * new text raises (the stored flags are at least the old text's already).
 */
export function netTerms(
  added: readonly TermCount[],
  retired: readonly TermCount[],
): { add: TermCount[]; subtract: TermCount[]; both: TermCount[] } {
  const old = new Map(retired.map((t) => [t[0], t]));
  const add: TermCount[] = [];
  const both: TermCount[] = [];
  for (const t of added) {
    const gone = old.get(t[0]);
    if (!gone) {
      add.push(t);
      continue;
    }
    both.push(t);
    old.delete(t[0]);
    const n = t[4] - gone[4];
    if (n > 0 || t[2] > gone[2] || t[3] > gone[3]) add.push([t[0], t[1], t[2], t[3], Math.max(n, 0)]);
    if (n < 0) old.set(t[0], [gone[0], gone[1], gone[2], gone[3], -n]);
  }
  return { add, subtract: [...old.values()], both };
}

/**
 * A key only the edited text held was, when its counts were written in
 * full, deleted at zero and inserted again with the new text's spelling and
 * flags: the same for the keys in both texts that no other article holds
 * (their count is now the new text's alone). Rows already so are not written.
 */
const RESPELL_TERMS = `UPDATE search_terms SET surface = j.surface, bare = j.bare, definite = j.definite
  FROM (SELECT value ->> 0 AS key, value ->> 1 AS surface, value ->> 2 AS bare, value ->> 3 AS definite, value ->> 4 AS n
        FROM json_each(?)) AS j
  WHERE search_terms.key = j.key AND search_terms.df = j.n
    AND (search_terms.surface IS NOT j.surface OR search_terms.bare IS NOT j.bare OR search_terms.definite IS NOT j.definite)`;

/**
 * The vocabulary counts of the retired text, taken off the table, when it
 * fits one round (an edit): the caller nets them against the new text's.
 * More (a re-import, a mass delete) is subtracted here, a round at a time.
 */
async function takeRetired(w: Writer, indexer: Indexer): Promise<TermCount[]> {
  const few = await w.get<{ n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM search_retired LIMIT ?)', [
    FLUSH_CHUNK + 1,
  ]);
  if ((few?.n ?? 0) > FLUSH_CHUNK) {
    await subtractRetired(w, indexer);
    return [];
  }
  const rows = await w.all<{ title: string; body: string }>('SELECT title, body FROM search_retired');
  const { terms } = await indexer.build(
    rows.map((r) => ({ title: r.title, body: r.body, author: null, source: null, lang: '', countTerms: true })),
    false,
  );
  await w.run('DELETE FROM search_retired');
  return terms;
}

async function subtractRetired(w: Writer, indexer: Indexer): Promise<void> {
  for (;;) {
    const rows = await w.all<{ id: number; title: string; body: string }>(
      'SELECT id, title, body FROM search_retired ORDER BY id LIMIT ?',
      [FLUSH_CHUNK],
    );
    if (rows.length === 0) return;
    const { terms } = await indexer.build(
      rows.map((r) => ({ title: r.title, body: r.body, author: null, source: null, lang: '', countTerms: true })),
      false,
    );
    if (terms.length > 0) await subtractTerms(w, JSON.stringify(terms));
    await w.run('DELETE FROM search_retired WHERE id <= ?', [rows[rows.length - 1]!.id]);
  }
}

/**
 * Writes index rows and vocabulary counts for `ids`, and takes them off the
 * queue. The rows they replace go first, their sizes into `dropped` (an
 * article new to the index has none: one indexed read each).
 */
async function writeRows(
  w: Writer,
  ids: readonly number[],
  streams: readonly IndexStreams[],
  termsJsons: readonly string[],
  dropped: DroppedRows,
): Promise<void> {
  const idList = JSON.stringify(ids);
  await deleteIndexRows(w, idList, dropped);
  // A statement per ROWS_PER_INSERT rows: one JSON of a whole import batch (10-15 MB) was a native allocation that
  // glibc's heap kept in the process after it was freed (RSS grew by ~250 MB over a SaudiNewsNet import).
  for (let at = 0; at < streams.length; at += ROWS_PER_INSERT) {
    const rows = streams
      .slice(at, at + ROWS_PER_INSERT)
      .map((d, i) => [ids[at + i], d.titleExact, d.titleStem, d.bodyExact, d.bodyStem, d.author, d.source, d.lang]);
    await w.run(INSERT_ROWS, [JSON.stringify(rows)]);
  }
  for (const json of termsJsons) await w.run(ADD_TERMS, [json]);
  await w.run('DELETE FROM search_queue WHERE article_id IN (SELECT value FROM json_each(?))', [idList]);
}

/**
 * Indexes an import batch from the keys its parse workers computed. All or
 * nothing: unless every primed article is queued (counting in the
 * vocabulary) with exactly the primed title and content hash, the batch is left to
 * `writeQueued`, which analyzes it again.
 */
async function writePrimed(w: Writer, batch: PrimedBatch, dropped: DroppedRows): Promise<void> {
  const rows = await w.all<Omit<QueuedRow, 'body'> & { content_hash: string }>(
    `SELECT q.article_id AS id, q.vocab, a.title, a.content_hash, a.author, s.name AS source, a.lang
     FROM search_queue q JOIN articles a ON a.id = q.article_id LEFT JOIN sources s ON s.id = a.source_id
     WHERE q.article_id IN (SELECT value FROM json_each(?))
     ORDER BY q.article_id`,
    [JSON.stringify([...batch.articles.keys()])],
  );
  if (rows.length !== batch.articles.size) return;
  const streams: IndexStreams[] = [];
  for (const row of rows) {
    const article = batch.articles.get(row.id);
    if (!article || row.vocab !== 1 || row.title !== article.title || row.content_hash !== article.contentHash) return;
    streams.push(streamsFromKeys(article.keys, { author: row.author, source: row.source, lang: row.lang }));
  }
  await writeRows(
    w,
    rows.map((r) => r.id),
    streams,
    batch.termsJsons ?? [],
    dropped,
  );
  if (batch.minusJson !== null) await subtractTerms(w, batch.minusJson);
}

/** Queued ids whose article is gone, per round of deletes. */
const GONE_CHUNK = 10 * FLUSH_CHUNK;

/**
 * Deletes the index rows of deleted articles (the delete trigger queues
 * them: here their sizes leave the index's totals with them).
 */
async function deleteGone(w: Writer, dropped: DroppedRows): Promise<void> {
  for (;;) {
    const gone = await w.all<{ id: number }>(
      `SELECT article_id AS id FROM search_queue q WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = q.article_id)
       ORDER BY article_id LIMIT ?`,
      [GONE_CHUNK],
    );
    if (gone.length === 0) return;
    const ids = JSON.stringify(gone.map((r) => r.id));
    await deleteIndexRows(w, ids, dropped);
    await w.run('DELETE FROM search_queue WHERE article_id IN (SELECT value FROM json_each(?))', [ids]);
  }
}

/** Writes the queued articles' rows; `retired` (counts to take off the vocabulary) is netted against the first round's. */
async function writeQueued(w: Writer, indexer: Indexer, retired: TermCount[], dropped: DroppedRows): Promise<void> {
  await deleteGone(w, dropped);
  for (;;) {
    const rows = await w.all<QueuedRow>(
      `SELECT q.article_id AS id, q.vocab, a.title, a.body, a.author, s.name AS source, a.lang
       FROM search_queue q JOIN articles a ON a.id = q.article_id LEFT JOIN sources s ON s.id = a.source_id
       ORDER BY q.article_id LIMIT ?`,
      [FLUSH_CHUNK],
    );
    if (rows.length === 0) {
      if (retired.length > 0) await subtractTerms(w, JSON.stringify(retired));
      return;
    }
    const { streams, terms } = await indexer.build(
      rows.map(({ title, body, author, source, lang, vocab }) => ({
        title,
        body,
        author,
        source,
        lang,
        countTerms: vocab === 1,
      })),
      true,
    );
    const { add, subtract, both } = netTerms(terms, retired);
    retired = [];
    await writeRows(
      w,
      rows.map((r) => r.id),
      streams,
      add.length > 0 ? [JSON.stringify(add)] : [],
      dropped,
    );
    if (subtract.length > 0) await subtractTerms(w, JSON.stringify(subtract));
    if (both.length > 0) await w.run(RESPELL_TERMS, [JSON.stringify(both)]);
  }
}

/**
 * The commit hook: writes what the triggers queued. Cheap when nothing is queued (two indexed reads).
 * True when the vocabulary may have changed (articles indexed or retired).
 */
export async function flushIndexQueue(w: Writer, indexer: Indexer, primer: IndexPrimer): Promise<boolean> {
  const dropped = new DroppedRows();
  const primed = primer.take();
  if (primed) await writePrimed(w, primed, dropped);
  const pending = await w.get<{ r: number; q: number }>(
    'SELECT EXISTS (SELECT 1 FROM search_retired) AS r, EXISTS (SELECT 1 FROM search_queue) AS q',
  );
  const retired = pending?.r ? await takeRetired(w, indexer) : [];
  if (pending?.q) await writeQueued(w, indexer, retired, dropped);
  else if (retired.length > 0) await subtractTerms(w, JSON.stringify(retired));
  await settleTotals(w, dropped);
  return Boolean(primed) || Boolean(pending?.q) || retired.length > 0;
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
  else
    await w.run(
      "INSERT INTO search_meta (key, value) VALUES ('fingerprint', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [fingerprint],
    );
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

/**
 * Sets the index's totals to its rows' sizes when migration 0012 marked them
 * (indexes written before it still count the rows they lost); one
 * transaction, the mark removed in it. True when it recounted.
 */
export async function recountMarkedTotals(db: Database): Promise<boolean> {
  const marked = "SELECT 1 AS yes FROM search_meta WHERE key = 'totals'";
  if (!(await db.get(marked))) return false;
  return db.write(async (w) => {
    if (!(await w.get(marked))) return false;
    await recountTotals(w);
    await w.run("DELETE FROM search_meta WHERE key = 'totals'");
    return true;
  });
}
