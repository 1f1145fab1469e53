/**
 * Reads of the entity index and the chart counts: entities by articles (of
 * the library or of a result set), one entity's page, an article's mentions,
 * articles per day and outlet. A result set is given as SQL selecting
 * article ids (resultSetSql), so a search, a list filter and a story are
 * counted by the same statements.
 */
import { MizanError } from '../../../preload/contract/errors';
import type {
  ArticleFilter,
  ArticleMention,
  EntityCount,
  EntityPage,
  FacetGroup,
  TimelineCounts,
} from '../../../preload/contract';
import type { Database, SqlValue } from '../db/connection';
import { nameKey } from '../entities/fold';
import { filterClauses } from '../library/articleReader';

/** SQL that selects the ids of a result set (`a.id` of `articles a`), and its parameters. */
export interface ArticleSet {
  where: string;
  params: SqlValue[];
}

/**
 * The articles of a list filter, narrowed by a search (its FTS5 expression)
 * and by given ids; null `match` means the search matches nothing.
 */
export function resultSetSql(
  filter: ArticleFilter,
  match: string | null | undefined,
  articleIds: readonly number[] | undefined,
): ArticleSet | null {
  const { clauses, params } = filterClauses(filter);
  if (match === null) return null;
  if (match !== undefined) {
    clauses.push('a.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)');
    params.push(match);
  }
  if (articleIds) {
    clauses.push('a.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(articleIds));
  }
  return { where: clauses.length > 0 ? clauses.join(' AND ') : 'true', params };
}

export async function timelineOf(db: Database, set: ArticleSet | null): Promise<TimelineCounts> {
  if (!set) return { rows: [], sources: [], total: 0 };
  const rows = await db.all<{ day: string | null; sourceId: number | null; count: number }>(
    `SELECT a.published_iso AS day, a.source_id AS sourceId, count(*) AS count
     FROM articles a WHERE ${set.where} GROUP BY 1, 2 ORDER BY 1, 2`,
    set.params,
  );
  const ids = [...new Set(rows.map((r) => r.sourceId).filter((id): id is number => id !== null))];
  const sources =
    ids.length === 0
      ? []
      : await db.all<{ id: number; name: string }>(
          'SELECT id, name FROM sources WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id',
          [JSON.stringify(ids)],
        );
  return { rows, sources, total: rows.reduce((sum, r) => sum + r.count, 0) };
}

export interface ListEntities {
  kind?: EntityCount['kind'];
  name?: string;
  offset: number;
  limit: number;
}

/** Entities by articles naming them, most first (ties: older entity first); within `set` when given. */
export async function listEntities(
  db: Database,
  query: ListEntities,
  set: ArticleSet | null | undefined,
): Promise<{ total: number; items: EntityCount[] }> {
  if (set === null) return { total: 0, items: [] };
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  if (query.kind) {
    clauses.push('e.kind = ?');
    params.push(query.kind);
  }
  const name = query.name?.trim();
  if (name) {
    clauses.push("(e.key LIKE '%' || ? || '%' OR e.canonical LIKE '%' || ? || '%')");
    params.push(nameKey(name), name);
  }
  const where = clauses.length > 0 ? `AND ${clauses.join(' AND ')}` : '';
  if (!set) {
    const rows = await db.all<EntityCount>(
      `SELECT e.id, e.kind, e.canonical AS name, e.article_count AS count FROM entities e
       WHERE e.article_count > 0 ${where} ORDER BY e.article_count DESC, e.id LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    const total = await db.get<{ n: number }>(
      `SELECT count(*) AS n FROM entities e WHERE e.article_count > 0 ${where}`,
      params,
    );
    return { total: total?.n ?? 0, items: rows };
  }
  const grouped = `SELECT ea.entity_id AS id, count(*) AS count FROM entity_articles ea
     WHERE ea.article_id IN (SELECT a.id FROM articles a WHERE ${set.where}) GROUP BY 1`;
  const rows = await db.all<EntityCount & { total: number }>(
    `SELECT e.id, e.kind, e.canonical AS name, g.count, count(*) OVER () AS total
     FROM (${grouped}) g JOIN entities e ON e.id = g.id WHERE true ${where}
     ORDER BY g.count DESC, e.id LIMIT ? OFFSET ?`,
    [...set.params, ...params, query.limit, query.offset],
  );
  const total =
    rows[0]?.total ??
    (query.offset === 0
      ? 0
      : ((
          await db.get<{ n: number }>(
            `SELECT count(*) AS n FROM (${grouped}) g JOIN entities e ON e.id = g.id WHERE true ${where}`,
            [...set.params, ...params],
          )
        )?.n ?? 0));
  return { total, items: rows.map(({ id, kind, name: n, count }) => ({ id, kind, name: n, count })) };
}

const FACET_KINDS: ReadonlyArray<EntityCount['kind']> = ['person', 'place', 'organisation'];

/**
 * The entity facets of a result set (or of the library when `set` is undefined): per kind, the
 * `perKind` entities most articles of the set name, with those counts; one statement, ranked per kind.
 */
export async function entityFacets(
  db: Database,
  perKind: number,
  set: ArticleSet | null | undefined,
): Promise<FacetGroup[]> {
  if (set === null) return [];
  const counted = set
    ? `SELECT e.id, e.kind, e.canonical AS name, g.count FROM (
         SELECT ea.entity_id AS id, count(*) AS count FROM entity_articles ea
         WHERE ea.article_id IN (SELECT a.id FROM articles a WHERE ${set.where}) GROUP BY 1
       ) g JOIN entities e ON e.id = g.id`
    : 'SELECT e.id, e.kind, e.canonical AS name, e.article_count AS count FROM entities e WHERE e.article_count > 0';
  const rows = await db.all<EntityCount & { rank: number; listed: number }>(
    `SELECT id, kind, name, count, rank, listed FROM (
       SELECT c.*, row_number() OVER (PARTITION BY c.kind ORDER BY c.count DESC, c.id) AS rank,
              count(*) OVER (PARTITION BY c.kind) AS listed
       FROM (${counted}) c
     ) WHERE rank <= ? ORDER BY kind, rank`,
    [...(set?.params ?? []), perKind],
  );
  return FACET_KINDS.map((kind): FacetGroup => {
    const of = rows.filter((r) => r.kind === kind);
    return {
      kind,
      values: of.map((r) => ({ value: String(r.id), label: r.name, count: r.count })),
      more: (of[0]?.listed ?? 0) > of.length,
    };
  }).filter((g) => g.values.length > 0);
}

export async function entityPage(db: Database, id: number): Promise<EntityPage> {
  const row = await db.get<{
    id: number;
    kind: EntityCount['kind'];
    canonical: string;
    spellings: string;
    articleCount: number;
    mentionCount: number;
  }>(
    `SELECT id, kind, canonical, spellings, article_count AS articleCount, mention_count AS mentionCount
     FROM entities WHERE id = ? AND article_count > 0`,
    [id],
  );
  if (!row) throw new MizanError('NOT_FOUND', `no article names entity ${id}`);
  const written = await db.all<{ text: string; count: number }>(
    `SELECT text, count(*) AS count FROM entity_mentions WHERE entity_id = ?
     GROUP BY text ORDER BY count DESC, text LIMIT 20`,
    [id],
  );
  const related = await db.all<EntityCount>(
    `SELECT e.id, e.kind, e.canonical AS name, g.count FROM (
       SELECT y.entity_id AS id, count(*) AS count FROM entity_articles x
       JOIN entity_articles y ON y.article_id = x.article_id AND y.entity_id != x.entity_id
       WHERE x.entity_id = ? GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 30
     ) g JOIN entities e ON e.id = g.id ORDER BY g.count DESC, e.id`,
    [id],
  );
  const spellings = (JSON.parse(row.spellings) as Array<[string, number]>).map(([text, count]) => ({ text, count }));
  return {
    id: row.id,
    kind: row.kind,
    name: row.canonical,
    spellings,
    written,
    articleCount: row.articleCount,
    mentionCount: row.mentionCount,
    timeline: await timelineOf(db, resultSetSql({ entityId: id }, undefined, undefined)),
    related,
  };
}

export async function articleMentions(
  db: Database,
  articleId: number,
): Promise<{ mentions: ArticleMention[]; pending: boolean }> {
  const rows = await db.all<{
    entityId: number;
    kind: EntityCount['kind'];
    name: string;
    field: number;
    start: number;
    end: number;
    text: string;
  }>(
    `SELECT m.entity_id AS entityId, e.kind, e.canonical AS name, m.field, m.start_offset AS start,
            m.end_offset AS end, m.text
     FROM entity_mentions m JOIN entities e ON e.id = m.entity_id
     WHERE m.article_id = ? ORDER BY m.field, m.start_offset`,
    [articleId],
  );
  const queued = await db.get<{ n: number }>('SELECT count(*) AS n FROM entity_queue WHERE article_id = ?', [
    articleId,
  ]);
  return {
    mentions: rows.map((r) => ({ ...r, field: r.field === 0 ? ('title' as const) : ('body' as const) })),
    pending: (queued?.n ?? 0) > 0,
  };
}
