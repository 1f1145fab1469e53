/**
 * Bulk import: walk paths, parse each file (off the main thread), store its
 * articles in batches. Every batch is one transaction, so a crash or a
 * cancel leaves whole articles or none; a bad file or record is reported and
 * the rest of the batch goes on; an exact duplicate is reported as such and
 * never stored twice.
 */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { MizanError } from '../../../preload/contract/errors';
import { defaultNearDuplicateThreshold } from '../../../preload/contract/defaults';
import type { ImportReport } from '../../../preload/contract/library';
import type { CallContext } from '../../../preload/contract';
import type { Database, Writer } from '../db/connection';
import type { Signature } from '../library/minhash';
import { isWebArchive } from './archiveKinds';
import { boundHeapGrowth } from './heapGrowth';
import { parseUnits, type ImportItem, type ParseUnit, type StreamJson } from './importSources';
import type { Parser } from './parser';
import {
  IMPORT_BATCH,
  ImportError,
  MAX_FILE_BYTES,
  type ImportOptions,
  type ParsedArticle,
  type ParsedFile,
} from './types';
import { droppedTerms } from '../search/indexDocument';
import type { IndexPrimer, PrimedArticle } from '../search/primedIndex';
import type { BandIndex, LibraryBands } from '../library/bandIndex';
import {
  addArticleTags,
  addToCollection,
  ensureCollection,
  findByContentHashes,
  insertArticles,
  resolveSource,
  storeNearDuplicates,
} from '../library/libraryStore';

export { expandPaths, readItem, type ImportItem } from './importSources';

/** Articles per transaction: big enough for speed, small enough that the UI's own writes wait little. */
const BATCH = IMPORT_BATCH;

export interface ImportRequest {
  collection?: string;
  tags?: string[];
  options?: ImportOptions;
  /** Similarity (0.5..1) from which an article is linked to an earlier near-identical one. */
  nearDuplicateThreshold?: number;
}

export interface ImportDeps {
  db: Database;
  parser: Parser;
  now: () => Date;
  /** The open library's band index (near-duplicates). */
  bands: LibraryBands;
  /** Hands each batch's parsed search keys to the index's commit hook. */
  primer: IndexPrimer;
  /** When a JSON file is read in parts, and how big they are (default: importSources.ts STREAM_JSON). */
  streamJson?: StreamJson;
  /** Told after an import that stored articles (stories are updated from here). */
  onImported?: (count: number) => void;
}

interface StoreState {
  /** Source name as written → its id and the outlet's display name. */
  sources: Map<string, { id: number; name: string }>;
  collectionId: number | null;
  threshold: number;
}

async function sourceOf(
  w: Writer,
  written: string,
  state: StoreState,
  now: string,
): Promise<{ id: number; name: string }> {
  let source = state.sources.get(written);
  if (!source) {
    const id = await resolveSource(w, written, now);
    const row = await w.get<{ name: string }>('SELECT name FROM sources WHERE id = ?', [id]);
    source = { id, name: row?.name ?? written };
    state.sources.set(written, source);
  }
  return source;
}

/** SQLite's "database or disk is full" (SQLITE_FULL), or the OS's ENOSPC on a file it writes. */
function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'SQLITE_FULL' || code === 'ENOSPC' || (error instanceof Error && /SQLITE_FULL|ENOSPC/.test(error.message))
  );
}

/**
 * Stores one batch in one transaction. What it stored goes into `report`
 * only once the transaction has committed: a batch that fails (a full disk)
 * is rolled back whole, and the report must not name its articles.
 */
async function storeBatch(
  deps: ImportDeps,
  articles: readonly ParsedArticle[],
  vocab: readonly string[] | undefined,
  request: ImportRequest,
  state: StoreState,
  report: ImportReport,
): Promise<void> {
  const batchReport = emptyReport();
  const sourcesBefore = new Map(state.sources);
  const collectionBefore = state.collectionId;
  let started = false;
  try {
    // Outside the writer lock: the first read of a big library's signatures
    // (1-3 s at 100,000) must not hold up the app's own writes.
    await deps.bands.current().catchUp(deps.db);
    await deps.db.write((w) => {
      started = true;
      // Taken inside the writer lock: a batch that failed meanwhile has dropped the old one.
      return storeInTransaction(
        w,
        articles,
        vocab,
        request,
        state,
        deps.bands.current(),
        deps.primer,
        batchReport,
        deps.now().toISOString(),
      );
    });
  } catch (error) {
    // Ids cached during a rolled-back transaction no longer exist.
    state.sources = sourcesBefore;
    state.collectionId = collectionBefore;
    // The band index may hold this batch's articles: it is read again by the next batch.
    deps.bands.forget();
    throw error;
  } finally {
    // A batch that failed before its commit hook ran leaves no prime behind.
    if (started) deps.primer.clear();
  }
  report.imported.push(...batchReport.imported);
  report.duplicates.push(...batchReport.duplicates);
  if (batchReport.nearDuplicates?.length) (report.nearDuplicates ??= []).push(...batchReport.nearDuplicates);
}

async function storeInTransaction(
  w: Writer,
  articles: readonly ParsedArticle[],
  vocab: readonly string[] | undefined,
  request: ImportRequest,
  state: StoreState,
  bands: BandIndex,
  primer: IndexPrimer,
  report: ImportReport,
  now: string,
): Promise<void> {
  const signed: Array<{ id: number; signature: Signature; path: string }> = [];
  const primed = new Map<number, PrimedArticle>();
  const dropped: ParsedArticle[] = [];
  const twins: Array<{
    article: ParsedArticle;
    stored: { id: number; title: string } | undefined;
    earlier: ParsedArticle | undefined;
  }> = [];
  // Exact duplicates: of a stored article, or of an earlier one of this batch.
  const stored = await findByContentHashes(
    w,
    articles.map((a) => a.contentHash),
  );
  const fresh: ParsedArticle[] = [];
  const inBatch = new Map<string, ParsedArticle>();
  for (const article of articles) {
    const twin = stored.get(article.contentHash);
    const earlier = inBatch.get(article.contentHash);
    if (twin || earlier) {
      dropped.push(article);
      twins.push({ article, stored: twin, earlier });
      continue;
    }
    inBatch.set(article.contentHash, article);
    fresh.push(article);
  }
  const sources: Array<{ id: number; name: string } | null> = [];
  for (const article of fresh) sources.push(article.source ? await sourceOf(w, article.source, state, now) : null);
  const added = await insertArticles(
    w,
    fresh.map((article, i) => ({ article, sourceId: sources[i]?.id ?? null })),
    now,
  );
  const idOf = new Map<ParsedArticle, number>();
  for (let i = 0; i < fresh.length; i++) {
    const article = fresh[i]!;
    const id = added[i]!;
    idOf.set(article, id);
    if (article.keys) primed.set(id, { title: article.title, contentHash: article.contentHash, keys: article.keys });
    if (article.minhash) signed.push({ id, signature: article.minhash, path: article.originPath });
    const tags = [...(request.tags ?? []), ...(article.tags ?? [])];
    if (tags.length > 0) await addArticleTags(w, id, tags);
    report.imported.push({ id, title: article.title, source: sources[i]?.name ?? null, path: article.originPath });
  }
  for (const { article, stored: twin, earlier } of twins) {
    report.duplicates.push({
      path: article.originPath,
      of: twin ? twin.id : idOf.get(earlier!)!,
      title: twin ? twin.title : earlier!.title,
    });
  }
  // In the same transaction as the articles: a killed import leaves no signature or link without its article.
  const matches = await storeNearDuplicates(w, signed, state.threshold, bands);
  const pathOf = new Map(signed.map((s) => [s.id, s.path]));
  for (const m of matches)
    (report.nearDuplicates ??= []).push({ path: pathOf.get(m.id)!, id: m.id, of: m.twinId, similarity: m.similarity });
  if (request.collection && added.length > 0) {
    state.collectionId ??= await ensureCollection(w, request.collection, now);
    await addToCollection(w, state.collectionId, added, now);
  }
  // The search index's commit hook takes the keys the parser computed instead
  // of analyzing the batch again (it checks them against what was stored).
  if (vocab !== undefined && primed.size === added.length)
    primer.prime({ articles: primed, termsJsons: vocab, minusJson: droppedTerms(dropped) });
}

/**
 * Parser threads that read the parts of a streamed JSON file: one core
 * fewer than the machine has. Storing such a part (the main thread and
 * SQLite's) takes about half the CPU of parsing it, so on two cores a second
 * parser thread only competes with the storing for the same cores, and its
 * V8 heap cost ~100 MB (see README, "Speed").
 */
const STREAM_THREADS = Math.max(1, availableParallelism() - 1);

/** Files whose articles are stored in one transaction at most: small files (a page each) share commits. */
const FILES_PER_BATCH = 100;
/** A batch waiting longer than this for more files is stored anyway, so progress keeps moving on slow parses. */
const BATCH_WAIT_MS = 1500;

/** Parsed articles of one or more files waiting to be stored together. */
interface PendingBatch {
  articles: ParsedArticle[];
  /** Vocabulary sums, one per parsed group (undefined once a group came without one). */
  vocab: string[] | undefined;
  /** Index in `items` of the first and the last file that have articles here. */
  firstFile: number;
  lastFile: number;
  since: number;
}

export async function importItems(
  deps: ImportDeps,
  items: readonly ImportItem[],
  request: ImportRequest,
  ctx: CallContext,
  report: ImportReport,
): Promise<ImportReport> {
  // Web archives are streamed, a group of pages at a time, after the other files. Their reader (warcio) loads
  // only when an archive is imported.
  const archives = items.filter((i) => isWebArchive(i.path));
  const files = archives.length === 0 ? items : items.filter((i) => !archives.includes(i));
  const quiet: ImportDeps = { ...deps, onImported: undefined };
  const limit = request.options?.maxBytes ?? MAX_FILE_BYTES;
  const liftHeapBound = boundHeapGrowth();
  try {
    if (files.length > 0 || archives.length === 0) await importInBatches(quiet, files, request, ctx, report);
    for (const archive of archives) {
      if (ctx.signal.aborted) {
        report.errors.push({
          path: archive.path,
          code: 'CANCELLED',
          message: `import cancelled; ${archive.path} not imported`,
        });
        continue;
      }
      const { importWebArchive, keepRecaptures } = await import('./archiveImport.js');
      await importWebArchive(
        archive,
        (group, groupCtx) => importInBatches(quiet, group, request, groupCtx, report),
        limit,
        ctx,
        report,
        (recaptures) => keepRecaptures(deps.db, recaptures),
      );
    }
    return report;
  } finally {
    liftHeapBound();
    // A cancelled or failed import may still have stored whole batches.
    if (report.imported.length > 0) deps.onImported?.(report.imported.length);
  }
}

async function importInBatches(
  deps: ImportDeps,
  items: readonly ImportItem[],
  request: ImportRequest,
  ctx: CallContext,
  report: ImportReport,
): Promise<ImportReport> {
  const state: StoreState = {
    sources: new Map(),
    collectionId: null,
    threshold: request.nearDuplicateThreshold ?? defaultNearDuplicateThreshold,
  };
  const limit = request.options?.maxBytes ?? MAX_FILE_BYTES;
  const total = items.length;
  ctx.progress(0, total, 'Starting import');

  // Parse the next files, or parts of a big JSON file (on every parser thread), while the current one is being stored.
  const parse = (item: ImportItem, bytes: Uint8Array, part?: { firstRecord: number }): Promise<ParsedFile> =>
    deps.parser.parse(
      item.path,
      bytes,
      {
        ...request.options,
        maxBytes: limit,
        ...(item.kind === 'bytes' && item.archived ? { archived: item.archived } : {}),
        ...(part ? { part } : {}),
      },
      part ? STREAM_THREADS : undefined,
    );
  const threads = Math.max(1, deps.parser.concurrency ?? 1);
  const ahead = threads + 1;
  // Small files' parse times vary tenfold (a wire story, a long feature): with one spare unit, a slow file at the
  // head left the other threads idle behind it. Four per thread kept them busy: 1,000 saved pages 96-97 -> 102
  // pages/s at the same CPU (`node dist/bench/import.js html --pages 1000`); their bytes are at most 4 MB a thread.
  const aheadSmall = threads * 4;
  const units = parseUnits(items, parse, limit, deps.streamJson);
  const started: ParseUnit[] = [];
  let exhausted = false;
  /** Starts units until `ahead` are in flight (more while all are small files): the memory an import holds. */
  const startAhead = async (): Promise<void> => {
    while (
      !exhausted &&
      (started.length < ahead || (started.length < aheadSmall && started.every((unit) => unit.small)))
    ) {
      const next = await units.next();
      if (next.done) exhausted = true;
      else {
        // A rejected prefetch must not go unhandled while we wait on an earlier unit.
        next.value.parsing.catch(() => undefined);
        started.push(next.value);
      }
    }
  };

  // Articles of several files share a transaction (up to BATCH articles or
  // FILES_PER_BATCH files): a transaction's fixed cost (the index's commit
  // hook, a vocabulary upsert, the commit's page writes) was most of the
  // storing time of a one-page HTML file. Each article is still whole or absent.
  let pending: PendingBatch | null = null;
  let filesPending = 0;
  let done = 0;

  /** Stores the pending batch; false when the disk is full (reported; the import stops). */
  const flush = async (): Promise<boolean> => {
    const batch = pending;
    pending = null;
    const files = filesPending;
    filesPending = 0;
    if (batch) {
      try {
        await storeBatch(deps, batch.articles, batch.vocab, request, state, report);
      } catch (error) {
        if (!isDiskFull(error)) throw error;
        // Stop here: every later write would fail too. The report keeps what is stored and says where it stopped.
        const path = items[batch.firstFile]!.path;
        const left = total - batch.lastFile - 1;
        report.errors.push({
          path,
          code: 'DISK_FULL',
          message: `${path}: the disk holding the library is full; ${batch.articles.length} article(s) of ${batch.lastFile - batch.firstFile + 1} file(s) from this one on and ${left} more file(s) were not imported (${error instanceof Error ? error.message : String(error)})`,
        });
        return false;
      }
    }
    if (files > 0) ctx.progress(done, total, basename(items[done - 1]!.path));
    return true;
  };

  try {
    for (;;) {
      await startAhead();
      const unit = started.shift();
      if (!unit) break;
      const i = unit.file;
      const item = items[i]!;

      if (ctx.signal.aborted) {
        // What is parsed already is stored; nothing more is started.
        if (!(await flush())) return report;
        report.errors.push({
          path: item.path,
          code: 'CANCELLED',
          message:
            unit.firstRecord === 0
              ? `import cancelled; ${total - i} file(s) not imported, starting with ${item.path}`
              : `import cancelled during ${item.path} (its records from ${unit.firstRecord + 1} on and ${total - i - 1} more file(s) not imported)`,
        });
        break;
      }
      let parsed: ParsedFile;
      try {
        parsed = await unit.parsing;
      } catch (error) {
        const code = error instanceof ImportError || error instanceof MizanError ? error.code : 'IMPORT_PARSE_FAILED';
        const message = error instanceof Error ? error.message : String(error);
        report.errors.push({
          path: item.path,
          code,
          message: message.includes(item.path) ? message : `${item.path}: ${message}`,
        });
        if (unit.last) {
          done = i + 1;
          if (!pending) ctx.progress(done, total, basename(item.path));
        }
        continue;
      }
      const { records, vocab } = parsed;
      const articles: ParsedArticle[] = [];
      for (const record of records) {
        if (record.ok) articles.push(record.article);
        else report.errors.push(record.error);
      }
      // The parser summed the vocabulary per BATCH articles of the file: a group is never split.
      for (let b = 0; b < articles.length; b += BATCH) {
        const group = articles.slice(b, b + BATCH);
        const groupVocab = vocab[b / BATCH];
        if (pending && pending.articles.length + group.length > BATCH) {
          if (!(await flush())) return report;
          if (ctx.signal.aborted) {
            report.errors.push({ path: item.path, code: 'CANCELLED', message: `import cancelled during ${item.path}` });
            return report;
          }
          if (records.length > BATCH)
            ctx.progress(i, total, `${basename(item.path)}: ${b} of ${articles.length} articles`);
          else if (!unit.last || unit.firstRecord > 0)
            ctx.progress(i, total, `${basename(item.path)}: ${unit.firstRecord} records read`);
        }
        pending ??= { articles: [], vocab: [], firstFile: i, lastFile: i, since: Date.now() };
        pending.articles.push(...group);
        pending.lastFile = i;
        if (pending.vocab && groupVocab !== undefined) pending.vocab.push(groupVocab);
        else pending.vocab = undefined;
      }
      if (unit.last) {
        filesPending++;
        done = i + 1;
      }
      const full =
        pending !== null &&
        (pending.articles.length >= BATCH ||
          filesPending >= FILES_PER_BATCH ||
          Date.now() - pending.since >= BATCH_WAIT_MS);
      if (full || (!pending && unit.last)) {
        if (!(await flush())) return report;
      }
    }
    await flush();
    return report;
  } finally {
    // Closes a JSON file still being read (a cancel, a full disk).
    await units.return(undefined);
  }
}

export function emptyReport(): ImportReport {
  return { imported: [], duplicates: [], errors: [], nearDuplicates: [] };
}
