/**
 * Answers a query: from the library index (FTS5: two tiers ranked by bm25,
 * totals and facets counted on the side connection meanwhile), or from a
 * collection's Lunr index when the query is about one collection.
 */
import { MizanError } from '../../../preload/contract/errors';
import type { ArticleFilter } from '../../../preload/contract/library';
import type { SearchFacets, SearchHit, SearchResults } from '../../../preload/contract/search';
import type { ParsedInput } from '../../../preload/contract';
import type { Connection, Database } from '../db/connection';
import { filterClauses, readSummaryRows, SUMMARY_COLUMNS, summaryOf, type ArticleRow } from '../library/articleReader';
import { nameKey } from '../library/libraryStore';
import type { CollectionIndexes } from './collectionIndexes';
import type { FacetGroup } from './facetTable';
import { expandFuzzy, ftsExpression, rankExpression } from './ftsQuery';
import { buildMatcher, findMatches, makeSnippet, matcherFromKeys, type Matcher } from './highlight';
import { packedKeys } from './lunrCollection';
import { planQuery, positiveLeaves, type LangLeaf, type PlanNode } from './queryPlan';
import type { SideReader } from './sideConnection';
import type { Vocabulary } from './vocabulary';
import { expandTransliterations, type Transliterator } from './transliteration';

/** Results before the query words' transliterations are added. */
type Answer = Omit<SearchResults, 'transliterated'>;

const emptyFacets = (): SearchFacets => ({ sources: [], years: [], languages: [] });

export interface SearchQueryDeps {
  db: Database;
  vocabulary: Vocabulary;
  side: SideReader;
  collections: CollectionIndexes;
  /** The library index was built by another analyzer (results say so). */
  indexStale: () => boolean;
  /** Names in the other script (Kadhimi → كاظمي); none: words are searched as written. */
  transliterator?: Transliterator;
}

export function createSearchQuery(deps: SearchQueryDeps): {
  query(input: ParsedInput<'search.query'>): Promise<SearchResults>;
} {
  const { db, vocabulary, collections, indexStale } = deps;
  const currentSide = () => deps.side.current();
  const collectionHits: CollectionIndexes['collectionHits'] = (...args) => collections.collectionHits(...args);

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
    const byId = await readSummaryRows(db, ids);
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

  function emptyResults(offset: number, ignored: string[], facets: boolean): Answer {
    return {
      total: 0,
      offset,
      items: [],
      facets: facets ? emptyFacets() : null,
      engine: 'fts5',
      ignored,
      indexStale: indexStale(),
    };
  }

  async function queryLibrary(input: ParsedInput<'search.query'>, query: PlanNode, ignored: string[]): Promise<Answer> {
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
      indexStale: indexStale(),
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
  ): Promise<Answer | null> {
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
      indexStale: indexStale(),
    };
  }

  return {
    async query(input) {
      const planned = planQuery(input.query);
      const { ignored } = planned;
      const widened =
        planned.root && deps.transliterator
          ? await expandTransliterations(planned.root, deps.transliterator)
          : { root: planned.root, transliterated: [] };
      const { root, transliterated } = widened;
      const answer = await answerQuery(input, root, ignored);
      return { ...answer, transliterated };
    },
  };

  async function answerQuery(
    input: ParsedInput<'search.query'>,
    root: PlanNode | null,
    ignored: string[],
  ): Promise<Answer> {
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
  }
}
