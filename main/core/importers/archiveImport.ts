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
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CallContext } from '../../../preload/contract';
import type { ImportReport } from '../../../preload/contract/library';
import type { ImportItem } from './importService';
import { readWebArchive, type Revisit } from './webArchive';

const GROUP_PAGES = 500;
const GROUP_BYTES = 16 * 1024 * 1024;

/** Imports one group of items; the import's own batching, parsing ahead and reporting. */
export type ImportGroup = (items: ImportItem[], ctx: CallContext) => Promise<unknown>;

export async function importWebArchive(
  archive: ImportItem,
  importGroup: ImportGroup,
  limit: number,
  ctx: CallContext,
  report: ImportReport,
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
  reportRevisits(revisits, report);
  say();
}

/** Each revisit as a duplicate of the article its earlier capture became, or as an error when that is unknown. */
function reportRevisits(revisits: Revisit[], report: ImportReport): void {
  if (revisits.length === 0) return;
  // An article's path is its record's with the capture time after it ("crawl.warc#12@2015-07-22T08:00:00Z").
  const recordOf = (path: string) => /^(.*#\d+)(?:@[^#]*)?$/.exec(path)?.[1] ?? path;
  const articleOf = new Map<string, { id: number; title: string }>();
  for (const a of report.imported) articleOf.set(recordOf(a.path), { id: a.id, title: a.title });
  for (const d of report.duplicates) articleOf.set(recordOf(d.path), { id: d.of, title: d.title });
  for (const revisit of revisits) {
    const article = revisit.original ? articleOf.get(revisit.original) : undefined;
    const path = revisit.capturedAt ? `${revisit.path}@${revisit.capturedAt}` : revisit.path;
    if (article) {
      report.duplicates.push({ path, of: article.id, title: article.title });
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
}
