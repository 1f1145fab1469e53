/**
 * Schema v4: story clusters (source comparison). Frozen once shipped:
 * change it with a new migration.
 *
 * A cluster is a set of articles reporting one event; every clustered
 * article belongs to exactly one (a story told once is a cluster of one,
 * so a later article can still join it). Counts, outlets and date ranges
 * are computed from the members when read, so deleting an article (which
 * cascades here) never leaves a stale count behind.
 *
 * cluster_signatures caches each article's story signature (its content
 * terms as hashes and counts; main/core/compare/features.ts) with what it
 * was computed from, so an incremental run analyses only new or changed
 * articles. cluster_state holds the run's settings and the terms' document
 * frequencies.
 *
 * Saved comparisons (v1's comparisons table) gain their settings.
 */
import type { Migration } from '../migrate';

export const migration0004: Migration = {
  version: 4,
  name: 'compare',
  sql: `
CREATE TABLE clusters (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE cluster_members (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  -- the story score the article joined with (0..1); NULL for the article that began the story
  similarity REAL CHECK (similarity IS NULL OR (similarity >= 0 AND similarity <= 1))
);
CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id);

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
);
CREATE INDEX cluster_signatures_day ON cluster_signatures(day);

CREATE TABLE cluster_state (
  key TEXT PRIMARY KEY,
  value BLOB
) WITHOUT ROWID;

-- A saved comparison keeps its alignment settings (JSON), so it is
-- recomputed the same way when a dossier opens it.
ALTER TABLE comparisons ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
`,
};
