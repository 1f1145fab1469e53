-- Mizan library schema, generated from the migrations by `npm run db:schema`.
-- Do not edit: change the schema with a new migration in main/core/db/migrations.
-- Schema version 1.
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
  updated_at TEXT NOT NULL,
  CHECK ((published_iso IS NULL) = (published_precision IS NULL))
);

CREATE TABLE collection_items (
  collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (collection_id, article_id)
) WITHOUT ROWID;

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
);

CREATE TABLE dossier_items (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'highlight', 'note', 'comparison')),
  article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
  highlight_id INTEGER REFERENCES highlights(id) ON DELETE CASCADE,
  note_id INTEGER REFERENCES notes(id) ON DELETE CASCADE,
  comparison_id INTEGER REFERENCES comparisons(id) ON DELETE CASCADE,
  -- exactly the reference that matches the kind
  CHECK (
    (kind = 'article' AND article_id IS NOT NULL AND highlight_id IS NULL AND note_id IS NULL AND comparison_id IS NULL) OR
    (kind = 'highlight' AND highlight_id IS NOT NULL AND article_id IS NULL AND note_id IS NULL AND comparison_id IS NULL) OR
    (kind = 'note' AND note_id IS NOT NULL AND article_id IS NULL AND highlight_id IS NULL AND comparison_id IS NULL) OR
    (kind = 'comparison' AND comparison_id IS NOT NULL AND article_id IS NULL AND highlight_id IS NULL AND note_id IS NULL)
  )
);

CREATE TABLE dossiers (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  subtitle TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

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

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
  title TEXT,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at TEXT NOT NULL
);

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

CREATE INDEX articles_source ON articles(source_id, published_iso);

CREATE INDEX articles_title ON articles(title COLLATE NOCASE);

CREATE INDEX collection_items_article ON collection_items(article_id);

CREATE INDEX collection_items_order ON collection_items(collection_id, position);

CREATE INDEX dossier_items_order ON dossier_items(dossier_id, position);

CREATE INDEX highlights_article ON highlights(article_id, start_offset);

CREATE INDEX notes_article ON notes(article_id);

CREATE INDEX source_aliases_source ON source_aliases(source_id);
