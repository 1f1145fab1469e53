/**
 * Story clusters in the library: writing a run's result in one transaction,
 * and reading clusters for the clusters view, "other coverage of this story"
 * and the CLI. Counts, outlets and date ranges are computed from the
 * members when read (see migration 0004).
 */
import type { Database, SqlValue, Writer } from '../db/connection';
import { readArticleHeads, type ArticleHead } from '../library/articleReader';
import type { ClusterOptions } from './clusterer';
import {
  settingsKey,
  storedGeneration,
  type ClusterJobResult,
  type ClusterMode,
  type NewSignature,
} from './clusterJob';

export interface ClusterRunInfo {
  mode: ClusterMode;
  at: string;
  seconds: number;
  /** Articles placed in this run. */
  placed: number;
  /** Articles whose signature was computed in this run. */
  analysed: number;
  clusters: number;
  /** Clusters of two or more articles. */
  stories: number;
}

export interface StoryArticleRow {
  id: number;
  title: string;
  source: string | null;
  sourceId: number | null;
  publishedOriginal: string | null;
  publishedIso: string | null;
  publishedPrecision: 'day' | 'month' | 'year' | null;
  lang: string;
  dir: 'rtl' | 'ltr';
  url: string | null;
  similarity: number | null;
}

export interface StoryClusterRow {
  id: number;
  size: number;
  outletCount: number;
  outlets: string[];
  /** Mean similarity with which the later articles joined; null for a story of one. */
  score: number | null;
  dateFrom: string | null;
  dateTo: string | null;
  /** The representative article's headline. */
  title: string;
  thread: { id: number; stories: number } | null;
  articles: StoryArticleRow[];
}

export interface ClusterQuery {
  offset: number;
  limit: number;
  sort: 'size' | 'date' | 'outlets';
  minSize: number;
  minOutlets: number;
  dateFrom?: string;
  dateTo?: string;
  sourceIds?: readonly number[];
  threadId?: number;
}

const CHUNK = 2000;

/** Bytes that crossed a worker boundary arrive as a plain Uint8Array: view them as a Buffer again. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Rows as one JSON parameter per statement: a round trip per row would dominate a 31,000-article run. */
async function insertJson(
  w: Writer,
  sql: string,
  rows: readonly unknown[],
  extra: readonly SqlValue[] = [],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await w.run(sql, [JSON.stringify(rows.slice(i, i + CHUNK)), ...extra]);
}

/**
 * Writes a run's stories. Returns null, writing nothing, when the run is stale: it was incremental and another run
 * was stored since it read the stories (a full rebuild renumbers them, so its story ids no longer mean what the run
 * read). Articles deleted while it computed are left out.
 */
export async function saveClusterRun(
  w: Writer,
  result: ClusterJobResult,
  options: ClusterOptions,
  now: string,
  seconds: number,
): Promise<ClusterRunInfo | null> {
  const generation = await storedGeneration(w);
  if (result.mode === 'incremental' && generation !== result.basedOn) return null;
  if (result.mode === 'full') {
    await w.run('DELETE FROM cluster_members');
    await w.run('DELETE FROM clusters');
  } else {
    await insertJson(
      w,
      'DELETE FROM cluster_members WHERE article_id IN (SELECT value FROM json_each(?))',
      result.placements.map((p) => p.id),
    );
  }
  // New stories get ids after the highest one; the write lock makes that safe.
  const base = ((await w.get<{ n: number | null }>('SELECT max(id) AS n FROM clusters'))?.n ?? 0) + 1;
  const idOf = (cluster: number): number => (cluster < 0 ? base - cluster - 1 : cluster);
  const newIds = [...new Set(result.placements.filter((p) => p.cluster < 0).map((p) => idOf(p.cluster)))];
  await insertJson(
    w,
    'INSERT INTO clusters (id, created_at, updated_at) SELECT value, ?2, ?2 FROM json_each(?1)',
    newIds,
    [now],
  );
  const touched = [...new Set(result.placements.filter((p) => p.cluster > 0).map((p) => p.cluster))];
  await insertJson(w, 'UPDATE clusters SET updated_at = ?2 WHERE id IN (SELECT value FROM json_each(?1))', touched, [
    now,
  ]);
  // An article deleted while the run was computing is skipped.
  await insertJson(
    w,
    `INSERT INTO cluster_members (article_id, cluster_id, similarity)
       SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE EXISTS (SELECT 1 FROM articles WHERE id = value ->> 0)`,
    result.placements.map((p) => [
      p.id,
      idOf(p.cluster),
      p.similarity === null ? null : Math.round(p.similarity * 1e4) / 1e4,
    ]),
  );
  await writeSignatures(w, result.signatures);
  // Threads: merged threads first (their stories move to the surviving name), then each changed story's.
  const merged = new Map<number, number>();
  for (const t of result.threads) for (const old of t.merged) merged.set(old, idOf(t.thread!));
  await insertJson(
    w,
    'UPDATE clusters SET thread_id = value ->> 1 FROM json_each(?) WHERE clusters.thread_id = value ->> 0',
    [...merged],
  );
  await insertJson(
    w,
    'UPDATE clusters SET thread_id = value ->> 1 FROM json_each(?) WHERE clusters.id = value ->> 0',
    result.threads.map((t) => [idOf(t.cluster), t.thread === null ? null : idOf(t.thread)]),
  );
  // A headline article deleted while the run was computing is no headline (the story's list shows its first member).
  await insertJson(
    w,
    `UPDATE clusters SET headline_id = value ->> 1 FROM json_each(?) WHERE clusters.id = value ->> 0
        AND EXISTS (SELECT 1 FROM articles WHERE id = value ->> 1)`,
    result.headlines.map((h) => [idOf(h.cluster), h.articleId]),
  );
  await w.run(
    'DELETE FROM clusters WHERE NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.cluster_id = clusters.id)',
  );
  // A thread named by a story that no longer exists, or left with one story, is no thread.
  await w.run(
    `UPDATE clusters SET thread_id = NULL WHERE thread_id IS NOT NULL AND thread_id IN
       (SELECT thread_id FROM clusters WHERE thread_id IS NOT NULL GROUP BY thread_id HAVING count(*) < 2)`,
  );
  const counts = await w.get<{ clusters: number; stories: number }>(
    `SELECT count(*) AS clusters, coalesce(sum(n >= 2), 0) AS stories FROM (SELECT count(*) AS n FROM cluster_members GROUP BY cluster_id)`,
  );
  const info: ClusterRunInfo = {
    mode: result.mode,
    at: now,
    seconds: Math.round(seconds * 1000) / 1000,
    placed: result.placements.length - result.moved,
    analysed: result.analysed,
    clusters: counts?.clusters ?? 0,
    stories: counts?.stories ?? 0,
  };
  const state: Array<[string, SqlValue]> = [
    ['settings', settingsKey(options)],
    ['options', JSON.stringify(options)],
    ['df', asBuffer(result.df)],
    ['lastRun', JSON.stringify(info)],
    ['generation', String(generation + 1)],
  ];
  for (const [key, value] of state)
    await w.run('INSERT OR REPLACE INTO cluster_state (key, value) VALUES (?, ?)', [key, value]);
  return info;
}

export async function lastClusterRun(db: Database): Promise<ClusterRunInfo | null> {
  const row = await db.get<{ value: string | Buffer | null }>("SELECT value FROM cluster_state WHERE key = 'lastRun'");
  return row?.value ? (JSON.parse(String(row.value)) as ClusterRunInfo) : null;
}

export async function storedClusterOptions(db: Database): Promise<Partial<ClusterOptions>> {
  const row = await db.get<{ value: string | Buffer | null }>("SELECT value FROM cluster_state WHERE key = 'options'");
  return row?.value ? (JSON.parse(String(row.value)) as Partial<ClusterOptions>) : {};
}

/** Articles not in any story yet (imported since the last run). */
export async function countUnclustered(db: Database): Promise<number> {
  const row = await db.get<{ n: number }>(
    'SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.article_id = a.id)',
  );
  return row?.n ?? 0;
}

/**
 * An article's day: its publication date, else the day it was imported
 * (kept as the signature's day). Read from the signature and from the
 * articles index that holds id, source and date, never from the article
 * rows themselves, whose long bodies make a scan of 31,000 slow.
 */
const DAY_OF = "coalesce(a.published_iso, date(sg.day * 86400, 'unixepoch'))";

interface ClusterAggRow {
  id: number;
  headline_id: number | null;
  thread_id: number | null;
  thread_stories: number | null;
  size: number;
  outlets: number;
  score: number | null;
  date_from: string | null;
  date_to: string | null;
}

interface Member {
  cluster_id: number;
  article_id: number;
  similarity: number | null;
}

/** A member's day for ordering: its publication date, else the day it was imported. */
const memberDay = (a: ArticleHead): string => a.publishedAt.iso ?? a.importedAt.slice(0, 10);

async function withMembers(db: Database, aggs: readonly ClusterAggRow[]): Promise<StoryClusterRow[]> {
  if (aggs.length === 0) return [];
  const members = await db.all<Member>(
    'SELECT cluster_id, article_id, similarity FROM cluster_members WHERE cluster_id IN (SELECT value FROM json_each(?))',
    [JSON.stringify(aggs.map((c) => c.id))],
  );
  const heads = await readArticleHeads(
    db,
    members.map((m) => m.article_id),
  );
  const rows = members
    .filter((m) => heads.has(m.article_id))
    .map((m) => ({ ...heads.get(m.article_id)!, cluster_id: m.cluster_id, similarity: m.similarity }))
    .sort((x, y) => {
      const dx = memberDay(x);
      const dy = memberDay(y);
      return dx < dy ? -1 : dx > dy ? 1 : x.id - y.id;
    });
  const byCluster = new Map<number, typeof rows>();
  for (const r of rows) byCluster.set(r.cluster_id, [...(byCluster.get(r.cluster_id) ?? []), r]);
  return aggs.map((c) => {
    const members = byCluster.get(c.id) ?? [];
    const headline = members.find((m) => m.id === c.headline_id) ?? members[0];
    return {
      title: headline?.title ?? '',
      thread:
        c.thread_id !== null && (c.thread_stories ?? 0) >= 2 ? { id: c.thread_id, stories: c.thread_stories! } : null,
      id: c.id,
      size: c.size,
      outletCount: c.outlets,
      outlets: [...new Set(members.map((m) => m.source).filter((s): s is string => s !== null))].sort(),
      score: c.score === null ? null : Math.round(c.score * 1000) / 1000,
      dateFrom: c.date_from,
      dateTo: c.date_to,
      articles: members.map((m) => ({
        id: m.id,
        title: m.title,
        source: m.source,
        sourceId: m.sourceId,
        publishedOriginal: m.publishedAt.original,
        publishedIso: m.publishedAt.iso,
        publishedPrecision: m.publishedAt.precision,
        lang: m.lang,
        dir: m.dir,
        url: m.url,
        similarity: m.similarity,
      })),
    };
  });
}

const AGG_COLUMNS = `m.cluster_id AS id, c.headline_id, c.thread_id,
       (SELECT count(*) FROM clusters t WHERE t.thread_id = c.thread_id) AS thread_stories, count(*) AS size, count(DISTINCT a.source_id) AS outlets, avg(m.similarity) AS score,
       min(${DAY_OF}) AS date_from, max(${DAY_OF}) AS date_to`;
const AGG_JOINS = `JOIN cluster_signatures sg ON sg.article_id = m.article_id JOIN articles a ON a.id = m.article_id
  JOIN clusters c ON c.id = m.cluster_id`;

export async function listClusters(
  db: Database,
  q: ClusterQuery,
): Promise<{ total: number; items: StoryClusterRow[] }> {
  const having: string[] = ['count(DISTINCT a.source_id) >= ?'];
  const params: SqlValue[] = [q.minSize];
  let where = '';
  if (q.sourceIds && q.sourceIds.length > 0) {
    where = `WHERE m.cluster_id IN (SELECT m2.cluster_id FROM cluster_members m2 JOIN articles a2 ON a2.id = m2.article_id WHERE a2.source_id IN (SELECT value FROM json_each(?)))`;
    params.push(JSON.stringify(q.sourceIds));
  }
  if (q.threadId !== undefined) {
    where = `${where ? `${where} AND` : 'WHERE'} c.thread_id = ?`;
    params.push(q.threadId);
  }
  params.push(q.minOutlets);
  // A story is in a date range when it overlaps it.
  if (q.dateFrom) {
    having.push(`max(${DAY_OF}) >= ?`);
    params.push(q.dateFrom);
  }
  if (q.dateTo) {
    having.push(`min(${DAY_OF}) <= ? || '-99'`);
    params.push(q.dateTo);
  }
  const order = {
    size: 'size DESC, date_to DESC, id',
    date: 'date_to DESC, size DESC, id',
    outlets: 'outlets DESC, date_to DESC, size DESC, id',
  }[q.sort];
  // Stories of one article are most clusters: size is counted on the members alone first.
  const base = `WITH big AS (SELECT cluster_id FROM cluster_members GROUP BY cluster_id HAVING count(*) >= ?)
    SELECT ${AGG_COLUMNS}, count(*) OVER () AS total
      FROM big JOIN cluster_members m ON m.cluster_id = big.cluster_id ${AGG_JOINS} ${where}
     GROUP BY m.cluster_id HAVING ${having.join(' AND ')}`;
  const aggs = await db.all<ClusterAggRow & { total: number }>(`${base} ORDER BY ${order} LIMIT ? OFFSET ?`, [
    ...params,
    q.limit,
    q.offset,
  ]);
  let total = aggs[0]?.total ?? 0;
  // Past the last page no row carries the total: count it.
  if (aggs.length === 0 && q.offset > 0)
    total = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM (${base})`, params))?.n ?? 0;
  return { total, items: await withMembers(db, aggs) };
}

/** One story by its id, or the story an article belongs to. */
export async function getCluster(
  db: Database,
  by: { clusterId?: number; articleId?: number },
): Promise<StoryClusterRow | null> {
  let id = by.clusterId;
  if (id === undefined && by.articleId !== undefined) {
    id = (
      await db.get<{ cluster_id: number }>('SELECT cluster_id FROM cluster_members WHERE article_id = ?', [
        by.articleId,
      ])
    )?.cluster_id;
  }
  if (id === undefined) return null;
  const aggs = await db.all<ClusterAggRow>(
    `SELECT ${AGG_COLUMNS} FROM cluster_members m ${AGG_JOINS} WHERE m.cluster_id = ? GROUP BY m.cluster_id`,
    [id],
  );
  return (await withMembers(db, aggs))[0] ?? null;
}

/**
 * Stores signatures computed by a run (articles deleted meanwhile are skipped). Blobs are bound as parameters, many
 * rows a statement (as hex in JSON they took seconds).
 */
export async function writeSignatures(w: Writer, signatures: readonly NewSignature[]): Promise<void> {
  const ROWS = 500;
  for (let i = 0; i < signatures.length; i += ROWS) {
    const chunk = signatures.slice(i, i + ROWS);
    await w.run(
      `INSERT OR REPLACE INTO cluster_signatures (article_id, content_hash, title, published_iso, day, terms, event)
         SELECT column1, column2, column3, column4, column5, column6, column7 FROM (VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')})
          WHERE EXISTS (SELECT 1 FROM articles WHERE id = column1)`,
      chunk.flatMap((s) => [
        s.articleId,
        s.contentHash,
        s.title,
        s.publishedIso,
        s.day,
        asBuffer(s.terms),
        asBuffer(s.event),
      ]),
    );
  }
}
