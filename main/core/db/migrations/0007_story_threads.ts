/**
 * Schema v7: stories as single events, threads of developing stories.
 *
 * - cluster_signatures.event: a story signature's headline keys (in order)
 *   and lead keys, which templates are detected with (compare/templates.ts).
 *   NULL for signatures computed before: they are computed again.
 * - clusters.thread_id: the thread (a developing story: the same subject on
 *   several days or in several events) a story belongs to, named by one of
 *   its stories' ids; NULL for a story in no thread. A thread links
 *   stories; it never merges them.
 * - clusters.headline_id: the member whose text is most like the rest of
 *   the story (its medoid); its headline is the story's title.
 */
import type { Migration } from '../migrate';

export const migration0007: Migration = {
  version: 7,
  name: 'story_threads',
  sql: `
ALTER TABLE cluster_signatures ADD COLUMN event BLOB;
ALTER TABLE clusters ADD COLUMN thread_id INTEGER;
ALTER TABLE clusters ADD COLUMN headline_id INTEGER REFERENCES articles(id) ON DELETE SET NULL;
CREATE INDEX clusters_thread ON clusters(thread_id) WHERE thread_id IS NOT NULL;
`,
};
