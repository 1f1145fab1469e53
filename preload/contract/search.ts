/**
 * Search (main/core/search): one query language for the library index
 * (SQLite FTS5) and collection indexes (Lunr); see queryParser.ts.
 */
import { z } from 'zod';
import { ArticleFilter, ArticleSummary } from './library';
import { Id, type MethodSpec } from './shapes';

/** [start, end) in UTF-16 code units of the text it refers to. */
export const TextRange = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type TextRange = z.infer<typeof TextRange>;

export const SearchSnippet = z.object({
  /** A passage of the body ("… " / " …" where cut), on one line. */
  text: z.string(),
  /** Matches to mark, as ranges of `text`. */
  highlights: z.array(TextRange),
  /** Where the passage starts in the article body. */
  offset: z.number().int().nonnegative(),
});
export type SearchSnippet = z.infer<typeof SearchSnippet>;

export const SearchHit = ArticleSummary.extend({
  /**
   * Results come in two tiers: articles with every word in its exact form
   * (exact: true; a name as written) first, then those matching only through
   * a stem; within a tier by score (bm25 or Lunr's: higher is better,
   * comparable within one answer only).
   */
  score: z.number(),
  exact: z.boolean(),
  snippet: SearchSnippet,
  /** Matches in the title, as ranges of `title`. */
  titleHighlights: z.array(TextRange),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchFacets = z.object({
  sources: z.array(z.object({ id: Id.nullable(), name: z.string().nullable(), count: z.number().int().nonnegative() })),
  /** "2015", or null for articles without a date. */
  years: z.array(z.object({ year: z.string().nullable(), count: z.number().int().nonnegative() })),
  languages: z.array(z.object({ lang: z.string(), count: z.number().int().nonnegative() })),
});
export type SearchFacets = z.infer<typeof SearchFacets>;

export const SearchEngineName = z.enum(['fts5', 'lunr']);
export type SearchEngineName = z.infer<typeof SearchEngineName>;

/** A query word that also searched its spellings in the other script. */
export const Transliteration = z.object({
  /** The word as typed (Kadhimi, al-Kadhimi, بايدن). */
  word: z.string(),
  /** The library's spellings in the other script that were searched with it (كاظمي; biden). */
  spellings: z.array(z.string()),
});
export type Transliteration = z.infer<typeof Transliteration>;

export const SearchResults = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  items: z.array(SearchHit),
  /** Counts over all `total` hits (not just this page); null when not asked for. */
  facets: SearchFacets.nullable(),
  /** fts5: the library index; lunr: the collection's own index. */
  engine: SearchEngineName,
  /** Words left out of the search because they are function words (في, the). */
  ignored: z.array(z.string()),
  /** Found via transliteration: the words that also searched their other-script spellings; [] when none. */
  transliterated: z.array(Transliteration),
  /** The index was built by another analyzer version (or not at all): results may be incomplete until search.reindex. */
  indexStale: z.boolean(),
});
export type SearchResults = z.infer<typeof SearchResults>;

export const SearchSuggestions = z.object({
  /** The part of `text` a suggestion replaces: [from, to). */
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  items: z.array(z.object({ value: z.string(), count: z.number().int().nonnegative() })),
});
export type SearchSuggestions = z.infer<typeof SearchSuggestions>;

export const CollectionIndexInfo = z.object({
  collectionId: Id,
  /**
   * ready: current; stale: the collection changed since the build (searches of it use the library index
   * meanwhile; it is rebuilt when next searched, or on request); none: never built.
   */
  state: z.enum(['ready', 'stale', 'none']),
  articleCount: z.number().int().nonnegative().nullable(),
  builtAt: z.string().nullable(),
  buildMs: z.number().int().nonnegative().nullable(),
  bytes: z.number().int().nonnegative().nullable(),
});
export type CollectionIndexInfo = z.infer<typeof CollectionIndexInfo>;

export const SearchStatus = z.object({
  articleCount: z.number().int().nonnegative(),
  indexedCount: z.number().int().nonnegative(),
  /** True when search.reindex is needed (analyzer changed, or a library from before search). */
  stale: z.boolean(),
  analyzer: z.object({ current: z.string(), indexed: z.string().nullable() }),
  collections: z.array(CollectionIndexInfo),
});
export type SearchStatus = z.infer<typeof SearchStatus>;

export const searchMethods = {
  // Search (main/core/search).
  /**
   * Ranked search of the library, or of one collection (filter.collectionId:
   * its Lunr index when built, else the library index restricted to it).
   * Malformed queries fail with QUERY_INVALID naming the position.
   */
  'search.query': {
    input: z.object({
      query: z.string().max(1000),
      filter: ArticleFilter.default({}),
      offset: z.number().int().nonnegative().max(100_000).default(0),
      limit: z.number().int().min(1).max(100).default(20),
      facets: z.boolean().default(true),
      /** auto: Lunr for a collection whose index is ready; lunr: build it first if needed. */
      engine: z.enum(['auto', 'fts5', 'lunr']).default('auto'),
    }),
    output: SearchResults,
    readonly: true,
  },
  /** Completions of the word being typed at the end of `text`, from the library's vocabulary. */
  'search.suggest': {
    input: z.object({ text: z.string().max(1000), limit: z.number().int().min(1).max(50).default(8) }),
    output: SearchSuggestions,
    readonly: true,
  },
  /** Every match of `query` in one article (the reader marks them and scrolls to the first). */
  'search.matches': {
    input: z.object({ id: Id, query: z.string().max(1000) }),
    output: z.object({ title: z.array(TextRange), body: z.array(TextRange) }),
    readonly: true,
  },
  'search.status': { input: z.object({}), output: SearchStatus, readonly: true },
  /** Rebuilds the library index with the current analyzer (after an upgrade). */
  'search.reindex': {
    input: z.object({}),
    output: z.object({ articleCount: z.number().int().nonnegative(), ms: z.number().int().nonnegative() }),
    progress: true,
  },
  /** Builds (or rebuilds) a collection's Lunr index now; otherwise it is built in the background when needed. */
  'search.buildCollectionIndex': {
    input: z.object({ collectionId: Id }),
    output: CollectionIndexInfo,
    progress: true,
  },
} as const satisfies Record<string, MethodSpec>;
