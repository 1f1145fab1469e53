/**
 * Saved comparisons (the v1 tables comparisons and comparison_articles, plus
 * the settings column of migration 0004): which articles, in which order,
 * with which alignment settings. The comparison itself is recomputed when
 * opened, so it always reflects the articles' current text.
 */
import { MizanError } from '../../../preload/contract/errors';
import type { AlignSettings, SavedComparison } from '../../../preload/contract/compare';
import type { Database, Writer } from '../db/connection';

interface ComparisonRow {
  id: number;
  title: string;
  settings: string;
  created_at: string;
  updated_at: string;
  article_ids: string | null;
}

const SELECT = `SELECT c.id, c.title, c.settings, c.created_at, c.updated_at,
  (SELECT json_group_array(article_id) FROM (SELECT article_id FROM comparison_articles WHERE comparison_id = c.id ORDER BY position)) AS article_ids
  FROM comparisons c`;

function toSaved(r: ComparisonRow): SavedComparison {
  return {
    id: r.id,
    title: r.title,
    articleIds: r.article_ids ? (JSON.parse(r.article_ids) as number[]) : [],
    settings: JSON.parse(r.settings) as AlignSettings,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** "First title ↔ second title" (shortened), "+ N" for more. */
export function defaultTitle(titles: readonly string[]): string {
  const short = (t: string): string => (t.length > 60 ? `${t.slice(0, 59)}…` : t);
  const head = titles.slice(0, 2).map(short).join(' ↔ ');
  return titles.length > 2 ? `${head} + ${titles.length - 2}` : head;
}

export async function saveComparison(
  w: Writer,
  c: { id?: number; title: string; articleIds: readonly number[]; settings: AlignSettings },
  now: string,
): Promise<number> {
  let id = c.id;
  if (id === undefined) {
    id = (
      await w.run('INSERT INTO comparisons (title, settings, created_at, updated_at) VALUES (?, ?, ?, ?)', [
        c.title,
        JSON.stringify(c.settings),
        now,
        now,
      ])
    ).lastID;
  } else {
    const changed = await w.run('UPDATE comparisons SET title = ?, settings = ?, updated_at = ? WHERE id = ?', [
      c.title,
      JSON.stringify(c.settings),
      now,
      id,
    ]);
    if (changed.changes === 0) throw new MizanError('NOT_FOUND', `no comparison with id ${id}`);
    await w.run('DELETE FROM comparison_articles WHERE comparison_id = ?', [id]);
  }
  await w.run(
    'INSERT INTO comparison_articles (comparison_id, article_id, position) SELECT ?, value, key + 1 FROM json_each(?)',
    [id, JSON.stringify(c.articleIds)],
  );
  return id;
}

export async function getComparison(db: Database | Writer, id: number): Promise<SavedComparison> {
  const row = await db.get<ComparisonRow>(`${SELECT} WHERE c.id = ?`, [id]);
  if (!row) throw new MizanError('NOT_FOUND', `no comparison with id ${id}`);
  return toSaved(row);
}

export async function listComparisons(db: Database): Promise<SavedComparison[]> {
  return (await db.all<ComparisonRow>(`${SELECT} ORDER BY c.updated_at DESC, c.id DESC`)).map(toSaved);
}

export async function deleteComparison(w: Writer, id: number): Promise<void> {
  const r = await w.run('DELETE FROM comparisons WHERE id = ?', [id]);
  if (r.changes === 0) throw new MizanError('NOT_FOUND', `no comparison with id ${id}`);
}
