/**
 * Search behind the contract: the library index (SQLite FTS5, kept by the
 * commit hook in libraryIndex.ts), collection indexes (Lunr, built in a
 * worker and cached in SQLite), completions and reindexing.
 */
import { MizanError } from '../../../preload/contract/errors';
import type { ArticleFilter } from '../../../preload/contract/library';
import type {
  CollectionIndexInfo,
  SearchFacets,
  SearchHit,
  SearchResults,
  SearchStatus,
  SearchSuggestions,
  TextRange,
} from '../../../preload/contract/search';
import type { CallContext, ParsedInput } from '../../../preload/contract';
import { Connection, type Database } from '../db/connection';
import {
  filterClauses,
  getCollection,
  nameKey,
  summaryOf,
  SUMMARY_COLUMNS,
  type ArticleRow,
} from '../library/libraryStore';
import { analyze, normalizeForMatching } from '../text';
import { createCollectionEngine, type CollectionEngine } from './collectionEngine';
import { createFacetTable, type FacetGroup, type FacetTable } from './facetTable';
import { expandFuzzy, ftsExpression, rankExpression, type FuzzyExpansions } from './ftsQuery';
import { buildMatcher, findMatches, makeSnippet, matcherFromKeys, type Matcher } from './highlight';
import { createIndexer, type Indexer } from './indexer';
import {
  adoptEmptyIndex,
  analyzerFingerprint,
  flushIndexQueue,
  readIndexState,
  writeFingerprint,
} from './libraryIndex';
import {
  leavesNeedingLibrary,
  packedKeys,
  type CollectionInput,
  type CollectionPlan,
  type PackedHits,
} from './lunrCollection';
import { planQuery, positiveLeaves, type LangLeaf, type PlanNode } from './queryPlan';
import { createVocabulary } from './vocabulary';

export interface SearchServiceOptions {
  db: Database;
  now: () => Date;
  /** Worker threads for analysis (default: one per core, at most 4). */
  workers?: number;
  /** How long writes must pause before the in-memory facet table is read again (facetTable.ts). */
  facetSettleMs?: number;
}

export interface SearchService {
  query(input: ParsedInput<'search.query'>): Promise<SearchResults>;
  suggest(input: ParsedInput<'search.suggest'>): Promise<SearchSuggestions>;
  matches(input: ParsedInput<'search.matches'>): Promise<{ title: TextRange[]; body: TextRange[] }>;
  status(): Promise<SearchStatus>;
  reindex(ctx: CallContext): Promise<{ articleCount: number; ms: number }>;
  buildCollectionIndex(collectionId: number, ctx?: CallContext): Promise<CollectionIndexInfo>;
  /** Resolves when no background collection build is scheduled or running (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Articles queued per reindex transaction. */
const REINDEX_CHUNK = 2000;
/** Background rebuilds wait this long after the last change, so a burst of edits costs one build. */
const REBUILD_DELAY_MS = 1500;
/** The facet table is read again this long after the last change seen. */
const FACET_SETTLE_MS = 1000;

interface SideConnection {
  conn: Connection;
  /** Database.fileGeneration when this was opened: the file it reads. */
  generation: number;
  facetTable: FacetTable;
}

interface Meta {
  sourceId: number | null;
  lang: string;
  iso: string | null;
}

interface LoadedCollection {
  generation: number;
  key: string;
  meta: Map<number, Meta>;
}

interface IndexRow {
  generation: number;
  built_generation: number | null;
  analyzer: string | null;
  article_count: number | null;
  built_at: string | null;
  build_ms: number | null;
  bytes: number | null;
}

const emptyFacets = (): SearchFacets => ({ sources: [], years: [], languages: [] });

function engineKey(collectionId: number, generation: number): string {
  return `${collectionId}@${generation}`;
}

export async function createSearchService(options: SearchServiceOptions): Promise<SearchService> {
  const { db, now } = options;
  const fingerprint = analyzerFingerprint();
  const indexer: Indexer = createIndexer({ workers: options.workers });
  // The Lunr worker starts on the first collection search, not with the app.
  let engineInstance: CollectionEngine | null = null;
  const engine = (): CollectionEngine => (engineInstance ??= createCollectionEngine());
  const vocabulary = createVocabulary(db);
  const loaded = new Map<number, LoadedCollection>();
  const wanted = new Set<number>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let closing = false;
  let reindexing = false;

  const removeHook = db.beforeCommit(async (w) => {
    await flushIndexQueue(w, indexer);
    // A change to an indexed collection (triggers bumped its generation): rebuild it after the commit.
    const stale = await w.get(
      'SELECT 1 AS x FROM collection_search_indexes WHERE built_generation IS NOT generation LIMIT 1',
    );
    if (stale) schedule();
  });
  // Ranking reads whole doclists: 32 MB of page cache on the reader
  // connection (SQLite's default is 2 MB) keeps the common terms' pages in memory.
  await db.get('PRAGMA cache_size = -32768');
  // A second read-only connection of the search's own, for totals and facets
  // (see queryLibrary), and the facet table read on it (it needs a
  // connection that never writes: none with an in-memory library).
  const openSide = async (): Promise<SideConnection | null> => {
    if (db.path === ':memory:') return null;
    const generation = db.fileGeneration;
    const conn = await Connection.open(db.path, 'readonly');
    conn.configure(5000);
    await conn.get('PRAGMA cache_size = -16384');
    return { conn, generation, facetTable: createFacetTable(conn, options.facetSettleMs ?? FACET_SETTLE_MS) };
  };
  let side = await openSide();
  let reopening: Promise<void> | null = null;
  /**
   * The side connection, opened again when the library file was replaced
   * (a restore: Database.replaceFile reopens only its own connections, and
   * this one would go on counting in the replaced file).
   */
  const currentSide = async (): Promise<SideConnection | null> => {
    if (!side || side.generation === db.fileGeneration) return side;
    reopening ??= (async () => {
      const old = side;
      side = await openSide();
      old?.facetTable.close();
      await old?.conn.close().catch(() => undefined);
    })().finally(() => {
      reopening = null;
    });
    await reopening;
    return side;
  };
  let indexedFingerprint = await adoptEmptyIndex(db, fingerprint);

  // -------------------------------------------------------------------------
  // Collection indexes

  async function readIndexRow(collectionId: number): Promise<IndexRow | undefined> {
    return db.get<IndexRow>(
      `SELECT generation, built_generation, analyzer, article_count, built_at, build_ms, length(data) AS bytes
       FROM collection_search_indexes WHERE collection_id = ?`,
      [collectionId],
    );
  }

  function isFresh(row: IndexRow | undefined): row is IndexRow {
    return row !== undefined && row.built_generation === row.generation && row.analyzer === fingerprint;
  }

  function infoOf(collectionId: number, row: IndexRow | undefined): CollectionIndexInfo {
    return {
      collectionId,
      state: row?.built_generation == null ? 'none' : isFresh(row) ? 'ready' : 'stale',
      articleCount: row?.article_count ?? null,
      builtAt: row?.built_at ?? null,
      buildMs: row?.build_ms ?? null,
      bytes: row?.bytes ?? null,
    };
  }

  function remember(collectionId: number, entry: LoadedCollection): void {
    loaded.delete(collectionId);
    loaded.set(collectionId, entry);
    // The worker keeps one index loaded (collectionEngine.ts); keep the same one here.
    while (loaded.size > 1) loaded.delete(loaded.keys().next().value as number);
  }

  async function buildCollection(collectionId: number, ctx?: CallContext): Promise<CollectionIndexInfo> {
    await getCollection(db, collectionId);
    // The row must exist before reading the members: triggers only bump existing rows.
    await db.write((w) =>
      w.run('INSERT OR IGNORE INTO collection_search_indexes (collection_id) VALUES (?)', [collectionId]),
    );
    const generation =
      (
        await db.get<{ generation: number }>(
          'SELECT generation FROM collection_search_indexes WHERE collection_id = ?',
          [collectionId],
        )
      )?.generation ?? 0;
    const rows = await db.all<CollectionInput & Meta>(
      `SELECT a.id, a.title, a.body, a.author, s.name AS source, a.lang, a.source_id AS sourceId, a.published_iso AS iso
       FROM collection_items ci JOIN articles a ON a.id = ci.article_id LEFT JOIN sources s ON s.id = a.source_id
       WHERE ci.collection_id = ? ORDER BY a.id`,
      [collectionId],
    );
    ctx?.progress(0, rows.length, 'Building the collection index');
    const started = Date.now();
    const key = engineKey(collectionId, generation);
    const inputs: CollectionInput[] = rows.map(({ id, title, body, author, source, lang }) => ({
      id,
      title,
      body,
      author,
      source,
      lang,
    }));
    const data = await engine().build(key, inputs, (done) =>
      ctx?.progress(done, rows.length, 'Building the collection index'),
    );
    const ms = Date.now() - started;
    await db.write((w) =>
      w.run(
        `UPDATE collection_search_indexes SET built_generation = ?, analyzer = ?, article_count = ?, built_at = ?, build_ms = ?, data = ?
         WHERE collection_id = ?`,
        [
          generation,
          fingerprint,
          rows.length,
          now().toISOString(),
          ms,
          Buffer.from(data.buffer, data.byteOffset, data.byteLength),
          collectionId,
        ],
      ),
    );
    remember(collectionId, {
      generation,
      key,
      meta: new Map(rows.map((r) => [r.id, { sourceId: r.sourceId, lang: r.lang, iso: r.iso }])),
    });
    ctx?.progress(rows.length, rows.length, 'Collection index ready');
    return infoOf(collectionId, await readIndexRow(collectionId));
  }

  async function runScheduled(): Promise<void> {
    const stale = await db.all<{ id: number }>(
      'SELECT collection_id AS id FROM collection_search_indexes WHERE built_generation IS NOT generation OR analyzer IS NOT ?',
      [fingerprint],
    );
    const ids = new Set([...wanted, ...stale.map((r) => r.id)]);
    wanted.clear();
    for (const id of ids) {
      if (closing) return;
      try {
        await buildCollection(id);
      } catch {
        // A collection deleted meanwhile, or shutdown: the next use retries.
      }
    }
  }

  /** Debounced: each change restarts the wait, so an import into a collection costs one rebuild at its end. */
  function schedule(collectionId?: number): void {
    if (collectionId !== undefined) wanted.add(collectionId);
    if (closing) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const previous = running ?? Promise.resolve();
      running = previous.then(runScheduled).finally(() => {
        running = null;
      });
    }, REBUILD_DELAY_MS);
    timer.unref();
  }

  /** Ids (within the collection) that match a leaf only the library index can decide: phrases, lang:. */
  async function annotate(node: PlanNode, collectionId: number): Promise<CollectionPlan> {
    const within = new Map<PlanNode, number[]>();
    const none: FuzzyExpansions = new Map();
    for (const leaf of leavesNeedingLibrary(node)) {
      const match = ftsExpression(leaf, none);
      const rows = match
        ? await db.all<{ id: number }>(
            // Matches first, each probed in the collection: a rowid IN (...) list would make FTS5 seek every member.
            `SELECT f.rowid AS id FROM search_fts f CROSS JOIN collection_items ci ON ci.collection_id = ? AND ci.article_id = f.rowid
             WHERE search_fts MATCH ?`,
            [collectionId, match],
          )
        : [];
      within.set(
        leaf,
        rows.map((r) => r.id),
      );
    }
    const copy = (n: PlanNode): CollectionPlan => {
      if (n.kind === 'and') return { kind: 'and', must: n.must.map(copy), not: n.not.map(copy) };
      if (n.kind === 'or') return { kind: 'or', any: n.any.map(copy) };
      const ids = within.get(n);
      return ids ? { ...n, within: ids } : n;
    };
    return copy(node);
  }

  /** Lunr hits of the collection, or null when its index is not ready (the caller uses FTS5). */
  async function collectionHits(
    collectionId: number,
    root: PlanNode,
    force: boolean,
  ): Promise<{ hits: PackedHits; meta: Map<number, Meta> } | null> {
    let row = await readIndexRow(collectionId);
    if (!isFresh(row)) {
      if (!force) {
        schedule(collectionId);
        return null;
      }
      await buildCollection(collectionId);
      row = await readIndexRow(collectionId);
      if (!isFresh(row)) return null;
    }
    const plan = await annotate(root, collectionId);
    for (let attempt = 0; attempt < 2; attempt++) {
      let entry = loaded.get(collectionId);
      if (!entry || entry.generation !== row.generation || attempt > 0) {
        const blob = await db.get<{ data: Buffer }>(
          'SELECT data FROM collection_search_indexes WHERE collection_id = ?',
          [collectionId],
        );
        if (!blob?.data) return null;
        const key = engineKey(collectionId, row.generation);
        await engine().load(key, blob.data);
        const metaRows = await db.all<Meta & { id: number }>(
          `SELECT a.id, a.source_id AS sourceId, a.lang, a.published_iso AS iso
           FROM collection_items ci JOIN articles a ON a.id = ci.article_id WHERE ci.collection_id = ?`,
          [collectionId],
        );
        entry = { generation: row.generation, key, meta: new Map(metaRows.map((m) => [m.id, m])) };
        remember(collectionId, entry);
      }
      const hits = await engine().search(entry.key, plan);
      if (hits) return { hits, meta: entry.meta };
    }
    return null;
  }

  // -------------------------------------------------------------------------
  // Results

  type HitRow = ArticleRow & { body: string };

  function hitOf(row: HitRow, score: number, exact: boolean, m: { title: Matcher; body: Matcher }): SearchHit {
    return {
      ...summaryOf(row),
      score: Number(score.toPrecision(6)),
      exact,
      snippet: makeSnippet(row.body, m.body),
      titleHighlights: findMatches(row.title, m.title),
    };
  }

  /** The articles of a ranked page (a collection's engine ranked it), in its order. */
  async function loadHits(
    ids: readonly number[],
    scores: ReadonlyMap<number, { score: number; exact: boolean }>,
    matchers: (id: number) => { title: Matcher; body: Matcher },
  ): Promise<SearchHit[]> {
    if (ids.length === 0) return [];
    const rows = await db.all<HitRow>(
      `SELECT ${SUMMARY_COLUMNS}, a.body FROM articles a LEFT JOIN sources s ON s.id = a.source_id
       WHERE a.id IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(ids)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const hits: SearchHit[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      const s = scores.get(id);
      if (row) hits.push(hitOf(row, s?.score ?? 0, s?.exact ?? false, matchers(id)));
    }
    return hits;
  }

  async function sourceNames(ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.all<{ id: number; name: string }>(
      'SELECT id, name FROM sources WHERE id IN (SELECT value FROM json_each(?))',
      [JSON.stringify(ids)],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Facets from (source, year, language) groups; `name` when the query already joined the outlet's name. */
  async function facetsOf(
    groups: ReadonlyArray<{
      sourceId: number | null;
      name?: string | null;
      year: string | null;
      lang: string;
      n: number;
    }>,
  ): Promise<SearchFacets> {
    const sources = new Map<number | null, number>();
    const years = new Map<string | null, number>();
    const langs = new Map<string, number>();
    const known = new Map<number, string>();
    for (const g of groups) {
      sources.set(g.sourceId, (sources.get(g.sourceId) ?? 0) + g.n);
      years.set(g.year, (years.get(g.year) ?? 0) + g.n);
      langs.set(g.lang, (langs.get(g.lang) ?? 0) + g.n);
      if (g.sourceId !== null && g.name) known.set(g.sourceId, g.name);
    }
    const missing = [...sources.keys()].filter((k): k is number => k !== null && !known.has(k));
    const names = missing.length > 0 ? new Map([...known, ...(await sourceNames(missing))]) : known;
    return {
      sources: [...sources]
        .map(([id, count]) => ({ id, name: id === null ? null : (names.get(id) ?? null), count }))
        .sort((a, b) => b.count - a.count || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff')),
      years: [...years]
        .map(([year, count]) => ({ year, count }))
        .sort((a, b) => (b.year ?? '').localeCompare(a.year ?? '')),
      languages: [...langs]
        .map(([lang, count]) => ({ lang, count }))
        .sort((a, b) => b.count - a.count || a.lang.localeCompare(b.lang)),
    };
  }

  function emptyResults(offset: number, ignored: string[], facets: boolean): SearchResults {
    return {
      total: 0,
      offset,
      items: [],
      facets: facets ? emptyFacets() : null,
      engine: 'fts5',
      ignored,
      indexStale: indexedFingerprint !== fingerprint,
    };
  }

  async function queryLibrary(
    input: ParsedInput<'search.query'>,
    query: PlanNode,
    ignored: string[],
  ): Promise<SearchResults> {
    // lang: beside other words is a filter on the article row: as an FTS5
    // term it would be in every article's row and cost bm25 a pass over all.
    let root = query;
    let filter = input.filter;
    if (root.kind === 'and') {
      const langs = root.must.filter((n): n is LangLeaf => n.kind === 'lang');
      const rest = root.must.filter((n) => n.kind !== 'lang');
      const wanted = new Set([...langs.map((l) => l.lang), ...(filter.lang ? [filter.lang] : [])]);
      if (langs.length > 0 && rest.length > 0) {
        if (wanted.size > 1) return emptyResults(input.offset, ignored, input.facets);
        filter = { ...filter, lang: [...wanted][0] };
        root = rest.length === 1 && root.not.length === 0 ? rest[0]! : { kind: 'and', must: rest, not: root.not };
      }
    }
    const expansions = await expandFuzzy(root, vocabulary);
    const all = ftsExpression(root, expansions, 'all');
    if (!all) return emptyResults(input.offset, ignored, input.facets);
    // Two tiers, each ranked by bm25: articles with every word in its exact
    // form (a name as written), then those that match only through stems.
    const exact = ftsExpression(root, expansions, 'exact');
    const tiers = exact && exact !== all ? [exact, `(${all}) NOT (${exact})`] : [all];
    const { clauses, params } = filterClauses(filter);
    // The join reads filter and facet columns from a covering index, never the article rows.
    const join = 'JOIN articles a INDEXED BY articles_search_facets ON a.id = f.rowid';
    const where = clauses.length > 0 ? ` AND ${clauses.join(' AND ')}` : '';
    const countSql =
      clauses.length > 0
        ? `SELECT count(*) AS n FROM search_fts f ${join} WHERE search_fts MATCH ?${where}`
        : 'SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?';
    // all(), not get(): the statements stay prepared (Connection.all).
    const count = async (match: string): Promise<number> =>
      (await db.all<{ n: number }>(countSql, [match, ...params]))[0]?.n ?? 0;

    // Total and facets on the second reader, while the page is ranked on the
    // first: the two run on two threads of SQLite's pool at once.
    const totals = (async (): Promise<{ total: number; facets: SearchFacets | null }> => {
      const current = await currentSide();
      const side: Pick<Connection, 'get' | 'all'> = current?.conn ?? db;
      const facetTable = current?.facetTable ?? null;
      if (!input.facets) {
        const [row] = await side.all<{ n: number }>(countSql, [all, ...params]);
        return { total: row?.n ?? 0, facets: null };
      }
      // Unfiltered: counted in memory when the facet table is current.
      let groups = clauses.length === 0 && facetTable ? await facetTable.groups(all) : null;
      if (!groups) {
        // Outlet names joined after grouping: one round trip, a few dozen lookups.
        const rows = await side.all<FacetGroup & { version: number }>(
          `SELECT g.sourceId, s.name, g.year, g.lang, g.n, (SELECT data_version FROM pragma_data_version) AS version FROM (
             SELECT a.source_id AS sourceId, substr(a.published_iso, 1, 4) AS year, a.lang AS lang, count(*) AS n
             FROM search_fts f ${join} WHERE search_fts MATCH ?${where} GROUP BY 1, 2, 3
           ) g LEFT JOIN sources s ON s.id = g.sourceId`,
          [all, ...params],
        );
        if (rows[0]) facetTable?.saw(rows[0].version);
        groups = rows;
      }
      return { total: groups.reduce((sum, g) => sum + g.n, 0), facets: await facetsOf(groups) };
    })();
    // Awaited below; a failing page query must not leave it unhandled.
    totals.catch(() => undefined);
    // The page's ranks and articles in one statement: each statement is a
    // round trip to SQLite's thread pool, and a pool thread woken from idle
    // costs 0.1-0.3 ms here (measured with a 1 ms pause between statements).
    // rowid breaks ties, so that a page ends at the same article every time.
    const rank = rankExpression('search_fts');
    const tierSql = (tier: number) =>
      clauses.length > 0
        ? `SELECT * FROM (SELECT f.rowid AS id, ${rank} AS rank, ${tier} AS tier FROM search_fts f ${join} WHERE search_fts MATCH ?${where} ORDER BY rank, f.rowid LIMIT ? OFFSET ?)`
        : `SELECT * FROM (SELECT rowid AS id, ${rank} AS rank, ${tier} AS tier FROM search_fts WHERE search_fts MATCH ? ORDER BY rank, rowid LIMIT ? OFFSET ?)`;
    // Ordered here, not by SQL: an ORDER BY would copy the bodies through a sorter.
    const withArticles = (ranked: string) => `SELECT p.rank, p.tier, ${SUMMARY_COLUMNS}, a.body FROM (${ranked}) p
      JOIN articles a ON a.id = p.id LEFT JOIN sources s ON s.id = a.source_id`;
    type PageRow = HitRow & { rank: number; tier: number };
    const pageOf = (match: string, tier: number, limit: number, offset: number) =>
      db.all<PageRow>(withArticles(tierSql(tier)), [match, ...params, limit, offset]);
    let page: PageRow[];
    if (tiers.length === 1) {
      page = await pageOf(all, 0, input.limit, input.offset);
    } else if (input.offset === 0) {
      // Both tiers at once: SQLite runs the stem tier only when the exact one
      // leaves the page short (the compound stops at its LIMIT).
      page = await db.all<PageRow>(withArticles(`${tierSql(0)} UNION ALL ${tierSql(1)} LIMIT ?`), [
        tiers[0]!,
        ...params,
        input.limit,
        0,
        tiers[1]!,
        ...params,
        input.limit,
        0,
        input.limit,
      ]);
    } else {
      const exactCount = await count(tiers[0]!);
      page = input.offset < exactCount ? await pageOf(tiers[0]!, 0, input.limit, input.offset) : [];
      if (page.length < input.limit)
        page.push(...(await pageOf(tiers[1]!, 1, input.limit - page.length, Math.max(0, input.offset - exactCount))));
    }
    page.sort((x, y) => x.tier - y.tier || x.rank - y.rank || x.id - y.id);
    const leaves = positiveLeaves(root);
    const matchers = {
      title: buildMatcher(leaves, expansions, 'title'),
      body: buildMatcher(leaves, expansions, 'body'),
    };
    // Snippets while the side connection still counts.
    const items = page.map((row) =>
      hitOf(row, -row.rank, row.tier === 0 && (tiers.length > 1 || exact === all), matchers),
    );
    const { total, facets } = await totals;
    return {
      total,
      offset: input.offset,
      items,
      facets,
      engine: 'fts5',
      ignored,
      indexStale: indexedFingerprint !== fingerprint,
    };
  }

  async function tagged(tag: string): Promise<Set<number>> {
    const rows = await db.all<{ id: number }>(
      'SELECT at.article_id AS id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name_key = ?',
      [nameKey(tag)],
    );
    return new Set(rows.map((r) => r.id));
  }

  async function queryCollection(
    input: ParsedInput<'search.query'>,
    collectionId: number,
    root: PlanNode,
    ignored: string[],
  ): Promise<SearchResults | null> {
    const found = await collectionHits(collectionId, root, input.engine === 'lunr');
    if (!found) return null;
    const f: ArticleFilter = input.filter;
    const sourceIds = f.sourceIds && f.sourceIds.length > 0 ? new Set(f.sourceIds) : null;
    const tags = f.tag ? await tagged(f.tag) : null;
    const { ids } = found.hits;
    // Positions in the packed list of the hits the filter keeps, in rank order.
    const kept: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const m = found.meta.get(id);
      if (!m) continue;
      if (sourceIds && (m.sourceId === null || !sourceIds.has(m.sourceId))) continue;
      if (f.lang && m.lang !== f.lang) continue;
      if (f.dateFrom && !(m.iso !== null && m.iso >= f.dateFrom)) continue;
      if (f.dateTo && !(m.iso !== null && m.iso <= `${f.dateTo}-99`)) continue;
      if (tags && !tags.has(id)) continue;
      kept.push(i);
    }
    let facets: SearchFacets | null = null;
    if (input.facets) {
      const groups = new Map<string, { sourceId: number | null; year: string | null; lang: string; n: number }>();
      for (const i of kept) {
        const m = found.meta.get(ids[i]!)!;
        const year = m.iso ? m.iso.slice(0, 4) : null;
        const k = `${m.sourceId}|${year}|${m.lang}`;
        const g = groups.get(k);
        if (g) g.n++;
        else groups.set(k, { sourceId: m.sourceId, year, lang: m.lang, n: 1 });
      }
      facets = await facetsOf([...groups.values()]);
    }
    const page = kept.slice(input.offset, input.offset + input.limit);
    const keysOf = new Map(page.map((i) => [ids[i]!, matcherFromKeys(packedKeys(found.hits, i))]));
    const items = await loadHits(
      page.map((i) => ids[i]!),
      new Map(page.map((i) => [ids[i]!, { score: found.hits.scores[i]!, exact: found.hits.exact[i] === 1 }])),
      (id) => {
        const m = keysOf.get(id)!;
        return { title: m, body: m };
      },
    );
    return {
      total: kept.length,
      offset: input.offset,
      items,
      facets,
      engine: 'lunr',
      ignored,
      indexStale: indexedFingerprint !== fingerprint,
    };
  }

  // -------------------------------------------------------------------------

  return {
    async query(input) {
      const { root, ignored } = planQuery(input.query);
      if (input.engine === 'lunr' && !input.filter.collectionId) {
        throw new MizanError('INVALID_ARGUMENT', 'engine: "lunr" searches a collection: give filter.collectionId');
      }
      if (!root) return emptyResults(input.offset, ignored, input.facets);
      const collectionId = input.filter.collectionId;
      if (collectionId && input.engine !== 'fts5') {
        // The collection is the index searched, not a filter on it.
        const answer = await queryCollection(
          { ...input, filter: { ...input.filter, collectionId: undefined } },
          collectionId,
          root,
          ignored,
        );
        if (answer) return answer;
      }
      return queryLibrary(input, root, ignored);
    },

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
      const row = await db.get<{ title: string; body: string }>('SELECT title, body FROM articles WHERE id = ?', [id]);
      if (!row) throw new MizanError('NOT_FOUND', `no article with id ${id}`);
      const { root } = planQuery(query);
      if (!root) return { title: [], body: [] };
      const expansions = await expandFuzzy(root, vocabulary);
      const leaves = positiveLeaves(root);
      return {
        title: findMatches(row.title, buildMatcher(leaves, expansions, 'title')),
        body: findMatches(row.body, buildMatcher(leaves, expansions, 'body')),
      };
    },

    async status() {
      const state = await readIndexState(db);
      const rows = await db.all<IndexRow & { collection_id: number }>(
        `SELECT collection_id, generation, built_generation, analyzer, article_count, built_at, build_ms, length(data) AS bytes
         FROM collection_search_indexes ORDER BY collection_id`,
      );
      return {
        articleCount: state.articles,
        indexedCount: state.indexed,
        stale: state.fingerprint !== fingerprint,
        analyzer: { current: fingerprint, indexed: state.fingerprint },
        collections: rows.map((r) => infoOf(r.collection_id, r)),
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
          await writeFingerprint(w, fingerprint);
        });
        indexedFingerprint = fingerprint;
        return { articleCount: done, ms: Date.now() - started };
      } finally {
        reindexing = false;
      }
    },

    buildCollectionIndex: buildCollection,

    async idle() {
      while (timer || running) {
        if (timer) await new Promise((r) => setTimeout(r, REBUILD_DELAY_MS));
        if (running) await running;
      }
    },

    async close() {
      closing = true;
      if (timer) clearTimeout(timer);
      timer = null;
      removeHook();
      side?.facetTable.close();
      // Terminating the workers ends a build in progress; it reports as failed and is dropped.
      await engineInstance?.close();
      await reopening?.catch(() => undefined);
      await side?.conn.close();
      await running?.catch(() => undefined);
      await indexer.close();
    },
  };
}
