/**
 * Schema v12: a deleted article's index row is deleted by the search
 * service's commit hook, not by the trigger.
 *
 * bm25 reads the index's row count and average row length from FTS5's
 * totals, which a contentless_delete table's DELETE leaves as they were:
 * every deleted or replaced row stayed counted (a reindex doubled the count).
 * The commit hook deletes rows and takes their sizes off the totals in the
 * same transaction (search/ftsTotals.ts); the trigger now queues the deleted
 * article for it, as it queues an edited one.
 *
 * Existing indexes still count the rows they lost: 'totals' = 'recount' in
 * search_meta asks the search service to recount them from the rows' sizes
 * (one transaction, which also removes the mark). An empty index (a new
 * library) is not marked: nothing to recount, and no write at its first open.
 */
import type { Migration } from '../migrate';

export const migration0012: Migration = {
  version: 12,
  name: 'search_totals',
  sql: `
DROP TRIGGER articles_search_delete;
CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
  INSERT INTO search_retired (title, body) SELECT old.title, old.body
    WHERE NOT EXISTS (SELECT 1 FROM search_queue WHERE article_id = old.id AND vocab = 1);
  INSERT INTO search_queue (article_id, vocab) VALUES (old.id, 0)
    ON CONFLICT (article_id) DO UPDATE SET vocab = 0;
END;
INSERT INTO search_meta (key, value) SELECT 'totals', 'recount' WHERE EXISTS (SELECT 1 FROM search_fts_docsize)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
`,
};
