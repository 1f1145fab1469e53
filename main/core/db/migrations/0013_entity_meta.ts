/**
 * Schema v13: the entity index remembers which reading of the extractor
 * filled it.
 *
 * An update of Mizan that reads names differently (a phrase no longer taken
 * for a person, two spellings of one name folded together) left every stored
 * article with the old reading until it was imported again. entity_meta's
 * 'extractor' row holds the version of the extractor that filled the index;
 * where it differs from the running one, the indexer queues every article
 * and reads the library again in the background (entityIndex/entityStore.ts).
 * No row yet (every library before this version) reads as another version.
 */
import type { Migration } from '../migrate';

export const migration0013: Migration = {
  version: 13,
  name: 'entity_meta',
  sql: `
CREATE TABLE entity_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`,
};
