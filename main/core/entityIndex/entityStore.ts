/**
 * Writes of the entity index: an extracted batch replaces what the index held
 * for its articles, in one transaction. Rows go in through json_each (one
 * statement per table, not one per row: each statement is a round trip to
 * SQLite's thread pool). Counts are kept by the triggers of migration 10.
 */
import type { Database, Writer } from '../db/connection';
import { usualPlaceName } from '../entities/fold';
import type { ArticleText, FoundMention } from './extractTask';

type Reader = Pick<Database, 'get' | 'all'> | Writer;

export interface Extracted {
  id: number;
  /** The article's updated_at when its text was read: a later edit leaves it queued. */
  updatedAt: string;
  mentions: FoundMention[];
}

export type ReadArticle = ArticleText & { updatedAt: string };

/** Queued articles in id order, after `afterId`, with their text. */
export async function readQueued(db: Reader, afterId: number, limit: number): Promise<ReadArticle[]> {
  return db.all<ReadArticle>(
    `SELECT a.id, a.title, a.body, a.lang, a.published_iso AS publishedAt, a.updated_at AS updatedAt
     FROM entity_queue q JOIN articles a ON a.id = q.article_id
     WHERE q.article_id > ? ORDER BY q.article_id LIMIT ?`,
    [afterId, limit],
  );
}

type Spellings = Array<[string, number]>;

function sortSpellings(counts: Map<string, number>): Spellings {
  return [...counts]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
}

/** The entity's name: a country's usual name (السعودية), whichever of its names articles write most; else the most written. */
function shownName(kind: string, key: string, sorted: Spellings): string {
  return (kind === 'place' ? usualPlaceName(key) : undefined) ?? sorted[0]![0];
}

/** Stores a batch; returns the ids stored (an article edited since it was read stays queued). */
export async function storeExtracted(w: Writer, batch: readonly Extracted[]): Promise<number[]> {
  if (batch.length === 0) return [];
  const current = await w.all<{ id: number; updatedAt: string }>(
    'SELECT id, updated_at AS updatedAt FROM articles WHERE id IN (SELECT value FROM json_each(?))',
    [JSON.stringify(batch.map((b) => b.id))],
  );
  const stamp = new Map(current.map((r) => [r.id, r.updatedAt]));
  const kept = batch.filter((b) => stamp.get(b.id) === b.updatedAt);
  const keptIds = JSON.stringify(kept.map((b) => b.id));
  // Old rows out first: their trigger marks the entities they leave as stale.
  await w.run('DELETE FROM entity_articles WHERE article_id IN (SELECT value FROM json_each(?))', [keptIds]);
  await w.run('DELETE FROM entity_mentions WHERE article_id IN (SELECT value FROM json_each(?))', [keptIds]);

  // Entities of the batch, each with its readable name per article.
  const entityOf = new Map<string, { kind: string; key: string; names: Map<string, number> }>();
  const perArticle: Array<[string, number, number, string]> = [];
  for (const b of kept) {
    const here = new Map<string, { n: number; name: string }>();
    for (const m of b.mentions) {
      const k = `${m.kind}\u0000${m.key}`;
      const h = here.get(k);
      if (h) h.n++;
      else here.set(k, { n: 1, name: m.name });
    }
    for (const [k, h] of here) {
      const [kind, key] = k.split('\u0000') as [string, string];
      const e = entityOf.get(k) ?? { kind, key, names: new Map<string, number>() };
      e.names.set(h.name, (e.names.get(h.name) ?? 0) + 1);
      entityOf.set(k, e);
      perArticle.push([k, b.id, h.n, h.name]);
    }
  }
  const wanted = [...entityOf.values()];
  if (wanted.length > 0) {
    await w.run(
      `INSERT INTO entities (kind, key, canonical)
       SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true
       ON CONFLICT (kind, key) DO NOTHING`,
      [JSON.stringify(wanted.map((e) => [e.kind, e.key, [...e.names.keys()][0]]))],
    );
  }
  const rows =
    wanted.length === 0
      ? []
      : await w.all<{ id: number; kind: string; key: string; spellings: string }>(
          `SELECT e.id, e.kind, e.key, e.spellings FROM json_each(?) j
           JOIN entities e ON e.kind = j.value ->> 0 AND e.key = j.value ->> 1`,
          [JSON.stringify(wanted.map((e) => [e.kind, e.key]))],
        );
  const idOf = new Map(rows.map((r) => [`${r.kind}\u0000${r.key}`, r.id]));
  await w.run(
    `INSERT INTO entity_articles (entity_id, article_id, mentions, name)
     SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)`,
    [JSON.stringify(perArticle.map(([k, id, n, name]) => [idOf.get(k)!, id, n, name]))],
  );
  const mentions: Array<[number, number, number, number, number, string]> = [];
  for (const b of kept)
    for (const m of b.mentions)
      mentions.push([b.id, m.field, m.start, m.end, idOf.get(`${m.kind}\u0000${m.key}`)!, m.text]);
  await w.run(
    `INSERT OR IGNORE INTO entity_mentions (article_id, field, start_offset, end_offset, entity_id, text)
     SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?)`,
    [JSON.stringify(mentions)],
  );

  // Spellings: this batch's names added to what the entity had. Stale entities are counted again below.
  const stale = new Set((await w.all<{ id: number }>('SELECT entity_id AS id FROM entity_stale')).map((r) => r.id));
  const updates: Array<[number, string, string]> = [];
  for (const r of rows) {
    if (stale.has(r.id)) continue;
    const counts = new Map<string, number>(JSON.parse(r.spellings) as Spellings);
    for (const [name, n] of entityOf.get(`${r.kind}\u0000${r.key}`)!.names)
      counts.set(name, (counts.get(name) ?? 0) + n);
    const sorted = sortSpellings(counts);
    updates.push([r.id, shownName(r.kind, r.key, sorted), JSON.stringify(sorted)]);
  }
  await writeSpellings(w, updates);
  await settleStale(w);
  await w.run(
    `DELETE FROM entity_queue WHERE article_id IN (SELECT value FROM json_each(?))
       OR article_id NOT IN (SELECT id FROM articles)`,
    [keptIds],
  );
  return kept.map((b) => b.id);
}

async function writeSpellings(w: Writer, updates: ReadonlyArray<[number, string, string]>): Promise<void> {
  if (updates.length === 0) return;
  await w.run(
    `UPDATE entities SET canonical = j.value ->> 1, spellings = j.value ->> 2
     FROM json_each(?) j WHERE entities.id = j.value ->> 0`,
    [JSON.stringify(updates)],
  );
}

/**
 * Entities that lost articles (an edit or a delete): gone when no article
 * names them any more, else their spellings counted again from entity_articles.
 */
export async function settleStale(w: Writer): Promise<void> {
  const stale = await w.all<{ id: number }>('SELECT entity_id AS id FROM entity_stale');
  if (stale.length === 0) return;
  await w.run('DELETE FROM entities WHERE id IN (SELECT entity_id FROM entity_stale) AND article_count <= 0');
  const names = await w.all<{ id: number; kind: string; key: string; name: string; n: number }>(
    `SELECT ea.entity_id AS id, e.kind, e.key, ea.name, count(*) AS n
     FROM entity_articles ea JOIN entities e ON e.id = ea.entity_id
     WHERE ea.entity_id IN (SELECT entity_id FROM entity_stale) GROUP BY ea.entity_id, ea.name`,
  );
  const byEntity = new Map<number, { kind: string; key: string; counts: Map<string, number> }>();
  for (const r of names) {
    const e = byEntity.get(r.id) ?? { kind: r.kind, key: r.key, counts: new Map<string, number>() };
    e.counts.set(r.name, r.n);
    byEntity.set(r.id, e);
  }
  const updates: Array<[number, string, string]> = [];
  for (const [id, { kind, key, counts }] of byEntity) {
    const sorted = sortSpellings(counts);
    if (sorted.length > 0) updates.push([id, shownName(kind, key, sorted), JSON.stringify(sorted)]);
  }
  await writeSpellings(w, updates);
  await w.run('DELETE FROM entity_stale');
}

/**
 * Queues every article when the index was filled by another reading of the
 * extractor (or by none recorded: a library from before the record), and
 * records the running one; true when it did. The old rows stay until each
 * article's new reading replaces them, so the lists never empty meanwhile.
 */
export async function requeueForExtractor(db: Database, version: number): Promise<boolean> {
  const stored = await db.get<{ value: string }>("SELECT value FROM entity_meta WHERE key = 'extractor'");
  if (stored?.value === String(version)) return false;
  await db.write(async (w) => {
    await w.run('INSERT OR IGNORE INTO entity_queue (article_id) SELECT id FROM articles');
    await w.run(
      "INSERT INTO entity_meta (key, value) VALUES ('extractor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [String(version)],
    );
  });
  return true;
}

export async function queueState(db: Reader): Promise<{ queued: number; articles: number }> {
  const row = await db.get<{ queued: number; articles: number }>(
    'SELECT (SELECT count(*) FROM entity_queue) AS queued, (SELECT count(*) FROM articles) AS articles',
  );
  return row ?? { queued: 0, articles: 0 };
}
