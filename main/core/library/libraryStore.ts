/**
 * Writes of articles; sources, tags and collections in the library database
 * (articles are read through articleReader.ts).
 * Writes take a `Writer` so callers decide the transaction; reads go through
 * the reader connection and see committed data only.
 */
import { MizanError } from '../../../preload/contract/errors';
import type { CollectionInfo, SourceInfo, TagInfo } from '../../../preload/contract/library';
import type { Direction } from '../../../preload/contract/shapes';
import type { Database, SqlValue, Writer } from '../db/connection';
import { bandKeys, estimateSimilarity, signatureFromBytes, signatureToBytes, type Signature } from './minhash';
import type { BandIndex } from './bandIndex';
import type { ParsedArticle } from './newArticle';
import { parseDate } from '../text/dates';
import { nameKey } from '../../../common/text/names';

const SEP = '\u001f';

export { nameKey };

// ---------------------------------------------------------------------------
// Sources

/** The id of the outlet called `name` (or one of its aliases); created if new. */
export async function resolveSource(w: Writer, name: string, now: string): Promise<number> {
  const key = nameKey(name);
  const alias = await w.get<{ source_id: number }>('SELECT source_id FROM source_aliases WHERE alias_key = ?', [key]);
  if (alias) return alias.source_id;
  const existing = await w.get<{ id: number }>('SELECT id FROM sources WHERE name_key = ?', [key]);
  if (existing) return existing.id;
  const inserted = await w.run('INSERT INTO sources (name, name_key, created_at) VALUES (?, ?, ?)', [name, key, now]);
  return inserted.lastID;
}

export async function listSources(db: Database): Promise<SourceInfo[]> {
  const rows = await db.all<{ id: number; name: string; aliases: string | null; n: number }>(
    `SELECT s.id, s.name,
       (SELECT group_concat(alias, char(31)) FROM source_aliases WHERE source_id = s.id) AS aliases,
       (SELECT count(*) FROM articles WHERE source_id = s.id) AS n
     FROM sources s ORDER BY n DESC, s.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    aliases: r.aliases ? r.aliases.split(SEP) : [],
    articleCount: r.n,
  }));
}

// ---------------------------------------------------------------------------
// Articles

export async function findByContentHash(w: Writer, hash: string): Promise<{ id: number; title: string } | undefined> {
  return w.get<{ id: number; title: string }>('SELECT id, title FROM articles WHERE content_hash = ?', [hash]);
}

const ARTICLE_COLUMNS = `title, body, author, source_id, published_original, published_iso, published_precision,
  lang, dir, url, content_hash, origin_path, origin_format, encoding, word_count, imported_at, updated_at, body_html`;
const ARTICLE_PLACEHOLDERS = Array.from({ length: 18 }, () => '?').join(', ');

function articleValues(article: ParsedArticle, sourceId: number | null, now: string): SqlValue[] {
  return [
    article.title,
    article.body,
    article.author,
    sourceId,
    article.published?.original ?? null,
    article.published?.iso ?? null,
    article.published?.iso ? article.published.precision : null,
    article.lang,
    article.dir,
    article.url,
    article.contentHash,
    article.originPath,
    article.originFormat,
    article.encoding,
    article.wordCount,
    now,
    now,
    article.bodyHtml ?? null,
  ];
}

export async function insertArticle(
  w: Writer,
  article: ParsedArticle,
  sourceId: number | null,
  now: string,
): Promise<number> {
  const result = await w.run(
    `INSERT INTO articles (${ARTICLE_COLUMNS}) VALUES (${ARTICLE_PLACEHOLDERS})`,
    articleValues(article, sourceId, now),
  );
  return result.lastID;
}

/**
 * Stores articles with one statement per 100 (a round trip to SQLite's thread
 * per article cost ~0.5 ms in bulk imports). Their content hashes must be
 * distinct (the import stores no exact duplicate); the ids come back by hash.
 */
export async function insertArticles(
  w: Writer,
  articles: ReadonlyArray<{ article: ParsedArticle; sourceId: number | null }>,
  now: string,
): Promise<number[]> {
  const idOf = new Map<string, number>();
  for (const part of chunks(articles, 100)) {
    const rows = await w.all<{ id: number; content_hash: string }>(
      `INSERT INTO articles (${ARTICLE_COLUMNS}) VALUES ${part.map(() => `(${ARTICLE_PLACEHOLDERS})`).join(', ')} RETURNING id, content_hash`,
      part.flatMap((p) => articleValues(p.article, p.sourceId, now)),
    );
    for (const r of rows) idOf.set(r.content_hash, r.id);
  }
  return articles.map((a) => idOf.get(a.article.contentHash)!);
}

/** The stored article holding each content hash, if any (one statement per 400 hashes). */
export async function findByContentHashes(
  w: Writer,
  hashes: readonly string[],
): Promise<Map<string, { id: number; title: string }>> {
  const found = new Map<string, { id: number; title: string }>();
  for (const part of chunks(hashes, CHUNK)) {
    const rows = await w.all<{ id: number; title: string; content_hash: string }>(
      'SELECT id, title, content_hash FROM articles WHERE content_hash IN (SELECT value FROM json_each(?))',
      [JSON.stringify(part)],
    );
    for (const r of rows) found.set(r.content_hash, { id: r.id, title: r.title });
  }
  return found;
}

// ---------------------------------------------------------------------------
// Near-duplicates (signatures and LSH bands: minhash.ts)

export interface NearDuplicateMatch {
  /** The article just stored. */
  id: number;
  /** The earlier article it repeats. */
  twinId: number;
  similarity: number;
}

/** Rows of a multi-row statement per round trip: well under SQLite's variable limit. */
const CHUNK = 400;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Finds and records the near-duplicates among articles just stored in this
 * transaction (in import order), and stores their signatures. Each article
 * is compared with the stored articles that share an LSH band with it (the
 * in-memory `bands`, brought up to date here and extended with these
 * articles) and with the earlier ones of the same call; the most similar at
 * or above `threshold` is its twin (ties: the earliest). If the transaction
 * rolls back, the caller must forget `bands`.
 */
export async function storeNearDuplicates(
  w: Writer,
  stored: ReadonlyArray<{ id: number; signature: Signature }>,
  threshold: number,
  bands: BandIndex,
): Promise<NearDuplicateMatch[]> {
  if (stored.length === 0) return [];
  await bands.catchUp(w);
  const keysOf = stored.map((s) => bandKeys(s.signature));

  // Stored articles sharing a band with any of these, and their signatures.
  const byKey = new Map<number, number[]>();
  const candidateIds = new Set<number>();
  for (const keys of keysOf) {
    for (const key of keys) {
      if (byKey.has(key)) continue;
      const ids = bands.articlesWith(key);
      byKey.set(key, ids);
      for (const id of ids) candidateIds.add(id);
    }
  }
  const signatures = new Map<number, Signature>();
  for (const part of chunks([...candidateIds], CHUNK)) {
    const rows = await w.all<{ article_id: number; signature: Buffer }>(
      'SELECT article_id, signature FROM article_minhash WHERE article_id IN (SELECT value FROM json_each(?))',
      [JSON.stringify(part)],
    );
    for (const r of rows) signatures.set(r.article_id, signatureFromBytes(r.signature));
  }

  const matches: NearDuplicateMatch[] = [];
  stored.forEach(({ id, signature }, i) => {
    const candidates = new Set<number>();
    for (const key of keysOf[i]!) {
      for (const c of byKey.get(key) ?? []) candidates.add(c);
    }
    let best: NearDuplicateMatch | null = null;
    for (const c of [...candidates].sort((a, b) => a - b)) {
      const other = signatures.get(c);
      if (!other || c === id) continue;
      const similarity = estimateSimilarity(signature, other);
      if (similarity >= threshold && (!best || similarity > best.similarity)) best = { id, twinId: c, similarity };
    }
    if (best) matches.push({ ...best, similarity: Math.round(best.similarity * 1000) / 1000 });
    // Later articles of this call can match this one.
    signatures.set(id, signature);
    for (const key of keysOf[i]!) {
      const list = byKey.get(key);
      if (list) list.push(id);
      else byKey.set(key, [id]);
    }
  });

  for (const part of chunks(stored, CHUNK)) {
    await w.run(
      `INSERT INTO article_minhash (article_id, signature) VALUES ${part.map(() => '(?, ?)').join(', ')}`,
      part.flatMap((s) => [s.id, signatureToBytes(s.signature)]),
    );
  }
  for (const part of chunks(matches, CHUNK)) {
    await w.run(
      `INSERT OR REPLACE INTO near_duplicates (article_id, twin_id, similarity) VALUES ${part.map(() => '(?, ?, ?)').join(', ')}`,
      part.flatMap((m) => [m.id, m.twinId, m.similarity]),
    );
  }
  bands.add(stored.map((s, i) => ({ id: s.id, keys: keysOf[i]! })));
  return matches;
}

export async function deleteArticle(w: Writer, id: number): Promise<void> {
  const result = await w.run('DELETE FROM articles WHERE id = ?', [id]);
  if (result.changes === 0) throw new MizanError('NOT_FOUND', `no article with id ${id}`);
}

export async function requireArticle(w: Writer, id: number): Promise<void> {
  const row = await w.get('SELECT 1 AS x FROM articles WHERE id = ?', [id]);
  if (!row) throw new MizanError('NOT_FOUND', `no article with id ${id}`);
}

export async function countArticles(db: Database): Promise<number> {
  const row = await db.get<{ n: number }>('SELECT count(*) AS n FROM articles');
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------
// Tags

export async function setArticleTags(w: Writer, articleId: number, names: readonly string[]): Promise<void> {
  await w.run('DELETE FROM article_tags WHERE article_id = ?', [articleId]);
  await addArticleTags(w, articleId, names);
}

export async function addArticleTags(w: Writer, articleId: number, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const key = nameKey(name);
    await w.run('INSERT INTO tags (name, name_key) VALUES (?, ?) ON CONFLICT(name_key) DO NOTHING', [name.trim(), key]);
    await w.run('INSERT OR IGNORE INTO article_tags (article_id, tag_id) SELECT ?, id FROM tags WHERE name_key = ?', [
      articleId,
      key,
    ]);
  }
}

export async function listTags(db: Database): Promise<TagInfo[]> {
  return db.all<TagInfo>(
    `SELECT t.id, t.name, (SELECT count(*) FROM article_tags WHERE tag_id = t.id) AS articleCount
     FROM tags t ORDER BY t.name COLLATE NOCASE`,
  );
}

// ---------------------------------------------------------------------------
// Collections

const COLLECTION_COLUMNS = `c.id, c.name, c.description, c.created_at AS createdAt,
  (SELECT count(*) FROM collection_items WHERE collection_id = c.id) AS articleCount`;

export async function getCollection(db: Database | Writer, id: number): Promise<CollectionInfo> {
  const row = await db.get<CollectionInfo>(`SELECT ${COLLECTION_COLUMNS} FROM collections c WHERE c.id = ?`, [id]);
  if (!row) throw new MizanError('NOT_FOUND', `no collection with id ${id}`);
  return row;
}

export async function listCollections(db: Database): Promise<CollectionInfo[]> {
  return db.all<CollectionInfo>(`SELECT ${COLLECTION_COLUMNS} FROM collections c ORDER BY c.name COLLATE NOCASE`);
}

/** The collection called `name`, created if it does not exist yet. */
export async function ensureCollection(w: Writer, name: string, now: string, description?: string): Promise<number> {
  const key = nameKey(name);
  const existing = await w.get<{ id: number }>('SELECT id FROM collections WHERE name_key = ?', [key]);
  if (existing) return existing.id;
  const inserted = await w.run(
    'INSERT INTO collections (name, name_key, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    [name.trim(), key, description ?? null, now, now],
  );
  return inserted.lastID;
}

export async function createCollection(w: Writer, name: string, now: string, description?: string): Promise<number> {
  const existing = await w.get<{ id: number }>('SELECT id FROM collections WHERE name_key = ?', [nameKey(name)]);
  if (existing) throw new MizanError('CONFLICT', `a collection called "${name}" already exists`);
  return ensureCollection(w, name, now, description);
}

export async function renameCollection(w: Writer, id: number, name: string, now: string): Promise<void> {
  const clash = await w.get<{ id: number }>('SELECT id FROM collections WHERE name_key = ? AND id <> ?', [
    nameKey(name),
    id,
  ]);
  if (clash) throw new MizanError('CONFLICT', `a collection called "${name}" already exists`);
  const result = await w.run('UPDATE collections SET name = ?, name_key = ?, updated_at = ? WHERE id = ?', [
    name.trim(),
    nameKey(name),
    now,
    id,
  ]);
  if (result.changes === 0) throw new MizanError('NOT_FOUND', `no collection with id ${id}`);
}

export async function deleteCollection(w: Writer, id: number): Promise<void> {
  const result = await w.run('DELETE FROM collections WHERE id = ?', [id]);
  if (result.changes === 0) throw new MizanError('NOT_FOUND', `no collection with id ${id}`);
}

/** Appends articles at the end of the collection, keeping those already in it where they are. */
export async function addToCollection(
  w: Writer,
  collectionId: number,
  articleIds: readonly number[],
  now: string,
): Promise<void> {
  await getCollection(w, collectionId);
  const last = await w.get<{ p: number | null }>(
    'SELECT max(position) AS p FROM collection_items WHERE collection_id = ?',
    [collectionId],
  );
  let position = (last?.p ?? 0) + 1;
  for (const articleId of articleIds) {
    await requireArticle(w, articleId);
    const added = await w.run(
      'INSERT OR IGNORE INTO collection_items (collection_id, article_id, position, added_at) VALUES (?, ?, ?, ?)',
      [collectionId, articleId, position, now],
    );
    if (added.changes > 0) position++;
  }
  await w.run('UPDATE collections SET updated_at = ? WHERE id = ?', [now, collectionId]);
}

export async function removeFromCollection(
  w: Writer,
  collectionId: number,
  articleIds: readonly number[],
  now: string,
): Promise<void> {
  await getCollection(w, collectionId);
  for (const articleId of articleIds) {
    await w.run('DELETE FROM collection_items WHERE collection_id = ? AND article_id = ?', [collectionId, articleId]);
  }
  await w.run('UPDATE collections SET updated_at = ? WHERE id = ?', [now, collectionId]);
}

/** Puts `articleIds` first, in that order; members not named keep their relative order after them. */
export async function reorderCollection(
  w: Writer,
  collectionId: number,
  articleIds: readonly number[],
  now: string,
): Promise<void> {
  await getCollection(w, collectionId);
  const members = await w.all<{ article_id: number }>(
    'SELECT article_id FROM collection_items WHERE collection_id = ? ORDER BY position',
    [collectionId],
  );
  const memberSet = new Set(members.map((m) => m.article_id));
  for (const id of articleIds) {
    if (!memberSet.has(id))
      throw new MizanError('INVALID_ARGUMENT', `article ${id} is not in collection ${collectionId}`);
  }
  const named = new Set(articleIds);
  const order = [...articleIds, ...members.map((m) => m.article_id).filter((id) => !named.has(id))];
  for (const [i, id] of order.entries()) {
    await w.run('UPDATE collection_items SET position = ? WHERE collection_id = ? AND article_id = ?', [
      i + 1,
      collectionId,
      id,
    ]);
  }
  await w.run('UPDATE collections SET updated_at = ? WHERE id = ?', [now, collectionId]);
}

// ---------------------------------------------------------------------------
// Editing

export interface ArticlePatch {
  title?: string;
  author?: string | null;
  source?: string | null;
  publishedAt?: string | null;
  lang?: string;
  dir?: Direction;
  url?: string | null;
  tags?: string[];
}

export async function updateArticle(w: Writer, id: number, patch: ArticlePatch, now: string): Promise<void> {
  const sets: string[] = [];
  const params: SqlValue[] = [];
  const set = (column: string, value: SqlValue) => {
    sets.push(`${column} = ?`);
    params.push(value);
  };
  if (patch.title !== undefined) set('title', patch.title.trim());
  if (patch.author !== undefined) set('author', patch.author?.trim() || null);
  if (patch.url !== undefined) set('url', patch.url?.trim() || null);
  if (patch.lang !== undefined) set('lang', patch.lang.toLowerCase());
  if (patch.dir !== undefined) set('dir', patch.dir);
  if (patch.source !== undefined)
    set('source_id', patch.source ? await resolveSource(w, patch.source.trim(), now) : null);
  if (patch.publishedAt !== undefined) {
    const original = patch.publishedAt?.trim() || null;
    const parsed = original ? parseDate(original) : null;
    if (original && !parsed)
      throw new MizanError('INVALID_ARGUMENT', `publishedAt: "${original}" is not a date Mizan can read`);
    set('published_original', original);
    set('published_iso', parsed?.iso ?? null);
    set('published_precision', parsed?.precision ?? null);
  }
  set('updated_at', now);
  await w.run(`UPDATE articles SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
  if (patch.tags !== undefined) await setArticleTags(w, id, patch.tags);
}
