/**
 * What the workbench (renderer issue 6) needs beyond the foundation's
 * library store: tags across many articles, source merges, the languages of
 * the library, collection order, delete with undo, an edited re-import that
 * keeps its highlights, and UI settings kept with the library. The handlers
 * for these contract methods are built here and spread into createServices.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import {
  MizanError,
  type ArticlePage,
  type ArticleSnapshot,
  type Handlers,
  type LanguageInfo,
  type SourceInfo,
  type TagInfo,
  type UiSettings,
} from '../../../preload/contract';
import type { Database, SqlValue, Writer } from '../db/connection';
import { minhashSignature, signatureToBytes } from '../importers/minhash';
import { normalizeForMatching } from '../text/normalize';
import * as annotations from './annotations';
import { forgetBandIndex } from './bandIndex';
import {
  addArticleTags,
  deleteArticle,
  getArticle,
  getCollection,
  listSources,
  nameKey,
  requireArticle,
  summaryOf,
  SUMMARY_COLUMNS,
  type ArticleRow,
} from './libraryStore';

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

async function tagInfo(db: Reader, id: number): Promise<TagInfo> {
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

async function sourceInfo(db: Reader, id: number): Promise<SourceInfo> {
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

// ---------------------------------------------------------------------------
// UI settings: a small JSON file beside the library.

const MAX_SETTINGS_BYTES = 512 * 1024;

export interface SettingsStore {
  get(): Promise<UiSettings>;
  set(values: UiSettings): Promise<void>;
}

export function createSettingsStore(path: string | null): SettingsStore {
  let cache: UiSettings | null = null;
  let writing: Promise<void> = Promise.resolve();
  async function load(): Promise<UiSettings> {
    if (cache) return cache;
    if (path === null) return (cache = {});
    try {
      const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
      cache = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as UiSettings) : {};
    } catch {
      // Missing or damaged: UI state is not worth failing over.
      cache = {};
    }
    return cache;
  }
  return {
    get: load,
    async set(values) {
      const next = { ...(await load()) };
      for (const [k, v] of Object.entries(values)) {
        if (v === null || v === undefined) delete next[k];
        else next[k] = v;
      }
      const text = JSON.stringify(next);
      if (text.length > MAX_SETTINGS_BYTES)
        throw new MizanError('INVALID_ARGUMENT', `settings over ${MAX_SETTINGS_BYTES} bytes`);
      cache = next;
      if (path === null) return;
      const target = path;
      // Writes queue up; each one replaces the file whole (write, then rename).
      writing = writing.then(async () => {
        await writeFile(`${target}.tmp`, text, 'utf8');
        await rename(`${target}.tmp`, target);
      });
      await writing;
    },
  };
}

// ---------------------------------------------------------------------------
// Handlers

export type WorkbenchMethod =
  | 'highlights.create'
  | 'highlights.update'
  | 'highlights.delete'
  | 'highlights.listForArticle'
  | 'highlights.listAll'
  | 'notes.create'
  | 'notes.update'
  | 'notes.delete'
  | 'notes.list'
  | 'library.tagArticles'
  | 'library.untagArticles'
  | 'library.renameTag'
  | 'library.deleteTag'
  | 'library.mergeSources'
  | 'library.renameSource'
  | 'library.listLanguages'
  | 'library.listCollectionArticles'
  | 'library.moveCollectionItem'
  | 'library.deleteArticles'
  | 'library.restoreArticles'
  | 'library.replaceBody'
  | 'app.settings.get'
  | 'app.settings.set';

export interface WorkbenchDeps {
  db: Database;
  now: () => Date;
  /** Where UI settings live; null keeps them in memory (tests, :memory: libraries). */
  settingsPath: string | null;
  hooks?: ArticleWriteHooks;
}

/** The settings file of a library file: `library.db` → `library.db.ui.json`. */
export function settingsPathFor(dbPath: string): string | null {
  return dbPath === ':memory:' ? null : `${dbPath}.ui.json`;
}

export function workbenchHandlers(deps: WorkbenchDeps): Pick<Handlers, WorkbenchMethod> {
  const { db } = deps;
  const hooks = deps.hooks ?? {};
  const stamp = () => deps.now().toISOString();
  const settings = createSettingsStore(deps.settingsPath);
  return {
    // Read back after the write: Database serves a read issued after a write with that write in view.
    'highlights.create': async (input) => {
      const id = await db.write((w) => annotations.createHighlight(w, input, stamp()));
      return annotations.getHighlight(db, id);
    },
    'highlights.update': async ({ id, ...patch }) => {
      await db.write((w) => annotations.updateHighlight(w, id, patch, stamp()));
      return annotations.getHighlight(db, id);
    },
    'highlights.delete': async ({ id }) => {
      await db.write((w) => annotations.deleteHighlight(w, id));
      return { ok: true };
    },
    'highlights.listForArticle': async ({ articleId }) => annotations.listHighlightsForArticle(db, articleId),
    'highlights.listAll': async (input) => annotations.listAllHighlights(db, input),
    'notes.create': async (input) => {
      const id = await db.write((w) => annotations.createNote(w, input, stamp()));
      return annotations.getNote(db, id);
    },
    'notes.update': async ({ id, ...patch }) => {
      await db.write((w) => annotations.updateNote(w, id, patch, stamp()));
      return annotations.getNote(db, id);
    },
    'notes.delete': async ({ id }) => {
      await db.write((w) => annotations.deleteNote(w, id));
      return { ok: true };
    },
    'notes.list': async ({ articleId }) => annotations.listNotes(db, articleId),
    'library.tagArticles': async ({ articleIds, tags }) => {
      await db.write((w) => tagArticles(w, articleIds, tags));
      return { ok: true };
    },
    'library.untagArticles': async ({ articleIds, tags }) => {
      await db.write((w) => untagArticles(w, articleIds, tags));
      return { ok: true };
    },
    'library.renameTag': async ({ id, name }) => {
      return db.write(async (w) => tagInfo(w, await renameTag(w, id, name)));
    },
    'library.deleteTag': async ({ id }) => {
      await db.write((w) => deleteTag(w, id));
      return { ok: true };
    },
    'library.mergeSources': async ({ targetId, sourceIds }) => {
      return db.write(async (w) => {
        await mergeSources(w, targetId, sourceIds, hooks);
        return sourceInfo(w, targetId);
      });
    },
    'library.renameSource': async ({ id, name }) => {
      return db.write(async (w) => {
        await renameSource(w, id, name, hooks);
        return sourceInfo(w, id);
      });
    },
    'library.listLanguages': async () => listLanguages(db),
    'library.listCollectionArticles': async ({ collectionId, offset, limit }) =>
      listCollectionArticles(db, collectionId, offset, limit),
    'library.moveCollectionItem': async ({ collectionId, articleId, beforeId }) => {
      return db.write(async (w) => {
        await moveCollectionItem(w, collectionId, articleId, beforeId, stamp());
        return getCollection(w, collectionId);
      });
    },
    'library.deleteArticles': async ({ ids }) => {
      const snapshots = await db.write((w) => deleteArticles(w, ids, hooks));
      return { deleted: snapshots.map((s) => Number(s.article['id'])), snapshots };
    },
    'library.restoreArticles': async ({ snapshots }) => {
      const result = await db.write((w) => restoreArticles(w, snapshots, hooks));
      // Restored articles may keep ids below what the band index has read: it reads the signatures again.
      if (result.restored.length > 0) forgetBandIndex(db);
      return result;
    },
    'library.replaceBody': async ({ id, fromArticleId }) => {
      return db.write(async (w) => {
        await replaceBody(w, id, fromArticleId, stamp(), hooks);
        return { article: await getArticle(w, id), highlights: await annotations.anchorCounts(w, id) };
      });
    },
    'app.settings.get': async () => settings.get(),
    'app.settings.set': async ({ values }) => {
      await settings.set(values);
      return { ok: true };
    },
  };
}
