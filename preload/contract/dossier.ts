/**
 * Dossiers: ordered articles, excerpts (highlights), notes and comparisons,
 * exported as a PDF or a self-contained offline HTML file.
 */
import { z } from 'zod';
import { Direction, Id, Name, Ok, PublishedAt, type MethodSpec } from './shapes';

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

export const dossierMethods = {
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
} as const satisfies Record<string, MethodSpec>;
