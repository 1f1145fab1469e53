/**
 * What a parser thread runs for each file (parser.ts runs the same in-line
 * when there are no worker threads): the format's importer, then the search
 * keys of its articles.
 */
import { prepareTexts } from '../search/indexDocument';
import type { ParseOutput, ParseRequest } from './parser';
import { parseFileAsync } from './registry';
import { previewTable } from './tablePreview';
import { IMPORT_BATCH, ImportError, type ImportOptions, type ParsedArticle, type ParsedFile } from './types';

/** What a parser thread does with a request (the same in-line); a failure is an ImportError naming the file. */
export async function parseTask(request: ParseRequest): Promise<ParseOutput> {
  try {
    if (request.task === 'preview') return { preview: previewTable(request.path, request.bytes, request.preview) };
    return await parseForImport(request.path, request.bytes, request.options);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(
      'IMPORT_PARSE_FAILED',
      `${request.path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Parses a file and analyzes its articles for the search index, once, here:
 * this runs on a parser thread, and the thread that stores only writes.
 */
export async function parseForImport(path: string, bytes: Uint8Array, options: ImportOptions): Promise<ParsedFile> {
  const records = await parseFileAsync(path, bytes, options);
  const articles: ParsedArticle[] = [];
  for (const r of records) if (r.ok) articles.push(r.article);
  const { keys, groups } = prepareTexts(articles, IMPORT_BATCH);
  articles.forEach((a, i) => (a.keys = keys[i]));
  return { records, vocab: groups };
}
