/**
 * Closed lists of words the schemas are built from, kept free of zod so the
 * renderer's first screen can check stored values against them without
 * loading the schemas.
 */

/** The parts of an article a column (CSV/TSV) or field (JSON) can be mapped to. */
export const importFields = ['title', 'body', 'source', 'author', 'date', 'url', 'lang', 'tags'] as const;

/** Highlight colours; the renderer draws each in both themes. */
export const highlightColors = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** What a search's facets count (people, places and organisations come from the entity index). */
export const facetKinds = [
  'source',
  'year',
  'month',
  'language',
  'tag',
  'collection',
  'person',
  'place',
  'organisation',
] as const;

/** How a search's hits are ordered. */
export const searchSorts = ['relevance', 'newest', 'oldest'] as const;

/** The kinds of names the entity tagger finds. */
export const entityKinds = ['person', 'place', 'organisation'] as const;
