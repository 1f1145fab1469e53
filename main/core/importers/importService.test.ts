/**
 * How a folder of small files is stored: several files' articles share a
 * transaction, progress still reaches every file, and a cancel stores what
 * was parsed before it and reports the rest. Real SQLite file, the real
 * importers on real SaudiNewsNet text.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../preload/contract';
import { sharedData, tempDir } from '../../../tests/support/paths';
import type { Parser } from './parser';
import { parseForImport } from './parseTask';
import { previewTable } from './tablePreview';
import { createServices, type Services } from '../services';
import { emptyReport, importItems, type ImportItem } from './importService';

const day = JSON.parse(
  gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-22.json.gz'))).toString('utf8'),
) as Array<{ title: string; content: string }>;

/** `count` one-article text files (line 1 = title), each a different story of the day. */
function textFolder(count: number): ImportItem[] {
  const dir = join(tempDir(), 'pages');
  mkdirSync(dir);
  const items: ImportItem[] = [];
  for (let i = 0, k = 0; items.length < count; k++) {
    const r = day[k]!;
    if (!r.title?.trim() || (r.content ?? '').length < 400) continue;
    const path = join(dir, `${String(i++).padStart(3, '0')}.txt`);
    writeFileSync(path, `${r.title.trim()}\n${r.content}`);
    items.push({ kind: 'path', path });
  }
  return items;
}

/** The importers themselves, in this thread; `onParse` sees each file as it is handed out. */
function inThread(onParse: (path: string) => void = () => undefined): Parser {
  return {
    concurrency: 1,
    parse: async (path, bytes, options) => {
      onParse(path);
      return parseForImport(path, bytes, options);
    },
    preview: async (path, bytes, options) => previewTable(path, bytes, options),
    close: async () => undefined,
  };
}

describe('importItems', () => {
  let services: Services | null = null;
  afterEach(async () => {
    await services?.close();
    services = null;
  });

  it('stores a folder of one-article files in shared transactions, with progress for every file', async () => {
    services = await createServices({ dbPath: join(tempDir(), 'library.db'), host: 'test' });
    const items = textFolder(40);
    let commits = 0;
    services.db.beforeCommit(async () => {
      commits++;
    });
    const progress: number[] = [];
    const ctx: CallContext = { signal: new AbortController().signal, progress: (done) => progress.push(done) };
    const report = await importItems(
      { db: services.db, ...services.state, parser: inThread(), now: () => new Date() },
      items,
      {},
      ctx,
      emptyReport(),
    );

    expect(report.errors).toEqual([]);
    expect(report.imported.map((a) => a.path)).toEqual(items.map((i) => i.path));
    // One transaction per file before: now they share (1.5 s of parsing at most per batch).
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThanOrEqual(3);
    expect(progress.at(-1)).toBe(40);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const stored = await services.db.get<{ n: number; indexed: number }>(
      'SELECT (SELECT count(*) FROM articles) AS n, (SELECT count(*) FROM search_fts_docsize) AS indexed',
    );
    expect(stored).toEqual({ n: 40, indexed: 40 });
  });

  it('on cancel stores the files parsed before it and reports the rest, nothing half-written', async () => {
    services = await createServices({ dbPath: join(tempDir(), 'library.db'), host: 'test' });
    const items = textFolder(20);
    const controller = new AbortController();
    let handedOut = 0;
    // Cancelled while the 8th file is being parsed (as a user would, mid-import).
    const parser = inThread(() => {
      if (++handedOut === 8) controller.abort();
    });
    const ctx: CallContext = { signal: controller.signal, progress: () => undefined };
    const report = await importItems(
      { db: services.db, ...services.state, parser, now: () => new Date() },
      items,
      {},
      ctx,
      emptyReport(),
    );

    const cancelled = report.errors.filter((e) => e.code === 'CANCELLED');
    expect(cancelled).toHaveLength(1);
    const stored = report.imported.length;
    expect(stored).toBeGreaterThanOrEqual(6);
    expect(stored).toBeLessThan(20);
    // The files before the cancel are stored whole; the message names where it stopped.
    expect(report.imported.map((a) => a.path)).toEqual(items.slice(0, stored).map((i) => i.path));
    expect(cancelled[0]!.path).toBe(items[stored]!.path);
    expect(cancelled[0]!.message).toContain(`${20 - stored} file(s) not imported`);
    const counts = await services.db.get<{ n: number; indexed: number }>(
      'SELECT (SELECT count(*) FROM articles) AS n, (SELECT count(*) FROM search_fts_docsize) AS indexed',
    );
    expect(counts).toEqual({ n: stored, indexed: stored });
  });

  it('stores a big JSON file read in parts exactly as the same file read whole', async () => {
    // 300 records with their duplicates and near-duplicates, in parts of 120 (three of them).
    const path = join(tempDir(), 'day.json');
    writeFileSync(path, JSON.stringify(day.slice(0, 300), null, 2));
    const stored = async (fromBytes: number) => {
      let parses = 0;
      await services?.close();
      services = await createServices({ dbPath: join(tempDir(), 'library.db'), host: 'test' });
      const report = await importItems(
        {
          db: services.db,
          ...services.state,
          parser: inThread(() => parses++),
          now: () => new Date(0),
          streamJson: { fromBytes, partRecords: 120 },
        },
        [{ kind: 'path', path }],
        {},
        { signal: new AbortController().signal, progress: () => undefined },
        emptyReport(),
      );
      const rows = await services.db.all(
        `SELECT a.id, a.content_hash, a.origin_path, n.twin_id, n.similarity
         FROM articles a LEFT JOIN near_duplicates n ON n.article_id = a.id ORDER BY a.id`,
      );
      const terms = await services.db.all('SELECT key, df FROM search_terms ORDER BY key');
      const indexed = await services.db.get('SELECT count(*) AS n FROM search_fts_docsize');
      return { parses, stored: { report, rows, terms, indexed } };
    };
    const { parses: parts, stored: inParts } = await stored(0);
    const { parses: once, stored: whole } = await stored(Infinity);
    expect([parts, once]).toEqual([3, 1]);
    expect(inParts.report.imported.length).toBeGreaterThan(250);
    expect(inParts.report.imported.at(-1)!.path).toBe(`${path}#300`);
    expect(inParts).toEqual(whole);
  });
  it('keeps four small files a thread in flight, and one spare unit once a large file is among them', async () => {
    services = await createServices({ dbPath: join(tempDir(), 'library.db'), host: 'test' });
    const items = textFolder(24);
    // A file over the small-file size (1 MB): a long article as plain text.
    const large = join(tempDir(), 'large.txt');
    writeFileSync(large, `A long report\n${'word '.repeat(260_000)}`);
    items.splice(12, 0, { kind: 'path', path: large });
    let inFlight = 0;
    const seen: Array<{ path: string; inFlight: number }> = [];
    const parser: Parser = {
      ...inThread(),
      concurrency: 2,
      parse: async (path, bytes, options) => {
        seen.push({ path, inFlight: ++inFlight });
        // Each parse waits a tick so the import can start the next ones meanwhile, as worker threads let it.
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return parseForImport(path, bytes, options);
      },
    };
    const ctx: CallContext = { signal: new AbortController().signal, progress: () => undefined };
    const report = await importItems(
      { db: services.db, ...services.state, parser, now: () => new Date() },
      items,
      {},
      ctx,
      emptyReport(),
    );
    expect(report.errors).toEqual([]);
    expect(report.imported).toHaveLength(25);
    const before = seen.slice(
      0,
      seen.findIndex((s) => s.path === large),
    );
    // Two threads: eight small files at once (one spare unit, three, held a slow file's followers back).
    expect(Math.max(...before.map((s) => s.inFlight))).toBe(8);
    // With the large file in flight, at most three units are (its bytes may be up to the 50 MB file limit).
    const withLarge = seen.slice(seen.findIndex((s) => s.path === large));
    expect(Math.max(...withLarge.slice(1, 4).map((s) => s.inFlight))).toBeLessThanOrEqual(3);
  });
});
