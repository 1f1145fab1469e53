/** Library (main/core/library, main/core/importers): articles, imports, sources, tags, collections, backups. */
import { z } from 'zod';
import { errorCodes } from './errors';
import { importFields } from './lists';
import { Direction, Id, IsoDate, Name, Ok, PublishedAt, type MethodSpec } from './shapes';

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
  /** Articles naming this entity (entities.list / entities.get). */
  entityId: Id.optional(),
  /** Articles naming every one of these entities (with `entityId` too, when both are given). */
  entityIds: z.array(Id).max(20).optional(),
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

/** What one bulk action does to every selected article. */
export const BulkChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tag'), tags: z.array(Name).min(1).max(50) }),
  z.object({ kind: z.literal('collect'), collectionId: Id }),
]);
export type BulkChange = z.infer<typeof BulkChange>;

/** The inverse of a bulk action: only what it added (tags an article already had, places it already held, stay). */
export const BulkUndo = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('untag'),
    removeTags: z.array(z.object({ tag: Name, articleIds: z.array(Id).max(100_000) })).max(50),
  }),
  z.object({ kind: z.literal('uncollect'), collectionId: Id, articleIds: z.array(Id).max(100_000) }),
]);
export type BulkUndo = z.infer<typeof BulkUndo>;

export const BackupInfo = z.object({
  name: z.string(),
  path: z.string(),
  reason: z.enum(['manual', 'scheduled', 'pre-migration', 'pre-restore', 'replaced']),
  createdAt: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const libraryMethods = {
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
  /** Tags or collects many articles in one transaction and returns its inverse for library.revertBulk (one undo step). */
  'library.applyBulk': {
    input: z.object({ articleIds: z.array(Id).min(1).max(100_000), change: BulkChange }),
    output: z.object({ changed: z.number().int().nonnegative(), undo: BulkUndo }),
  },
  'library.revertBulk': { input: z.object({ undo: BulkUndo }), output: Ok },
  // Library safety: backups, restore, bundles. Paths are on the machine running the core.
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
} as const satisfies Record<string, MethodSpec>;
