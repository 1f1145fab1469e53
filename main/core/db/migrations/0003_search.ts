/**
 * Schema v3: the library search index. Frozen once shipped: change it with a
 * new migration.
 *
 * search_fts is contentless (content=''): it holds only the analyzer's keys,
 * never the text, which stays in `articles` (storing it twice cost 75% of the
 * file in DESIGN.md's measurement). contentless_delete=1 lets an edit or a
 * delete remove a row in the same transaction as the article.
 *
 * The tokenizer only splits on spaces: the columns hold keys our analyzer
 * already produced, joined by spaces, so FTS5 must keep each key whole
 * ("u.s.", "2021-07-26", Arabic keys) and fold nothing (remove_diacritics 0).
 *
 * Columns: unstemmed (x) and stemmed (s) key streams of title and body, so
 * an exact name scores in both and a stem-only match in one; author and
 * source keys; the language code (lang:ar in queries).
 *
 * Keys come from our analyzer (JavaScript), so SQL triggers cannot write
 * them: the triggers queue every inserted, edited or deleted article, and
 * the search service's commit hook (Database.beforeCommit) writes the index
 * rows inside the same transaction, whichever code changed the article.
 */
import type { Migration } from '../migrate';

export const migration0003: Migration = {
  version: 3,
  name: 'search',
  sql: `
CREATE VIRTUAL TABLE search_fts USING fts5(
  title_x, title_s, body_x, body_s, author, source, lang,
  content = '',
  contentless_delete = 1,
  tokenize = "unicode61 remove_diacritics 0 categories 'L* N* M* P* S* Co Cf'"
);

-- Unstemmed keys seen in titles and bodies: fuzzy terms (term~1) expand
-- against it and the search box completes from it. df counts the articles
-- holding the key; surface is a spelling to show (a bare form when one was
-- seen, i.e. without a proclitic); definite: seen with the article ال, so a
-- completion may keep the ال the user typed.
CREATE TABLE search_terms (
  key TEXT PRIMARY KEY,
  surface TEXT NOT NULL,
  bare INTEGER NOT NULL DEFAULT 0,
  definite INTEGER NOT NULL DEFAULT 0,
  df INTEGER NOT NULL
) WITHOUT ROWID;

-- Index bookkeeping: the analyzer fingerprint the index was built with.
CREATE TABLE search_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Articles whose index row must be (re)written before the transaction
-- commits, filled by the triggers below whatever code wrote the article;
-- vocab = 1 when their title/body terms must be added to search_terms.
CREATE TABLE search_queue (
  article_id INTEGER PRIMARY KEY,
  vocab INTEGER NOT NULL
);

-- Text whose terms the vocabulary counted and no longer should (an edited
-- or deleted article), until the commit hook subtracts them.
CREATE TABLE search_retired (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL
);

CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
  INSERT INTO search_queue (article_id, vocab) VALUES (new.id, 1)
    ON CONFLICT (article_id) DO UPDATE SET vocab = 1;
END;

CREATE TRIGGER articles_search_update AFTER UPDATE OF title, body, author, source_id, lang ON articles BEGIN
  -- Counted text goes; text stored and changed in this same transaction was never counted.
  INSERT INTO search_retired (title, body) SELECT old.title, old.body
    WHERE (old.title IS NOT new.title OR old.body IS NOT new.body)
      AND NOT EXISTS (SELECT 1 FROM search_queue WHERE article_id = old.id AND vocab = 1);
  INSERT INTO search_queue (article_id, vocab) VALUES (new.id, old.title IS NOT new.title OR old.body IS NOT new.body)
    ON CONFLICT (article_id) DO UPDATE SET vocab = max(vocab, excluded.vocab);
END;

CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
  DELETE FROM search_fts WHERE rowid = old.id;
  INSERT INTO search_retired (title, body) SELECT old.title, old.body
    WHERE NOT EXISTS (SELECT 1 FROM search_queue WHERE article_id = old.id AND vocab = 1);
  DELETE FROM search_queue WHERE article_id = old.id;
END;

-- Per-collection Lunr indexes, serialized (gzip of lunr's JSON). The
-- triggers below bump \`generation\` on every change that affects a
-- collection's index; the stored index is current while built_generation
-- equals it (and it was built by the same analyzer).
CREATE TABLE collection_search_indexes (
  collection_id INTEGER PRIMARY KEY REFERENCES collections(id) ON DELETE CASCADE,
  generation INTEGER NOT NULL DEFAULT 0,
  built_generation INTEGER,
  analyzer TEXT,
  article_count INTEGER,
  built_at TEXT,
  build_ms INTEGER,
  data BLOB
);

-- The source column holds the outlet's name.
CREATE TRIGGER sources_search_rename AFTER UPDATE OF name ON sources BEGIN
  INSERT INTO search_queue (article_id, vocab) SELECT id, 0 FROM articles WHERE source_id = new.id
    ON CONFLICT (article_id) DO NOTHING;
  UPDATE collection_search_indexes SET generation = generation + 1
    WHERE collection_id IN (SELECT ci.collection_id FROM collection_items ci JOIN articles a ON a.id = ci.article_id WHERE a.source_id = new.id);
END;

CREATE TRIGGER collection_items_search_insert AFTER INSERT ON collection_items BEGIN
  UPDATE collection_search_indexes SET generation = generation + 1 WHERE collection_id = new.collection_id;
END;

CREATE TRIGGER collection_items_search_delete AFTER DELETE ON collection_items BEGIN
  UPDATE collection_search_indexes SET generation = generation + 1 WHERE collection_id = old.collection_id;
END;

CREATE TRIGGER articles_search_collections AFTER UPDATE OF title, body, author, source_id, lang, published_iso ON articles BEGIN
  UPDATE collection_search_indexes SET generation = generation + 1
    WHERE collection_id IN (SELECT collection_id FROM collection_items WHERE article_id = new.id);
END;

-- Facet counts read these three columns for every hit: a covering index
-- keeps them off the article rows, whose bodies spill into overflow pages.
CREATE INDEX articles_search_facets ON articles(id, source_id, lang, published_iso);
`,
};
