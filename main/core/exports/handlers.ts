/**
 * The export methods: resolve a selection to article ids (through the
 * caller's `select`, which may search or read a dossier), read the articles
 * once through the library's reader, and write the file's text.
 */
import { existsSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { MizanError } from '../../../preload/contract/errors';
import type { ExportSelection } from '../../../preload/contract/exports';
import type { Handlers } from '../../../preload/contract';
import type { Database } from '../db/connection';
import { readSummaryRows, summaryOf } from '../library/articleReader';
import { listHighlightsForArticle, listNotes } from '../library/annotations';
import { articleLine } from './articleLines';
import { notesFiles, pagesOfBody } from './notesMarkdown';

export type ExportMethod =
  'export.citations' | 'export.notes' | 'export.jsonl' | 'export.jsonlFile' | 'export.jsonlSaveAs';

/**
 * A host's save dialog: where to save a file offered as `suggestedName`
 * (null: the person cancelled). The person has agreed to replace the file
 * when it exists.
 */
export type ChooseSavePath = (
  suggestedName: string,
  filter: { name: string; extensions: string[] },
) => Promise<string | null>;

/** The articles a selection names, in its order, and a name for the file (null: named after its one article). */
export type SelectArticles = (selection: ExportSelection) => Promise<{ ids: number[]; name: string | null }>;

/** citation-js and its styles take about 0.1 s of CPU to load: only calls that export pay it, not every CLI call. */
const loadCitations = () => import('./citations.js');

/** Reads at most this many articles at once, so a whole library streams through in bounded memory. */
const BATCH = 500;

async function* articlesOf(db: Database, ids: readonly number[]) {
  for (let i = 0; i < ids.length; i += BATCH) {
    const part = ids.slice(i, i + BATCH);
    const rows = await readSummaryRows(db, part);
    for (const id of part) {
      const row = rows.get(id);
      // An id deleted between the selection and the read is left out rather than failing the whole export.
      if (row) yield { summary: summaryOf(row), body: row.body };
    }
  }
}

function baseName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return cleaned === '' ? 'mizan' : cleaned;
}

export function exportHandlers(deps: {
  db: Database;
  select: SelectArticles;
  /** Only the desktop app has one. */
  chooseSavePath?: ChooseSavePath;
}): Pick<Handlers, ExportMethod> {
  const { db, select } = deps;
  const chosen = async (selection: ExportSelection): Promise<{ ids: number[]; name: string }> => {
    const picked = await select(selection);
    if (picked.ids.length === 0)
      throw new MizanError('NOT_FOUND', `${picked.name ?? 'articles'}: no articles to export`);
    if (picked.name !== null) return { ids: picked.ids, name: picked.name };
    // One article's file is named after it; several articles' after how many.
    const first = picked.ids.length === 1 ? (await readSummaryRows(db, picked.ids)).get(picked.ids[0]!) : undefined;
    return { ids: picked.ids, name: first ? first.title.slice(0, 60) : `${picked.ids.length} articles` };
  };
  /**
   * Writes the articles' lines to `${path}.partial`, a few hundred at a time
   * (the file grows, the process does not), then renames it to `path`: a
   * file already there is replaced only by a complete one.
   */
  const writeLines = async (ids: number[], path: string): Promise<{ bytes: number; count: number }> => {
    const partial = `${path}.partial`;
    const out = await open(partial, 'w');
    let count = 0;
    try {
      let lines: string[] = [];
      for await (const a of articlesOf(db, ids)) {
        lines.push(articleLine(a.summary, a.body) + '\n');
        count++;
        if (lines.length === BATCH) {
          await out.write(lines.join(''));
          lines = [];
        }
      }
      if (lines.length > 0) await out.write(lines.join(''));
      await out.close();
      await rename(partial, path);
    } catch (error) {
      await out.close().catch(() => undefined);
      await rm(partial, { force: true });
      throw error;
    }
    return { bytes: (await stat(path)).size, count };
  };
  return {
    'export.citations': async ({ selection, format, style, language }) => {
      const { CITATION_FILES, cslItem, formatCitations } = await loadCitations();
      const { ids, name } = await chosen(selection);
      const items = [];
      for await (const a of articlesOf(db, ids)) items.push(cslItem(a.summary));
      const file = CITATION_FILES[format];
      return {
        fileName: `${baseName(name)}.${file.extension}`,
        mediaType: file.mediaType,
        text: formatCitations(items, format, style, language ?? 'en'),
        count: items.length,
      };
    },
    'export.notes': async ({ selection, layout }) => {
      const { cslItem, formatCitations } = await loadCitations();
      const { ids, name } = await chosen(selection);
      const annotated = [];
      for await (const a of articlesOf(db, ids)) {
        const [highlights, notes] = await Promise.all([
          listHighlightsForArticle(db, a.summary.id),
          listNotes(db, a.summary.id),
        ]);
        if (highlights.length === 0 && notes.length === 0) continue;
        const citation = formatCitations([cslItem(a.summary)], 'text', 'chicago-author-date').trim();
        // An imported PDF's highlights are cited by the page they stand on.
        const paged = await db.get<{ bodyHtml: string | null }>(
          `SELECT body_html AS bodyHtml FROM articles WHERE id = ? AND origin_format = 'pdf'`,
          [a.summary.id],
        );
        const pageAt = pagesOfBody(a.body, paged?.bodyHtml ?? null) ?? undefined;
        annotated.push({ article: a.summary, citation, highlights, notes, pageAt });
      }
      return { files: notesFiles(annotated, layout, name) };
    },
    'export.jsonl': async ({ selection }) => {
      const { ids, name } = await chosen(selection);
      const lines: string[] = [];
      for await (const a of articlesOf(db, ids)) lines.push(articleLine(a.summary, a.body));
      return {
        fileName: `${baseName(name)}.jsonl`,
        mediaType: 'application/x-ndjson',
        text: lines.length === 0 ? '' : lines.join('\n') + '\n',
        count: lines.length,
      };
    },
    'export.jsonlFile': async ({ selection, path }) => {
      // Callers include the web host's page: never overwrite, never write a relative path.
      if (!isAbsolute(path)) throw new MizanError('INVALID_ARGUMENT', `export path must be absolute: ${path}`);
      if (existsSync(path)) throw new MizanError('CONFLICT', `${path} already exists; choose a new file name`);
      const { ids } = await chosen(selection);
      return { path, ...(await writeLines(ids, path)) };
    },
    'export.jsonlSaveAs': async ({ selection }) => {
      const choose = deps.chooseSavePath;
      if (!choose)
        throw new MizanError('INVALID_ARGUMENT', 'this host has no save dialog: export.jsonlFile writes to a path');
      // The selection is resolved first: an empty one is said before the dialog opens.
      const { ids, name } = await chosen(selection);
      const path = await choose(`${baseName(name)}.jsonl`, { name: 'JSON Lines', extensions: ['jsonl'] });
      if (path === null) return { path: null, bytes: 0, count: 0 };
      if (!isAbsolute(path)) throw new MizanError('INVALID_ARGUMENT', `export path must be absolute: ${path}`);
      // The person agreed in the dialog to replace an existing file; the rename replaces it only when complete.
      return { path, ...(await writeLines(ids, path)) };
    },
  };
}
