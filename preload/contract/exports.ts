/**
 * What a researcher takes to other tools: citations for a reference manager
 * (BibTeX, RIS, CSL-JSON, formatted text), highlights and notes as Markdown
 * for a notes app, and articles as JSON Lines that Mizan imports back.
 * Every method returns the file's text; the host saves it (a download in the
 * browser, a save dialog in the app, a file or stdout in the CLI).
 */
import { z } from 'zod';
import { ArticleFilter } from './library';
import { Id, type MethodSpec } from './shapes';

/** Which articles: exactly one of the ways to name them. */
export const ExportSelection = z
  .object({
    articleIds: z.array(Id).min(1).max(10_000).optional(),
    collectionId: Id.optional(),
    dossierId: Id.optional(),
    /** A search's articles, in its order (its first 10,000), narrowed by `filter` when given. */
    query: z.string().trim().min(1).max(1000).optional(),
    /** The articles a list shows (tag, outlet, language, dates, collection), newest first; with `query`, narrows it. */
    filter: ArticleFilter.optional(),
    /** Every article of the library. */
    all: z.literal(true).optional(),
  })
  .refine(
    (s) =>
      [s.articleIds, s.collectionId, s.dossierId, s.query ?? s.filter, s.all].filter((part) => part !== undefined)
        .length === 1,
    'name the articles one way: articleIds, collectionId, dossierId, query and/or filter, or all',
  );
export type ExportSelection = z.infer<typeof ExportSelection>;

export const CitationFormat = z.enum(['bibtex', 'ris', 'csl-json', 'text']);
export type CitationFormat = z.infer<typeof CitationFormat>;

/** Styles of formatted (`text`) citations. */
export const CitationStyle = z.enum(['chicago-author-date', 'apa', 'harvard', 'vancouver']);
export type CitationStyle = z.infer<typeof CitationStyle>;

/** The language of the words a formatted citation adds (months, "accessed"); titles and names stay as written. */
export const CitationLanguage = z.enum(['en', 'ar']);
export type CitationLanguage = z.infer<typeof CitationLanguage>;

/** One exported file: its text, and what a save dialog or a download needs. */
export const ExportedFile = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  text: z.string(),
  /** Articles in the file. */
  count: z.number().int().nonnegative(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

export const exportMethods = {
  /**
   * Citations of the selected articles (type newspaper article: title, authors, outlet, date, URL, language).
   * `text` formats a bibliography in `style`, its words (months, "accessed") in `language`.
   */
  'export.citations': {
    input: z.object({
      selection: ExportSelection,
      format: CitationFormat,
      style: CitationStyle.default('chicago-author-date'),
      language: CitationLanguage.optional(),
    }),
    output: ExportedFile,
    readonly: true,
  },
  /**
   * Highlights and notes of the selected articles as Markdown: per article its citation, a `mizan://` link back,
   * each highlight as a quote with its note, then the article's notes. `per-article` gives one file each.
   * Articles with neither highlights nor notes are left out (no files when none has any).
   */
  'export.notes': {
    input: z.object({
      selection: ExportSelection,
      layout: z.enum(['one-file', 'per-article']).default('one-file'),
    }),
    output: z.object({ files: z.array(ExportedFile) }),
    readonly: true,
  },
  /** The selected articles as JSON Lines, in the fields Mizan's JSON importer reads back (`.jsonl`). */
  'export.jsonl': {
    input: z.object({ selection: ExportSelection }),
    output: ExportedFile,
    readonly: true,
  },
  /**
   * The same lines written as they are read into a new file at absolute `path` (CONFLICT if it exists), so a whole
   * library is exported in bounded memory.
   */
  'export.jsonlFile': {
    input: z.object({ selection: ExportSelection, path: z.string().min(1).max(4096) }),
    output: z.object({
      path: z.string(),
      bytes: z.number().int().nonnegative(),
      count: z.number().int().nonnegative(),
    }),
  },
  /**
   * The same lines saved where the person chooses in the host's save dialog (the desktop app's), offered under the
   * selection's name; `path: null` when they cancel. A file they chose to replace is replaced only once the new one
   * is complete. A host without a save dialog (the web host, the CLI) answers INVALID_ARGUMENT.
   */
  'export.jsonlSaveAs': {
    input: z.object({ selection: ExportSelection }),
    output: z.object({
      path: z.string().nullable(),
      bytes: z.number().int().nonnegative(),
      count: z.number().int().nonnegative(),
    }),
  },
} as const satisfies Record<string, MethodSpec>;
