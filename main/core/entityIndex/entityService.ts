/**
 * The entities.* and charts.* handlers over the index and the indexer. A
 * search's result set is handed in as its FTS5 expression (`matchOf`), so
 * this folder needs nothing of the search module.
 */
import type { Handlers } from '../../../preload/contract';
import type { Database } from '../db/connection';
import type { EntityIndexer } from './entityIndexer';
import { articleMentions, entityFacets, entityPage, listEntities, resultSetSql, timelineOf } from './entityQueries';

type EntityHandlers = Pick<
  Handlers,
  'entities.list' | 'entities.facets' | 'entities.get' | 'entities.ofArticle' | 'entities.status' | 'charts.timeline'
>;

export function entityHandlers(deps: {
  db: Database;
  indexer: EntityIndexer;
  /** The FTS5 expression of a search query; null when nothing can match. */
  matchOf: (query: string) => Promise<string | null>;
}): EntityHandlers {
  const { db, indexer } = deps;
  const setOf = async (input: { filter: object; query?: string; articleIds?: number[] }) => {
    const query = input.query?.trim();
    const match = query ? await deps.matchOf(query) : undefined;
    return resultSetSql(input.filter, match, input.articleIds);
  };
  const whole = (input: { filter: object; query?: string; articleIds?: number[] }) =>
    Object.keys(input.filter).length === 0 && !input.query?.trim() && !input.articleIds;

  return {
    'entities.list': async (input) => {
      // A library restored or opened with a queue left over is caught up from here too.
      const status = await indexer.progress();
      if (status.queued > 0 && !status.running) indexer.request();
      const set = whole(input) ? undefined : await setOf(input);
      const page = await listEntities(db, input, set);
      return { ...page, status: await indexer.progress() };
    },
    'entities.facets': async (input) => {
      const status = await indexer.progress();
      if (status.queued > 0 && !status.running) indexer.request();
      const set = whole(input) ? undefined : await setOf(input);
      return { groups: await entityFacets(db, input.perKind, set), status: await indexer.progress() };
    },
    'entities.get': async ({ id }) => entityPage(db, id),
    'entities.ofArticle': async ({ id }) => articleMentions(db, id),
    'entities.status': async () => {
      const status = await indexer.progress();
      if (status.queued > 0 && !status.running) indexer.request();
      return indexer.progress();
    },
    'charts.timeline': async (input) => timelineOf(db, await setOf(input)),
  };
}
