/**
 * Organizing the library beyond one article: tags across many articles,
 * source renames and merges, the library's languages, collection order.
 */
import { MizanError } from '../../../preload/contract/errors';
import type { ArticlePage, LanguageInfo, SourceInfo, TagInfo } from '../../../preload/contract/library';
import type { Database, Writer } from '../db/connection';
import { SUMMARY_COLUMNS, summaryOf, type ArticleRow } from './articleReader';
import { addArticleTags, getCollection, listSources, nameKey, requireArticle } from './libraryStore';

/**
 * Called around writes that change what an article's search document holds
 * (text, source). The search index wires itself in here; without it these
 * are no-ops (the FTS delete trigger still removes deleted articles).
 */
export interface ArticleWriteHooks {
  /** Before article `id` changes or goes, in the same transaction. */
  beforeChange?(w: Writer, id: number): Promise<void>;
  /** After article `id` was written or restored, in the same transaction. */
  afterChange?(w: Writer, id: number): Promise<void>;
}

type Reader = Pick<Database, 'get' | 'all'> | Writer;
// ---------------------------------------------------------------------------
// Tags

export async function tagArticles(w: Writer, articleIds: readonly number[], tags: readonly string[]): Promise<void> {
  for (const id of articleIds) {
    await requireArticle(w, id);
    await addArticleTags(w, id, tags);
  }
}

/** Removes tags from articles; a tag no article carries any more is deleted. */
export async function untagArticles(w: Writer, articleIds: readonly number[], tags: readonly string[]): Promise<void> {
  const keys = tags.map(nameKey);
  const ids = JSON.stringify(articleIds);
  const keyJson = JSON.stringify(keys);
  await w.run(
    `DELETE FROM article_tags WHERE article_id IN (SELECT value FROM json_each(?))
       AND tag_id IN (SELECT id FROM tags WHERE name_key IN (SELECT value FROM json_each(?)))`,
    [ids, keyJson],
  );
  await w.run(
    `DELETE FROM tags WHERE name_key IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM article_tags WHERE tag_id = tags.id)`,
    [keyJson],
  );
}

export async function tagInfo(db: Reader, id: number): Promise<TagInfo> {
  const row = await db.get<TagInfo>(
    'SELECT t.id, t.name, (SELECT count(*) FROM article_tags WHERE tag_id = t.id) AS articleCount FROM tags t WHERE t.id = ?',
    [id],
  );
  if (!row) throw new MizanError('NOT_FOUND', `no tag with id ${id}`);
  return row;
}

/** Renames a tag; onto another tag's name, the two become one. Returns the surviving tag's id. */
export async function renameTag(w: Writer, id: number, name: string): Promise<number> {
  await tagInfo(w, id);
  const key = nameKey(name);
  const other = await w.get<{ id: number }>('SELECT id FROM tags WHERE name_key = ? AND id <> ?', [key, id]);
  if (other) {
    await w.run(
      'INSERT OR IGNORE INTO article_tags (article_id, tag_id) SELECT article_id, ? FROM article_tags WHERE tag_id = ?',
      [other.id, id],
    );
    await w.run('DELETE FROM tags WHERE id = ?', [id]);
    return other.id;
  }
  await w.run('UPDATE tags SET name = ?, name_key = ? WHERE id = ?', [name.trim(), key, id]);
  return id;
}

export async function deleteTag(w: Writer, id: number): Promise<void> {
  const result = await w.run('DELETE FROM tags WHERE id = ?', [id]);
  if (result.changes === 0) throw new MizanError('NOT_FOUND', `no tag with id ${id}`);
}

// ---------------------------------------------------------------------------
// Sources

export async function sourceInfo(db: Reader, id: number): Promise<SourceInfo> {
  const found = (await listSources(db as Database)).find((s) => s.id === id);
  if (!found) throw new MizanError('NOT_FOUND', `no source with id ${id}`);
  return found;
}

async function articleIdsOfSource(w: Writer, sourceId: number): Promise<number[]> {
  return (await w.all<{ id: number }>('SELECT id FROM articles WHERE source_id = ?', [sourceId])).map((r) => r.id);
}

/** Folds `sourceIds` into `targetId`: their articles move, their names become aliases. */
export async function mergeSources(
  w: Writer,
  targetId: number,
  sourceIds: readonly number[],
  hooks: ArticleWriteHooks = {},
): Promise<void> {
  const target = await w.get<{ id: number }>('SELECT id FROM sources WHERE id = ?', [targetId]);
  if (!target) throw new MizanError('NOT_FOUND', `no source with id ${targetId}`);
  for (const sourceId of new Set(sourceIds)) {
    if (sourceId === targetId) continue;
    const source = await w.get<{ name: string; name_key: string }>('SELECT name, name_key FROM sources WHERE id = ?', [
      sourceId,
    ]);
    if (!source) throw new MizanError('NOT_FOUND', `no source with id ${sourceId}`);
    const moved = await articleIdsOfSource(w, sourceId);
    for (const id of moved) await hooks.beforeChange?.(w, id);
    await w.run('UPDATE articles SET source_id = ? WHERE source_id = ?', [targetId, sourceId]);
    await w.run('UPDATE source_aliases SET source_id = ? WHERE source_id = ?', [targetId, sourceId]);
    await w.run(
      `INSERT INTO source_aliases (alias_key, alias, source_id) VALUES (?, ?, ?)
       ON CONFLICT(alias_key) DO UPDATE SET source_id = excluded.source_id`,
      [source.name_key, source.name, targetId],
    );
    await w.run('DELETE FROM sources WHERE id = ?', [sourceId]);
    for (const id of moved) await hooks.afterChange?.(w, id);
  }
}

/** Renames an outlet; the old name stays as an alias so later imports still land here. */
export async function renameSource(w: Writer, id: number, name: string, hooks: ArticleWriteHooks = {}): Promise<void> {
  const source = await w.get<{ name: string; name_key: string }>('SELECT name, name_key FROM sources WHERE id = ?', [
    id,
  ]);
  if (!source) throw new MizanError('NOT_FOUND', `no source with id ${id}`);
  const key = nameKey(name);
  const clash = await w.get<{ id: number }>(
    'SELECT id FROM sources WHERE name_key = ? AND id <> ? UNION SELECT source_id FROM source_aliases WHERE alias_key = ? AND source_id <> ?',
    [key, id, key, id],
  );
  if (clash) throw new MizanError('CONFLICT', `another source is already called "${name}": merge the two instead`);
  const moved = await articleIdsOfSource(w, id);
  for (const articleId of moved) await hooks.beforeChange?.(w, articleId);
  if (source.name_key !== key) {
    await w.run('INSERT OR REPLACE INTO source_aliases (alias_key, alias, source_id) VALUES (?, ?, ?)', [
      source.name_key,
      source.name,
      id,
    ]);
  }
  await w.run('DELETE FROM source_aliases WHERE alias_key = ?', [key]);
  await w.run('UPDATE sources SET name = ?, name_key = ? WHERE id = ?', [name.trim(), key, id]);
  for (const articleId of moved) await hooks.afterChange?.(w, articleId);
}

// ---------------------------------------------------------------------------
// Languages, collection order

export async function listLanguages(db: Reader): Promise<LanguageInfo[]> {
  return db.all<LanguageInfo>(
    'SELECT lang AS code, count(*) AS articleCount FROM articles GROUP BY lang ORDER BY articleCount DESC, lang',
  );
}

export async function listCollectionArticles(
  db: Reader,
  collectionId: number,
  offset: number,
  limit: number,
): Promise<ArticlePage> {
  const info = await getCollection(db as Database, collectionId);
  const rows = await db.all<ArticleRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM collection_items ci JOIN articles a ON a.id = ci.article_id LEFT JOIN sources s ON s.id = a.source_id
     WHERE ci.collection_id = ? ORDER BY ci.position, ci.article_id LIMIT ? OFFSET ?`,
    [collectionId, limit, offset],
  );
  return { total: info.articleCount, offset, items: rows.map(summaryOf) };
}

export async function moveCollectionItem(
  w: Writer,
  collectionId: number,
  articleId: number,
  beforeId: number | null,
  now: string,
): Promise<void> {
  await getCollection(w, collectionId);
  const order = (
    await w.all<{ article_id: number }>(
      'SELECT article_id FROM collection_items WHERE collection_id = ? ORDER BY position, article_id',
      [collectionId],
    )
  ).map((r) => r.article_id);
  const from = order.indexOf(articleId);
  if (from < 0) throw new MizanError('INVALID_ARGUMENT', `article ${articleId} is not in collection ${collectionId}`);
  if (beforeId === articleId) return;
  order.splice(from, 1);
  let to = beforeId === null ? order.length : order.indexOf(beforeId);
  if (to < 0) throw new MizanError('INVALID_ARGUMENT', `article ${beforeId} is not in collection ${collectionId}`);
  order.splice(to, 0, articleId);
  // Renumber only what changed place.
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  for (to = lo; to <= hi; to++) {
    await w.run('UPDATE collection_items SET position = ? WHERE collection_id = ? AND article_id = ?', [
      to + 1,
      collectionId,
      order[to]!,
    ]);
  }
  // Positions before `lo` may have had gaps; make the whole list dense once.
  const dense = await w.get<{ bad: number }>(
    'SELECT count(*) AS bad FROM (SELECT position, row_number() OVER (ORDER BY position, article_id) AS n FROM collection_items WHERE collection_id = ?) WHERE position <> n',
    [collectionId],
  );
  if ((dense?.bad ?? 0) > 0) {
    for (const [i, id] of order.entries()) {
      await w.run('UPDATE collection_items SET position = ? WHERE collection_id = ? AND article_id = ?', [
        i + 1,
        collectionId,
        id,
      ]);
    }
  }
  await w.run('UPDATE collections SET updated_at = ? WHERE id = ?', [now, collectionId]);
}
