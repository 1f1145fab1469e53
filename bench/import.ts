/**
 * npm run bench:import — bulk import through the same services the app uses
 * (files parsed on worker threads, stored in batched transactions with
 * near-duplicate detection and the search index), into a fresh library.
 *
 *  json: all 31,030 SaudiNewsNet articles (18 gzipped JSON files), after
 *        the anchor (importAnchor.ts: the same rows into plain SQLite with an
 *        FTS5 index), in its own process of the same run; prints the ratio
 *        and a checksum of what was stored (compare it across builds).
 *  html: the 45 real saved pages of ../shared/data/html-pages, repeated to
 *        5,000 pages written to bench/results/import-html/pages, each copy
 *        varied (a copy code woven into common words) so that no two are
 *        exact or near duplicates.
 *
 * Each part runs in its own process, so its peak RSS is its own.
 * Goals: JSON within 1.25x the anchor's time at a peak RSS of 400 MB; HTML at least 100 pages/s.
 *
 *  --jsonld: each page first gets a schema.org NewsArticle block holding what
 *        the full path extracts from it (headline, articleBody, date, author),
 *        as news sites publish, so that it takes the fast path (htmlFastPath.ts).
 *        The share of pages that take the fast path is printed either way.
 *
 *  anchor: the anchor alone (JSON figures on stdout's last line).
 *
 *   node dist/bench/import.js [json|html|anchor] [--pages N] [--keep] [--files N] [--jsonld] [--no-anchor] [--dir NAME]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ImportReport } from '../preload/contract';
import { createServices } from '../main/core/services';
import { readStructuredArticle } from '../main/core/importers/htmlFastPath';
import { parseFile } from '../main/core/importers/registry';
import { libraryChecksum, rawFtsBuild, type AnchorFigures } from './importAnchor';
import { benchDir, peakRssMb, printTable, sharedData } from './support';
import { statementRows, timeStatements } from './sqlPhases';

function fileSizeMb(dbPath: string): number {
  return (statSync(dbPath).size + (statSync(`${dbPath}-wal`, { throwIfNoEntry: false })?.size ?? 0)) / 1e6;
}

interface RunFigures {
  report: ImportReport;
  seconds: number;
  /** CPU time of the whole process (main thread and parser workers), seconds. */
  cpuSeconds: number;
  /** Share of the wall time the main thread was busy (storing, indexing). */
  mainBusy: number;
  load: number;
  threads: string;
  /** Peak RSS of the process when the import ended (before the checksum reads the library). */
  peakMb: number;
  /** RSS and the main thread's V8 heap over the run (see sampleMemory). */
  rss: string;
}

/**
 * Samples the process's RSS and the main thread's V8 heap (used / committed)
 * every 250 ms while the import runs; `stop` gives one figure per tenth of
 * the run (the largest RSS sampled in it), so where the memory grows shows.
 * The parser threads' heaps are in RSS only.
 */
function sampleMemory(): { stop(): string } {
  const started = Date.now();
  const samples: Array<{ at: number; rss: number; heap: number; heapTotal: number }> = [];
  const take = () => {
    const m = process.memoryUsage();
    // MiB, as peakRssMb() counts.
    const mib = (bytes: number) => bytes / 2 ** 20;
    samples.push({ at: Date.now() - started, rss: mib(m.rss), heap: mib(m.heapUsed), heapTotal: mib(m.heapTotal) });
  };
  const timer = setInterval(take, 250);
  return {
    stop() {
      clearInterval(timer);
      take();
      const span = samples[samples.length - 1]!.at || 1;
      const tenths: string[] = [];
      for (let k = 0; k < 10; k++) {
        const inTenth = samples.filter((s) => s.at >= (span * k) / 10 && s.at <= (span * (k + 1)) / 10);
        const top = inTenth.reduce((a, b) => (b.rss > a.rss ? b : a), inTenth[0] ?? samples[0]!);
        tenths.push(`${top.rss.toFixed(0)} (${top.heap.toFixed(0)}/${top.heapTotal.toFixed(0)})`);
      }
      return tenths.join(', ');
    },
  };
}

async function runImport(dbPath: string, paths: string[]): Promise<RunFigures> {
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}-wal`, { force: true });
  rmSync(`${dbPath}-shm`, { force: true });
  const services = await createServices({ dbPath, host: 'cli' });
  const memory = sampleMemory();
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const eluBefore = performance.eventLoopUtilization();
  const report = await services.handlers['library.importFiles'](
    { paths },
    { signal: new AbortController().signal, progress: () => undefined },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const mainBusy = performance.eventLoopUtilization(eluBefore).utilization;
  const load = loadavg()[0]!;
  // Before close(): the worker threads that end with it take their CPU time along.
  const threads = threadCpu();
  const rss = memory.stop();
  await services.close();
  return {
    report,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    mainBusy,
    load,
    threads,
    peakMb: peakRssMb(),
    rss,
  };
}

/**
 * CPU seconds per thread (Linux: /proc/self/task), read at the end of a run:
 * the main thread, the parser workers, SQLite's (a libuv pool thread), V8's
 * helpers. Says which of them bounds the import; n/a where /proc is missing.
 */
function threadCpu(): string {
  const tick = 100; // USER_HZ on Linux
  const byName = new Map<string, number>();
  try {
    for (const task of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / tick;
      byName.set(task === String(process.pid) ? 'main' : `${name}#${task}`, seconds);
    }
  } catch {
    return 'n/a';
  }
  return [...byName]
    .filter(([, s]) => s >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([n, s]) => `${n} ${s.toFixed(1)} s`)
    .join(', ');
}

/** Lines every part prints: how busy the machine was, and CPU per item (which contention distorts less than wall time). */
function machineRows(f: RunFigures, items: number, unit: string): Array<[string, string]> {
  return [
    [
      `CPU per ${unit}`,
      `${((f.cpuSeconds * 1000) / items).toFixed(1)} ms (all threads; ${f.cpuSeconds.toFixed(1)} s in ${f.seconds.toFixed(1)} s)`,
    ],
    ['main thread busy', `${(f.mainBusy * 100).toFixed(0)}%`],
    ['CPU by thread', f.threads],
    ['machine', `${cpus().length} cores, load average ${f.load.toFixed(1)} at the end`],
  ];
}

/** --dir NAME: the results folder of the JSON part (runs side by side need their own). */
const dirAt = process.argv.indexOf('--dir');
const jsonDir = dirAt >= 0 ? process.argv[dirAt + 1]! : 'import';

function jsonFiles(fileCount: number): string[] {
  const folder = sharedData('saudinewsnet');
  // --files N: the first N days only (profiling runs); the goal is measured on all of them.
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json.gz'))
    .sort()
    .slice(0, fileCount)
    .map((f) => join(folder, f));
}

/** The anchor in a process of its own (its peak RSS and heap are not the import's). */
function anchorRun(fileCount: number): (AnchorFigures & { peakMb: number }) | null {
  const args = [
    __filename,
    'anchor',
    '--dir',
    jsonDir,
    ...(Number.isFinite(fileCount) ? ['--files', String(fileCount)] : []),
  ];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const last = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !last.startsWith('{')) {
    process.stderr.write(`anchor failed: ${result.stderr}\n`);
    return null;
  }
  return JSON.parse(last) as AnchorFigures & { peakMb: number };
}

async function benchAnchor(fileCount: number): Promise<void> {
  const figures = await rawFtsBuild(join(benchDir(jsonDir), 'anchor.db'), jsonFiles(fileCount));
  process.stdout.write(`${JSON.stringify({ ...figures, peakMb: peakRssMb() })}\n`);
}

async function benchJson(fileCount: number, withAnchor: boolean): Promise<void> {
  const dir = benchDir(jsonDir);
  const dbPath = join(dir, 'library.db');
  const files = jsonFiles(fileCount);
  const anchor = withAnchor ? anchorRun(fileCount) : null;
  const run = await runImport(dbPath, files);
  const { report, seconds } = run;
  const records = report.imported.length + report.duplicates.length + report.errors.length;
  printTable(`bench:import json — SaudiNewsNet (${files.length} files)`, [
    ['records read', String(records)],
    ['articles stored', String(report.imported.length)],
    ['  of which near-duplicates (>= 0.6)', String(report.nearDuplicates?.length ?? 0)],
    ['exact duplicates', String(report.duplicates.length)],
    ['records refused (no text)', String(report.errors.length)],
    ['time', `${seconds.toFixed(2)} s`],
    ['articles/s (stored)', (report.imported.length / seconds).toFixed(0)],
    ['records/s (read)', (records / seconds).toFixed(0)],
    ['library file', `${fileSizeMb(dbPath).toFixed(1)} MB`],
    ['peak RSS', `${run.peakMb.toFixed(0)} MB`],
    ['RSS by tenth of the run', `${run.rss} MB (main heap used/committed)`],
    ...machineRows(run, records, 'record'),
    ...anchorRows(anchor, run),
    ...(process.argv.includes('--phases')
      ? [['SQL statements by phase (wall, storing thread)', ''] as [string, string], ...statementRows()]
      : []),
    ...checksumRows(await libraryChecksum(dbPath)),
    ['goals', "<= 1.25x the anchor's time, peak RSS <= 400 MB"],
  ]);
}

function anchorRows(anchor: ReturnType<typeof anchorRun>, run: RunFigures): Array<[string, string]> {
  if (!anchor) return [];
  return [
    [
      'anchor: plain SQLite + FTS5',
      `${anchor.rows} rows in ${anchor.seconds.toFixed(2)} s, CPU ${anchor.cpuSeconds.toFixed(1)} s, peak RSS ${anchor.peakMb.toFixed(0)} MB`,
    ],
    [
      'import / anchor',
      `${(run.seconds / anchor.seconds).toFixed(2)}x wall, ${(run.cpuSeconds / anchor.cpuSeconds).toFixed(2)}x CPU`,
    ],
  ];
}

function checksumRows(sum: Awaited<ReturnType<typeof libraryChecksum>>): Array<[string, string]> {
  return [
    [
      'stored rows checksum',
      `${sum.sha256} (${sum.articles} articles, ${sum.nearDuplicates} near-duplicate links, ${sum.terms} terms, ${sum.postings} index entries)`,
    ],
  ];
}

/** Common words that get the copy's code appended: every copy's shingles differ, its markup and length do not. */
const WOVEN =
  /(\s)(the|and|of|to|in|a|is|for|on|that|with|was|said|de|la|le|et|les|des|el|en|los|que|del|في|من|على|إلى|أن|عن)(?=\s)|([。，]|[.,](?=\s))/gi;

/** The page with a NewsArticle JSON-LD block holding what the full path extracts from it. */
function withJsonLd(name: string, html: string): string {
  const [record] = parseFile(name, Buffer.from(html));
  if (!record?.ok) return html;
  const a = record.article;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    articleBody: a.body,
    ...(a.published ? { datePublished: a.published.original } : {}),
    ...(a.author ? { author: { '@type': 'Person', name: a.author } } : {}),
  };
  const block = `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
  return /<head(\s[^>]*)?>/i.test(html) ? html.replace(/<head(\s[^>]*)?>/i, (m) => `${m}${block}`) : block + html;
}

function writePages(folder: string, count: number, jsonLd: boolean): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const source = sharedData('html-pages');
  const pages = readdirSync(source)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const html = readFileSync(join(source, f), 'utf8');
      return { name: f, html: jsonLd ? withJsonLd(f, html) : html };
    });
  for (let k = 0; k < count; k++) {
    const page = pages[k % pages.length]!;
    const code = k.toString(36);
    // Pages without those words (Chinese, Korean) get the code after sentence and clause marks too.
    const html = page.html.replace(
      WOVEN,
      (_m, space: string | undefined, word: string | undefined, mark: string | undefined) =>
        mark ? `${mark}${code}` : `${space}${word}${code}`,
    );
    writeFileSync(join(folder, `${String(k).padStart(5, '0')}-${page.name}`), html);
  }
}

async function benchHtml(count: number, keep: boolean, jsonLd: boolean): Promise<void> {
  const dir = benchDir('import-html');
  const folder = join(dir, 'pages');
  const writeStart = Date.now();
  writePages(folder, count, jsonLd);
  const files = readdirSync(folder).map((f) => join(folder, f));
  // Judged by the importer's own test, outside the timed import.
  const fast = files.filter((f) => readStructuredArticle(readFileSync(f, 'utf8')) !== null).length;
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const writeSeconds = (Date.now() - writeStart) / 1000;
  const dbPath = join(dir, 'library.db');
  const run = await runImport(dbPath, [folder]);
  const { report, seconds } = run;
  const codes = new Map<string, number>();
  for (const e of report.errors) codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
  printTable(
    `bench:import html — ${count} pages (the 45 saved pages, varied copies${jsonLd ? ', with JSON-LD articleBody' : ''})`,
    [
      ['pages', String(files.length)],
      ['fast path (JSON-LD)', `${fast} (${((fast / files.length) * 100).toFixed(0)} %)`],
      ['input', `${(bytes / 1e6).toFixed(0)} MB (written in ${writeSeconds.toFixed(1)} s, not timed)`],
      ['articles stored', String(report.imported.length)],
      ['exact / near duplicates', `${report.duplicates.length} / ${report.nearDuplicates?.length ?? 0}`],
      ['refused', report.errors.length === 0 ? '0' : [...codes].map(([c, n]) => `${n} ${c}`).join(', ')],
      ['time', `${seconds.toFixed(2)} s`],
      ['pages/s', (files.length / seconds).toFixed(0)],
      ['MB/s of HTML', (bytes / 1e6 / seconds).toFixed(1)],
      ['library file', `${fileSizeMb(dbPath).toFixed(1)} MB`],
      ['peak RSS', `${peakRssMb().toFixed(0)} MB`],
      ...machineRows(run, files.length, 'page'),
      ['goal', '>= 100 pages/s'],
    ],
  );
  if (!keep) rmSync(folder, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const part = args.find((a) => a === 'json' || a === 'html' || a === 'anchor');
  const pagesAt = args.indexOf('--pages');
  const pages = pagesAt >= 0 ? Number(args[pagesAt + 1]) : 5000;
  const filesAt = args.indexOf('--files');
  const files = filesAt >= 0 ? Number(args[filesAt + 1]) : Infinity;
  if (args.includes('--phases')) timeStatements();
  if (part === 'json') return benchJson(files, !args.includes('--no-anchor'));
  if (part === 'anchor') return benchAnchor(files);
  if (part === 'html') return benchHtml(pages, args.includes('--keep'), args.includes('--jsonld'));
  let failed = 0;
  for (const p of ['json', 'html']) {
    const result = spawnSync(process.execPath, [__filename, p, ...args], { stdio: 'inherit' });
    if (result.status !== 0) failed++;
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
