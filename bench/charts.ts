/**
 * `npm run bench:charts`: the library timeline of 30,000 results, drawn.
 *
 * Builds (once) a library of 30,000 articles spread over two years and 40
 * outlets (bench/results/charts/library.db), then measures
 *  1. the core's counts (charts.timeline, in-process): the whole library and
 *     a search matching about half of it;
 *  2. the drawing in Chromium through the real web host: the renderer's
 *     charts panel re-binned and re-drawn (day, week, month, stacked and one
 *     row per outlet), from the change of the unit to the SVG in the page
 *     and the next frame painted.
 * Prints each median of 7 runs. Needs `npm run build` and /usr/bin/chromium
 * (or MIZAN_CHROMIUM).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { CallContext } from '../preload/contract';
import { createServices } from '../main/core/services';
import { benchDir, printTable, repoRoot } from './support';

const ARTICLES = 30_000;
const OUTLETS = 40;
const DAYS = 730;
const RUNS = 7;
const ctx: CallContext = { progress: () => undefined, signal: new AbortController().signal };

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number): string => `${n.toFixed(1)} ms`;

/** A seeded generator, so that every run builds the same library. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

async function buildLibrary(path: string): Promise<void> {
  if (existsSync(path)) return;
  const services = await createServices({ dbPath: path, host: 'test', entityIndex: false, storiesAfterImport: false });
  const next = random(7);
  const words = ['الرياض', 'جدة', 'الوزارة', 'المجلس', 'الاقتصاد', 'النفط', 'التعليم', 'الصحة', 'الأمن', 'الرياضة'];
  // Outlets of its own (a new library already knows some by name).
  const outletIds: number[] = [];
  await services.db.write(async (w) => {
    for (let s = 1; s <= OUTLETS; s++)
      outletIds.push(
        (
          await w.run('INSERT INTO sources (name, name_key, created_at) VALUES (?, ?, ?)', [
            `bench outlet ${s}`,
            `bench outlet ${s}`,
            'now',
          ])
        ).lastID,
      );
  });
  for (let start = 0; start < ARTICLES; start += 2000) {
    await services.db.write(async (w) => {
      for (let i = start; i < Math.min(ARTICLES, start + 2000); i++) {
        // Outlets of very different sizes, days busier on weekdays: the shape of a real archive.
        const outlet = outletIds[Math.floor(OUTLETS * next() ** 2)]!;
        const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * DAYS) * 86_400_000).toISOString().slice(0, 10);
        const body = Array.from({ length: 12 }, () => words[Math.floor(next() * words.length)]).join(' ');
        await w.run(
          `INSERT INTO articles (title, body, source_id, published_iso, published_precision, lang, dir, content_hash,
             word_count, imported_at, updated_at) VALUES (?, ?, ?, ?, 'day', 'ar', 'rtl', ?, 12, 'now', 'now')`,
          [`article ${i}`, body, outlet, day, `bench-charts-${i}`],
        );
      }
    });
  }
  // The bench measures charts, not the entity index catching up in the web host.
  await services.db.write((w) => w.run('DELETE FROM entity_queue'));
  await services.close();
}

async function coreCounts(path: string): Promise<Array<[string, string]>> {
  const services = await createServices({ dbPath: path, host: 'test', entityIndex: false, storiesAfterImport: false });
  try {
    const rows: Array<[string, string]> = [];
    for (const [label, input] of [
      ['counts, whole library', { filter: {} }],
      ['counts, search "الرياض"', { filter: {}, query: 'الرياض' }],
    ] as const) {
      const times: number[] = [];
      let total = 0;
      let groups = 0;
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const counts = await services.handlers['charts.timeline'](input, ctx);
        times.push(performance.now() - t0);
        total = counts.total;
        groups = counts.rows.length;
        bytes = Buffer.byteLength(JSON.stringify(counts));
      }
      rows.push([
        label,
        `${ms(median(times))} (${total} results, ${groups} day × outlet rows, ${(bytes / 1024).toFixed(0)} kB as JSON)`,
      ]);
    }
    return rows;
  } finally {
    await services.close();
  }
}

function startHost(library: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'dist', 'main', 'web', 'main.js'), '--library', library, '--no-open'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(out);
      if (m) resolve({ url: m[1]!, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`the web host stopped (${code}): ${out}`)));
  });
}

/**
 * From a change of the chart's unit to the new SVG in the page and the next
 * frame. Written as page source: this bench compiles without the DOM types.
 */
const REDRAW = `async (value) => {
  const host = document.querySelector('[data-testid=list-charts] [data-testid=chart-timeline]');
  const select = document.querySelector('[data-testid=chart-unit]');
  const drawn = new Promise((resolve) => {
    const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
    observer.observe(host, { childList: true });
  });
  const t0 = performance.now();
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(select, value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await drawn;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
}`;

async function timeRedraw(page: Page, unit: string): Promise<number> {
  return page.evaluate(`(${REDRAW})(${JSON.stringify(unit)})`) as Promise<number>;
}

/** Draws `unit` from another unit: first to one that is neither it nor the current one (choosing the same one draws nothing). */
async function timeRedrawFromOther(page: Page, unit: string): Promise<number> {
  const current = await page.locator('[data-testid=chart-unit]').inputValue();
  await timeRedraw(
    page,
    ['day', 'week', 'month'].find((u) => u !== unit && u !== current)!,
  );
  return timeRedraw(page, unit);
}

async function drawing(library: string): Promise<Array<[string, string]>> {
  const host = await startHost(library);
  const browser = await chromium.launch({
    executablePath: process.env.MIZAN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    page.on('crash', () => process.stderr.write('the page crashed\n'));
    browser.on('disconnected', () => process.stderr.write('chromium stopped\n'));
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await page.goto(host.url);
    await page.locator('[data-testid=article-count]').waitFor();
    const t0 = Date.now();
    await page.locator('[data-testid=charts-toggle]').click();
    await page.locator('[data-testid=list-charts] [data-testid=chart-timeline] svg').waitFor({ timeout: 60_000 });
    const first = Date.now() - t0;
    const rows: Array<[string, string]> = [[`first draw (module load + counts over HTTP + draw)`, ms(first)]];
    const units = ['day', 'week', 'month'];
    for (const unit of units) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await timeRedrawFromOther(page, unit));
      const marks = await page
        .locator('[data-testid=list-charts] [data-testid=chart-timeline] svg > g > :is(rect, path)')
        .count();
      rows.push([`redraw, per ${unit} (stacked, ${marks} bars or areas)`, ms(median(times))]);
    }
    await page.locator('[data-testid=list-charts] button[aria-pressed]').first().click();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timeRedrawFromOther(page, 'day'));
    rows.push(['redraw, per day, one row per outlet', ms(median(times))]);
    return rows;
  } finally {
    await browser.close();
    host.stop();
  }
}

async function main(): Promise<void> {
  const library = join(benchDir('charts'), 'library.db');
  const t0 = Date.now();
  await buildLibrary(library);
  process.stdout.write(`library: ${library} (${ARTICLES} articles, ready in ${Date.now() - t0} ms)\n`);
  const drawn = await drawing(library);
  printTable('Core: charts.timeline (median of 7)', await coreCounts(library));
  printTable('Chromium: the timeline of 30,000 results (median of 7)', drawn);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
