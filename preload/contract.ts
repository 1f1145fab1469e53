/**
 * THE API between Mizan's core and every client (Electron renderer over IPC,
 * the browser over the web host, tests). One list of methods: the IPC
 * handlers, the HTTP routes and the typed clients are all derived from it by
 * one loop, so a method exists everywhere or nowhere.
 *
 * Everything here is JSON-safe and free of Node and DOM APIs: the renderer,
 * the sandboxed preload and the main process all import it.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------
// Errors: stable codes cross the boundary; the UI turns them into words.

export const errorCodes = [
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'CONFLICT',
  'CANCELLED',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'IMPORT_UNSUPPORTED_FORMAT',
  'IMPORT_DECODE_FAILED',
  'IMPORT_EMPTY',
  'IMPORT_BINARY',
  'IMPORT_PARSE_FAILED',
  'IMPORT_READ_FAILED',
  'IMPORT_TOO_LARGE',
  'QUERY_INVALID',
  /** The library file failed SQLite's integrity check (or is not a database): restore a backup. */
  'LIBRARY_CORRUPT',
  /** The disk holding the library filled up: an import stops there, keeping what it stored before. */
  'DISK_FULL',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorData {
  code: ErrorCode;
  message: string;
}

/** The error every client throws; `code` survives IPC and HTTP unchanged. */
export class MizanError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'MizanError';
    this.code = code;
  }
  toData(): ErrorData {
    return { code: this.code, message: this.message };
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

// ---------------------------------------------------------------------------
// Shared shapes

const Id = z.number().int().positive();
const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const Name = z.string().trim().min(1).max(200);

export const DatePrecision = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof DatePrecision>;

export const Direction = z.enum(['rtl', 'ltr']);
export type Direction = z.infer<typeof Direction>;

export const PublishedAt = z.object({
  /** As written in the source, e.g. "(26/7/2021)" or "26 تموز 2021". */
  original: z.string().nullable(),
  iso: IsoDate.nullable(),
  precision: DatePrecision.nullable(),
});
export type PublishedAt = z.infer<typeof PublishedAt>;

/** The parts of an article a column (CSV/TSV) or field (JSON) can be mapped to. */
export const importFields = ['title', 'body', 'source', 'author', 'date', 'url', 'lang', 'tags'] as const;
export const ImportField = z.enum(importFields);
export type ImportField = z.infer<typeof ImportField>;

/** `{ title: 'headline', body: 'text' }`: which column holds each part (unmapped parts are guessed by name). */
export const ImportMapping = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  body: z.string().trim().min(1).max(200).optional(),
  source: z.string().trim().min(1).max(200).optional(),
  author: z.string().trim().min(1).max(200).optional(),
  date: z.string().trim().min(1).max(200).optional(),
  url: z.string().trim().min(1).max(200).optional(),
  lang: z.string().trim().min(1).max(200).optional(),
  tags: z.string().trim().min(1).max(200).optional(),
});
export type ImportMapping = z.infer<typeof ImportMapping>;

/** A text encoding's label as a user types it; the core refuses one it cannot decode (INVALID_ARGUMENT). */
export const EncodingLabel = z.string().trim().min(1).max(40);

/**
 * What a CSV/TSV file holds, read before importing it so the user can map
 * its columns (the UI's mapping dialog): the delimiter and encoding found,
 * the header, the first rows, and the mapping the importer would guess on
 * its own from the column names.
 */
export const TablePreview = z.object({
  /** The path or upload name it was asked for. */
  path: z.string(),
  format: z.enum(['csv', 'tsv']),
  /** One of `,` `;` tab `|`. */
  delimiter: z.string(),
  encoding: z.string(),
  /** Header cells, trimmed, in file order. */
  columns: z.array(z.string()),
  /** The first rows under the header (blank rows skipped), cells cut to 300 characters. */
  rows: z.array(z.array(z.string())),
  /** Rows under the header: counted when the whole file was read, else scaled from the part that was. */
  rowCount: z.number().int().nonnegative(),
  rowCountExact: z.boolean(),
  /** Which column the importer takes for each part when no mapping is given. */
  guessed: ImportMapping,
});
export type TablePreview = z.infer<typeof TablePreview>;

/**
 * Jaccard similarity of word shingles at or above which an imported article
 * is linked to an earlier one as its near-duplicate. The detector is tuned to
 * find pairs from 0.5 up (see main/core/importers/minhash.ts).
 */
export const NearDuplicateThreshold = z.number().min(0.5).max(1);
export const defaultNearDuplicateThreshold = 0.6;

export const NearDuplicateLink = z.object({
  id: Id,
  title: z.string(),
  source: z.string().nullable(),
  /** Estimated Jaccard similarity of the two texts' word shingles, 0..1. */
  similarity: z.number().min(0).max(1),
});
export type NearDuplicateLink = z.infer<typeof NearDuplicateLink>;

export const ArticleSummary = z.object({
  id: Id,
  title: z.string(),
  source: z.string().nullable(),
  sourceId: Id.nullable(),
  author: z.string().nullable(),
  publishedAt: PublishedAt,
  lang: z.string(),
  dir: Direction,
  url: z.string().nullable(),
  wordCount: z.number().int().nonnegative(),
  importedAt: z.string(),
  tags: z.array(z.string()),
  /** Set when the article was imported as a near-duplicate of that earlier one (lists can mark it). */
  nearDuplicateOfId: Id.nullable().optional(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const Article = ArticleSummary.extend({
  body: z.string(),
  originPath: z.string().nullable(),
  originFormat: z.string().nullable(),
  encoding: z.string().nullable(),
  contentHash: z.string(),
  updatedAt: z.string(),
  collections: z.array(z.object({ id: Id, name: z.string() })),
  /** Sanitized article HTML kept from an HTML import: no script, handler, iframe or remote resource. */
  bodyHtml: z.string().nullable().optional(),
  /** The earlier article this one was imported as a near-duplicate of. */
  nearDuplicateOf: NearDuplicateLink.nullable().optional(),
  /** Later articles imported as near-duplicates of this one. */
  nearDuplicates: z.array(NearDuplicateLink).optional(),
});
export type Article = z.infer<typeof Article>;

export const ImportReport = z.object({
  imported: z.array(z.object({ id: Id, title: z.string(), source: z.string().nullable(), path: z.string() })),
  duplicates: z.array(z.object({ path: z.string(), of: Id, title: z.string() })),
  errors: z.array(z.object({ path: z.string(), code: z.enum(errorCodes), message: z.string() })),
  /** Articles imported and linked to an earlier near-identical one (`of`). */
  nearDuplicates: z
    .array(z.object({ path: z.string(), id: Id, of: Id, similarity: z.number().min(0).max(1) }))
    .optional(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ArticleSort = z.enum(['publishedAt', 'importedAt', 'title', 'source']);

export const ArticleFilter = z.object({
  sourceIds: z.array(Id).max(500).optional(),
  dateFrom: IsoDate.optional(),
  dateTo: IsoDate.optional(),
  lang: z.string().min(2).max(12).optional(),
  tag: Name.optional(),
  collectionId: Id.optional(),
});
export type ArticleFilter = z.infer<typeof ArticleFilter>;

export const ArticlePage = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  items: z.array(ArticleSummary),
});
export type ArticlePage = z.infer<typeof ArticlePage>;

export const SourceInfo = z.object({
  id: Id,
  name: z.string(),
  aliases: z.array(z.string()),
  articleCount: z.number().int().nonnegative(),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

export const TagInfo = z.object({ id: Id, name: z.string(), articleCount: z.number().int().nonnegative() });
export type TagInfo = z.infer<typeof TagInfo>;

export const CollectionInfo = z.object({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  articleCount: z.number().int().nonnegative(),
  createdAt: z.string(),
});
export type CollectionInfo = z.infer<typeof CollectionInfo>;

export const UploadedFile = z.object({
  name: z.string().min(1).max(1024),
  /** File bytes, base64: imports must see the raw bytes to detect encodings. */
  contentBase64: z.string(),
});

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web', 'cli', 'test']),
  libraryPath: z.string(),
  articleCount: z.number().int().nonnegative(),
  importFormats: z.array(z.object({ id: z.string(), label: z.string(), extensions: z.array(z.string()) })),
});
export type AppInfo = z.infer<typeof AppInfo>;

const Ok = z.object({ ok: z.literal(true) });

// ---------------------------------------------------------------------------
// Workbench: highlights, notes, organizing, undo, UI settings (renderer issue)

/** Highlight colours; the renderer draws each in both themes. */
export const highlightColors = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export const HighlightColor = z.enum(highlightColors);
export type HighlightColor = z.infer<typeof HighlightColor>;

/**
 * Where a highlight stands in the article's current text, found again on
 * every read from its quote and context (W3C TextQuoteSelector) and offsets:
 * 'anchored' = the quote is still at its offsets; 'moved' = found elsewhere or
 * in a slightly different form (spacing, diacritics); 'orphaned' = not found,
 * kept and shown with its quote, never dropped.
 */
export const AnchorStatus = z.enum(['anchored', 'moved', 'orphaned']);
export type AnchorStatus = z.infer<typeof AnchorStatus>;

export const Highlight = z.object({
  id: Id,
  articleId: Id,
  /** The text as it was highlighted, with up to 32 characters of context each side. */
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  color: HighlightColor,
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: AnchorStatus,
  /** UTF-16 offsets of the highlight in the article's current body; null when orphaned. */
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
});
export type Highlight = z.infer<typeof Highlight>;

export const HighlightListItem = Highlight.extend({
  article: z.object({ id: Id, title: z.string(), source: z.string().nullable(), lang: z.string(), dir: Direction }),
});
export type HighlightListItem = z.infer<typeof HighlightListItem>;

export const Note = z.object({
  id: Id,
  /** null for a note of the library, or one whose article was deleted. */
  articleId: Id.nullable(),
  title: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Note = z.infer<typeof Note>;

export const LanguageInfo = z.object({ code: z.string(), articleCount: z.number().int().nonnegative() });
export type LanguageInfo = z.infer<typeof LanguageInfo>;

const SqlJson = z.union([z.string(), z.number(), z.null()]);
const SqlRow = z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), SqlJson);

/** Everything a deleted article took with it, for undo: rows as stored, JSON-safe. */
export const ArticleSnapshot = z.object({
  article: SqlRow,
  tags: z.array(z.string()),
  collections: z.array(z.object({ collectionId: Id, position: z.number().int(), addedAt: z.string() })),
  highlights: z.array(SqlRow),
  /** Notes stay when their article goes (unlinked); undo links them again. */
  noteIds: z.array(Id),
  /**
   * Rows of other features that pointed at the article or its highlights
   * (dossier items, comparisons, near-duplicate links either way).
   */
  related: z.array(
    z.object({ table: z.enum(['dossier_items', 'comparison_articles', 'near_duplicates']), row: SqlRow }),
  ),
});
export type ArticleSnapshot = z.infer<typeof ArticleSnapshot>;

/** UI state kept with the library (the web host's origin changes each run, so localStorage alone forgets). */
export const UiSettings = z.record(z.string().min(1).max(100), z.unknown());
export type UiSettings = z.infer<typeof UiSettings>;

const HighlightRange = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().positive() })
  .refine((r) => r.end > r.start, 'end must be after start');

// ---------------------------------------------------------------------------
// Search (main/core/search): one query language for the library index
// (SQLite FTS5) and collection indexes (Lunr); see queryParser.ts.

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
  /** ready: current; stale: being (or to be) rebuilt after a change; none: never built. */
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

// ---------------------------------------------------------------------------
// Dossiers: ordered articles, excerpts (highlights), notes and comparisons,
// exported as a PDF or a self-contained offline HTML file.

export const DossierItemKind = z.enum(['article', 'highlight', 'note', 'comparison']);
export type DossierItemKind = z.infer<typeof DossierItemKind>;

/** What to put in a dossier: `{ kind: 'article', id: 12 }`. */
export const DossierItemRef = z.object({ kind: DossierItemKind, id: Id });
export type DossierItemRef = z.infer<typeof DossierItemRef>;

export const DossierItemInfo = z.object({
  /** The item's own id (for removeItem and reorder), not the article's. */
  id: Id,
  /** 1-based place in the dossier. */
  position: z.number().int().positive(),
  kind: DossierItemKind,
  /** Id of the article, highlight, note or comparison. */
  refId: Id,
  /** The article behind an article, highlight or note. */
  articleId: Id.nullable(),
  /** Article or comparison title, a highlight's quote, a note's title or first words. */
  title: z.string(),
  source: z.string().nullable(),
  publishedAt: PublishedAt.nullable(),
  dir: Direction,
  /** The section the item is in; null for the items before the first section. */
  sectionId: Id.nullable(),
});
export type DossierItemInfo = z.infer<typeof DossierItemInfo>;

/** A titled group of items; a heading (with its own outline level) in the exports. */
export const DossierSectionInfo = z.object({
  id: Id,
  title: z.string(),
  /** 1-based place among the dossier's sections. */
  position: z.number().int().positive(),
});
export type DossierSectionInfo = z.infer<typeof DossierSectionInfo>;

export const DossierSummary = z.object({
  id: Id,
  title: z.string(),
  subtitle: z.string().nullable(),
  author: z.string().nullable(),
  description: z.string().nullable(),
  /** Language of the document's own words (BCP 47); null: the items' majority. */
  lang: z.string().nullable(),
  itemCount: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

/** Items in dossier order: the unsectioned ones first, then each section's in turn. */
export const DossierInfo = DossierSummary.extend({
  sections: z.array(DossierSectionInfo),
  items: z.array(DossierItemInfo),
});
export type DossierInfo = z.infer<typeof DossierInfo>;

/** A dossier's own words, stored with it and used by the exports unless an export overrides them. */
export const DossierMetadata = z.object({
  subtitle: z.string().trim().max(500).nullable().optional(),
  author: z.string().trim().max(200).nullable().optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  /** Language of the document (BCP 47 primary tag, e.g. "ar", "en"). */
  lang: z
    .string()
    .trim()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'a language tag such as "ar" or "en"')
    .nullable()
    .optional(),
});
export type DossierMetadata = z.infer<typeof DossierMetadata>;

/**
 * What to export: a stored dossier (`dossierId`) or, for scripts, a list of
 * articles (`articleIds`). With `path` the file is written there (absolute,
 * ending in .pdf / .html); without it the bytes come back as base64 (the web
 * host's download).
 */
export const DossierExportInput = z
  .object({
    dossierId: Id.optional(),
    articleIds: z.array(Id).min(1).max(10_000).optional(),
    path: z.string().min(1).max(4096).optional(),
    /** Overrides the dossier's own title and subtitle. */
    title: Name.optional(),
    subtitle: z.string().trim().max(500).optional(),
    /** Shown on the cover and stored as the document's author. */
    author: z.string().trim().max(200).optional(),
    /** Language of the document's own words and page direction; default: the items' majority. */
    lang: z.string().min(2).max(12).optional(),
    align: z.enum(['start', 'justify']).optional(),
    /** Page-number digits: Western (1 2 3) or Arabic-Indic (١ ٢ ٣). */
    numerals: z.enum(['latn', 'arab']).optional(),
  })
  .refine((v) => (v.dossierId === undefined) !== (v.articleIds === undefined), {
    message: 'give either dossierId or articleIds',
  });
export type DossierExportInput = z.infer<typeof DossierExportInput>;

export const DossierExportResult = z.object({
  /** Where the file was written, or null when it came back inline. */
  path: z.string().nullable(),
  /** Pages of a PDF; null for HTML. */
  pages: z.number().int().positive().nullable(),
  bytes: z.number().int().nonnegative(),
  items: z.number().int().nonnegative(),
  /** The file itself when no path was given. */
  contentBase64: z.string().optional(),
});
export type DossierExportResult = z.infer<typeof DossierExportResult>;

export const BackupInfo = z.object({
  name: z.string(),
  path: z.string(),
  reason: z.enum(['manual', 'scheduled', 'pre-migration', 'pre-restore', 'replaced']),
  createdAt: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

// ---------------------------------------------------------------------------
// Source comparison (main/core/compare): story clusters, aligned sentences,
// fact ledgers. Offsets (start/end) are UTF-16 offsets into the article's
// `body`; `article` indexes point into the `articles` of the same answer.

/** Clustering settings; one left out keeps the library's current (or the default) value. */
export const ClusterSettings = z.object({
  /** Story score (0..1) at or above which an article joins a story. Default 0.4. */
  threshold: z.number().min(0.05).max(1),
  /** Articles further apart than this many days are never one story; a story spans at most this. Default 2. */
  windowDays: z.number().int().min(0).max(60),
});
export type ClusterSettings = z.infer<typeof ClusterSettings>;

export const ClusterRun = z.object({
  /** incremental: only new or changed articles placed; full: every story rebuilt. */
  mode: z.enum(['full', 'incremental']),
  at: z.string(),
  seconds: z.number().nonnegative(),
  /** Articles placed in this run. */
  placed: z.number().int().nonnegative(),
  /** Articles analysed in this run (the others reused their cached signature). */
  analysed: z.number().int().nonnegative(),
  clusters: z.number().int().nonnegative(),
  /** Clusters of two or more articles. */
  stories: z.number().int().nonnegative(),
});
export type ClusterRun = z.infer<typeof ClusterRun>;

export const StoryArticle = z.object({
  id: Id,
  title: z.string(),
  source: z.string().nullable(),
  sourceId: Id.nullable(),
  publishedAt: PublishedAt,
  lang: z.string(),
  dir: Direction,
  url: z.string().nullable(),
  /** Story score it joined with (0..1); null for the article that began the story. */
  similarity: z.number().min(0).max(1).nullable(),
});
export type StoryArticle = z.infer<typeof StoryArticle>;

export const StoryCluster = z.object({
  id: Id,
  size: z.number().int().positive(),
  outletCount: z.number().int().nonnegative(),
  outlets: z.array(z.string()),
  /** Mean similarity with which its articles joined (0..1); null for a story of one. */
  score: z.number().min(0).max(1).nullable(),
  /** First and last day (YYYY-MM-DD) of its articles (publication date, else import date). */
  dateRange: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  /** Oldest first. */
  articles: z.array(StoryArticle),
});
export type StoryCluster = z.infer<typeof StoryCluster>;

export const ClusterPage = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  items: z.array(StoryCluster),
  /** Articles not in any story yet (imported since the last run): run compare.cluster. */
  unclustered: z.number().int().nonnegative(),
  settings: ClusterSettings,
  lastRun: ClusterRun.nullable(),
});
export type ClusterPage = z.infer<typeof ClusterPage>;

export const TextSpan = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type TextSpan = z.infer<typeof TextSpan>;

/** An article as a comparison shows it: its text is what every offset points into. */
export const ComparedArticle = z.object({
  id: Id,
  title: z.string(),
  source: z.string().nullable(),
  publishedAt: PublishedAt,
  lang: z.string(),
  dir: Direction,
  url: z.string().nullable(),
  body: z.string(),
});
export type ComparedArticle = z.infer<typeof ComparedArticle>;

/** A word-level difference inside an aligned row: `a` in the reference article, `b` in the other. */
export const WordChange = z.object({
  /** move: the same phrase stands elsewhere in the sentence (`a` where it was, `b` where it is). */
  op: z.enum(['replace', 'insert', 'delete', 'move']),
  /** In the `against` article's body (null for an insertion). */
  a: TextSpan.nullable(),
  /** In the diffed article's body (null for a deletion). */
  b: TextSpan.nullable(),
  /** Only function words differ (في وزارة / بوزارة): no rewording, drawn unmarked. */
  minor: z.boolean(),
});
export type WordChange = z.infer<typeof WordChange>;

export const RowDiff = z.object({
  /** The article diffed... */
  article: z.number().int().nonnegative(),
  /** ...against the first article carrying the row. */
  against: z.number().int().nonnegative(),
  similarity: z.number().min(0).max(1),
  changes: z.array(WordChange),
});
export type RowDiff = z.infer<typeof RowDiff>;

export const AlignmentRow = z.object({
  /** shared: 2+ articles carry it with the same content words (spelling, spacing and function words aside); reworded: 2+ carry it with differences; unique: one does. */
  kind: z.enum(['shared', 'reworded', 'unique']),
  /** Per article (same order as `articles`), its sentence indexes in this row; empty: not carried. The coverage map. */
  cells: z.array(z.array(z.number().int().nonnegative())),
  /** Articles that carry this row out of the order of the articles before them (a moved sentence). */
  moved: z.array(z.number().int().nonnegative()),
  diffs: z.array(RowDiff),
});
export type AlignmentRow = z.infer<typeof AlignmentRow>;

export const Alignment = z.object({
  articles: z.array(ComparedArticle),
  /** Per article, its sentences. */
  sentences: z.array(z.array(TextSpan)),
  /** In reading order: the first article's order, other articles' sentences after their predecessors. */
  rows: z.array(AlignmentRow),
  /** Per article, sentences no other article carries. */
  unique: z.array(z.array(z.number().int().nonnegative())),
});
export type Alignment = z.infer<typeof Alignment>;

export const NumberFact = z.object({
  value: z.number(),
  /** As written, with its unit ("2500 جندي", "10 آلاف", "ثلاثة"). */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** What it counts, as written, or null. */
  unit: z.string().nullable(),
  /** Matching key of the unit (هجوما and هجوم agree). */
  unitKey: z.string().nullable(),
  context: TextSpan,
  sentence: z.number().int().nonnegative(),
});
export const DateFact = z.object({
  /** Gregorian: YYYY-MM-DD, YYYY-MM or YYYY according to precision. */
  iso: z.string(),
  precision: DatePrecision,
  /** The calendar the text gave it in: show a Hijri date in both calendars. */
  calendar: z.enum(['gregorian', 'islamic-umalqura']),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  sentence: z.number().int().nonnegative(),
});
export const QuoteFact = z.object({
  /** The quoted words, without the marks. */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** Who says it as the article puts it ("وزير الخارجية العراقي، فؤاد حسين"); null when nobody is named. */
  speaker: z.string().nullable(),
  /** Their name alone when given ("فؤاد حسين"), else their description ("المسؤول"). */
  speakerName: z.string().nullable(),
  speakerSpan: TextSpan.nullable(),
  /** What introduces it ("وقال", "بحسب", "said"). */
  cue: z.string().nullable(),
  sentence: z.number().int().nonnegative(),
  /** Reported speech without quotation marks (وأوضح الوزير أن …): the clause after أن/إن. */
  reported: z.boolean(),
});
export const EntityKind = z.enum(['person', 'place', 'organisation']);
export const EntityFact = z.object({
  kind: EntityKind,
  name: z.string(),
  key: z.string(),
  mentions: z.array(TextSpan),
});
export const ArticleFacts = z.object({
  numbers: z.array(NumberFact),
  dates: z.array(DateFact),
  quotes: z.array(QuoteFact),
  entities: z.array(EntityFact),
  /** Numbers of the headline (offsets into the title). */
  titleNumbers: z.array(NumberFact),
});
export type ArticleFacts = z.infer<typeof ArticleFacts>;

/**
 * A disagreement between articles: number (same unit, different value, in an
 * aligned sentence or a like context), sum (a total one outlet gives against
 * the parts another gives), date, speaker (one quotation given to different
 * people), quote-unique (a quotation only one article carries).
 */
export const FactConflict = z.object({
  kind: z.enum(['number', 'sum', 'date', 'speaker', 'quote-unique']),
  /** What it is about: the unit, the date as written, the quotation's first words. */
  subject: z.string(),
  items: z.array(
    z.object({
      article: z.number().int().nonnegative(),
      value: z.string(),
      /** Offsets into the body, or into the title when inTitle. */
      start: z.number().int(),
      end: z.number().int(),
      /** The sentence giving the value (the headline when inTitle). */
      sentence: z.string(),
      inTitle: z.boolean(),
      /** In a sum: the total, or one of the parts. */
      role: z.enum(['whole', 'part']).nullable(),
    }),
  ),
  /** The alignment row it was found in, if any. */
  row: z.number().int().nonnegative().nullable(),
});
export type FactConflict = z.infer<typeof FactConflict>;

/** A person, place or body across the compared articles: mentions per article (0: not named there). */
export const MergedEntity = z.object({
  kind: EntityKind,
  name: z.string(),
  key: z.string(),
  mentions: z.array(z.number().int().nonnegative()),
});

export const FactLedger = z.object({
  articles: z.array(ComparedArticle),
  facts: z.array(ArticleFacts),
  entities: z.array(MergedEntity),
  conflicts: z.array(FactConflict),
});
export type FactLedger = z.infer<typeof FactLedger>;

export const Comparison = Alignment.extend({
  facts: z.array(ArticleFacts),
  entities: z.array(MergedEntity),
  conflicts: z.array(FactConflict),
});
export type Comparison = z.infer<typeof Comparison>;

/** Alignment settings (0..1): in-order match, out-of-order (moved) match. */
export const AlignSettings = z.object({
  matchThreshold: z.number().min(0.05).max(1).optional(),
  movedThreshold: z.number().min(0.05).max(1).optional(),
});
export type AlignSettings = z.infer<typeof AlignSettings>;

const ComparedIds = z
  .array(Id)
  .min(2)
  .max(12)
  .refine((ids) => new Set(ids).size === ids.length, 'an article can be compared with others, not with itself');

/** A comparison kept for a dossier: its articles and settings; recomputed when opened. */
export const SavedComparison = z.object({
  id: Id,
  title: z.string(),
  articleIds: z.array(Id),
  settings: AlignSettings,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedComparison = z.infer<typeof SavedComparison>;

// ---------------------------------------------------------------------------
// Long work reports progress through the contract.

export const Progress = z.object({
  jobId: z.string(),
  done: z.number().int().nonnegative(),
  /** null while the total is not known yet (a folder still being walked). */
  total: z.number().int().nonnegative().nullable(),
  label: z.string().optional(),
});
export type Progress = z.infer<typeof Progress>;

// ---------------------------------------------------------------------------
// The method list

interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  /** True when the method reports Progress and honours cancellation. */
  progress?: boolean;
  /** Read-only methods; hosts may retry them. */
  readonly?: boolean;
}

export const contract = {
  'app.info': { input: z.object({}), output: AppInfo, readonly: true },
  'jobs.cancel': { input: z.object({ jobId: z.string().min(1) }), output: Ok },

  'library.importFiles': {
    input: z.object({
      paths: z.array(z.string().min(1)).min(1).max(100_000),
      collection: Name.optional(),
      tags: z.array(Name).max(50).optional(),
      /** Title to use for a single plain-text file instead of its first sentence. */
      title: Name.optional(),
      mapping: ImportMapping.optional(),
      /** CSV/TSV: the mapping names every part to import; parts it leaves out are not guessed from column names. */
      mappingComplete: z.boolean().optional(),
      /** Read every file in this encoding (a label: windows-1254, iso-8859-6, utf-16le...) instead of detecting it. */
      encoding: EncodingLabel.optional(),
      nearDuplicateThreshold: NearDuplicateThreshold.optional(),
      /** Files larger than this are refused (default 50 MB). */
      maxFileBytes: z
        .number()
        .int()
        .positive()
        .max(2 ** 31)
        .optional(),
    }),
    output: ImportReport,
    progress: true,
  },
  'library.importUploads': {
    input: z.object({
      files: z.array(UploadedFile).min(1).max(10_000),
      collection: Name.optional(),
      tags: z.array(Name).max(50).optional(),
      mapping: ImportMapping.optional(),
      /** As in library.importFiles. */
      mappingComplete: z.boolean().optional(),
      /** As in library.importFiles. */
      encoding: EncodingLabel.optional(),
      nearDuplicateThreshold: NearDuplicateThreshold.optional(),
    }),
    output: ImportReport,
    progress: true,
  },
  /**
   * A CSV/TSV file's delimiter, encoding, header, first rows and guessed
   * mapping, from a path or from an upload's bytes. Nothing is stored. An
   * upload may carry only the beginning of a big file (cut at a line end),
   * with `size` the whole file's bytes, to scale the row count.
   */
  'library.previewTable': {
    input: z
      .object({
        path: z.string().min(1).optional(),
        upload: UploadedFile.extend({ size: z.number().int().nonnegative().optional() }).optional(),
        rows: z.number().int().min(1).max(20).default(5),
      })
      .refine((v) => (v.path === undefined) !== (v.upload === undefined), 'give path or upload'),
    output: TablePreview,
    readonly: true,
  },
  /**
   * The files an import of `paths` would read: folders walked as the import
   * walks them (hidden entries skipped, names in order), so the UI can find
   * the CSV/TSV files inside a dropped folder and ask for their columns.
   * Paths that cannot be read are listed with the import's error.
   */
  'library.listImportFiles': {
    input: z.object({ paths: z.array(z.string().min(1)).min(1).max(100_000) }),
    output: z.object({ files: z.array(z.string()), errors: ImportReport.shape.errors }),
    readonly: true,
  },
  'library.listArticles': {
    input: z.object({
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(1000).default(100),
      sort: ArticleSort.default('publishedAt'),
      order: z.enum(['asc', 'desc']).default('desc'),
      filter: ArticleFilter.default({}),
    }),
    output: ArticlePage,
    readonly: true,
  },
  'library.getArticle': { input: z.object({ id: Id }), output: Article, readonly: true },
  'library.updateArticle': {
    input: z.object({
      id: Id,
      patch: z
        .object({
          title: Name.max(2000),
          author: z.string().max(500).nullable(),
          source: Name.nullable(),
          /** A date as written; Mizan parses it and keeps the original. */
          publishedAt: z.string().max(200).nullable(),
          lang: z.string().min(2).max(12),
          dir: Direction,
          url: z.string().max(4000).nullable(),
          tags: z.array(Name).max(200),
        })
        .partial(),
    }),
    output: Article,
  },
  'library.deleteArticle': { input: z.object({ id: Id }), output: Ok },
  'library.listSources': { input: z.object({}), output: z.array(SourceInfo), readonly: true },
  'library.listTags': { input: z.object({}), output: z.array(TagInfo), readonly: true },
  'library.listCollections': { input: z.object({}), output: z.array(CollectionInfo), readonly: true },
  'library.createCollection': {
    input: z.object({ name: Name, description: z.string().max(2000).optional() }),
    output: CollectionInfo,
  },
  'library.renameCollection': { input: z.object({ id: Id, name: Name }), output: CollectionInfo },
  'library.deleteCollection': { input: z.object({ id: Id }), output: Ok },
  'library.addToCollection': {
    input: z.object({ collectionId: Id, articleIds: z.array(Id).min(1).max(100_000) }),
    output: CollectionInfo,
  },
  'library.removeFromCollection': {
    input: z.object({ collectionId: Id, articleIds: z.array(Id).min(1).max(100_000) }),
    output: CollectionInfo,
  },
  'library.reorderCollection': {
    input: z.object({ collectionId: Id, articleIds: z.array(Id).min(1).max(100_000) }),
    output: CollectionInfo,
  },

  // Workbench (renderer issue): highlights, notes, organizing, undo, settings.
  'highlights.create': {
    input: z.object({
      articleId: Id,
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      /** The text the user saw selected: refused (CONFLICT) when the stored body differs there. */
      quote: z.string().max(100_000).optional(),
      color: HighlightColor.default('yellow'),
      note: z.string().max(20_000).nullable().optional(),
    }),
    output: Highlight,
  },
  'highlights.update': {
    input: z.object({
      id: Id,
      color: HighlightColor.optional(),
      note: z.string().max(20_000).nullable().optional(),
      /** Anchors the highlight anew on this range of the current body (accept a moved one, re-attach an orphan). */
      range: HighlightRange.optional(),
    }),
    output: Highlight,
  },
  'highlights.delete': { input: z.object({ id: Id }), output: Ok },
  'highlights.listForArticle': { input: z.object({ articleId: Id }), output: z.array(Highlight), readonly: true },
  'highlights.listAll': {
    input: z.object({
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(1000).default(200),
      status: AnchorStatus.optional(),
      color: HighlightColor.optional(),
    }),
    output: z.object({ total: z.number().int().nonnegative(), items: z.array(HighlightListItem) }),
    readonly: true,
  },
  'notes.create': {
    input: z.object({
      articleId: Id.nullable().default(null),
      title: z.string().max(500).nullable().optional(),
      body: z.string().min(1).max(200_000),
    }),
    output: Note,
  },
  'notes.update': {
    input: z.object({
      id: Id,
      title: z.string().max(500).nullable().optional(),
      body: z.string().min(1).max(200_000).optional(),
    }),
    output: Note,
  },
  'notes.delete': { input: z.object({ id: Id }), output: Ok },
  'notes.list': { input: z.object({ articleId: Id.optional() }), output: z.array(Note), readonly: true },
  'library.tagArticles': {
    input: z.object({ articleIds: z.array(Id).min(1).max(100_000), tags: z.array(Name).min(1).max(50) }),
    output: Ok,
  },
  'library.untagArticles': {
    input: z.object({ articleIds: z.array(Id).min(1).max(100_000), tags: z.array(Name).min(1).max(50) }),
    output: Ok,
  },
  /** Renaming onto an existing tag's name merges the two. */
  'library.renameTag': { input: z.object({ id: Id, name: Name }), output: TagInfo },
  'library.deleteTag': { input: z.object({ id: Id }), output: Ok },
  /** The merged outlets' names become aliases of the target: later imports under them land there. */
  'library.mergeSources': {
    input: z.object({ targetId: Id, sourceIds: z.array(Id).min(1).max(500) }),
    output: SourceInfo,
  },
  /** The old name stays as an alias. */
  'library.renameSource': { input: z.object({ id: Id, name: Name }), output: SourceInfo },
  'library.listLanguages': { input: z.object({}), output: z.array(LanguageInfo), readonly: true },
  /** A collection's articles in the collection's own order. */
  'library.listCollectionArticles': {
    input: z.object({
      collectionId: Id,
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    output: ArticlePage,
    readonly: true,
  },
  /** Moves one article of a collection before another (null: to the end). */
  'library.moveCollectionItem': {
    input: z.object({ collectionId: Id, articleId: Id, beforeId: Id.nullable() }),
    output: CollectionInfo,
  },
  /** Deletes articles and returns what undo needs to bring them back. */
  'library.deleteArticles': {
    input: z.object({ ids: z.array(Id).min(1).max(10_000) }),
    output: z.object({ deleted: z.array(Id), snapshots: z.array(ArticleSnapshot) }),
  },
  'library.restoreArticles': {
    input: z.object({ snapshots: z.array(ArticleSnapshot).min(1).max(10_000) }),
    output: z.object({
      restored: z.array(z.object({ id: Id, previousId: Id })),
      /** Articles whose text was imported again meanwhile: not restored twice. */
      conflicts: z.array(z.object({ previousId: Id, existingId: Id })),
    }),
  },
  /**
   * An edited re-import: article `id` takes the text of `fromArticleId` (a
   * fresh import of the new version), which is then removed. Tags, collections
   * and highlights stay with `id`; highlights re-anchor on the new text.
   */
  'library.replaceBody': {
    input: z.object({ id: Id, fromArticleId: Id }),
    output: z.object({
      article: Article,
      highlights: z.object({ anchored: z.number().int(), moved: z.number().int(), orphaned: z.number().int() }),
    }),
  },
  'app.settings.get': { input: z.object({}), output: UiSettings, readonly: true },
  /** Merges `values` into the stored settings; a null value removes the key. */
  'app.settings.set': { input: z.object({ values: UiSettings }), output: Ok },

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
  'dossier.list': { input: z.object({}), output: z.array(DossierSummary), readonly: true },
  'dossier.get': { input: z.object({ id: Id }), output: DossierInfo, readonly: true },
  'dossier.create': {
    input: DossierMetadata.extend({
      title: Name,
      items: z.array(DossierItemRef).max(10_000).optional(),
    }),
    output: DossierInfo,
  },
  /** Sets the fields given; null clears one (title cannot be cleared). */
  'dossier.update': { input: DossierMetadata.extend({ id: Id, title: Name.optional() }), output: DossierInfo },
  'dossier.rename': {
    input: z.object({ id: Id, title: Name, subtitle: z.string().trim().max(500).nullable().optional() }),
    output: DossierInfo,
  },
  'dossier.delete': { input: z.object({ id: Id }), output: Ok },
  'dossier.addItems': {
    input: z.object({
      id: Id,
      items: z.array(DossierItemRef).min(1).max(10_000),
      /** 1-based place to insert before; default: at the end. */
      position: z.number().int().positive().optional(),
      /** Instead of a position: at the end of this section (null: of the unsectioned items). */
      sectionId: Id.nullable().optional(),
    }),
    output: DossierInfo,
  },
  'dossier.removeItem': { input: z.object({ id: Id, itemId: Id }), output: DossierInfo },
  /** Puts `itemIds` first in that order; items not named keep their order after them. */
  'dossier.reorder': { input: z.object({ id: Id, itemIds: z.array(Id).min(1).max(10_000) }), output: DossierInfo },
  /** Moves an item into a section (null: before the first section) at a 0-based index among that section's items; default: its end. */
  'dossier.moveItem': {
    input: z.object({ id: Id, itemId: Id, sectionId: Id.nullable(), index: z.number().int().nonnegative().optional() }),
    output: DossierInfo,
  },
  /** A new section, before the 1-based section `position` (default: last); `itemIds` move into it. */
  'dossier.addSection': {
    input: z.object({
      id: Id,
      title: Name,
      position: z.number().int().positive().optional(),
      itemIds: z.array(Id).max(10_000).optional(),
    }),
    output: DossierInfo,
  },
  'dossier.renameSection': { input: z.object({ id: Id, sectionId: Id, title: Name }), output: DossierInfo },
  /** Removes the heading only: its items join the section before it (or the unsectioned items). */
  'dossier.deleteSection': { input: z.object({ id: Id, sectionId: Id }), output: DossierInfo },
  /** Puts `sectionIds` first in that order; sections not named keep their order after them. */
  'dossier.reorderSections': {
    input: z.object({ id: Id, sectionIds: z.array(Id).min(1).max(1000) }),
    output: DossierInfo,
  },
  'dossier.exportPdf': { input: DossierExportInput, output: DossierExportResult, progress: true },
  'dossier.exportHtml': { input: DossierExportInput, output: DossierExportResult, progress: true },

  // Library safety (issue 9): backups, restore, bundles. Paths are on the machine running the core.
  /** An online backup of the library now, into the backups folder beside it. */
  'library.backupNow': { input: z.object({}), output: BackupInfo },
  /** Backups of this library, newest first (automatic ones, manual ones, and files a restore replaced). */
  'library.listBackups': { input: z.object({}), output: z.array(BackupInfo), readonly: true },
  /** Replaces the library with a backup (by name); the current file is kept in the backups folder. */
  'library.restoreBackup': {
    input: z.object({
      name: z
        .string()
        .min(1)
        .max(300)
        .regex(/^[^/\\]+$/, 'a backup name, not a path'),
    }),
    output: z.object({ restoredFrom: z.string(), keptAside: z.string().nullable() }),
  },
  /** Writes the library and its settings into one new file (a Mizan library bundle) at absolute `path`; CONFLICT if it exists. */
  'library.exportBundle': {
    input: z.object({ path: z.string().min(1).max(4096) }),
    output: z.object({ path: z.string(), bytes: z.number().int().nonnegative() }),
  },
  /** Replaces the library with a bundle's (checked first); the current file is kept in the backups folder. */
  'library.importBundle': {
    input: z.object({ path: z.string().min(1).max(4096) }),
    output: z.object({ keptAside: z.string().nullable() }),
  },
  // Source comparison (main/core/compare).
  /** Stories (clusters of articles reporting one event), biggest or newest first. */
  'compare.clusters': {
    input: z.object({
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(500).default(50),
      sort: z.enum(['size', 'date', 'outlets']).default('size'),
      /** Stories of at least this many articles (1 lists stories told once too). */
      minSize: z.number().int().min(1).default(2),
      /** Stories told by at least this many outlets. */
      minOutlets: z.number().int().min(1).default(1),
      /** Stories overlapping this date range. */
      dateFrom: IsoDate.optional(),
      dateTo: IsoDate.optional(),
      /** Stories that one of these outlets tells. */
      sourceIds: z.array(Id).max(500).optional(),
    }),
    output: ClusterPage,
    readonly: true,
  },
  /** One story by id, or the story of an article ("other coverage of this story"); null when not clustered. */
  'compare.getCluster': {
    input: z
      .object({ clusterId: Id.optional(), articleId: Id.optional() })
      .refine((v) => (v.clusterId === undefined) !== (v.articleId === undefined), 'give clusterId or articleId'),
    output: StoryCluster.nullable(),
    readonly: true,
  },
  /** Places new and changed articles into stories (incremental), or rebuilds them all (full, or when settings change). */
  'compare.cluster': {
    input: z.object({
      mode: z.enum(['incremental', 'full']).default('incremental'),
      settings: ClusterSettings.partial().optional(),
    }),
    output: ClusterRun,
    progress: true,
  },
  /** Two or more articles side by side: aligned sentences with word differences, facts and conflicts. */
  'compare.articles': {
    input: z.object({ articleIds: ComparedIds, settings: AlignSettings.optional() }),
    output: Comparison,
    readonly: true,
  },
  /** The alignment alone. */
  'compare.align': {
    input: z.object({ articleIds: ComparedIds, settings: AlignSettings.optional() }),
    output: Alignment,
    readonly: true,
  },
  /** The fact ledger of one article, or of several with their conflicts. */
  'compare.facts': {
    input: z.object({ articleIds: z.array(Id).min(1).max(12) }),
    output: FactLedger,
    readonly: true,
  },
  /** Keeps a comparison (for a dossier); with `id`, updates that one. */
  'compare.saveComparison': {
    input: z.object({
      id: Id.optional(),
      title: Name.optional(),
      articleIds: ComparedIds,
      settings: AlignSettings.optional(),
    }),
    output: SavedComparison,
  },
  'compare.listComparisons': { input: z.object({}), output: z.array(SavedComparison), readonly: true },
  'compare.getComparison': { input: z.object({ id: Id }), output: SavedComparison, readonly: true },
  'compare.deleteComparison': { input: z.object({ id: Id }), output: Ok },
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** What a caller passes (defaults may be omitted). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after validation filled defaults in. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export interface CallOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/** The typed API as clients see it: `api['library.getArticle']({ id: 1 })`. */
export type MizanApi = {
  [M in MethodName]: (input: Input<M>, options?: CallOptions) => Promise<Output<M>>;
};

/** What a host gives each handler call. */
export interface CallContext {
  progress(done: number, total: number | null, label?: string): void;
  signal: AbortSignal;
}

/** The core implements this; hosts only route to it. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>, ctx: CallContext) => Promise<Output<M>>;
};

// ---------------------------------------------------------------------------
// Transport: the one thing a host must provide to a client.

export interface Transport {
  invoke(method: MethodName, input: unknown, jobId: string | null): Promise<Envelope<unknown>>;
  /** Subscribe to progress of all jobs; returns an unsubscribe function. */
  onProgress(listener: (progress: Progress) => void): () => void;
}

/**
 * A file the user dropped onto the window, as the page holds it (a DOM
 * `File`). Typed by the two fields we read so the contract compiles without
 * the DOM library.
 */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

/**
 * What the desktop shell tells the page outside any call it made: files
 * chosen from the menu, given on the command line or by a second launch
 * for the page to import (as a drop: progress, cancel, the CSV mapping
 * dialog, the report), an import the shell ran itself finished (before the
 * page could take it), or a mizan:// link asks the page to open a route
 * ("article/12", "dossier/3", "search?q=...").
 */
export type ShellEvent =
  | { kind: 'importPaths'; paths: string[] }
  | { kind: 'imported'; report: ImportReport }
  | { kind: 'importFailed'; error: { code: ErrorCode; message: string } }
  | { kind: 'open'; route: string };

/** The shape the preload exposes as `window.mizan`: the transport plus what only a desktop window has. */
export interface Bridge extends Transport {
  /**
   * The real path on disk of a dropped file or folder ('' when it has none,
   * e.g. dragged out of another app's memory). Electron >= 32 no longer puts
   * it on `File.path`; the sandboxed preload asks `webUtils.getPathForFile`.
   */
  pathForFile(file: DroppedFile): string;
  /** Subscribe to the shell's events; returns an unsubscribe function. */
  onShellEvent(listener: (event: ShellEvent) => void): () => void;
}

let jobCounter = 0;
function newJobId(): string {
  jobCounter += 1;
  return `job-${Date.now().toString(36)}-${jobCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Builds the typed client for every method from the one list. */
export function createClient(transport: Transport): MizanApi {
  const api: Partial<Record<MethodName, unknown>> = {};
  for (const method of methodNames) {
    const spec: MethodSpec = contract[method];
    api[method] = async (input: unknown, options: CallOptions = {}) => {
      let jobId: string | null = null;
      let unsubscribe: (() => void) | null = null;
      let abortListener: (() => void) | null = null;
      if (spec.progress) {
        const id = newJobId();
        jobId = id;
        if (options.onProgress) {
          const onProgress = options.onProgress;
          unsubscribe = transport.onProgress((p) => {
            if (p.jobId === id) onProgress(p);
          });
        }
        if (options.signal) {
          abortListener = () => void transport.invoke('jobs.cancel', { jobId: id }, null);
          options.signal.addEventListener('abort', abortListener, { once: true });
        }
      }
      try {
        const envelope = await transport.invoke(method, input ?? {}, jobId);
        if (!envelope.ok) throw new MizanError(envelope.error.code, envelope.error.message);
        return envelope.value;
      } finally {
        unsubscribe?.();
        if (abortListener) options.signal?.removeEventListener('abort', abortListener);
      }
    };
  }
  return api as MizanApi;
}

/** Turns anything thrown into data that can cross a boundary. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof MizanError) return error.toData();
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { code: 'INVALID_ARGUMENT', message: `${where}${issue?.message ?? 'invalid argument'}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}

export { ipcChannels } from './channels';
