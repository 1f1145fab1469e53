/**
 * The one reader of articles: the columns to select and their mapping to
 * the shapes the rest of the core needs (a list's summary, a compared
 * article with its body, the outlet/date/direction a citation shows).
 * Other modules ask here by id instead of writing their own SELECT of
 * articles, so a column change is made once.
 */
import { MizanError } from '../../../preload/contract/errors';
import type { ComparedArticle } from '../../../preload/contract/compare';
import type {
  Article,
  ArticleFilter,
  ArticlePage,
  ArticleSummary,
  NearDuplicateLink,
} from '../../../preload/contract/library';
import type { DatePrecision, Direction } from '../../../preload/contract/shapes';
import type { Database, SqlValue, Writer } from '../db/connection';
import { nameKey } from './libraryStore';

type Reader = Pick<Database, 'get' | 'all'> | Writer;

/** Joins a list in one column (tag names): a character no name contains. */
export const LIST_SEP = '\u001f';

export interface ArticleRow {
  id: number;
  title: string;
  body?: string;
  author: string | null;
  source_id: number | null;
  source_name: string | null;
  published_original: string | null;
  published_iso: string | null;
  published_precision: DatePrecision | null;
  lang: string;
  dir: Direction;
  url: string | null;
  content_hash?: string;
  origin_path?: string | null;
  origin_format?: string | null;
  encoding?: string | null;
  body_html?: string | null;
  word_count: number;
  imported_at: string;
  updated_at?: string;
  tag_names: string | null;
  near_twin: number | null;
}

/** A list's row (SUMMARY_COLUMNS) as the contract's summary. */
export function summaryOf(row: ArticleRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    source: row.source_name,
    sourceId: row.source_id,
    author: row.author,
    publishedAt: {
      original: row.published_original,
      iso: row.published_iso,
      precision: row.published_precision,
    },
    lang: row.lang,
    dir: row.dir,
    url: row.url,
    wordCount: row.word_count,
    importedAt: row.imported_at,
    tags: row.tag_names ? row.tag_names.split(LIST_SEP).sort((a, b) => a.localeCompare(b)) : [],
    nearDuplicateOfId: row.near_twin ?? null,
  };
}

/** What a summary reads, from `articles a LEFT JOIN sources s ON s.id = a.source_id`. */
export const SUMMARY_COLUMNS = `a.id, a.title, a.author, a.source_id, s.name AS source_name,
  a.published_original, a.published_iso, a.published_precision, a.lang, a.dir, a.url,
  a.word_count, a.imported_at,
  (SELECT group_concat(t.name, char(31)) FROM article_tags at JOIN tags t ON t.id = at.tag_id
    WHERE at.article_id = a.id) AS tag_names,
  (SELECT twin_id FROM near_duplicates WHERE article_id = a.id) AS near_twin`;

/** What every shape shares: which article, its outlet, date, language and direction. */
export interface ArticleHead {
  id: number;
  title: string;
  source: string | null;
  sourceId: number | null;
  publishedAt: { original: string | null; iso: string | null; precision: DatePrecision | null };
  lang: string;
  dir: Direction;
  url: string | null;
  importedAt: string;
}

interface HeadRow {
  id: number;
  title: string;
  source_name: string | null;
  source_id: number | null;
  published_original: string | null;
  published_iso: string | null;
  published_precision: DatePrecision | null;
  lang: string;
  dir: Direction;
  url: string | null;
  imported_at: string;
  body?: string;
}

const HEAD_COLUMNS = `a.id, a.title, s.name AS source_name, a.source_id, a.published_original, a.published_iso,
  a.published_precision, a.lang, a.dir, a.url, a.imported_at`;

function headOf(r: HeadRow): ArticleHead {
  return {
    id: r.id,
    title: r.title,
    source: r.source_name,
    sourceId: r.source_id,
    publishedAt: { original: r.published_original, iso: r.published_iso, precision: r.published_precision },
    lang: r.lang,
    dir: r.dir,
    url: r.url,
    importedAt: r.imported_at,
  };
}

async function readRows(db: Reader, ids: readonly number[], withBody: boolean): Promise<HeadRow[]> {
  if (ids.length === 0) return [];
  return db.all<HeadRow>(
    `SELECT ${HEAD_COLUMNS}${withBody ? ', a.body' : ''}
       FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  );
}

/** The heads of the articles with these ids, by id; an id with no article is absent. */
export async function readArticleHeads(db: Reader, ids: readonly number[]): Promise<Map<number, ArticleHead>> {
  return new Map((await readRows(db, ids, false)).map((r) => [r.id, headOf(r)]));
}

/** The articles to compare, in the order asked for; NOT_FOUND names the first missing one. */
export async function readComparedArticles(db: Reader, ids: readonly number[]): Promise<ComparedArticle[]> {
  const byId = new Map((await readRows(db, ids, true)).map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    if (!r) throw new MizanError('NOT_FOUND', `no article with id ${id}`);
    return {
      id: r.id,
      title: r.title,
      source: r.source_name,
      publishedAt: { original: r.published_original, iso: r.published_iso, precision: r.published_precision },
      lang: r.lang,
      dir: r.dir,
      url: r.url,
      body: r.body!,
    };
  });
}

/** What a citation of an article shows beside its title: outlet, date, direction (null parts: no article). */
export interface ArticleCitation {
  source: string | null;
  publishedAt: ArticleHead['publishedAt'];
  dir: Direction | null;
}

export function citationOf(head: ArticleHead | undefined): ArticleCitation {
  if (!head) return { source: null, publishedAt: { original: null, iso: null, precision: null }, dir: null };
  return { source: head.source, publishedAt: head.publishedAt, dir: head.dir };
}

// ---------------------------------------------------------------------------
// The library's list and an article's page

async function nearDuplicateLinks(
  db: Database | Writer,
  id: number,
): Promise<{ of: NearDuplicateLink | null; others: NearDuplicateLink[] }> {
  const rows = await db.all<{
    id: number;
    title: string;
    source: string | null;
    similarity: number;
    direction: 'of' | 'other';
  }>(
    `SELECT a.id, a.title, s.name AS source, n.similarity, 'of' AS direction
       FROM near_duplicates n JOIN articles a ON a.id = n.twin_id LEFT JOIN sources s ON s.id = a.source_id
       WHERE n.article_id = ?
     UNION ALL
     SELECT a.id, a.title, s.name AS source, n.similarity, 'other' AS direction
       FROM near_duplicates n JOIN articles a ON a.id = n.article_id LEFT JOIN sources s ON s.id = a.source_id
       WHERE n.twin_id = ?
     ORDER BY 4 DESC, 1`,
    [id, id],
  );
  const link = (r: (typeof rows)[number]): NearDuplicateLink => ({
    id: r.id,
    title: r.title,
    source: r.source,
    similarity: r.similarity,
  });
  return {
    of: rows.filter((r) => r.direction === 'of').map(link)[0] ?? null,
    others: rows.filter((r) => r.direction === 'other').map(link),
  };
}

/** The filter as SQL conditions on `articles a` (search adds them to its own queries). */
export function filterClauses(filter: ArticleFilter): { clauses: string[]; params: SqlValue[] } {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  if (filter.sourceIds && filter.sourceIds.length > 0) {
    clauses.push(`a.source_id IN (${filter.sourceIds.map(() => '?').join(',')})`);
    params.push(...filter.sourceIds);
  }
  // Compare as text: "2021-07" sorts before "2021-07-26", so a month-precision
  // date falls inside a range that starts at that month.
  if (filter.dateFrom) {
    clauses.push('a.published_iso >= ?');
    params.push(filter.dateFrom);
  }
  if (filter.dateTo) {
    clauses.push("a.published_iso <= ? || '-99'");
    params.push(filter.dateTo);
  }
  if (filter.lang) {
    clauses.push('a.lang = ?');
    params.push(filter.lang);
  }
  if (filter.tag) {
    clauses.push(
      'a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name_key = ?)',
    );
    params.push(nameKey(filter.tag));
  }
  if (filter.collectionId) {
    clauses.push('a.id IN (SELECT article_id FROM collection_items WHERE collection_id = ?)');
    params.push(filter.collectionId);
  }
  for (const id of entitiesOf(filter)) {
    clauses.push('a.id IN (SELECT article_id FROM entity_articles WHERE entity_id = ?)');
    params.push(id);
  }
  return { clauses, params };
}

/** The entities a filter asks for, each once: every one must be named (`entityId` and `entityIds` together). */
export function entitiesOf(filter: ArticleFilter): number[] {
  return [...new Set([...(filter.entityId ? [filter.entityId] : []), ...(filter.entityIds ?? [])])];
}

function filterSql(filter: ArticleFilter): { where: string; params: SqlValue[] } {
  const { clauses, params } = filterClauses(filter);
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const SORTS = {
  publishedAt: (dir: string) => `a.published_iso IS NULL, a.published_iso ${dir}, a.id ${dir}`,
  importedAt: (dir: string) => `a.imported_at ${dir}, a.id ${dir}`,
  title: (dir: string) => `a.title COLLATE NOCASE ${dir}, a.id ${dir}`,
  source: (dir: string) => `s.name IS NULL, s.name ${dir}, a.published_iso ${dir}, a.id ${dir}`,
} as const;

export interface ListQuery {
  offset: number;
  limit: number;
  sort: keyof typeof SORTS;
  order: 'asc' | 'desc';
  filter: ArticleFilter;
}

export async function listArticles(db: Database, query: ListQuery): Promise<ArticlePage> {
  const { where, params } = filterSql(query.filter);
  const dir = query.order === 'asc' ? 'ASC' : 'DESC';
  const orderBy = SORTS[query.sort](dir);
  // The page's ids first, then their summaries: sorting the summaries themselves made SQLite read every
  // article's row and run the tag and twin subqueries for all of them before keeping a page.
  const rows = await db.all<ArticleRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id
     WHERE a.id IN (SELECT a.id FROM articles a LEFT JOIN sources s ON s.id = a.source_id
       ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?)
     ORDER BY ${orderBy}`,
    [...params, query.limit, query.offset],
  );
  const count = await db.get<{ n: number }>(`SELECT count(*) AS n FROM articles a ${where}`, params);
  return { total: count?.n ?? 0, offset: query.offset, items: rows.map(summaryOf) };
}

export async function getArticle(db: Database | Writer, id: number): Promise<Article> {
  const row = await db.get<ArticleRow>(
    `SELECT ${SUMMARY_COLUMNS}, a.body, a.content_hash, a.origin_path, a.origin_format, a.encoding, a.updated_at, a.body_html
     FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?`,
    [id],
  );
  if (!row) throw new MizanError('NOT_FOUND', `no article with id ${id}`);
  const collections = await db.all<{ id: number; name: string }>(
    `SELECT c.id, c.name FROM collection_items ci JOIN collections c ON c.id = ci.collection_id
     WHERE ci.article_id = ? ORDER BY c.name`,
    [id],
  );
  const near = await nearDuplicateLinks(db, id);
  return {
    ...summaryOf(row),
    body: row.body ?? '',
    contentHash: row.content_hash ?? '',
    originPath: row.origin_path ?? null,
    originFormat: row.origin_format ?? null,
    encoding: row.encoding ?? null,
    updatedAt: row.updated_at ?? row.imported_at,
    collections,
    bodyHtml: row.body_html ?? null,
    nearDuplicateOf: near.of,
    nearDuplicates: near.others,
  };
}

// ---------------------------------------------------------------------------
// What search reads of articles beside its own index

/** An article's title and body; NOT_FOUND when there is none. */
export async function readArticleText(db: Reader, id: number): Promise<{ title: string; body: string }> {
  const row = await db.get<{ title: string; body: string }>('SELECT title, body FROM articles WHERE id = ?', [id]);
  if (!row) throw new MizanError('NOT_FOUND', `no article with id ${id}`);
  return row;
}

/** What a result list filters and counts facets by. */
export interface FacetFields {
  sourceId: number | null;
  lang: string;
  iso: string | null;
}

/** A collection member as a search index is built from it. */
export interface IndexedText extends FacetFields {
  id: number;
  title: string;
  body: string;
  author: string | null;
  source: string | null;
}

/** The articles of a collection, in id order, with their text and facet fields. */
export async function readCollectionTexts(db: Reader, collectionId: number): Promise<IndexedText[]> {
  return db.all<IndexedText>(
    `SELECT a.id, a.title, a.body, a.author, s.name AS source, a.lang, a.source_id AS sourceId, a.published_iso AS iso
       FROM collection_items ci JOIN articles a ON a.id = ci.article_id LEFT JOIN sources s ON s.id = a.source_id
       WHERE ci.collection_id = ? ORDER BY a.id`,
    [collectionId],
  );
}

/** The facet fields of a collection's articles. */
export async function readCollectionFacets(
  db: Reader,
  collectionId: number,
): Promise<Array<FacetFields & { id: number }>> {
  return db.all<FacetFields & { id: number }>(
    `SELECT a.id, a.source_id AS sourceId, a.lang, a.published_iso AS iso
       FROM collection_items ci JOIN articles a ON a.id = ci.article_id WHERE ci.collection_id = ?`,
    [collectionId],
  );
}

/** Summaries of the articles with these ids and their bodies (a result page's snippets), by id. */
export async function readSummaryRows(
  db: Reader,
  ids: readonly number[],
): Promise<Map<number, ArticleRow & { body: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<ArticleRow & { body: string }>(
    `SELECT ${SUMMARY_COLUMNS}, a.body FROM articles a LEFT JOIN sources s ON s.id = a.source_id
       WHERE a.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Ids of the articles a list filter keeps, newest first as the list shows them (every article without a filter),
 * or of one collection's articles in the collection's own order.
 */
export async function readArticleIds(
  db: Reader,
  scope: { collectionId?: number; filter?: ArticleFilter } = {},
): Promise<number[]> {
  if (scope.collectionId !== undefined) {
    const rows = await db.all<{ id: number }>(
      'SELECT article_id AS id FROM collection_items WHERE collection_id = ? ORDER BY position, article_id',
      [scope.collectionId],
    );
    return rows.map((r) => r.id);
  }
  const { where, params } = filterSql(scope.filter ?? {});
  const rows = await db.all<{ id: number }>(
    `SELECT a.id FROM articles a ${where} ORDER BY ${SORTS.publishedAt('DESC')}`,
    params,
  );
  return rows.map((r) => r.id);
}
