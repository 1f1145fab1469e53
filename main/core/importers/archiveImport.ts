/**
 * Importing a web archive (webArchive.ts) of any size: its pages are read
 * as a stream and handed to the ordinary import in groups of at most 500
 * pages or 16 MB of HTML, so the archive is never held whole (a 1 GB WARC
 * imports in a few hundred MB). Progress is in megabytes of the archive read;
 * a cancel stops the reading and keeps what is stored.
 *
 * A revisit of a page captured earlier in the archive is reported as a
 * duplicate of the article that capture became (it has no text of its own);
 * one whose capture is not in the archive is an error naming that capture.
 * The revisit's own date is kept on that article as its latest capture:
 * its origin "crawl.warc#12@2015-07-22T08:00:00Z" becomes
 * "crawl.warc#12@2015-07-22T08:00:00Z@2015-07-29T08:00:00Z" (first capture,
 * then the last time the crawler found it unchanged).
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CallContext } from '../../../preload/contract';
import type { ImportReport } from '../../../preload/contract/library';
import type { Database } from '../db/connection';
import type { ImportItem } from './importService';
import { readWebArchive, type Revisit } from './webArchive';

const GROUP_PAGES = 500;
const GROUP_BYTES = 16 * 1024 * 1024;

/** Imports one group of items; the import's own batching, parsing ahead and reporting. */
export type ImportGroup = (items: ImportItem[], ctx: CallContext) => Promise<unknown>;

/** An article whose archive record was found again unchanged, and when. */
export interface Recapture {
  id: number;
  record: string;
  capturedAt: string;
}

export async function importWebArchive(
  archive: ImportItem,
  importGroup: ImportGroup,
  limit: number,
  ctx: CallContext,
  report: ImportReport,
  keepRecaptures: (recaptures: Recapture[]) => Promise<void> = async () => undefined,
): Promise<void> {
  const path = archive.path;
  let size: number;
  try {
    size = archive.kind === 'bytes' ? archive.bytes.length : (await stat(path)).size;
  } catch (error) {
    report.errors.push({ path, code: 'IMPORT_READ_FAILED', message: `${path}: cannot read (${String(error)})` });
    return;
  }
  const name = basename(path);
  const megabytes = (n: number) => Math.round(n / 1e6);
  let read = 0;
  let pages = 0;
  const say = () => ctx.progress(megabytes(read), megabytes(size), `${name}: ${pages} pages`);
  // The group's own progress (files of the group) is said in the archive's terms.
  const groupCtx: CallContext = { signal: ctx.signal, progress: say };
  let group: ImportItem[] = [];
  let groupBytes = 0;
  const flush = async () => {
    const items = group;
    group = [];
    groupBytes = 0;
    if (items.length > 0) await importGroup(items, groupCtx);
  };
  say();
  const inHand = archive.kind === 'bytes' ? archive.bytes : undefined;
  const revisits: Revisit[] = [];
  for await (const event of readWebArchive(path, size, limit, (p) => (read = p.read), inHand)) {
    if (ctx.signal.aborted) break;
    if ('error' in event) {
      report.errors.push(event.error);
      continue;
    }
    if ('revisit' in event) {
      revisits.push(event.revisit);
      continue;
    }
    if (!('page' in event)) continue;
    const { page } = event;
    pages++;
    if (page.bytes.length > limit) {
      report.errors.push({
        path: page.path,
        code: 'IMPORT_TOO_LARGE',
        message: `${page.path}: the page of ${page.url} is over the ${megabytes(limit)} MB limit for one file`,
      });
      continue;
    }
    group.push({
      kind: 'bytes',
      path: page.path,
      bytes: page.bytes,
      archived: { url: page.url, capturedAt: page.capturedAt },
    });
    groupBytes += page.bytes.length;
    if (group.length >= GROUP_PAGES || groupBytes >= GROUP_BYTES) await flush();
  }
  if (ctx.signal.aborted) {
    if (report.errors.at(-1)?.code === 'CANCELLED') return;
    report.errors.push({ path, code: 'CANCELLED', message: `import cancelled in ${path} after ${pages} pages` });
    return;
  }
  await flush();
  await keepRecaptures(reportRevisits(revisits, report));
  say();
}

// An article's path is its record's with the capture time after it ("crawl.warc#12@2015-07-22T08:00:00Z").
const ORIGIN = /^(.*#\d+)(?:@([^@#]*))?(?:@([^@#]*))?$/;
const recordOf = (path: string) => ORIGIN.exec(path)?.[1] ?? path;

/**
 * Each revisit as a duplicate of the article its earlier capture became, or as an error when that is unknown;
 * returns the revisits that found their article, with their dates.
 */
function reportRevisits(revisits: Revisit[], report: ImportReport): Recapture[] {
  const found: Recapture[] = [];
  if (revisits.length === 0) return found;
  const articleOf = new Map<string, { id: number; title: string }>();
  for (const a of report.imported) articleOf.set(recordOf(a.path), { id: a.id, title: a.title });
  for (const d of report.duplicates) articleOf.set(recordOf(d.path), { id: d.of, title: d.title });
  for (const revisit of revisits) {
    const article = revisit.original ? articleOf.get(revisit.original) : undefined;
    const path = revisit.capturedAt ? `${revisit.path}@${revisit.capturedAt}` : revisit.path;
    if (article) {
      report.duplicates.push({ path, of: article.id, title: article.title });
      if (revisit.capturedAt && revisit.original)
        found.push({ id: article.id, record: revisit.original, capturedAt: revisit.capturedAt });
      continue;
    }
    report.errors.push({
      path,
      code: 'IMPORT_NO_TEXT',
      message: revisit.original
        ? `${revisit.path}: a re-capture of ${revisit.url ?? 'a page'} whose first capture (${revisit.original}) was not imported`
        : `${revisit.path}: a re-capture of ${revisit.url ?? 'a page'} with no text of its own; its first capture (${revisit.refersTo}) is in another archive — import that archive too`,
    });
  }
  return found;
}

/**
 * Writes each revisit's date after its article's first capture date, when
 * the article is that very record (not a duplicate stored from another
 * file) and the date is later than what it holds.
 */
export async function keepRecaptures(db: Database, recaptures: readonly Recapture[]): Promise<void> {
  if (recaptures.length === 0) return;
  await db.write(async (w) => {
    for (const { id, record, capturedAt } of recaptures) {
      const row = await w.get<{ origin: string | null }>('SELECT origin_path AS origin FROM articles WHERE id = ?', [
        id,
      ]);
      const m = row?.origin ? ORIGIN.exec(row.origin) : null;
      if (!m || m[1] !== record || !m[2] || capturedAt <= m[2] || (m[3] && capturedAt <= m[3])) continue;
      await w.run('UPDATE articles SET origin_path = ? WHERE id = ?', [`${record}@${m[2]}@${capturedAt}`, id]);
    }
  });
}
