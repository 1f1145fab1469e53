/**
 * Schema v8: a collection's stored Lunr index lives in its own table.
 *
 * The triggers of v3 bump collection_search_indexes.generation on every
 * edit to a member article. With the index blob in the same row, a bump that
 * changed the record's size (generation 1 to 2, 127 to 128, ...) made SQLite
 * write the whole row again: 10.5 MB for a 5,000-article collection, ~23 MB
 * per such edit with the WAL checkpoint (`npm run bench:write`). The bumped
 * row now holds only the small columns; the blob is written when an index is
 * built, and nowhere else.
 */
import type { Migration } from '../migrate';

export const migration0008: Migration = {
  version: 8,
  name: 'collection_index_data',
  sql: `
CREATE TABLE collection_search_index_data (
  collection_id INTEGER PRIMARY KEY REFERENCES collection_search_indexes(collection_id) ON DELETE CASCADE,
  data BLOB NOT NULL
);
INSERT INTO collection_search_index_data (collection_id, data)
  SELECT collection_id, data FROM collection_search_indexes WHERE data IS NOT NULL;
ALTER TABLE collection_search_indexes DROP COLUMN data;
`,
};
