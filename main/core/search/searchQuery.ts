/**
 * Answers a query: from the library index (FTS5: two tiers ranked by bm25,
 * totals and facets counted on the side connection meanwhile), or from a
 * collection's Lunr index when the query is about one collection.
 */
import { MizanError } from '../../../preload/contract/errors';
import type { ArticleFilter } from '../../../preload/contract/library';
import type { SearchHit, SearchResults } from '../../../preload/contract/search';
import type { ParsedInput } from '../../../preload/contract';
import type { Connection, Database, SqlValue } from '../db/connection';
import {
  entitiesOf,
  filterClauses,
  readSummaryRows,
  SUMMARY_COLUMNS,
  summaryOf,
  type ArticleRow,
} from '../library/articleReader';
import { nameKey } from '../library/libraryStore';
import type { CollectionIndexes } from './collectionIndexes';
import type { FacetCounts, HitFilter } from './facetTable';
import { expandFuzzy, ftsExpression, rankExpression, type FuzzyExpansions } from './ftsQuery';
import { buildMatcher, findMatches, makeSnippet, matcherFromKeys, type Matcher } from './highlight';
import { packedKeys } from './lunrCollection';
import { planQuery, positiveLeaves, type LangLeaf, type PlanNode, type QueryHint } from './queryPlan';
import { readingsOf } from './queryReading';
import { facetsOf, missingSourceNames, noFacets, sqlFacetCounts, type Facets } from './searchFacets';
import { createPhraseChecker, requiredPhrases, sortCandidates, type Candidate } from './strictPhrases';
import type { SideReader } from './sideConnection';
import type { Vocabulary } from './vocabulary';
import { expandTransliterations, type Transliterator } from './transliteration';

/** Results before the query words' transliterations are added. */
type Answer = Omit<SearchResults, 'transliterated'>;

/** What every answer to one query shares, beside its hits. */
interface Understanding {
  ignored: string[];
  hints: QueryHint[];
  root: PlanNode | null;
  expansions: FuzzyExpansions;
}

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
  const phraseChecker = createPhraseChecker();

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

  async function facetsOfCounts(reader: Pick<Connection, 'all'>, counts: FacetCounts): Promise<Facets> {
    return facetsOf(counts, await missingSourceNames(reader, counts));
  }

  function answer(
    u: Understanding,
    part: Pick<Answer, 'total' | 'offset' | 'items' | 'engine'>,
    facets: Facets | null,
  ): Answer {
    return {
      ...part,
      facets: facets?.facets ?? null,
      facetGroups: facets?.groups ?? null,
      ignored: u.ignored,
      indexStale: indexStale(),
      understood: readingsOf(u.root, u.expansions),
      hints: u.hints,
    };
  }

  function emptyResults(offset: number, u: Understanding, facets: boolean): Answer {
    return answer(u, { total: 0, offset, items: [], engine: 'fts5' }, facets ? noFacets() : null);
  }

  async function queryLibrary(input: ParsedInput<'search.query'>, query: PlanNode, u: Understanding): Promise<Answer> {
    // lang: beside other words is a filter on the article row: as an FTS5
    // term it would be in every article's row and cost bm25 a pass over all.
    let root = query;
    let filter = input.filter;
    if (root.kind === 'and') {
      const langs = root.must.filter((n): n is LangLeaf => n.kind === 'lang');
      const rest = root.must.filter((n) => n.kind !== 'lang');
      const wanted = new Set([...langs.map((l) => l.lang), ...(filter.lang ? [filter.lang] : [])]);
      if (langs.length > 0 && rest.length > 0) {
        if (wanted.size > 1) return emptyResults(input.offset, u, input.facets);
        filter = { ...filter, lang: [...wanted][0] };
        root = rest.length === 1 && root.not.length === 0 ? rest[0]! : { kind: 'and', must: rest, not: root.not };
      }
    }
    const expansions = u.expansions;
    const all = ftsExpression(root, expansions, 'all');
    if (!all) return emptyResults(input.offset, u, input.facets);
    // Two tiers, each ranked by bm25: articles with every word in its exact
    // form (a name as written), then those that match only through stems.
    const exact = ftsExpression(root, expansions, 'exact');
    const tiers = exact && exact !== all ? [exact, `(${all}) NOT (${exact})`] : [all];
    const { clauses, params } = filterClauses(filter);
    // The join reads filter and facet columns from a covering index, never the article rows.
    const join = 'JOIN articles a INDEXED BY articles_search_facets ON a.id = f.rowid';
    const where = clauses.length > 0 ? ` AND ${clauses.join(' AND ')}` : '';
    const hitFilter: HitFilter | undefined = clauses.length > 0 ? { join, where, params } : undefined;
    const leaves = positiveLeaves(root);
    const matchers = {
      title: buildMatcher(leaves, expansions, 'title'),
      body: buildMatcher(leaves, expansions, 'body'),
    };
    const phrases = requiredPhrases(root);
    if (phrases.length > 0)
      return checkedLibrary(input, u, { all, exact, join, where, params, matchers, phrases: phrases });
    const countSql =
      clauses.length > 0
        ? `SELECT count(*) AS n FROM search_fts f ${join} WHERE search_fts MATCH ?${where}`
        : 'SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?';
    // all(), not get(): the statements stay prepared (Connection.all).
    const count = async (match: string): Promise<number> =>
      (await db.all<{ n: number }>(countSql, [match, ...params]))[0]?.n ?? 0;

    // Total and facets on the second reader, while the page is ranked on the
    // first: the two run on two threads of SQLite's pool at once.
    const totals = (async (): Promise<{ total: number; facets: Facets | null }> => {
      const current = await currentSide();
      const side: Pick<Connection, 'get' | 'all'> = current?.conn ?? db;
      const facetTable = current?.facetTable ?? null;
      if (!input.facets) {
        const [row] = await side.all<{ n: number }>(countSql, [all, ...params]);
        return { total: row?.n ?? 0, facets: null };
      }
      // Counted in memory when the facet table is current.
      let counts: FacetCounts | null = facetTable ? await facetTable.groups(all, hitFilter) : null;
      if (!counts) {
        const sql = await sqlFacetCounts(side, {
          sql: `SELECT f.rowid FROM search_fts f ${join} WHERE search_fts MATCH ?${where}`,
          params: [all, ...params],
        });
        if (sql.version !== null) facetTable?.saw(sql.version);
        counts = sql;
      }
      return {
        total: counts.groups.reduce((sum, g) => sum + g.n, 0),
        facets: await facetsOfCounts(side, counts),
      };
    })();
    // Awaited below; a failing page query must not leave it unhandled.
    totals.catch(() => undefined);
    // The page's ranks and articles in one statement: each statement is a
    // round trip to SQLite's thread pool, and a pool thread woken from idle
    // costs 0.1-0.3 ms here (measured with a 1 ms pause between statements).
    // rowid breaks ties, so that a page ends at the same article every time.
    const rank = rankExpression('search_fts');
    const byDate = input.sort !== 'relevance';
    const dir = input.sort === 'oldest' ? 'ASC' : 'DESC';
    const tierSql = (tier: number) =>
      byDate
        ? `SELECT * FROM (SELECT f.rowid AS id, 0 AS rank, ${tier} AS tier, a.published_iso AS iso FROM search_fts f ${join} WHERE search_fts MATCH ?${where} ORDER BY a.published_iso IS NULL, a.published_iso ${dir}, f.rowid ${dir} LIMIT ? OFFSET ?)`
        : clauses.length > 0
          ? `SELECT * FROM (SELECT f.rowid AS id, ${rank} AS rank, ${tier} AS tier FROM search_fts f ${join} WHERE search_fts MATCH ?${where} ORDER BY rank, f.rowid LIMIT ? OFFSET ?)`
          : `SELECT * FROM (SELECT rowid AS id, ${rank} AS rank, ${tier} AS tier FROM search_fts WHERE search_fts MATCH ? ORDER BY rank, rowid LIMIT ? OFFSET ?)`;
    // Ordered here, not by SQL: an ORDER BY would copy the bodies through a sorter.
    const withArticles = (ranked: string) => `SELECT p.rank, p.tier, ${SUMMARY_COLUMNS}, a.body FROM (${ranked}) p
      JOIN articles a ON a.id = p.id LEFT JOIN sources s ON s.id = a.source_id`;
    type PageRow = HitRow & { rank: number; tier: number };
    const pageOf = (match: string, tier: number, limit: number, offset: number) =>
      db.all<PageRow>(withArticles(tierSql(tier)), [match, ...params, limit, offset]);
    let page: PageRow[];
    if (tiers.length === 1 || byDate) {
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
    let exactIds: Set<number> | null = null;
    if (byDate) {
      // One list by date: which of its articles have every word as written.
      if (tiers.length > 1 && page.length > 0) {
        const rows = await db.all<{ id: number }>(
          'SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))',
          [tiers[0]!, JSON.stringify(page.map((r) => r.id))],
        );
        exactIds = new Set(rows.map((r) => r.id));
      }
      const order = sortCandidates(
        page.map((r) => ({ id: r.id, rank: 0, tier: 0, iso: r.published_iso })),
        input.sort,
      ).map((c) => c.id);
      page.sort((x, y) => order.indexOf(x.id) - order.indexOf(y.id));
    } else {
      page.sort((x, y) => x.tier - y.tier || x.rank - y.rank || x.id - y.id);
    }
    // Snippets while the side connection still counts.
    const items = page.map((row) =>
      hitOf(
        row,
        -row.rank,
        exactIds ? exactIds.has(row.id) || tiers.length === 1 : row.tier === 0 && (tiers.length > 1 || exact === all),
        matchers,
      ),
    );
    const { total, facets } = await totals;
    return answer(u, { total, offset: input.offset, items, engine: 'fts5' }, facets);
  }

  /** A query with quoted phrases: every candidate's text is checked (strictPhrases.ts). */
  async function checkedLibrary(
    input: ParsedInput<'search.query'>,
    u: Understanding,
    q: {
      all: string;
      exact: string | null;
      join: string;
      where: string;
      params: ReadonlyArray<SqlValue>;
      matchers: { title: Matcher; body: Matcher };
      phrases: ReturnType<typeof requiredPhrases>;
    },
  ): Promise<Answer> {
    const current = await currentSide();
    const side: Pick<Connection, 'get' | 'all'> = current?.conn ?? db;
    const rank = rankExpression('search_fts');
    // Read on the side connection, so that its data_version is the facet table's.
    const rows = await side.all<Candidate & { version: number }>(
      `SELECT f.rowid AS id, ${rank} AS rank, 0 AS tier, a.published_iso AS iso,
         (SELECT data_version FROM pragma_data_version) AS version
       FROM search_fts f ${q.join} WHERE search_fts MATCH ?${q.where}`,
      [q.all, ...q.params],
    );
    if (q.exact && q.exact !== q.all && rows.length > 0) {
      const exactRows = await side.all<{ id: number }>(
        `SELECT f.rowid AS id FROM search_fts f ${q.join} WHERE search_fts MATCH ?${q.where}`,
        [q.exact, ...q.params],
      );
      const exactIds = new Set(exactRows.map((r) => r.id));
      for (const r of rows) r.tier = exactIds.has(r.id) ? 0 : 1;
    }
    const kept = sortCandidates(
      await phraseChecker.check(
        side,
        rows,
        q.phrases,
        // Only the side connection's data_version moves with every commit (it never writes).
        current?.conn ? (rows[0]?.version ?? null) : null,
      ),
      input.sort,
    );
    let facets: Facets | null = null;
    if (input.facets) {
      const version = rows[0]?.version ?? null;
      let counts: FacetCounts | null =
        version !== null && current?.facetTable
          ? current.facetTable.countIds(
              kept.map((c) => c.id),
              version,
            )
          : null;
      counts ??= await sqlFacetCounts(side, {
        sql: 'SELECT value FROM json_each(?)',
        params: [JSON.stringify(kept.map((c) => c.id))],
      });
      facets = await facetsOfCounts(side, counts);
    }
    const page = kept.slice(input.offset, input.offset + input.limit);
    const items = await loadHits(
      page.map((c) => c.id),
      new Map(page.map((c) => [c.id, { score: -c.rank, exact: c.tier === 0 }])),
      () => q.matchers,
    );
    return answer(u, { total: kept.length, offset: input.offset, items, engine: 'fts5' }, facets);
  }

  async function tagged(tag: string): Promise<Set<number>> {
    const rows = await db.all<{ id: number }>(
      'SELECT at.article_id AS id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name_key = ?',
      [nameKey(tag)],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Articles naming every one of `entityIds` (null: no entity asked for). */
  async function naming(entityIds: number[]): Promise<Set<number> | null> {
    if (entityIds.length === 0) return null;
    const rows = await db.all<{ id: number }>(
      `SELECT article_id AS id FROM entity_articles WHERE entity_id IN (SELECT value FROM json_each(?))
        GROUP BY article_id HAVING count(*) = ?`,
      [JSON.stringify(entityIds), entityIds.length],
    );
    return new Set(rows.map((r) => r.id));
  }

  async function queryCollection(
    input: ParsedInput<'search.query'>,
    collectionId: number,
    root: PlanNode,
    u: Understanding,
  ): Promise<Answer | null> {
    const found = await collectionHits(collectionId, root, input.engine === 'lunr');
    if (!found) return null;
    const f: ArticleFilter = input.filter;
    const sourceIds = f.sourceIds && f.sourceIds.length > 0 ? new Set(f.sourceIds) : null;
    const tags = f.tag ? await tagged(f.tag) : null;
    const named = await naming(entitiesOf(f));
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
      if (named && !named.has(id)) continue;
      kept.push(i);
    }
    if (input.sort !== 'relevance') {
      const dated = sortCandidates(
        kept.map((i) => ({ id: i, rank: 0, tier: 0, iso: found.meta.get(ids[i]!)!.iso })),
        input.sort,
      );
      kept.splice(0, kept.length, ...dated.map((c) => c.id));
    }
    let facets: Facets | null = null;
    if (input.facets) {
      const groups = new Map<
        string,
        { sourceId: number | null; name: null; period: string | null; lang: string; n: number }
      >();
      for (const i of kept) {
        const m = found.meta.get(ids[i]!)!;
        const period = m.iso ? m.iso.slice(0, 7) : null;
        const k = `${m.sourceId}|${period}|${m.lang}`;
        const g = groups.get(k);
        if (g) g.n++;
        else groups.set(k, { sourceId: m.sourceId, name: null, period, lang: m.lang, n: 1 });
      }
      // Tags and collections of a collection's hits are not counted (the Lunr path has no facet table).
      facets = await facetsOfCounts(db, { groups: [...groups.values()], tags: [], collections: [] });
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
    return answer(u, { total: kept.length, offset: input.offset, items, engine: 'lunr' }, facets);
  }

  return {
    async query(input) {
      const planned = planQuery(input.query, input.lenient);
      const { ignored, hints } = planned;
      const { root, transliterated } =
        planned.root && deps.transliterator
          ? await expandTransliterations(planned.root, deps.transliterator)
          : { root: planned.root, transliterated: [] };
      return { ...(await answerFor(input, root, ignored, hints)), transliterated };
    },
  };

  async function answerFor(
    input: ParsedInput<'search.query'>,
    root: PlanNode | null,
    ignored: string[],
    hints: QueryHint[],
  ): Promise<Answer> {
    {
      if (input.engine === 'lunr' && !input.filter.collectionId) {
        throw new MizanError('INVALID_ARGUMENT', 'engine: "lunr" searches a collection: give filter.collectionId');
      }
      const u: Understanding = {
        root,
        ignored,
        hints,
        expansions: root ? await expandFuzzy(root, vocabulary) : new Map(),
      };
      if (!root) return emptyResults(input.offset, u, input.facets);
      const collectionId = input.filter.collectionId;
      // A quoted phrase is checked against the text, which the library index's path does.
      if (collectionId && input.engine !== 'fts5' && requiredPhrases(root).length === 0) {
        // The collection is the index searched, not a filter on it.
        const found = await queryCollection(
          { ...input, filter: { ...input.filter, collectionId: undefined } },
          collectionId,
          root,
          u,
        );
        if (found) return found;
      }
      return queryLibrary(input, root, u);
    }
  }
}
