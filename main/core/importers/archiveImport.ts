/**
 * Importing a web archive (webArchive.ts) of any size: its pages are read
 * as a stream and handed to the ordinary import in groups of at most 500
 * pages or 16 MB of HTML, so the archive is never held whole (a 1 GB WARC
 * imports in a few hundred MB). Progress is in megabytes of the archive read;
 * a cancel stops the reading and keeps what is stored.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CallContext } from '../../../preload/contract';
import type { ImportReport } from '../../../preload/contract/library';
import type { ImportItem } from './importService';
import { readWebArchive } from './webArchive';

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
  for await (const event of readWebArchive(path, size, limit, (p) => (read = p.read), inHand)) {
    if (ctx.signal.aborted) break;
    if ('error' in event) {
      report.errors.push(event.error);
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
  say();
}
