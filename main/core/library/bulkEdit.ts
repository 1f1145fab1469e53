/**
 * Tagging and collecting many articles as one step that can be taken back:
 * the change returns its own inverse (only what it really added), which the
 * caller hands back to undo it. Nothing is held in the core between the two
 * calls, as with delete and restore.
 */
import type { BulkChange, BulkUndo } from '../../../preload/contract/library';
import type { Writer } from '../db/connection';
import { addToCollection, getCollection, nameKey, removeFromCollection, requireArticle } from './libraryStore';
import { tagArticles, untagArticles } from './organizing';

/** Applies `change` to every article of `articleIds`; returns how many were changed and how to undo it. */
export async function applyBulk(
  w: Writer,
  articleIds: readonly number[],
  change: BulkChange,
  now: string,
): Promise<{ changed: number; undo: BulkUndo }> {
  const ids = [...new Set(articleIds)];
  for (const id of ids) await requireArticle(w, id);
  if (change.kind === 'tag') {
    const removeTags: { tag: string; articleIds: number[] }[] = [];
    const changed = new Set<number>();
    for (const tag of change.tags) {
      // Articles that already carry the tag keep it on undo.
      const had = new Set(
        (
          await w.all<{ article_id: number }>(
            `SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id
             WHERE t.name_key = ? AND at.article_id IN (SELECT value FROM json_each(?))`,
            [nameKey(tag), JSON.stringify(ids)],
          )
        ).map((r) => r.article_id),
      );
      const added = ids.filter((id) => !had.has(id));
      for (const id of added) changed.add(id);
      if (added.length > 0) removeTags.push({ tag, articleIds: added });
    }
    await tagArticles(w, ids, change.tags);
    return { changed: changed.size, undo: { kind: 'untag', removeTags } };
  }
  await getCollection(w, change.collectionId);
  const had = new Set(
    (
      await w.all<{ article_id: number }>(
        'SELECT article_id FROM collection_items WHERE collection_id = ? AND article_id IN (SELECT value FROM json_each(?))',
        [change.collectionId, JSON.stringify(ids)],
      )
    ).map((r) => r.article_id),
  );
  const added = ids.filter((id) => !had.has(id));
  await addToCollection(w, change.collectionId, added, now);
  return { changed: added.length, undo: { kind: 'uncollect', collectionId: change.collectionId, articleIds: added } };
}

/** Takes back what applyBulk did; articles deleted since are skipped. */
export async function revertBulk(w: Writer, undo: BulkUndo, now: string): Promise<void> {
  if (undo.kind === 'untag') {
    for (const { tag, articleIds } of undo.removeTags) await untagArticles(w, articleIds, [tag]);
    return;
  }
  const exists = await w.get<{ id: number }>('SELECT id FROM collections WHERE id = ?', [undo.collectionId]);
  if (exists && undo.articleIds.length > 0) await removeFromCollection(w, undo.collectionId, undo.articleIds, now);
}
