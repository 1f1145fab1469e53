/**
 * Schema v11: the library index's tokenizer splits on white space only.
 *
 * search_fts holds the analyzer's keys, already folded and joined by single
 * spaces, so unicode61's Unicode classification and case folding were work
 * done for nothing on every row written (FTS5 rows were 54 % of an import's
 * SQLite time). `ascii` with every ASCII punctuation and symbol as a token
 * character keeps each key whole: characters above 127 are always token
 * characters to it, and it folds only ASCII case, which the keys have folded
 * already. Every analyzer key of SaudiNewsNet and BBC indexes as the same
 * single term under both tokenizers (`node dist/bench/ftsTokenizer.js
 * --compare-keys`), so the terms, positions and sizes an index holds do not
 * depend on which of the two wrote it.
 *
 * That is why the existing index is copied, not rebuilt: its shadow tables
 * (segments, segment index, document sizes, configuration) go as they are
 * into a table declared with the new tokenizer, which then takes the old
 * name. One transaction, no analysis, search answers unchanged; a crash
 * midway rolls back to the old table. The delete trigger names the table:
 * it is dropped and created again around the rename (SQLite checks every
 * trigger's tables when a table is renamed).
 */
import type { Migration } from '../migrate';

export const migration0011: Migration = {
  version: 11,
  name: 'search_tokenizer',
  sql: `
CREATE VIRTUAL TABLE search_fts_next USING fts5(
  title_x, title_s, body_x, body_s, author, source, lang,
  content = '',
  contentless_delete = 1,
  tokenize = "ascii tokenchars '!""#$%&''()*+,-./:;<=>?@[\\]^_\`{|}~'"
);
DELETE FROM search_fts_next_data;
DELETE FROM search_fts_next_idx;
DELETE FROM search_fts_next_config;
INSERT INTO search_fts_next_data SELECT * FROM search_fts_data;
INSERT INTO search_fts_next_idx SELECT * FROM search_fts_idx;
INSERT INTO search_fts_next_docsize SELECT * FROM search_fts_docsize;
INSERT INTO search_fts_next_config SELECT * FROM search_fts_config;

DROP TRIGGER articles_search_delete;
DROP TABLE search_fts;
ALTER TABLE search_fts_next RENAME TO search_fts;
CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
  DELETE FROM search_fts WHERE rowid = old.id;
  INSERT INTO search_retired (title, body) SELECT old.title, old.body
    WHERE NOT EXISTS (SELECT 1 FROM search_queue WHERE article_id = old.id AND vocab = 1);
  DELETE FROM search_queue WHERE article_id = old.id;
END;
`,
};
