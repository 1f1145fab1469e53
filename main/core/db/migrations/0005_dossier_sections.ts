/**
 * Schema v5: a dossier's own metadata (author, description, language of the
 * document) and its sections. Frozen once shipped: change it with a new
 * migration.
 *
 * Sections are rows of their own (`dossier_sections`, ordered by position)
 * and an item names its section (`dossier_items.section_id`; NULL = the
 * items before the first section). The alternative, section headings as a
 * fifth item kind in the one ordered list, would have needed the v1 CHECK on
 * `dossier_items` rebuilt (a table copy) and would let a heading be
 * "exported", cited or counted as an item; with a column, every existing
 * query over items keeps working and a section's title is edited in one
 * place. `dossier_items.position` stays the single order of the whole
 * dossier: the store keeps it grouped by section (sections in their order,
 * the unsectioned items first), so exporters still read items by position.
 */
import type { Migration } from '../migrate';

export const migration0005: Migration = {
  version: 5,
  name: 'dossier_sections',
  sql: `
-- NULL: not set (the export picks the items' majority language, no author line).
ALTER TABLE dossiers ADD COLUMN author TEXT;
ALTER TABLE dossiers ADD COLUMN description TEXT;
ALTER TABLE dossiers ADD COLUMN lang TEXT;

CREATE TABLE dossier_sections (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0)
);
CREATE INDEX dossier_sections_order ON dossier_sections(dossier_id, position);

-- The store moves a deleted section's items into the section before it;
-- SET NULL only covers a section removed by other means.
ALTER TABLE dossier_items ADD COLUMN section_id INTEGER REFERENCES dossier_sections(id) ON DELETE SET NULL;
CREATE INDEX dossier_items_section ON dossier_items(section_id);
`,
};
