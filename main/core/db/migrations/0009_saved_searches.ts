/**
 * Saved searches ("smart collections"): a name, the query as typed and the
 * list filters as the contract's ArticleFilter JSON. Members are not stored:
 * they are whatever the query finds when the search is opened or listed, so
 * an import or an edit changes them with nothing to keep in step.
 */
import type { Migration } from '../migrate';

export const migration0009: Migration = {
  version: 9,
  name: 'saved_searches',
  sql: `
CREATE TABLE saved_searches (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  query TEXT NOT NULL DEFAULT '',
  filter_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(filter_json)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`,
};
