/**
 * Bulk import: walk paths, parse each file (off the main thread), store its
 * articles in batches. Every batch is one transaction, so a crash or a
 * cancel leaves whole articles or none; a bad file or record is reported and
 * the rest of the batch goes on; an exact duplicate is reported as such and
 * never stored twice.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { MizanError, type CallContext, type ImportReport } from '../../../preload/contract';
import type { Database, Writer } from '../db/connection';
import { MAX_FILE_BYTES } from '../importers/registry';
import type { Parser } from '../importers/parser';
import { ImportError, type ImportOptions, type ParsedArticle, type ParsedRecord } from '../importers/types';
import { addArticleTags, addToCollection, ensureCollection, findByContentHash, insertArticle, resolveSource } from './libraryStore';

/** Articles per transaction: big enough for speed, small enough that the UI's own writes wait little. */
const BATCH = 400;

export interface ImportRequest {
  collection?: string;
  tags?: string[];
  options?: ImportOptions;
}

/** A file to import: on disk, or bytes already in hand (an upload). */
export type ImportItem = { kind: 'path'; path: string } | { kind: 'bytes'; path: string; bytes: Uint8Array };

export interface ImportDeps {
  db: Database;
  parser: Parser;
  now: () => Date;
}

function isHidden(name: string): boolean {
  return name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini';
}

/** Expands folders into their files (sorted, hidden ones skipped); missing paths become errors. */
export async function expandPaths(paths: readonly string[], report: ImportReport): Promise<ImportItem[]> {
  const items: ImportItem[] = [];
  async function walk(path: string, top: boolean): Promise<void> {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(error);
      report.errors.push({ path, code: 'IMPORT_READ_FAILED', message: `${path}: ${reason}` });
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((n) => !isHidden(n)).sort((a, b) => a.localeCompare(b));
      for (const entry of entries) await walk(join(path, entry), false);
    } else if (info.isFile()) {
      if (top || !isHidden(basename(path))) items.push({ kind: 'path', path });
    }
  }
  for (const path of paths) await walk(resolve(path), true);
  return items;
}

async function readItem(item: ImportItem): Promise<Uint8Array> {
  if (item.kind === 'bytes') return item.bytes;
  const info = await stat(item.path);
  if (info.size > MAX_FILE_BYTES) {
    throw new ImportError('IMPORT_TOO_LARGE', `${item.path}: ${Math.round(info.size / 1e6)} MB is over the ${MAX_FILE_BYTES / 1e6} MB limit for one file`);
  }
  try {
    return await readFile(item.path);
  } catch (error) {
    throw new ImportError('IMPORT_READ_FAILED', `${item.path}: cannot read (${error instanceof Error ? error.message : String(error)})`);
  }
}

interface StoreState {
  sources: Map<string, number>;
  collectionId: number | null;
}

async function storeBatch(w: Writer, articles: readonly ParsedArticle[], request: ImportRequest, state: StoreState, report: ImportReport, now: string): Promise<void> {
  const added: number[] = [];
  for (const article of articles) {
    const twin = await findByContentHash(w, article.contentHash);
    if (twin) {
      report.duplicates.push({ path: article.originPath, of: twin.id, title: twin.title });
      continue;
    }
    let sourceId: number | null = null;
    if (article.source) {
      sourceId = state.sources.get(article.source) ?? (await resolveSource(w, article.source, now));
      state.sources.set(article.source, sourceId);
    }
    const id = await insertArticle(w, article, sourceId, now);
    if (request.tags && request.tags.length > 0) await addArticleTags(w, id, request.tags);
    added.push(id);
    report.imported.push({ id, title: article.title, source: article.source, path: article.originPath });
  }
  if (request.collection && added.length > 0) {
    state.collectionId ??= await ensureCollection(w, request.collection, now);
    await addToCollection(w, state.collectionId, added, now);
  }
}

export async function importItems(deps: ImportDeps, items: readonly ImportItem[], request: ImportRequest, ctx: CallContext, report: ImportReport): Promise<ImportReport> {
  const state: StoreState = { sources: new Map(), collectionId: null };
  const total = items.length;
  ctx.progress(0, total, 'Starting import');

  // Read and parse the next file while the current one is being stored.
  const start = (item: ImportItem): Promise<ParsedRecord[]> =>
    readItem(item).then((bytes) => deps.parser.parse(item.path, bytes, request.options ?? {}));
  let next: Promise<ParsedRecord[]> | null = items[0] ? start(items[0]) : null;

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const current = next!;
    // A rejected prefetch must not go unhandled while we wait on the current file.
    const following = items[i + 1];
    next = following ? start(following) : null;
    next?.catch(() => undefined);

    if (ctx.signal.aborted) {
      report.errors.push({ path: item.path, code: 'CANCELLED', message: `import cancelled; ${total - i} file(s) not imported, starting with ${item.path}` });
      break;
    }
    let records: ParsedRecord[];
    try {
      records = await current;
    } catch (error) {
      const code = error instanceof ImportError || error instanceof MizanError ? error.code : 'IMPORT_PARSE_FAILED';
      const message = error instanceof Error ? error.message : String(error);
      report.errors.push({ path: item.path, code, message: message.includes(item.path) ? message : `${item.path}: ${message}` });
      ctx.progress(i + 1, total, basename(item.path));
      continue;
    }
    const articles: ParsedArticle[] = [];
    for (const record of records) {
      if (record.ok) articles.push(record.article);
      else report.errors.push(record.error);
    }
    for (let b = 0; b < articles.length; b += BATCH) {
      if (ctx.signal.aborted) {
        report.errors.push({ path: item.path, code: 'CANCELLED', message: `import cancelled during ${item.path}` });
        break;
      }
      const batch = articles.slice(b, b + BATCH);
      await deps.db.write((w) => storeBatch(w, batch, request, state, report, deps.now().toISOString()));
      if (records.length > BATCH) ctx.progress(i, total, `${basename(item.path)}: ${Math.min(b + BATCH, articles.length)} of ${articles.length} articles`);
    }
    ctx.progress(i + 1, total, basename(item.path));
    if (ctx.signal.aborted && i + 1 < items.length) {
      report.errors.push({ path: items[i + 1]!.path, code: 'CANCELLED', message: `import cancelled; ${total - i - 1} file(s) not imported` });
      break;
    }
  }
  next?.catch(() => undefined);
  return report;
}

export function emptyReport(): ImportReport {
  return { imported: [], duplicates: [], errors: [] };
}
