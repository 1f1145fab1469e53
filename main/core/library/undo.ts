/**
 * Delete with undo (an article's rows kept as a snapshot the renderer hands
 * back to restore) and an edited re-import that keeps the article's
 * highlights and notes.
 */
import { MizanError } from '../../../preload/contract/errors';
import type { ArticleSnapshot } from '../../../preload/contract/library';
import type { Database, SqlValue, Writer } from '../db/connection';
import { normalizeForMatching } from '../../../common/text/normalize';
import { addArticleTags, deleteArticle, requireArticle } from './libraryStore';
import { minhashSignature, signatureToBytes } from './minhash';
import type { ArticleWriteHooks } from './organizing';

type Reader = Pick<Database, 'get' | 'all'> | Writer;

// ---------------------------------------------------------------------------
// Delete with undo

type Row = Record<string, string | number | null>;

function jsonRow(row: Record<string, SqlValue>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (typeof v === 'string' || typeof v === 'number' || v === null) out[k] = v;
    else if (typeof v === 'bigint') out[k] = Number(v);
    // Blobs (none in these tables today) do not travel as JSON.
  }
  return out;
}

async function tableExists(w: Reader, table: string): Promise<boolean> {
  return (
    (await w.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = ?", [table]))
      ?.n === 1
  );
}

async function columnsOf(w: Reader, table: string): Promise<Set<string>> {
  // Table names here come from a fixed list, never from input.
  return new Set((await w.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)).map((r) => r.name));
}

export async function snapshotArticle(w: Writer, id: number): Promise<ArticleSnapshot> {
  const article = await w.get<Record<string, SqlValue>>('SELECT * FROM articles WHERE id = ?', [id]);
  if (!article) throw new MizanError('NOT_FOUND', `no article with id ${id}`);
  const tags = (
    await w.all<{ name: string }>(
      'SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ?',
      [id],
    )
  ).map((r) => r.name);
  const collections = (
    await w.all<{ collection_id: number; position: number; added_at: string }>(
      'SELECT collection_id, position, added_at FROM collection_items WHERE article_id = ?',
      [id],
    )
  ).map((r) => ({ collectionId: r.collection_id, position: r.position, addedAt: r.added_at }));
  const highlights = (
    await w.all<Record<string, SqlValue>>('SELECT * FROM highlights WHERE article_id = ? ORDER BY id', [id])
  ).map(jsonRow);
  const noteIds = (await w.all<{ id: number }>('SELECT id FROM notes WHERE article_id = ?', [id])).map((r) => r.id);
  const related: ArticleSnapshot['related'] = [];
  if (await tableExists(w, 'dossier_items')) {
    const cols = await columnsOf(w, 'dossier_items');
    const where = ['article_id = ?'];
    const params: SqlValue[] = [id];
    if (cols.has('highlight_id') && highlights.length > 0) {
      where.push(`highlight_id IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(highlights.map((h) => h['id'])));
    }
    for (const row of await w.all<Record<string, SqlValue>>(
      `SELECT * FROM dossier_items WHERE ${where.join(' OR ')}`,
      params,
    )) {
      related.push({ table: 'dossier_items', row: jsonRow(row) });
    }
  }
  if (await tableExists(w, 'comparison_articles')) {
    for (const row of await w.all<Record<string, SqlValue>>('SELECT * FROM comparison_articles WHERE article_id = ?', [
      id,
    ])) {
      related.push({ table: 'comparison_articles', row: jsonRow(row) });
    }
  }
  // Its link to the article it repeats, and the links of its copies to it (both go with it by cascade).
  for (const row of await w.all<Record<string, SqlValue>>(
    'SELECT * FROM near_duplicates WHERE article_id = ? OR twin_id = ?',
    [id, id],
  )) {
    related.push({ table: 'near_duplicates', row: jsonRow(row) });
  }
  return { article: jsonRow(article), tags, collections, highlights, noteIds, related };
}

export async function deleteArticles(
  w: Writer,
  ids: readonly number[],
  hooks: ArticleWriteHooks = {},
): Promise<ArticleSnapshot[]> {
  const snapshots: ArticleSnapshot[] = [];
  for (const id of new Set(ids)) {
    snapshots.push(await snapshotArticle(w, id));
    await hooks.beforeChange?.(w, id);
    await deleteArticle(w, id);
  }
  return snapshots;
}

/** Inserts `row` into `table` using only the columns the table has; `overrides` win. */
async function insertRow(
  w: Writer,
  table: string,
  row: Row,
  overrides: Row = {},
  omit: readonly string[] = [],
): Promise<number> {
  const columns = await columnsOf(w, table);
  const values: Row = { ...row, ...overrides };
  const names = Object.keys(values).filter((k) => columns.has(k) && !omit.includes(k));
  const result = await w.run(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    names.map((n) => values[n] ?? null),
  );
  return result.lastID;
}

async function idFree(w: Writer, table: string, id: unknown): Promise<boolean> {
  if (typeof id !== 'number') return false;
  return !(await w.get(`SELECT 1 AS x FROM ${table} WHERE id = ?`, [id]));
}

export interface RestoreResult {
  restored: { id: number; previousId: number }[];
  conflicts: { previousId: number; existingId: number }[];
}

/** Undo of deleteArticles: the article back with its id when it is still free, its tags, places, highlights and notes. */
export async function restoreArticles(
  w: Writer,
  snapshots: readonly ArticleSnapshot[],
  hooks: ArticleWriteHooks = {},
): Promise<RestoreResult> {
  const result: RestoreResult = { restored: [], conflicts: [] };
  for (const snap of snapshots) {
    const previousId = Number(snap.article['id']);
    const hash = snap.article['content_hash'];
    const twin =
      typeof hash === 'string'
        ? await w.get<{ id: number }>('SELECT id FROM articles WHERE content_hash = ?', [hash])
        : undefined;
    if (twin) {
      result.conflicts.push({ previousId, existingId: twin.id });
      continue;
    }
    // The source may have been merged or deleted meanwhile.
    const sourceId = snap.article['source_id'];
    const sourceOk = typeof sourceId === 'number' && !(await idFree(w, 'sources', sourceId));
    const keepId = await idFree(w, 'articles', previousId);
    const id = await insertRow(
      w,
      'articles',
      snap.article,
      { source_id: sourceOk ? sourceId : null },
      keepId ? [] : ['id'],
    );
    // The signature is not in the snapshot (a blob): computed again from the text, as the import did.
    const body = snap.article['body'];
    const signature = typeof body === 'string' ? minhashSignature(normalizeForMatching(body)) : null;
    if (signature)
      await w.run('INSERT INTO article_minhash (article_id, signature) VALUES (?, ?)', [
        id,
        signatureToBytes(signature),
      ]);
    if (snap.tags.length > 0) await addArticleTags(w, id, snap.tags);
    for (const c of snap.collections) {
      if (await idFree(w, 'collections', c.collectionId)) continue;
      await w.run(
        'INSERT OR IGNORE INTO collection_items (collection_id, article_id, position, added_at) VALUES (?, ?, ?, ?)',
        [c.collectionId, id, c.position, c.addedAt],
      );
    }
    const highlightIds = new Map<number, number>();
    for (const h of snap.highlights) {
      const oldId = Number(h['id']);
      const keep = await idFree(w, 'highlights', oldId);
      highlightIds.set(oldId, await insertRow(w, 'highlights', h, { article_id: id }, keep ? [] : ['id']));
    }
    if (snap.noteIds.length > 0) {
      await w.run(
        'UPDATE notes SET article_id = ? WHERE article_id IS NULL AND id IN (SELECT value FROM json_each(?))',
        [id, JSON.stringify(snap.noteIds)],
      );
    }
    for (const { table, row } of snap.related) {
      if (!(await tableExists(w, table))) continue;
      const overrides: Row = {};
      if (row['article_id'] === previousId) overrides['article_id'] = id;
      if (table === 'near_duplicates' && row['twin_id'] === previousId) overrides['twin_id'] = id;
      if (typeof row['highlight_id'] === 'number') {
        const mapped = highlightIds.get(row['highlight_id']);
        if (mapped === undefined) continue;
        overrides['highlight_id'] = mapped;
      }
      // A dossier section deleted meanwhile: the item comes back unsectioned rather than not at all.
      if (
        table === 'dossier_items' &&
        typeof row['section_id'] === 'number' &&
        !(await w.get('SELECT 1 AS x FROM dossier_sections WHERE id = ?', [row['section_id']]))
      ) {
        overrides['section_id'] = null;
      }
      try {
        const keep = table === 'dossier_items' ? await idFree(w, table, row['id']) : true;
        await insertRow(w, table, row, overrides, keep ? [] : ['id']);
      } catch {
        // Its dossier or comparison is gone too: nothing to put back.
      }
    }
    await hooks.afterChange?.(w, id);
    result.restored.push({ id, previousId });
  }
  return result;
}

// ---------------------------------------------------------------------------
// Edited re-import

/** Columns that are the article's text and where it came from, as opposed to what the user made of it. */
const TEXT_COLUMNS = [
  'body',
  'body_html',
  'content_hash',
  'word_count',
  'origin_path',
  'origin_format',
  'encoding',
  'lang',
  'dir',
];

export async function replaceBody(
  w: Writer,
  id: number,
  fromId: number,
  now: string,
  hooks: ArticleWriteHooks = {},
): Promise<void> {
  if (id === fromId) throw new MizanError('INVALID_ARGUMENT', 'an article cannot take its own text');
  await requireArticle(w, id);
  const from = await w.get<Record<string, SqlValue>>('SELECT * FROM articles WHERE id = ?', [fromId]);
  if (!from) throw new MizanError('NOT_FOUND', `no article with id ${fromId}`);
  const columns = await columnsOf(w, 'articles');
  const copied = TEXT_COLUMNS.filter((c) => columns.has(c) && c in from);
  // The new version's tags and places join the old article's.
  const tags = (
    await w.all<{ name: string }>(
      'SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ?',
      [fromId],
    )
  ).map((r) => r.name);
  const places = await w.all<{ collection_id: number }>(
    'SELECT collection_id FROM collection_items WHERE article_id = ?',
    [fromId],
  );
  await hooks.beforeChange?.(w, fromId);
  // content_hash is unique: the fresh copy goes first.
  await deleteArticle(w, fromId);
  await hooks.beforeChange?.(w, id);
  await w.run(`UPDATE articles SET ${copied.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`, [
    ...copied.map((c) => from[c] ?? null),
    now,
    id,
  ]);
  if (tags.length > 0) await addArticleTags(w, id, tags);
  for (const p of places) {
    const last = await w.get<{ p: number | null }>(
      'SELECT max(position) AS p FROM collection_items WHERE collection_id = ?',
      [p.collection_id],
    );
    await w.run(
      'INSERT OR IGNORE INTO collection_items (collection_id, article_id, position, added_at) VALUES (?, ?, ?, ?)',
      [p.collection_id, id, (last?.p ?? 0) + 1, now],
    );
  }
  await hooks.afterChange?.(w, id);
}
