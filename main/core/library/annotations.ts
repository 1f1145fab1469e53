/**
 * Highlights and notes in the library database; every read anchors a
 * highlight again on the article's current body (anchoring.ts).
 */
import { MizanError } from '../../../preload/contract/errors';
import type {
  AnchorStatus,
  Highlight,
  HighlightColor,
  HighlightListItem,
  Note,
} from '../../../preload/contract/workbench';
import type { Database, Writer } from '../db/connection';

import {
  foldForAnchoring,
  reanchor,
  selectorFor,
  trimRange,
  type AnchorResult,
  type FoldedText,
  type StoredAnchor,
} from './anchoring';

// ---------------------------------------------------------------------------
// Store

interface HighlightRow {
  id: number;
  article_id: number;
  quote: string;
  prefix: string;
  suffix: string;
  start_offset: number;
  end_offset: number;
  color: string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

const HIGHLIGHT_COLUMNS =
  'h.id, h.article_id, h.quote, h.prefix, h.suffix, h.start_offset, h.end_offset, h.color, h.note, h.created_at, h.updated_at';

const knownColors: ReadonlySet<string> = new Set<HighlightColor>(['yellow', 'green', 'blue', 'pink', 'purple']);

function toHighlight(row: HighlightRow, anchor: AnchorResult): Highlight {
  return {
    id: row.id,
    articleId: row.article_id,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    // Rows written by other tools may carry colours this UI does not know.
    color: knownColors.has(row.color) ? (row.color as HighlightColor) : 'yellow',
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    status: anchor.status,
    start: anchor.start,
    end: anchor.end,
  };
}

function anchorOf(row: HighlightRow): StoredAnchor {
  return { quote: row.quote, prefix: row.prefix, suffix: row.suffix, start: row.start_offset, end: row.end_offset };
}

type Reader = Pick<Database, 'get' | 'all'> | Writer;

async function articleBody(db: Reader, articleId: number): Promise<string> {
  const row = await db.get<{ body: string }>('SELECT body FROM articles WHERE id = ?', [articleId]);
  if (!row) throw new MizanError('NOT_FOUND', `no article with id ${articleId}`);
  return row.body;
}

/** Anchors every highlight of one article on its current body. */
export function anchorAll(body: string, rows: readonly HighlightRow[]): Highlight[] {
  let folded: FoldedText | undefined;
  return rows.map((row) => {
    const anchor = anchorOf(row);
    // The common case needs no fold at all.
    if (body.slice(anchor.start, anchor.end) === anchor.quote)
      return toHighlight(row, { status: 'anchored', start: anchor.start, end: anchor.end });
    folded ??= foldForAnchoring(body);
    return toHighlight(row, reanchor(body, anchor, folded));
  });
}

function byPosition(a: Highlight, b: Highlight): number {
  if (a.start === null || b.start === null) return a.start === b.start ? a.id - b.id : a.start === null ? 1 : -1;
  return a.start - b.start || (a.end ?? 0) - (b.end ?? 0) || a.id - b.id;
}

export async function listHighlightsForArticle(db: Reader, articleId: number): Promise<Highlight[]> {
  const body = await articleBody(db, articleId);
  const rows = await db.all<HighlightRow>(
    `SELECT ${HIGHLIGHT_COLUMNS} FROM highlights h WHERE h.article_id = ? ORDER BY h.start_offset, h.id`,
    [articleId],
  );
  return anchorAll(body, rows).sort(byPosition);
}

export async function getHighlight(db: Reader, id: number): Promise<Highlight> {
  const row = await db.get<HighlightRow>(`SELECT ${HIGHLIGHT_COLUMNS} FROM highlights h WHERE h.id = ?`, [id]);
  if (!row) throw new MizanError('NOT_FOUND', `no highlight with id ${id}`);
  const body = await articleBody(db, row.article_id);
  return anchorAll(body, [row])[0]!;
}

export interface ListAllQuery {
  offset: number;
  limit: number;
  status?: AnchorStatus;
  color?: HighlightColor;
}

/** Every highlight of the library, newest first, each anchored on its article's current text. */
export async function listAllHighlights(
  db: Reader,
  query: ListAllQuery,
): Promise<{ total: number; items: HighlightListItem[] }> {
  const where = query.color ? 'WHERE h.color = ?' : '';
  const params = query.color ? [query.color] : [];
  const rows = await db.all<
    HighlightRow & { title: string; source_name: string | null; lang: string; dir: 'rtl' | 'ltr' }
  >(
    `SELECT ${HIGHLIGHT_COLUMNS}, a.title, s.name AS source_name, a.lang, a.dir
     FROM highlights h JOIN articles a ON a.id = h.article_id LEFT JOIN sources s ON s.id = a.source_id
     ${where} ORDER BY h.created_at DESC, h.id DESC`,
    params,
  );
  // Status needs the text: anchor article by article, reading each body once.
  const byArticle = new Map<number, typeof rows>();
  for (const row of rows) {
    const list = byArticle.get(row.article_id);
    if (list) list.push(row);
    else byArticle.set(row.article_id, [row]);
  }
  const anchored = new Map<number, Highlight>();
  const wantAll = query.status !== undefined;
  // Without a status filter only the page shown needs anchoring.
  const needed = wantAll ? rows : rows.slice(query.offset, query.offset + query.limit);
  const neededArticles = new Set(needed.map((r) => r.article_id));
  for (const articleId of neededArticles) {
    const body = await articleBody(db, articleId);
    for (const h of anchorAll(body, byArticle.get(articleId)!)) anchored.set(h.id, h);
  }
  let list = rows.filter((r) => anchored.has(r.id));
  if (query.status) list = list.filter((r) => anchored.get(r.id)!.status === query.status);
  const total = query.status ? list.length : rows.length;
  const page = query.status ? list.slice(query.offset, query.offset + query.limit) : list;
  return {
    total,
    items: page.map((r) => ({
      ...anchored.get(r.id)!,
      article: { id: r.article_id, title: r.title, source: r.source_name, lang: r.lang, dir: r.dir },
    })),
  };
}

export interface NewHighlight {
  articleId: number;
  start: number;
  end: number;
  quote?: string;
  color: HighlightColor;
  note?: string | null;
}

function checkedRange(
  body: string,
  articleId: number,
  start: number,
  end: number,
  quote?: string,
): { start: number; end: number } {
  if (end > body.length || start >= end) {
    throw new MizanError(
      'INVALID_ARGUMENT',
      `range ${start}–${end} is outside article ${articleId} (${body.length} characters)`,
    );
  }
  if (quote !== undefined && body.slice(start, end) !== quote) {
    throw new MizanError(
      'CONFLICT',
      `the text of article ${articleId} changed at ${start}–${end}: reload it and select again`,
    );
  }
  const trimmed = trimRange(body, start, end);
  if (!trimmed) throw new MizanError('INVALID_ARGUMENT', 'a highlight needs some text, not only white space');
  return trimmed;
}

export async function createHighlight(w: Writer, input: NewHighlight, now: string): Promise<number> {
  const body = await articleBody(w, input.articleId);
  const { start, end } = checkedRange(body, input.articleId, input.start, input.end, input.quote);
  const selector = selectorFor(body, start, end);
  const note = input.note?.trim() ? input.note : null;
  const result = await w.run(
    `INSERT INTO highlights (article_id, quote, prefix, suffix, start_offset, end_offset, color, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [input.articleId, selector.quote, selector.prefix, selector.suffix, start, end, input.color, note, now, now],
  );
  return result.lastID;
}

export interface HighlightPatch {
  color?: HighlightColor;
  note?: string | null;
  range?: { start: number; end: number };
}

export async function updateHighlight(w: Writer, id: number, patch: HighlightPatch, now: string): Promise<void> {
  const row = await w.get<{ article_id: number }>('SELECT article_id FROM highlights WHERE id = ?', [id]);
  if (!row) throw new MizanError('NOT_FOUND', `no highlight with id ${id}`);
  const sets: string[] = ['updated_at = ?'];
  const params: (string | number | null)[] = [now];
  if (patch.color !== undefined) {
    sets.push('color = ?');
    params.push(patch.color);
  }
  if (patch.note !== undefined) {
    sets.push('note = ?');
    params.push(patch.note?.trim() ? patch.note : null);
  }
  if (patch.range) {
    const body = await articleBody(w, row.article_id);
    const { start, end } = checkedRange(body, row.article_id, patch.range.start, patch.range.end);
    const selector = selectorFor(body, start, end);
    sets.push('quote = ?', 'prefix = ?', 'suffix = ?', 'start_offset = ?', 'end_offset = ?');
    params.push(selector.quote, selector.prefix, selector.suffix, start, end);
  }
  await w.run(`UPDATE highlights SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
}

export async function deleteHighlight(w: Writer, id: number): Promise<void> {
  const result = await w.run('DELETE FROM highlights WHERE id = ?', [id]);
  if (result.changes === 0) throw new MizanError('NOT_FOUND', `no highlight with id ${id}`);
}

/** How the highlights of an article fare on its current text. */
export async function anchorCounts(db: Reader, articleId: number): Promise<Record<AnchorStatus, number>> {
  const counts: Record<AnchorStatus, number> = { anchored: 0, moved: 0, orphaned: 0 };
  for (const h of await listHighlightsForArticle(db, articleId)) counts[h.status]++;
  return counts;
}

// ---------------------------------------------------------------------------
// Notes

interface NoteRow {
  id: number;
  article_id: number | null;
  title: string | null;
  body: string;
  created_at: string;
  updated_at: string;
}

function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    articleId: row.article_id,
    title: row.title,
    body: row.body,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getNote(db: Reader, id: number): Promise<Note> {
  const row = await db.get<NoteRow>(
    'SELECT id, article_id, title, body, created_at, updated_at FROM notes WHERE id = ?',
    [id],
  );
  if (!row) throw new MizanError('NOT_FOUND', `no note with id ${id}`);
  return toNote(row);
}

export async function listNotes(db: Reader, articleId?: number): Promise<Note[]> {
  const rows =
    articleId === undefined
      ? await db.all<NoteRow>(
          'SELECT id, article_id, title, body, created_at, updated_at FROM notes ORDER BY updated_at DESC, id DESC',
        )
      : await db.all<NoteRow>(
          'SELECT id, article_id, title, body, created_at, updated_at FROM notes WHERE article_id = ? ORDER BY created_at, id',
          [articleId],
        );
  return rows.map(toNote);
}

export async function createNote(
  w: Writer,
  input: { articleId: number | null; title?: string | null; body: string },
  now: string,
): Promise<number> {
  if (input.articleId !== null) await articleBody(w, input.articleId);
  const result = await w.run(
    'INSERT INTO notes (article_id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    [input.articleId, input.title?.trim() || null, input.body, now, now],
  );
  return result.lastID;
}

export async function updateNote(
  w: Writer,
  id: number,
  patch: { title?: string | null; body?: string },
  now: string,
): Promise<void> {
  const sets: string[] = ['updated_at = ?'];
  const params: (string | number | null)[] = [now];
  if (patch.title !== undefined) {
    sets.push('title = ?');
    params.push(patch.title?.trim() || null);
  }
  if (patch.body !== undefined) {
    sets.push('body = ?');
    params.push(patch.body);
  }
  const result = await w.run(`UPDATE notes SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
  if (result.changes === 0) throw new MizanError('NOT_FOUND', `no note with id ${id}`);
}

export async function deleteNote(w: Writer, id: number): Promise<void> {
  const result = await w.run('DELETE FROM notes WHERE id = ?', [id]);
  if (result.changes === 0) throw new MizanError('NOT_FOUND', `no note with id ${id}`);
}
