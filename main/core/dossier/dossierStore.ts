/**
 * Dossiers and their ordered items (schema v1: `dossiers`, `dossier_items`).
 * An item points at an article, a highlight, a note or a comparison; deleting
 * what it points at removes the item (ON DELETE CASCADE).
 */
import { MizanError, type DossierInfo, type DossierItemInfo, type DossierItemRef, type DossierSummary } from '../../../preload/contract';
import type { Database, SqlValue, Writer } from '../db/connection';
import { detectDirection } from '../text/language';

type Reader = Pick<Database, 'get' | 'all'> | Writer;

const KIND_COLUMN = {
  article: 'article_id',
  highlight: 'highlight_id',
  note: 'note_id',
  comparison: 'comparison_id',
} as const;

const REF_TABLE = {
  article: 'articles',
  highlight: 'highlights',
  note: 'notes',
  comparison: 'comparisons',
} as const;

const SUMMARY_COLUMNS = `d.id, d.title, d.subtitle, d.created_at AS createdAt, d.updated_at AS updatedAt,
  (SELECT count(*) FROM dossier_items WHERE dossier_id = d.id) AS itemCount`;

export async function listDossiers(db: Reader): Promise<DossierSummary[]> {
  return db.all<DossierSummary>(`SELECT ${SUMMARY_COLUMNS} FROM dossiers d ORDER BY d.updated_at DESC, d.id DESC`);
}

interface ItemRow {
  id: number;
  position: number;
  kind: DossierItemRef['kind'];
  ref_id: number;
  article_id: number | null;
  title: string | null;
  source: string | null;
  published_original: string | null;
  published_iso: string | null;
  published_precision: 'day' | 'month' | 'year' | null;
  dir: 'rtl' | 'ltr' | null;
}

/**
 * One row per item with what a list needs to show it: the title (a note's
 * title or the start of its text, a highlight's quote), and the outlet and
 * date of the article behind it.
 */
const ITEM_SQL = `
SELECT i.id, i.position, i.kind,
  coalesce(i.article_id, i.highlight_id, i.note_id, i.comparison_id) AS ref_id,
  coalesce(i.article_id, h.article_id, n.article_id) AS article_id,
  CASE i.kind
    WHEN 'article' THEN a.title
    WHEN 'highlight' THEN h.quote
    WHEN 'note' THEN coalesce(n.title, substr(n.body, 1, 120))
    WHEN 'comparison' THEN c.title
  END AS title,
  s.name AS source, a.published_original, a.published_iso, a.published_precision, a.dir
FROM dossier_items i
LEFT JOIN highlights h ON h.id = i.highlight_id
LEFT JOIN notes n ON n.id = i.note_id
LEFT JOIN comparisons c ON c.id = i.comparison_id
LEFT JOIN articles a ON a.id = coalesce(i.article_id, h.article_id, n.article_id)
LEFT JOIN sources s ON s.id = a.source_id
WHERE i.dossier_id = ?
ORDER BY i.position, i.id`;

function itemInfo(row: ItemRow): DossierItemInfo {
  const title = (row.title ?? '').replace(/\s+/g, ' ').trim();
  return {
    id: row.id,
    position: row.position,
    kind: row.kind,
    refId: row.ref_id,
    articleId: row.article_id,
    title,
    source: row.source,
    publishedAt: row.article_id
      ? { original: row.published_original, iso: row.published_iso, precision: row.published_precision }
      : null,
    dir: row.dir ?? detectDirection(title),
  };
}

export async function listItems(db: Reader, dossierId: number): Promise<DossierItemInfo[]> {
  const rows = await db.all<ItemRow>(ITEM_SQL, [dossierId]);
  return rows.map(itemInfo);
}

export async function getDossier(db: Reader, id: number): Promise<DossierInfo> {
  const row = await db.get<DossierSummary>(`SELECT ${SUMMARY_COLUMNS} FROM dossiers d WHERE d.id = ?`, [id]);
  if (!row) throw new MizanError('NOT_FOUND', `no dossier with id ${id}`);
  return { ...row, items: await listItems(db, id) };
}

async function requireDossier(w: Writer, id: number): Promise<void> {
  const row = await w.get('SELECT 1 AS x FROM dossiers WHERE id = ?', [id]);
  if (!row) throw new MizanError('NOT_FOUND', `no dossier with id ${id}`);
}

async function touch(w: Writer, id: number, now: string): Promise<void> {
  await w.run('UPDATE dossiers SET updated_at = ? WHERE id = ?', [now, id]);
}

export async function createDossier(w: Writer, title: string, subtitle: string | null, now: string): Promise<number> {
  const result = await w.run('INSERT INTO dossiers (title, subtitle, created_at, updated_at) VALUES (?, ?, ?, ?)', [
    title.trim(),
    subtitle?.trim() || null,
    now,
    now,
  ]);
  return result.lastID;
}

export async function renameDossier(w: Writer, id: number, title: string, subtitle: string | null | undefined, now: string): Promise<void> {
  await requireDossier(w, id);
  const sets = ['title = ?', 'updated_at = ?'];
  const params: SqlValue[] = [title.trim(), now];
  if (subtitle !== undefined) {
    sets.push('subtitle = ?');
    params.push(subtitle?.trim() || null);
  }
  await w.run(`UPDATE dossiers SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
}

export async function deleteDossier(w: Writer, id: number): Promise<void> {
  const result = await w.run('DELETE FROM dossiers WHERE id = ?', [id]);
  if (result.changes === 0) throw new MizanError('NOT_FOUND', `no dossier with id ${id}`);
}

/**
 * Inserts items before 1-based `position` (default: at the end), renumbering
 * what follows. An item already in the dossier is not added twice.
 */
export async function addItems(w: Writer, dossierId: number, items: readonly DossierItemRef[], position: number | undefined, now: string): Promise<void> {
  await requireDossier(w, dossierId);
  const existing = await w.all<{ id: number; kind: DossierItemRef['kind']; ref: number }>(
    `SELECT id, kind, coalesce(article_id, highlight_id, note_id, comparison_id) AS ref
     FROM dossier_items WHERE dossier_id = ? ORDER BY position, id`,
    [dossierId],
  );
  const seen = new Set(existing.map((e) => `${e.kind}:${e.ref}`));
  const fresh: DossierItemRef[] = [];
  for (const item of items) {
    const key = `${item.kind}:${item.id}`;
    if (seen.has(key)) continue;
    const found = await w.get(`SELECT 1 AS x FROM ${REF_TABLE[item.kind]} WHERE id = ?`, [item.id]);
    if (!found) throw new MizanError('NOT_FOUND', `no ${item.kind} with id ${item.id}`);
    seen.add(key);
    fresh.push(item);
  }
  if (fresh.length === 0) return;
  const at = Math.min(Math.max(1, position ?? existing.length + 1), existing.length + 1);
  // Make room: everything from `at` on moves down by the number inserted.
  const after = existing.slice(at - 1);
  for (const [k, e] of after.entries()) {
    await w.run('UPDATE dossier_items SET position = ? WHERE id = ?', [at + fresh.length + k, e.id]);
  }
  for (const [k, item] of fresh.entries()) {
    await w.run(`INSERT INTO dossier_items (dossier_id, position, kind, ${KIND_COLUMN[item.kind]}) VALUES (?, ?, ?, ?)`, [
      dossierId,
      at + k,
      item.kind,
      item.id,
    ]);
  }
  await touch(w, dossierId, now);
}

export async function removeItem(w: Writer, dossierId: number, itemId: number, now: string): Promise<void> {
  await requireDossier(w, dossierId);
  const result = await w.run('DELETE FROM dossier_items WHERE id = ? AND dossier_id = ?', [itemId, dossierId]);
  if (result.changes === 0) throw new MizanError('NOT_FOUND', `dossier ${dossierId} has no item ${itemId}`);
  await renumber(w, dossierId);
  await touch(w, dossierId, now);
}

async function renumber(w: Writer, dossierId: number): Promise<void> {
  const rows = await w.all<{ id: number }>('SELECT id FROM dossier_items WHERE dossier_id = ? ORDER BY position, id', [dossierId]);
  for (const [i, r] of rows.entries()) await w.run('UPDATE dossier_items SET position = ? WHERE id = ?', [i + 1, r.id]);
}

/** Puts `itemIds` first, in that order; items not named keep their relative order after them. */
export async function reorderItems(w: Writer, dossierId: number, itemIds: readonly number[], now: string): Promise<void> {
  await requireDossier(w, dossierId);
  const rows = await w.all<{ id: number }>('SELECT id FROM dossier_items WHERE dossier_id = ? ORDER BY position, id', [dossierId]);
  const members = new Set(rows.map((r) => r.id));
  const named = new Set<number>();
  for (const id of itemIds) {
    if (!members.has(id)) throw new MizanError('INVALID_ARGUMENT', `item ${id} is not in dossier ${dossierId}`);
    if (named.has(id)) throw new MizanError('INVALID_ARGUMENT', `item ${id} is named twice`);
    named.add(id);
  }
  const order = [...itemIds, ...rows.map((r) => r.id).filter((id) => !named.has(id))];
  for (const [i, id] of order.entries()) await w.run('UPDATE dossier_items SET position = ? WHERE id = ?', [i + 1, id]);
  await touch(w, dossierId, now);
}
