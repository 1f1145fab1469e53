/**
 * Schema v6: the LSH bands of near-duplicate signatures leave the file.
 * Frozen once shipped: change it with a new migration.
 *
 * `minhash_bands` held 32 rows per article under a random key; each import
 * batch dirtied nearly every page of it (written to the WAL at every commit)
 * and sought each key one by one: 30-40 % of bulk-import storing time. The
 * band keys are a function of the signatures in `article_minhash`, which
 * stay; the importer now keeps the bands in memory (library/bandIndex.ts).
 */
import type { Migration } from '../migrate';

export const migration0006: Migration = {
  version: 6,
  name: 'memory_bands',
  sql: `
DROP INDEX minhash_bands_article;
DROP TABLE minhash_bands;
`,
};
