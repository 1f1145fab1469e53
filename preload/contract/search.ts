/**
 * Search (main/core/search): one query language for the library index
 * (SQLite FTS5) and collection indexes (Lunr); see queryParser.ts.
 */
import { z } from 'zod';
import { facetKinds, searchSorts } from './lists';
import { ArticleFilter, ArticleSummary } from './library';
import { Id, Name, Ok, type MethodSpec } from './shapes';

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

/**
 * What a facet counts. The core fills those it can; the renderer shows
 * whatever kinds come back, so a kind added here (people, places and
 * organisations, from an entity index) needs no other change to appear.
 */
export const FacetKind = z.enum(facetKinds);
export type FacetKind = z.infer<typeof FacetKind>;

export const FacetGroup = z.object({
  kind: FacetKind,
  /**
   * Most frequent first (years and months: newest first). value: what a filter takes (a source or
   * collection id as a string, "2015", "2015-08", "ar", a tag name); null: articles without one.
   */
  values: z.array(
    z.object({ value: z.string().nullable(), label: z.string().nullable(), count: z.number().int().nonnegative() }),
  ),
  /** More values than listed (the rest are left out). */
  more: z.boolean(),
});
export type FacetGroup = z.infer<typeof FacetGroup>;

/** How a word or phrase of the query matches; a new way of matching is a new value here. */
export const QueryReadingVia = z.enum(['spelling', 'stem', 'phrase', 'prefix', 'fuzzy', 'language', 'excluded']);
export type QueryReadingVia = z.infer<typeof QueryReadingVia>;

export const QueryReading = z.object({
  /** The word or phrase as typed. */
  text: z.string(),
  via: z.array(QueryReadingVia),
  /** What it was turned into, where that says something: the stem, a prefix, near spellings found. */
  keys: z.array(z.string()),
});
export type QueryReading = z.infer<typeof QueryReading>;

/** A part of the query read other than as typed (search.query with lenient: true). */
export const QueryHint = z.object({
  kind: z.enum([
    'unclosedQuote',
    'unclosedGroup',
    'strayOperator',
    'unknownField',
    'misplacedSymbol',
    'tooLong',
    'nothingToFind',
  ]),
  text: z.string(),
});
export type QueryHint = z.infer<typeof QueryHint>;

export const SearchSort = z.enum(searchSorts);
export type SearchSort = z.infer<typeof SearchSort>;

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
  /** Facets as a list of kinds (the same counts as `facets`, and more kinds); null when not asked for. */
  facetGroups: z.array(FacetGroup).nullable(),
  /** How each word or phrase was understood, in query order. */
  understood: z.array(QueryReading),
  /** Parts of the query read leniently; empty for a strict query. */
  hints: z.array(QueryHint),
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

/**
 * A saved search ("smart collection"): the query as typed and the list's
 * filters. Its articles are not stored: they are what the query finds now,
 * so imports and edits change them. An empty query lists the filtered
 * library in date order.
 */
export const SavedSearchInfo = z.object({
  id: Id,
  name: z.string(),
  query: z.string(),
  filter: ArticleFilter,
  /** How many articles it finds now (counted when listed). */
  articleCount: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedSearchInfo = z.infer<typeof SavedSearchInfo>;

export const searchMethods = {
  // Search (main/core/search).
  /**
   * Ranked search of the library, or of one collection (filter.collectionId:
   * its Lunr index when built, else the library index restricted to it).
   * Malformed queries fail with QUERY_INVALID naming the position, unless lenient.
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
      /** relevance: the two tiers by score; newest/oldest: by publication date, undated last. */
      sort: SearchSort.default('relevance'),
      /** Read malformed input as well as possible and say how (`hints`), instead of failing (a search box). */
      lenient: z.boolean().default(false),
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
  /** Saved searches with what each finds now, by name. */
  'search.listSavedSearches': { input: z.object({}), output: z.array(SavedSearchInfo), readonly: true },
  /**
   * Saves a query and filters under a name; a search already saved under that name (case and
   * Arabic spelling variants aside) takes the new query and filters. A malformed query fails with QUERY_INVALID.
   */
  'search.saveSearch': {
    input: z.object({ name: Name, query: z.string().max(1000), filter: ArticleFilter.default({}) }),
    output: SavedSearchInfo,
  },
  'search.renameSavedSearch': { input: z.object({ id: Id, name: Name }), output: SavedSearchInfo },
  'search.deleteSavedSearch': { input: z.object({ id: Id }), output: Ok },
} as const satisfies Record<string, MethodSpec>;
