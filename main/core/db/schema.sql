-- Mizan library schema, generated from the migrations by `npm run db:schema`.
-- Do not edit: change the schema with a new migration in main/core/db/migrations.
-- Schema version 13.
CREATE TABLE article_minhash (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  signature BLOB NOT NULL CHECK (length(signature) = 256)
);

CREATE TABLE article_tags (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  author TEXT,
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  published_original TEXT,
  published_iso TEXT,
  published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
  lang TEXT NOT NULL,
  dir TEXT NOT NULL CHECK (dir IN ('rtl', 'ltr')),
  url TEXT,
  -- sha256 of the normalized text: the key of exact duplicates
  content_hash TEXT NOT NULL UNIQUE,
  origin_path TEXT,
  origin_format TEXT,
  encoding TEXT,
  word_count INTEGER NOT NULL DEFAULT 0,
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, body_html TEXT,
  CHECK ((published_iso IS NULL) = (published_precision IS NULL))
);

CREATE TABLE cluster_members (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  -- the story score the article joined with (0..1); NULL for the article that began the story
  similarity REAL CHECK (similarity IS NULL OR (similarity >= 0 AND similarity <= 1))
);

CREATE TABLE cluster_signatures (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  -- what the signature was computed from: a change to any means recompute
  content_hash TEXT NOT NULL,
  title TEXT NOT NULL,
  published_iso TEXT,
  -- days since 1970-01-01 of the article's date (published, else imported)
  day INTEGER NOT NULL,
  -- uint32 term hashes then uint16 counts, little-endian
  terms BLOB NOT NULL
, event BLOB);

CREATE TABLE cluster_state (
  key TEXT PRIMARY KEY,
  value BLOB
) WITHOUT ROWID;

CREATE TABLE clusters (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
, thread_id INTEGER, headline_id INTEGER REFERENCES articles(id) ON DELETE SET NULL);

CREATE TABLE collection_items (
  collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (collection_id, article_id)
) WITHOUT ROWID;

CREATE TABLE collection_search_index_data (
  collection_id INTEGER PRIMARY KEY REFERENCES collection_search_indexes(collection_id) ON DELETE CASCADE,
  data BLOB NOT NULL
);

CREATE TABLE collection_search_indexes (
  collection_id INTEGER PRIMARY KEY REFERENCES collections(id) ON DELETE CASCADE,
  generation INTEGER NOT NULL DEFAULT 0,
  built_generation INTEGER,
  analyzer TEXT,
  article_count INTEGER,
  built_at TEXT,
  build_ms INTEGER);

CREATE TABLE collections (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  description TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE comparison_articles (
  comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (comparison_id, article_id)
) WITHOUT ROWID;

CREATE TABLE comparisons (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
, settings TEXT NOT NULL DEFAULT '{}');

CREATE TABLE dossier_items (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'highlight', 'note', 'comparison')),
  article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
  highlight_id INTEGER REFERENCES highlights(id) ON DELETE CASCADE,
  note_id INTEGER REFERENCES notes(id) ON DELETE CASCADE,
  comparison_id INTEGER REFERENCES comparisons(id) ON DELETE CASCADE, section_id INTEGER REFERENCES dossier_sections(id) ON DELETE SET NULL,
  -- exactly the reference that matches the kind
  CHECK (
    (kind = 'article' AND article_id IS NOT NULL AND highlight_id IS NULL AND note_id IS NULL AND comparison_id IS NULL) OR
    (kind = 'highlight' AND highlight_id IS NOT NULL AND article_id IS NULL AND note_id IS NULL AND comparison_id IS NULL) OR
    (kind = 'note' AND note_id IS NOT NULL AND article_id IS NULL AND highlight_id IS NULL AND comparison_id IS NULL) OR
    (kind = 'comparison' AND comparison_id IS NOT NULL AND article_id IS NULL AND highlight_id IS NULL AND note_id IS NULL)
  )
);

CREATE TABLE dossier_sections (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0)
);

CREATE TABLE dossiers (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  subtitle TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
, author TEXT, description TEXT, lang TEXT);

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

CREATE TABLE entity_articles (
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  mentions INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;

CREATE TABLE entity_mentions (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  field INTEGER NOT NULL CHECK (field IN (0, 1)),
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  PRIMARY KEY (article_id, field, start_offset)
) WITHOUT ROWID;

CREATE TABLE entity_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE entity_queue (article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE);

CREATE TABLE entity_stale (entity_id INTEGER PRIMARY KEY);

CREATE TABLE highlights (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  quote TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL CHECK (end_offset >= start_offset),
  color TEXT NOT NULL DEFAULT 'yellow',
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE near_duplicates (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  twin_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  similarity REAL NOT NULL CHECK (similarity > 0 AND similarity <= 1),
  CHECK (article_id <> twin_id)
);

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
  title TEXT,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE saved_searches (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  query TEXT NOT NULL DEFAULT '',
  filter_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(filter_json)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at TEXT NOT NULL
);

CREATE VIRTUAL TABLE "search_fts" USING fts5(
  title_x, title_s, body_x, body_s, author, source, lang,
  content = '',
  contentless_delete = 1,
  tokenize = "ascii tokenchars '!""#$%&''()*+,-./:;<=>?@[\]^_`{|}~'"
);

CREATE TABLE "search_fts_config"(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE "search_fts_data"(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE "search_fts_docsize"(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

CREATE TABLE "search_fts_idx"(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE search_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE search_queue (
  article_id INTEGER PRIMARY KEY,
  vocab INTEGER NOT NULL
);

CREATE TABLE search_retired (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL
);

CREATE TABLE search_terms (
  key TEXT PRIMARY KEY,
  surface TEXT NOT NULL,
  bare INTEGER NOT NULL DEFAULT 0,
  definite INTEGER NOT NULL DEFAULT 0,
  df INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE source_aliases (
  alias_key TEXT PRIMARY KEY,
  alias TEXT NOT NULL,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE
);

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  -- matching key of the name (normalized); one outlet, one row
  name_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE
);

CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);

CREATE INDEX articles_imported ON articles(imported_at, id);

CREATE INDEX articles_lang ON articles(lang, published_iso);

CREATE INDEX articles_published ON articles(published_iso, id);

CREATE INDEX articles_search_facets ON articles(id, source_id, lang, published_iso);

CREATE INDEX articles_source ON articles(source_id, published_iso);

CREATE INDEX articles_title ON articles(title COLLATE NOCASE);

CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id);

CREATE INDEX cluster_signatures_day ON cluster_signatures(day);

CREATE INDEX clusters_thread ON clusters(thread_id) WHERE thread_id IS NOT NULL;

CREATE INDEX collection_items_article ON collection_items(article_id);

CREATE INDEX collection_items_order ON collection_items(collection_id, position);

CREATE INDEX dossier_items_order ON dossier_items(dossier_id, position);

CREATE INDEX dossier_items_section ON dossier_items(section_id);

CREATE INDEX dossier_sections_order ON dossier_sections(dossier_id, position);

CREATE INDEX entities_by_count ON entities(kind, article_count DESC);

CREATE INDEX entity_articles_by_article ON entity_articles(article_id, entity_id);

CREATE INDEX entity_mentions_by_entity ON entity_mentions(entity_id);

CREATE INDEX highlights_article ON highlights(article_id, start_offset);

CREATE INDEX near_duplicates_twin ON near_duplicates(twin_id);

CREATE INDEX notes_article ON notes(article_id);

CREATE INDEX source_aliases_source ON source_aliases(source_id);

CREATE TRIGGER articles_search_collections AFTER UPDATE OF title, body, author, source_id, lang, published_iso ON articles BEGIN
  UPDATE collection_search_indexes SET generation = generation + 1
    WHERE collection_id IN (SELECT collection_id FROM collection_items WHERE article_id = new.id);
END;

CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
  INSERT INTO search_retired (title, body) SELECT old.title, old.body
    WHERE NOT EXISTS (SELECT 1 FROM search_queue WHERE article_id = old.id AND vocab = 1);
  INSERT INTO search_queue (article_id, vocab) VALUES (old.id, 0)
    ON CONFLICT (article_id) DO UPDATE SET vocab = 0;
END;

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

CREATE TRIGGER collection_items_search_delete AFTER DELETE ON collection_items BEGIN
  UPDATE collection_search_indexes SET generation = generation + 1 WHERE collection_id = old.collection_id;
END;

CREATE TRIGGER collection_items_search_insert AFTER INSERT ON collection_items BEGIN
  UPDATE collection_search_indexes SET generation = generation + 1 WHERE collection_id = new.collection_id;
END;

CREATE TRIGGER entity_articles_delete AFTER DELETE ON entity_articles BEGIN
  UPDATE entities SET article_count = article_count - 1, mention_count = mention_count - old.mentions
  WHERE id = old.entity_id;
  INSERT OR IGNORE INTO entity_stale (entity_id) VALUES (old.entity_id);
END;

CREATE TRIGGER entity_articles_insert AFTER INSERT ON entity_articles BEGIN
  UPDATE entities SET article_count = article_count + 1, mention_count = mention_count + new.mentions
  WHERE id = new.entity_id;
END;

CREATE TRIGGER entity_queue_insert AFTER INSERT ON articles BEGIN
  INSERT OR IGNORE INTO entity_queue (article_id) VALUES (new.id);
END;

CREATE TRIGGER entity_queue_update AFTER UPDATE OF title, body, lang ON articles BEGIN
  INSERT OR IGNORE INTO entity_queue (article_id) VALUES (new.id);
END;

CREATE TRIGGER sources_search_rename AFTER UPDATE OF name ON sources BEGIN
  INSERT INTO search_queue (article_id, vocab) SELECT id, 0 FROM articles WHERE source_id = new.id
    ON CONFLICT (article_id) DO NOTHING;
  UPDATE collection_search_indexes SET generation = generation + 1
    WHERE collection_id IN (SELECT ci.collection_id FROM collection_items ci JOIN articles a ON a.id = ci.article_id WHERE a.source_id = new.id);
END;
