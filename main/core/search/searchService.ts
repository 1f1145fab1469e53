/**
 * Search behind the contract: the library index (SQLite FTS5, kept by the
 * commit hook in libraryIndex.ts), collection indexes (Lunr, built in a
 * worker and cached in SQLite), completions and reindexing.
 */
import { MizanError } from '../../../preload/contract/errors';
import type {
  CollectionIndexInfo,
  SearchResults,
  SearchStatus,
  SearchSuggestions,
  TextRange,
} from '../../../preload/contract/search';
import type { CallContext, ParsedInput } from '../../../preload/contract';
import type { Database } from '../db/connection';
import { readArticleText } from '../library/articleReader';
import { analyze, normalizeForMatching } from '../text';
import { createCollectionIndexes, type IndexRow } from './collectionIndexes';
import { expandFuzzy, ftsExpression } from './ftsQuery';
import { buildMatcher, findMatches } from './highlight';
import { createIndexer, type Indexer } from './indexer';
import {
  adoptEmptyIndex,
  analyzerFingerprint,
  flushIndexQueue,
  readIndexState,
  recountMarkedTotals,
  writeFingerprint,
} from './libraryIndex';
import { recountTotals } from './ftsTotals';
import { IndexPrimer } from './primedIndex';
import { planQuery, positiveLeaves } from './queryPlan';
import { createSearchQuery } from './searchQuery';
import { openSideReader } from './sideConnection';
import { createVocabulary } from './vocabulary';
import { createTransliterator, expandTransliterations, searchTermsNames } from './transliteration';

export interface SearchServiceOptions {
  db: Database;
  now: () => Date;
  /** Worker threads for analysis (default: one per core, at most 4). */
  workers?: number;
  /** How long writes must pause before the in-memory facet table is read again (facetTable.ts). */
  facetSettleMs?: number;
  /** Keys the import computed for its batches (createServices hands the import the same one); none: always analyze. */
  primer?: IndexPrimer;
  /**
   * How long a search waits for the names-across-scripts tables to be first built (transliteration.ts):
   * the desktop and web hosts answer their first search at once (150 ms); the CLI, one search a process, waits.
   */
  transliterationWaitMs?: number;
  /** One search a process (the CLI): a Latin word's Arabic spellings are scanned for, no table built. */
  transliterationScan?: boolean;
}

export interface SearchService {
  query(input: ParsedInput<'search.query'>): Promise<SearchResults>;
  suggest(input: ParsedInput<'search.suggest'>): Promise<SearchSuggestions>;
  matches(input: ParsedInput<'search.matches'>): Promise<{ title: TextRange[]; body: TextRange[] }>;
  status(): Promise<SearchStatus>;
  reindex(ctx: CallContext): Promise<{ articleCount: number; ms: number }>;
  buildCollectionIndex(collectionId: number, ctx?: CallContext): Promise<CollectionIndexInfo>;
  /**
   * The library index's FTS5 expression for `query` (every article it
   * matches, either tier), for counts over a search's whole result set
   * (charts, entity facets); null when nothing can match.
   */
  matchExpression(query: string): Promise<string | null>;
  /** Resolves when no background work (the totals' recount, a collection build) is scheduled or running (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Articles queued per reindex transaction. */
const REINDEX_CHUNK = 2000;
/** The facet table is read again this long after the last change seen. */
const FACET_SETTLE_MS = 1000;

type IndexRowOf = IndexRow & { collection_id: number };

export async function createSearchService(options: SearchServiceOptions): Promise<SearchService> {
  const { db, now } = options;
  const primer = options.primer ?? new IndexPrimer();
  const fingerprint = analyzerFingerprint();
  const indexer: Indexer = createIndexer({ workers: options.workers });
  const vocabulary = createVocabulary(db);
  const collections = createCollectionIndexes({ db, now, fingerprint });
  let reindexing = false;

  // A change to an indexed collection only marks its stored index stale (triggers bump its
  // generation); the index is rebuilt when the collection is next searched or built on request.
  // Names across scripts come from the vocabulary: a commit that indexed articles may change it, so it is read
  // again when next needed (a highlight or a tag does not). Marked before COMMIT: a query that starts its tables
  // between this hook and the COMMIT reads the words without this transaction's (milliseconds; the next change fixes it).
  const transliterator = createTransliterator(searchTermsNames(db), {
    firstWaitMs: options.transliterationWaitMs ?? 150,
    scan: options.transliterationScan,
  });
  const removeHook = db.beforeCommit(async (w) => {
    if (await flushIndexQueue(w, indexer, primer)) transliterator.changed();
  });
  // Ranking reads whole doclists: 16 MB of page cache on each reader
  // connection (SQLite's default is 2 MB) keeps the common terms' pages in
  // memory. 32 MB cost 13-15 MB more RSS after the bench queries (twice that
  // while the entity index fills: a second reader opens beside the writes)
  // for no CPU measurably saved (bench:search --phase-cpu --reader-cache).
  await db.get('PRAGMA cache_size = -16384');
  const side = await openSideReader(db, options.facetSettleMs ?? FACET_SETTLE_MS);
  let indexedFingerprint = await adoptEmptyIndex(db, fingerprint);
  // A write, so it waits for the library's integrity check: in the background, searches answer meanwhile. Closing
  // the library first cancels it (the mark stays for the next open).
  let closing = false;
  const recounted = recountMarkedTotals(db).then(
    () => undefined,
    (error: unknown) => {
      if (!closing)
        process.emitWarning(
          `recounting the search index's totals failed: ${error instanceof Error ? error.message : String(error)}`,
        );
    },
  );

  const { query } = createSearchQuery({
    db,
    vocabulary,
    side,
    collections,
    indexStale: () => indexedFingerprint !== fingerprint,
    transliterator,
  });

  return {
    query,

    async suggest({ text, limit }) {
      // The word being typed: after the last space, quote, bracket, sign or field name.
      const m = /([^\s"“”«»()+\-:]*)$/u.exec(text);
      const word = m?.[1] ?? '';
      const from = text.length - word.length;
      const empty: SearchSuggestions = { from, to: text.length, items: [] };
      if (word.replace(/[\p{P}\p{S}]/gu, '').length === 0) return empty;
      const token = analyze(word)[0];
      if (!token) return empty;
      const rows = await vocabulary.complete([token.exact, token.norm], limit * 2);
      // Keep what the user typed before the key (و, بال in بالأمير…) in front
      // of the completion; the article only on words that take it (not أميركا).
      let clitic = '';
      for (let p = 1; p < word.length; p++) {
        if (normalizeForMatching(word.slice(p)) === token.exact) {
          clitic = word.slice(0, p);
          break;
        }
      }
      const cliticHasArticle = /ال$|لل$/.test(normalizeForMatching(clitic));
      const seen = new Set<string>();
      const items: SearchSuggestions['items'] = [];
      for (const r of rows) {
        const surfaceHasClitic = normalizeForMatching(r.surface) !== r.key;
        const keep = clitic !== '' && !surfaceHasClitic && (!cliticHasArticle || r.definite === 1);
        const value = keep ? `${clitic}${r.surface}` : r.surface;
        if (seen.has(value)) continue;
        seen.add(value);
        items.push({ value, count: r.df });
        if (items.length >= limit) break;
      }
      return { from, to: text.length, items };
    },

    async matches({ id, query }) {
      const row = await readArticleText(db, id);
      const planned = planQuery(query).root;
      if (!planned) return { title: [], body: [] };
      // The reader marks the other script's spellings the search found the article by.
      const { root } = await expandTransliterations(planned, transliterator);
      const expansions = await expandFuzzy(root, vocabulary);
      const leaves = positiveLeaves(root);
      return {
        title: findMatches(row.title, buildMatcher(leaves, expansions, 'title')),
        body: findMatches(row.body, buildMatcher(leaves, expansions, 'body')),
      };
    },

    async matchExpression(text) {
      const { root } = planQuery(text);
      if (!root) return null;
      return ftsExpression(root, await expandFuzzy(root, vocabulary), 'all');
    },

    async status() {
      const state = await readIndexState(db);
      const rows = await db.all<IndexRowOf>(
        `SELECT x.collection_id, x.generation, x.built_generation, x.analyzer, x.article_count, x.built_at, x.build_ms,
                length(d.data) AS bytes
         FROM collection_search_indexes x LEFT JOIN collection_search_index_data d USING (collection_id)
         ORDER BY x.collection_id`,
      );
      return {
        articleCount: state.articles,
        indexedCount: state.indexed,
        stale: state.fingerprint !== fingerprint,
        analyzer: { current: fingerprint, indexed: state.fingerprint },
        collections: rows.map((r) => collections.infoOf(r.collection_id, r)),
      };
    },

    async reindex(ctx) {
      if (reindexing) throw new MizanError('CONFLICT', 'the library is already being reindexed');
      reindexing = true;
      try {
        const started = Date.now();
        const bounds = await db.get<{ n: number; maxId: number | null }>(
          'SELECT count(*) AS n, max(id) AS maxId FROM articles',
        );
        const total = bounds?.n ?? 0;
        const maxId = bounds?.maxId ?? 0;
        // The vocabulary is rebuilt from scratch; index rows are replaced chunk by
        // chunk, so searches keep working (old keys, then new) throughout.
        await db.write(async (w) => {
          await writeFingerprint(w, null);
          await w.run('DELETE FROM search_terms');
          await w.run('DELETE FROM search_retired');
        });
        indexedFingerprint = null;
        let last = 0;
        let done = 0;
        ctx.progress(0, total, 'Indexing articles');
        for (;;) {
          if (ctx.signal.aborted)
            throw new MizanError(
              'CANCELLED',
              `reindex cancelled after ${done} of ${total} articles; run it again to finish`,
            );
          const queued = await db.write(async (w) => {
            await w.run(
              'INSERT OR IGNORE INTO search_queue (article_id, vocab) SELECT id, 1 FROM articles WHERE id > ? AND id <= ? ORDER BY id LIMIT ?',
              [last, maxId, REINDEX_CHUNK],
            );
            return w.get<{ n: number; m: number | null }>(
              'SELECT count(*) AS n, max(article_id) AS m FROM search_queue',
            );
          });
          if (!queued || queued.n === 0 || queued.m === null) break;
          last = queued.m;
          done += queued.n;
          ctx.progress(done, total, 'Indexing articles');
        }
        ctx.progress(done, total, 'Merging the index');
        await db.write(async (w) => {
          await w.run("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
          // Rows replaced above left the totals right, but not those an older index had lost before (see ftsTotals.ts).
          await recountTotals(w);
          await w.run("DELETE FROM search_meta WHERE key = 'totals'");
          await writeFingerprint(w, fingerprint);
        });
        indexedFingerprint = fingerprint;
        return { articleCount: done, ms: Date.now() - started };
      } finally {
        reindexing = false;
      }
    },

    buildCollectionIndex: (collectionId, ctx) => collections.buildCollection(collectionId, ctx),

    async idle() {
      await recounted;
      await collections.idle();
    },

    async close() {
      closing = true;
      collections.stop();
      removeHook();
      await collections.close();
      await side.close();
      await indexer.close();
    },
  };
}
