/**
 * Entities (main/core/entityIndex): the people, places and organisations the
 * library's articles name, indexed in the background as articles come and
 * change; and the counts behind the charts (articles per day and outlet of a
 * list, a search, an entity or a story).
 */
import { z } from 'zod';
import { EntityKind } from './compare';
import { ArticleFilter } from './library';
import { FacetGroup } from './search';
import { Id, type MethodSpec } from './shapes';

/** How far the background index has got: `queued` articles are still to be read. */
export const EntityIndexStatus = z.object({
  queued: z.number().int().nonnegative(),
  articles: z.number().int().nonnegative(),
  running: z.boolean(),
});
export type EntityIndexStatus = z.infer<typeof EntityIndexStatus>;

export const EntityCount = z.object({
  id: Id,
  kind: EntityKind,
  name: z.string(),
  /** Articles naming it (within the result set when one was given). */
  count: z.number().int().nonnegative(),
});
export type EntityCount = z.infer<typeof EntityCount>;

/** Articles per day and outlet; `day` null for articles without a date, a month or year for less precise dates. */
export const TimelineRow = z.object({
  day: z.string().nullable(),
  sourceId: Id.nullable(),
  count: z.number().int().nonnegative(),
});
export type TimelineRow = z.infer<typeof TimelineRow>;

export const TimelineCounts = z.object({
  rows: z.array(TimelineRow),
  /** Names of the outlets of `rows`. */
  sources: z.array(z.object({ id: Id, name: z.string() })),
  total: z.number().int().nonnegative(),
});
export type TimelineCounts = z.infer<typeof TimelineCounts>;

export const EntityPage = z.object({
  id: Id,
  kind: EntityKind,
  name: z.string(),
  /** The readable names articles give it, with how many articles use each, most used first. */
  spellings: z.array(z.object({ text: z.string(), count: z.number().int().nonnegative() })),
  /** The forms written in the texts (clitics stripped), most frequent first, at most 20. */
  written: z.array(z.object({ text: z.string(), count: z.number().int().nonnegative() })),
  articleCount: z.number().int().nonnegative(),
  mentionCount: z.number().int().nonnegative(),
  /** Articles naming it, per day and outlet (the mention timeline's data). */
  timeline: TimelineCounts,
  /** Entities named in the same articles, by articles shared, at most 30. */
  related: z.array(EntityCount),
});
export type EntityPage = z.infer<typeof EntityPage>;

export const ArticleMention = z.object({
  entityId: Id,
  kind: EntityKind,
  name: z.string(),
  field: z.enum(['title', 'body']),
  /** [start, end) in UTF-16 code units of the field. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type ArticleMention = z.infer<typeof ArticleMention>;

/** A result set: a list filter, a search query within it, or given articles (a story's). */
export const ResultSet = z.object({
  filter: ArticleFilter.default({}),
  query: z.string().max(1000).optional(),
  articleIds: z.array(Id).max(10_000).optional(),
});

export const entityMethods = {
  /**
   * Entities by articles naming them, most first; of one kind, and within a
   * result set when given (the search facet's shape: id, name, count).
   */
  'entities.list': {
    input: ResultSet.extend({
      kind: EntityKind.optional(),
      /** Names containing this text (folded as names are). */
      name: z.string().max(200).optional(),
      offset: z.number().int().nonnegative().max(1_000_000).default(0),
      limit: z.number().int().min(1).max(1000).default(50),
    }),
    output: z.object({
      total: z.number().int().nonnegative(),
      items: z.array(EntityCount),
      status: EntityIndexStatus,
    }),
    readonly: true,
  },
  /** One entity's page. NOT_FOUND when no article names it any more. */
  'entities.get': { input: z.object({ id: Id }), output: EntityPage, readonly: true },
  /** The mentions of one article, in order (the reader marks them). `pending`: the article is still queued. */
  'entities.ofArticle': {
    input: z.object({ id: Id }),
    output: z.object({ mentions: z.array(ArticleMention), pending: z.boolean() }),
    readonly: true,
  },
  /**
   * The search's entity facets: for a result set (the query and filters of a search), the people,
   * places and organisations its articles name, one group per kind (value: the entity id, the
   * list filter's entityId), most named first, `perKind` at most each; kinds none is named in are left out.
   */
  'entities.facets': {
    input: ResultSet.extend({ perKind: z.number().int().min(1).max(100).default(12) }),
    output: z.object({ groups: z.array(FacetGroup), status: EntityIndexStatus }),
    readonly: true,
  },
  'entities.status': { input: z.object({}), output: EntityIndexStatus, readonly: true },
  /** Articles per day and outlet of a result set (the timeline and outlet charts). */
  'charts.timeline': { input: ResultSet, output: TimelineCounts, readonly: true },
} as const satisfies Record<string, MethodSpec>;
