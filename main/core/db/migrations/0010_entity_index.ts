/**
 * Schema v9: the library's entity index (people, places, organisations).
 *
 * - entities: one row per (kind, folded key); `spellings` is a JSON array of
 *   [name, articles] pairs, the readable name each article gave it, most
 *   frequent first; `canonical` is the first of them. The counts are kept by
 *   the triggers on entity_articles.
 * - entity_articles: which article names which entity, how often, and the
 *   name it gives it there (spellings are counted again from here).
 * - entity_mentions: every mention's place (field 0 = title, 1 = body; UTF-16
 *   offsets into that field) and text as written.
 * - entity_queue: articles to read again (new, or title/body/language
 *   changed), filled by triggers whoever writes the article; every article
 *   already stored is queued here, so an existing library is indexed in the
 *   background after this migration.
 * - entity_stale: entities that lost an article (edit, delete): their
 *   spellings are counted again and those named nowhere any more removed.
 */
import type { Migration } from '../migrate';

export const migration0010: Migration = {
  version: 10,
  name: 'entity_index',
  sql: `
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organisation')),
  key TEXT NOT NULL,
  canonical TEXT NOT NULL,
  spellings TEXT NOT NULL DEFAULT '[]',
  article_count INTEGER NOT NULL DEFAULT 0,
  mention_count INTEGER NOT NULL DEFAULT 0,
  UNIQUE (kind, key)
);
CREATE INDEX entities_by_count ON entities(kind, article_count DESC);
CREATE TABLE entity_articles (
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  mentions INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX entity_articles_by_article ON entity_articles(article_id, entity_id);
CREATE TABLE entity_mentions (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  field INTEGER NOT NULL CHECK (field IN (0, 1)),
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  PRIMARY KEY (article_id, field, start_offset)
) WITHOUT ROWID;
CREATE INDEX entity_mentions_by_entity ON entity_mentions(entity_id);
CREATE TABLE entity_queue (article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE);
CREATE TABLE entity_stale (entity_id INTEGER PRIMARY KEY);

CREATE TRIGGER entity_queue_insert AFTER INSERT ON articles BEGIN
  INSERT OR IGNORE INTO entity_queue (article_id) VALUES (new.id);
END;
CREATE TRIGGER entity_queue_update AFTER UPDATE OF title, body, lang ON articles BEGIN
  INSERT OR IGNORE INTO entity_queue (article_id) VALUES (new.id);
END;
CREATE TRIGGER entity_articles_insert AFTER INSERT ON entity_articles BEGIN
  UPDATE entities SET article_count = article_count + 1, mention_count = mention_count + new.mentions
  WHERE id = new.entity_id;
END;
CREATE TRIGGER entity_articles_delete AFTER DELETE ON entity_articles BEGIN
  UPDATE entities SET article_count = article_count - 1, mention_count = mention_count - old.mentions
  WHERE id = old.entity_id;
  INSERT OR IGNORE INTO entity_stale (entity_id) VALUES (old.entity_id);
END;

INSERT INTO entity_queue (article_id) SELECT id FROM articles;
`,
};
