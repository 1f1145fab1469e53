/**
 * Where an HTML page's import time goes, on one thread: the 45 real saved
 * pages of ../shared/data/html-pages parsed R times (default 6) in-process,
 * each step timed on its own pass so that the figures add up:
 *
 *   decode + strip   bytes to text (encoding sniffed) and stripInert
 *   + prune          the same, then pruneUnlikely (htmlparser2 over the page)
 *   DOM              the same, then linkedom builds the pruned page
 *   + Readability    the same, then the metadata scan and Readability as the
 *                    importer runs them (readPrunedArticle)
 *   whole import     parseForImport: metadata, extraction, sanitizing,
 *                    text, language, dates, search keys, MinHash
 *
 * and the garbage collector's pauses on this thread during each pass
 * (its helper threads work on top of that: compare process CPU and wall).
 * The HTML import goal (100 pages/s on this 2-core machine) needs about
 * 20 ms of CPU a page over all threads, storing included.
 *
 *   node dist/bench/htmlParts.js [R]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { decodeText, sniffDeclaredCharset } from '../main/core/importers/decode';
import { parsePrunedPage, pruneUnlikely } from '../main/core/importers/pruneUnlikely';
import { scanPage } from '../main/core/importers/htmlMetadata';
import { readPrunedArticle } from '../main/core/importers/readArticle';
import { stripInert } from '../main/core/importers/stripInert';
import { parseForImport } from '../main/core/importers/parseTask';
import { printTable, sharedData } from './support';

interface Pass {
  wallMs: number;
  cpuMs: number;
  gcMs: number;
}

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

function textOf(bytes: Uint8Array, path: string): string {
  return stripInert(decodeText(bytes, path, { declared: sniffDeclaredCharset(bytes) }).text);
}

/** Runs `step` over every page `rounds` times after one warm-up round; per page. */
async function timed(
  pages: ReadonlyArray<{ path: string; bytes: Uint8Array }>,
  rounds: number,
  step: (path: string, bytes: Uint8Array) => unknown,
): Promise<Pass> {
  // Awaited: the whole import's step is asynchronous (PDF and DOCX readers are).
  for (const p of pages) await step(p.path, p.bytes);
  // Let the observer report the warm-up's collections before counting.
  await new Promise((resolve) => setTimeout(resolve, 20));
  gcMs = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const p of pages) await step(p.path, p.bytes);
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const n = rounds * pages.length;
  return { wallMs: wallMs / n, cpuMs: (used.user + used.system) / 1000 / n, gcMs: gcMs / n };
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 6);
  const dir = sharedData('html-pages');
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({ path: join(dir, f), bytes: new Uint8Array(readFileSync(join(dir, f))) }));

  const strip = await timed(pages, rounds, (path, bytes) => textOf(bytes, path));
  const prune = await timed(pages, rounds, (path, bytes) => pruneUnlikely(textOf(bytes, path)));
  // The cut and the tree in one reading of the page, as the importer does (parsePruned).
  const dom = await timed(pages, rounds, (path, bytes) => parsePrunedPage(textOf(bytes, path)));
  const readability = await timed(pages, rounds, (path, bytes) => {
    const html = textOf(bytes, path);
    const { doc, cut } = parsePrunedPage(html);
    return readPrunedArticle(html, cut, doc, scanPage(doc));
  });
  const whole = await timed(pages, rounds, (path, bytes) => parseForImport(path, bytes, {}));

  const row = (p: Pass, before: Pass | null): string =>
    `${p.wallMs.toFixed(2)} ms wall, ${p.cpuMs.toFixed(2)} ms CPU (all threads), ${p.gcMs.toFixed(2)} ms GC pauses` +
    (before ? `; the step itself ${(p.wallMs - before.wallMs).toFixed(2)} ms wall` : '');
  printTable(`bench:htmlParts — ${pages.length} saved pages × ${rounds}, one thread, per page`, [
    ['decode + strip', row(strip, null)],
    ['+ prune', row(prune, strip)],
    ['+ linkedom DOM', row(dom, prune)],
    ['+ scan + Readability', row(readability, dom)],
    ['whole import parse', row(whole, null)],
    ['goal', '100 pages/s on 2 cores: about 20 ms of CPU a page over all threads, storing included'],
  ]);
}

void main();
