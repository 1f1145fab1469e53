/**
 * npm run bench:dossier — PDF export of dossiers of 1, 50 and 200
 * SaudiNewsNet articles through the services (the worker thread the app
 * uses), and, side by side, the same dossiers as the offline HTML file
 * printed to PDF by Chromium (playwright page.pdf): the anchor for time and
 * size. Prints seconds (wall, and CPU of all threads, since this machine is
 * often shared), pages and bytes; Chromium's are from opening the page to
 * the PDF's bytes (launch excluded), CPU summed over all its processes. For 1 and 200 articles also the cold
 * export (a fresh worker: PDFKit loaded, Amiri parsed, no word shaped yet),
 * which `mizan export` pays each time.
 *
 * Goals: 1 article within 1 s, 50 within 10 s, 200 within 15 s;
 * file size within 2x of Chromium's. Exits non-zero when a goal is missed.
 *
 *   node dist/bench/dossier.js [--runs N] [--no-chromium]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { CallContext } from '../preload/contract';
import { createServices } from '../main/core/services';
import { wordsFoundInOrder } from './pdfWords';
import { benchDir, peakRssMb, printTable, sharedData } from './support';

const SIZES = [1, 50, 200] as const;
const GOAL_SECONDS: Record<number, number> = { 1: 1, 50: 10, 200: 15 };

function context(): CallContext {
  return { progress: () => undefined, signal: new AbortController().signal };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * CPU seconds of this process's descendants, live or finished (Linux:
 * utime + stime + cutime + cstime of each in /proc, at 100 ticks a second):
 * Chromium's browser, zygote, renderer and GPU processes. NaN where there
 * is no /proc.
 */
function descendantCpuSeconds(): number {
  try {
    const procs = new Map<number, { parent: number; ticks: number }>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ');
        // From the state field (3rd): ppid is the 4th, utime..cstime the 14th to 17th.
        const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
        procs.set(Number(name), { parent: Number(fields[1]), ticks });
      } catch {
        // The process ended while the list was read.
      }
    }
    const isDescendant = (pid: number): boolean => {
      for (let p = procs.get(pid)?.parent; p !== undefined && p > 1; p = procs.get(p)?.parent)
        if (p === process.pid) return true;
      return false;
    };
    let ticks = 0;
    for (const [pid, proc] of procs) if (isDescendant(pid)) ticks += proc.ticks;
    return ticks / 100;
  } catch {
    return NaN;
  }
}

async function chromiumPdf(
  html: string,
  pdf: string,
): Promise<{ seconds: number; cpu: number; bytes: number; pages: number }> {
  const browser = await chromium.launch({
    executablePath: process.env['MIZAN_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    const started = process.hrtime.bigint();
    const cpuBefore = descendantCpuSeconds();
    await page.goto(pathToFileURL(html).href);
    await page.evaluate(
      () => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready,
    );
    const bytes = await page.pdf({
      path: pdf,
      format: 'A4',
      margin: { top: '25mm', bottom: '25mm', left: '22mm', right: '22mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:9px;width:100%;text-align:center"><span class="pageNumber"></span></div>',
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = descendantCpuSeconds() - cpuBefore;
    // Count page objects: Chromium writes one /Type /Page per page.
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    return { seconds, cpu, bytes: bytes.byteLength, pages };
  } finally {
    await browser.close();
  }
}

// Hand-checked same-story pairs of SaudiNewsNet 2015-07-22 (index in the day file; see compare/clusterer.test.ts).
const STORY_PAIRS = [
  [389, 772],
  [771, 1850],
] as const;

/**
 * A dossier of two saved comparisons (each recomputed at export by the
 * comparison worker) drawn as aligned tables, coverage maps and ledgers.
 */
async function comparisonRun(
  handlers: Awaited<ReturnType<typeof createServices>>['handlers'],
  report: { imported: Array<{ id: number; path: string }> },
  out: string,
): Promise<Array<[string, string]>> {
  const byIndex = new Map<number, number>();
  for (const item of report.imported) {
    const m = /#(\d+)$/.exec(item.path);
    if (m) byIndex.set(Number(m[1]) - 1, item.id);
  }
  const items = [];
  for (const pair of STORY_PAIRS) {
    const articleIds = pair.map((i) => byIndex.get(i)).filter((id): id is number => id !== undefined);
    const saved = await handlers['compare.saveComparison']({ articleIds }, context());
    items.push({ kind: 'comparison' as const, id: saved.id });
  }
  const dossier = await handlers['dossier.create']({ title: 'SaudiNewsNet: comparisons', items }, context());
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const result = await handlers['dossier.exportPdf'](
    { dossierId: dossier.id, path: join(out, 'dossier-comparisons.pdf') },
    context(),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return [
    [
      `${items.length} comparisons (story pairs)`,
      `${seconds.toFixed(2)} s, ${result.pages} pages, ${(result.bytes / 1024).toFixed(0)} KB`,
    ],
    ['  CPU (all threads)', `${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`],
  ];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1] ?? '3')) : 3;
  const withChromium = !args.includes('--no-chromium');

  const dir = benchDir('dossier');
  const dbPath = join(dir, 'library.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  const out = join(dir, 'out');
  mkdirSync(out, { recursive: true });

  let services = await createServices({ dbPath, host: 'cli' });
  const report = await services.handlers['library.importFiles'](
    { paths: [sharedData('saudinewsnet', '2015-07-22.json.gz')] },
    context(),
  );
  // The articles in the order the day file has them.
  const ids = report.imported.map((a) => a.id);

  const rows: Array<[string, string]> = [];
  let failed = false;
  for (const n of SIZES) {
    const articleIds = ids.slice(0, n);
    const pdf = join(out, `dossier-${n}.pdf`);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let pages = 0;
    let bytes = 0;
    // 1 and 200 articles start with a fresh worker (cold), then run warm.
    const coldRun = n === SIZES[0] || n === SIZES[SIZES.length - 1];
    if (coldRun && n !== SIZES[0]) {
      await services.close();
      services = await createServices({ dbPath, host: 'cli' });
    }
    const tries = n >= 200 ? 2 : n === SIZES[0] ? runs + 1 : runs;
    for (let r = 0; r < tries; r++) {
      const started = process.hrtime.bigint();
      const cpuBefore = process.cpuUsage();
      const result = await services.handlers['dossier.exportPdf'](
        { articleIds, path: pdf, title: `SaudiNewsNet: ${n}` },
        context(),
      );
      times.push(Number(process.hrtime.bigint() - started) / 1e9);
      // All threads of the process (the worker included): what the export costs on an idle machine.
      const cpu = process.cpuUsage(cpuBefore);
      cpuTimes.push((cpu.user + cpu.system) / 1e6);
      pages = result.pages ?? 0;
      bytes = result.bytes;
    }
    let words = 0;
    const bodies: string[] = [];
    for (const id of articleIds) {
      const a = await services.handlers['library.getArticle']({ id }, context());
      words += a.wordCount;
      bodies.push(a.body);
    }
    // The first export of a fresh worker loads PDFKit and parses Amiri:
    // what `mizan export` pays each time. The app warms the worker when the
    // dossiers are opened; the others are that case.
    const cold = coldRun ? { seconds: times.shift()!, cpu: cpuTimes.shift()! } : null;
    const seconds = median(times);
    const html = join(out, `dossier-${n}.html`);
    const htmlResult = await services.handlers['dossier.exportHtml'](
      { articleIds, path: html, title: `SaudiNewsNet: ${n}` },
      context(),
    );
    let chromiumText = 'skipped';
    let ratio = NaN;
    // What a PDF import gets back (quadratic in words for Chromium's one long text: 50 articles at most).
    const recall = async (file: string) => {
      const { found, total } = await wordsFoundInOrder(file, bodies);
      return `${found}/${total} words back in order on import (${((100 * found) / total).toFixed(2)} %)`;
    };
    const importRows: Array<[string, string]> = [];
    if (n >= 50) importRows.push(['  PDF import, Mizan', await recall(pdf)]);
    if (withChromium) {
      const chromiumFile = join(out, `dossier-${n}-chromium.pdf`);
      const c = await chromiumPdf(html, chromiumFile);
      if (n === 50) importRows.push(['  PDF import, Chromium', await recall(chromiumFile)]);
      ratio = bytes / c.bytes;
      chromiumText = `${c.seconds.toFixed(2)} s (CPU ${c.cpu.toFixed(2)} s), ${c.pages} pages, ${(c.bytes / 1024).toFixed(0)} KB`;
    }
    const timeOk = seconds <= GOAL_SECONDS[n]!;
    const sizeOk = !withChromium || ratio <= 2;
    if (!timeOk || !sizeOk) failed = true;
    rows.push([
      `${n} article${n === 1 ? '' : 's'} (${words} words)`,
      `${seconds.toFixed(2)} s${times.length > 1 ? ` (median of ${times.length}: ${times.map((t) => t.toFixed(2)).join(', ')})` : ''}, ${pages} pages, ${(bytes / 1024).toFixed(0)} KB  [goal ${GOAL_SECONDS[n]} s: ${timeOk ? 'met' : 'MISSED'}]`,
    ]);
    rows.push(['  CPU (all threads)', `${cpuTimes.map((t) => t.toFixed(2)).join(', ')} s`]);
    if (cold) rows.push(['  cold (fresh worker)', `${cold.seconds.toFixed(2)} s, CPU ${cold.cpu.toFixed(2)} s`]);
    rows.push([
      '  Chromium, same text',
      `${chromiumText}${withChromium ? `  [size ratio ${ratio.toFixed(2)}x, goal <= 2x: ${sizeOk ? 'met' : 'MISSED'}]` : ''}`,
    ]);
    rows.push([
      '  offline HTML',
      `${(htmlResult.bytes / 1024).toFixed(0)} KB (${(statSync(html).size / 1024).toFixed(0)} KB on disk)`,
    ]);
    rows.push(...importRows);
  }
  rows.push(...(await comparisonRun(services.handlers, report, out)));
  await services.close();
  rows.push([
    'machine',
    `${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  ]);
  rows.push(['peak RSS (main process)', `${peakRssMb().toFixed(0)} MB`]);
  rows.push(['output', out]);
  printTable('bench:dossier — PDF export of SaudiNewsNet dossiers (worker thread, PDFKit + Amiri)', rows);
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
