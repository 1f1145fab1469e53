/**
 * Dossiers and their ordered items (schema v1: `dossiers`, `dossier_items`),
 * with their metadata and sections (schema v5: `dossier_sections`,
 * `dossier_items.section_id`). An item points at an article, a highlight, a
 * note or a comparison; deleting what it points at removes the item (ON
 * DELETE CASCADE).
 *
 * Invariant kept by every write here: item positions are 1..n, grouped by
 * section — the unsectioned items first, then each section's items in the
 * sections' order — so one `ORDER BY position` reads the dossier in order.
 */
import { MizanError } from '../../../preload/contract/errors';
import type {
  DossierInfo,
  DossierItemInfo,
  DossierItemRef,
  DossierMetadata,
  DossierSectionInfo,
  DossierSummary,
} from '../../../preload/contract/dossier';
import type { Database, SqlValue, Writer } from '../db/connection';
import { citationOf, readArticleHeads, type ArticleHead } from '../library/articleReader';
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

const SUMMARY_COLUMNS = `d.id, d.title, d.subtitle, d.author, d.description, d.lang, d.created_at AS createdAt, d.updated_at AS updatedAt,
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
  /** A note's title, a highlight's quote, a comparison's title (an article's comes from the library). */
  title: string | null;
  section_id: number | null;
}

/**
 * One row per item with what a list needs to show it: the title (a note's
 * title or the start of its text, a highlight's quote), and the outlet and
 * date of the article behind it (read from the library).
 */
const ITEM_SQL = `
SELECT i.id, i.position, i.kind, i.section_id,
  coalesce(i.article_id, i.highlight_id, i.note_id, i.comparison_id) AS ref_id,
  coalesce(i.article_id, h.article_id, n.article_id) AS article_id,
  CASE i.kind
    WHEN 'highlight' THEN h.quote
    WHEN 'note' THEN coalesce(n.title, substr(n.body, 1, 120))
    WHEN 'comparison' THEN c.title
  END AS title
FROM dossier_items i
LEFT JOIN highlights h ON h.id = i.highlight_id
LEFT JOIN notes n ON n.id = i.note_id
LEFT JOIN comparisons c ON c.id = i.comparison_id
LEFT JOIN dossier_sections sec ON sec.id = i.section_id
WHERE i.dossier_id = ?
ORDER BY coalesce(sec.position, 0), i.position, i.id`;

function itemInfo(row: ItemRow, index: number, article: ArticleHead | undefined): DossierItemInfo {
  const cited = citationOf(article);
  const title = ((row.kind === 'article' ? article?.title : row.title) ?? '').replace(/\s+/g, ' ').trim();
  return {
    id: row.id,
    position: index + 1,
    kind: row.kind,
    refId: row.ref_id,
    articleId: row.article_id,
    title,
    source: cited.source,
    publishedAt: row.article_id ? cited.publishedAt : null,
    dir: cited.dir ?? detectDirection(title),
    sectionId: row.section_id,
  };
}

export async function listItems(db: Reader, dossierId: number): Promise<DossierItemInfo[]> {
  const rows = await db.all<ItemRow>(ITEM_SQL, [dossierId]);
  // Read grouped by section whatever the stored positions say (a row put back
  // by an undo keeps its old position), so sections are always contiguous.
  const articles = await readArticleHeads(
    db,
    rows.flatMap((r) => (r.article_id === null ? [] : [r.article_id])),
  );
  return rows.map((row, i) => itemInfo(row, i, row.article_id === null ? undefined : articles.get(row.article_id)));
}

export async function getDossier(db: Reader, id: number): Promise<DossierInfo> {
  const row = await db.get<DossierSummary>(`SELECT ${SUMMARY_COLUMNS} FROM dossiers d WHERE d.id = ?`, [id]);
  if (!row) throw new MizanError('NOT_FOUND', `no dossier with id ${id}`);
  const sections = await db.all<DossierSectionInfo>(
    'SELECT id, title, position FROM dossier_sections WHERE dossier_id = ? ORDER BY position, id',
    [id],
  );
  return { ...row, sections, items: await listItems(db, id) };
}

async function requireDossier(w: Writer, id: number): Promise<void> {
  const row = await w.get('SELECT 1 AS x FROM dossiers WHERE id = ?', [id]);
  if (!row) throw new MizanError('NOT_FOUND', `no dossier with id ${id}`);
}

async function touch(w: Writer, id: number, now: string): Promise<void> {
  await w.run('UPDATE dossiers SET updated_at = ? WHERE id = ?', [now, id]);
}

const METADATA_FIELDS = ['subtitle', 'author', 'description', 'lang'] as const;

/** Blank text is stored as NULL ("not set"), so the exports fall back to their defaults. */
function stored(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

export async function createDossier(w: Writer, title: string, metadata: DossierMetadata, now: string): Promise<number> {
  const result = await w.run(
    'INSERT INTO dossiers (title, subtitle, author, description, lang, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [title.trim(), ...METADATA_FIELDS.map((f) => stored(metadata[f])), now, now],
  );
  return result.lastID;
}

/** Sets the fields that are given (undefined leaves one as it is, null clears it). */
export async function updateDossier(
  w: Writer,
  id: number,
  title: string | undefined,
  metadata: DossierMetadata,
  now: string,
): Promise<void> {
  await requireDossier(w, id);
  const sets = ['updated_at = ?'];
  const params: SqlValue[] = [now];
  if (title !== undefined) {
    sets.push('title = ?');
    params.push(title.trim());
  }
  for (const field of METADATA_FIELDS) {
    if (metadata[field] === undefined) continue;
    sets.push(`${field} = ?`);
    params.push(stored(metadata[field]));
  }
  await w.run(`UPDATE dossiers SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
}

export async function deleteDossier(w: Writer, id: number): Promise<void> {
  const result = await w.run('DELETE FROM dossiers WHERE id = ?', [id]);
  if (result.changes === 0) throw new MizanError('NOT_FOUND', `no dossier with id ${id}`);
}

interface OrderRow {
  id: number;
  section_id: number | null;
}

/** The dossier's items in order, with their sections. */
async function itemOrder(w: Writer, dossierId: number): Promise<OrderRow[]> {
  return w.all<OrderRow>('SELECT id, section_id FROM dossier_items WHERE dossier_id = ? ORDER BY position, id', [
    dossierId,
  ]);
}

async function sectionIds(w: Writer, dossierId: number): Promise<number[]> {
  const rows = await w.all<{ id: number }>(
    'SELECT id FROM dossier_sections WHERE dossier_id = ? ORDER BY position, id',
    [dossierId],
  );
  return rows.map((r) => r.id);
}

async function requireSection(w: Writer, dossierId: number, sectionId: number): Promise<void> {
  const row = await w.get('SELECT 1 AS x FROM dossier_sections WHERE id = ? AND dossier_id = ?', [
    sectionId,
    dossierId,
  ]);
  if (!row) throw new MizanError('NOT_FOUND', `dossier ${dossierId} has no section ${sectionId}`);
}

/**
 * Writes positions 1..n for `order` after grouping it by section (stable:
 * within a section the given order is kept), and sections 1..m. Only rows
 * whose position changes are written.
 */
async function writeOrder(w: Writer, dossierId: number, order: readonly OrderRow[]): Promise<void> {
  const sections = await sectionIds(w, dossierId);
  for (const [i, id] of sections.entries())
    await w.run('UPDATE dossier_sections SET position = ? WHERE id = ? AND position <> ?', [i + 1, id, i + 1]);
  const rank = new Map<number | null, number>([[null, 0], ...sections.map((id, i): [number, number] => [id, i + 1])]);
  const grouped = order
    .map((row, i) => ({ row, i }))
    .sort((a, b) => (rank.get(a.row.section_id) ?? 0) - (rank.get(b.row.section_id) ?? 0) || a.i - b.i);
  for (const [i, { row }] of grouped.entries()) {
    await w.run(
      'UPDATE dossier_items SET position = ?, section_id = ? WHERE id = ? AND (position <> ? OR section_id IS NOT ?)',
      [i + 1, row.section_id, row.id, i + 1, row.section_id],
    );
  }
}

/**
 * Inserts items before 1-based `position` (default: at the end), renumbering
 * what follows; with `sectionId`, at the end of that section instead. An
 * inserted item joins the section of the item before it. An item already in
 * the dossier is not added twice.
 */
export async function addItems(
  w: Writer,
  dossierId: number,
  items: readonly DossierItemRef[],
  position: number | undefined,
  now: string,
  sectionId?: number | null,
): Promise<void> {
  await requireDossier(w, dossierId);
  if (sectionId != null) await requireSection(w, dossierId, sectionId);
  const existing = await w.all<{ id: number; kind: DossierItemRef['kind']; ref: number; section_id: number | null }>(
    `SELECT id, kind, coalesce(article_id, highlight_id, note_id, comparison_id) AS ref, section_id
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
  let at = Math.min(Math.max(1, position ?? existing.length + 1), existing.length + 1);
  let section = at > 1 ? (existing[at - 2]?.section_id ?? null) : null;
  if (sectionId !== undefined) {
    // The end of the section: after its last item, or where it would start.
    section = sectionId;
    const order = [null, ...(await sectionIds(w, dossierId))];
    const rank = order.indexOf(sectionId);
    at = existing.filter((e) => order.indexOf(e.section_id) <= rank).length + 1;
  }
  const inserted: OrderRow[] = [];
  for (const [k, item] of fresh.entries()) {
    const result = await w.run(
      `INSERT INTO dossier_items (dossier_id, position, kind, section_id, ${KIND_COLUMN[item.kind]}) VALUES (?, ?, ?, ?, ?)`,
      [dossierId, existing.length + 1 + k, item.kind, section, item.id],
    );
    inserted.push({ id: result.lastID, section_id: section });
  }
  const before = existing.slice(0, at - 1);
  const after = existing.slice(at - 1);
  await writeOrder(w, dossierId, [...before, ...inserted, ...after]);
  await touch(w, dossierId, now);
}

export async function removeItem(w: Writer, dossierId: number, itemId: number, now: string): Promise<void> {
  await requireDossier(w, dossierId);
  const result = await w.run('DELETE FROM dossier_items WHERE id = ? AND dossier_id = ?', [itemId, dossierId]);
  if (result.changes === 0) throw new MizanError('NOT_FOUND', `dossier ${dossierId} has no item ${itemId}`);
  await writeOrder(w, dossierId, await itemOrder(w, dossierId));
  await touch(w, dossierId, now);
}

function checkedIds(
  ids: readonly number[],
  members: ReadonlySet<number>,
  what: string,
  dossierId: number,
): Set<number> {
  const named = new Set<number>();
  for (const id of ids) {
    if (!members.has(id)) throw new MizanError('INVALID_ARGUMENT', `${what} ${id} is not in dossier ${dossierId}`);
    if (named.has(id)) throw new MizanError('INVALID_ARGUMENT', `${what} ${id} is named twice`);
    named.add(id);
  }
  return named;
}

/**
 * Puts `itemIds` first, in that order; items not named keep their relative
 * order after them. Items stay in their sections: the order applies within
 * each section (moving between sections is `moveItem`).
 */
export async function reorderItems(
  w: Writer,
  dossierId: number,
  itemIds: readonly number[],
  now: string,
): Promise<void> {
  await requireDossier(w, dossierId);
  const rows = await itemOrder(w, dossierId);
  const named = checkedIds(itemIds, new Set(rows.map((r) => r.id)), 'item', dossierId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const order = [...itemIds.map((id) => byId.get(id)!), ...rows.filter((r) => !named.has(r.id))];
  await writeOrder(w, dossierId, order);
  await touch(w, dossierId, now);
}

/** Moves an item into `sectionId` (null: the unsectioned items) at 0-based `index` among its items (default: last). */
export async function moveItem(
  w: Writer,
  dossierId: number,
  itemId: number,
  sectionId: number | null,
  index: number | undefined,
  now: string,
): Promise<void> {
  await requireDossier(w, dossierId);
  if (sectionId !== null) await requireSection(w, dossierId, sectionId);
  const rows = await itemOrder(w, dossierId);
  const moving = rows.find((r) => r.id === itemId);
  if (!moving) throw new MizanError('NOT_FOUND', `dossier ${dossierId} has no item ${itemId}`);
  const rest = rows.filter((r) => r.id !== itemId);
  const inSection = rest.filter((r) => r.section_id === sectionId);
  const target = Math.min(index ?? inSection.length, inSection.length);
  // Insert before the item now at `target` in the section, or after its last one.
  const anchor = inSection[target] ?? null;
  const at = anchor
    ? rest.indexOf(anchor)
    : inSection.length > 0
      ? rest.indexOf(inSection[inSection.length - 1]!) + 1
      : rest.length;
  rest.splice(at, 0, { id: itemId, section_id: sectionId });
  await writeOrder(w, dossierId, rest);
  await touch(w, dossierId, now);
}

/** A new section before 1-based `position` (default: last), taking the items named. Returns its id. */
export async function addSection(
  w: Writer,
  dossierId: number,
  title: string,
  position: number | undefined,
  itemIds: readonly number[],
  now: string,
): Promise<number> {
  await requireDossier(w, dossierId);
  const sections = await sectionIds(w, dossierId);
  const rows = await itemOrder(w, dossierId);
  const named = checkedIds(itemIds, new Set(rows.map((r) => r.id)), 'item', dossierId);
  const at = Math.min(Math.max(1, position ?? sections.length + 1), sections.length + 1);
  const result = await w.run('INSERT INTO dossier_sections (dossier_id, position, title) VALUES (?, ?, ?)', [
    dossierId,
    sections.length + 1,
    title.trim(),
  ]);
  const id = result.lastID;
  const order = [...sections.slice(0, at - 1), id, ...sections.slice(at - 1)];
  for (const [i, sid] of order.entries())
    await w.run('UPDATE dossier_sections SET position = ? WHERE id = ?', [i + 1, sid]);
  await writeOrder(
    w,
    dossierId,
    rows.map((r) => (named.has(r.id) ? { id: r.id, section_id: id } : r)),
  );
  await touch(w, dossierId, now);
  return id;
}

export async function renameSection(
  w: Writer,
  dossierId: number,
  sectionId: number,
  title: string,
  now: string,
): Promise<void> {
  await requireDossier(w, dossierId);
  await requireSection(w, dossierId, sectionId);
  await w.run('UPDATE dossier_sections SET title = ? WHERE id = ?', [title.trim(), sectionId]);
  await touch(w, dossierId, now);
}

/** Removes a heading, never content: its items join the section before it (or the unsectioned items), in order. */
export async function deleteSection(w: Writer, dossierId: number, sectionId: number, now: string): Promise<void> {
  await requireDossier(w, dossierId);
  await requireSection(w, dossierId, sectionId);
  const sections = await sectionIds(w, dossierId);
  const previous = sections[sections.indexOf(sectionId) - 1] ?? null;
  await w.run('UPDATE dossier_items SET section_id = ? WHERE section_id = ?', [previous, sectionId]);
  await w.run('DELETE FROM dossier_sections WHERE id = ?', [sectionId]);
  await writeOrder(w, dossierId, await itemOrder(w, dossierId));
  await touch(w, dossierId, now);
}

/** Puts `ids` first in that order; sections not named keep their order after them. Items follow their sections. */
export async function reorderSections(
  w: Writer,
  dossierId: number,
  ids: readonly number[],
  now: string,
): Promise<void> {
  await requireDossier(w, dossierId);
  const sections = await sectionIds(w, dossierId);
  const named = checkedIds(ids, new Set(sections), 'section', dossierId);
  const order = [...ids, ...sections.filter((id) => !named.has(id))];
  for (const [i, id] of order.entries())
    await w.run('UPDATE dossier_sections SET position = ? WHERE id = ?', [i + 1, id]);
  await writeOrder(w, dossierId, await itemOrder(w, dossierId));
  await touch(w, dossierId, now);
}
