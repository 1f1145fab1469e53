/**
 * node dist/bench/importWarc.js [--out DIR] [--mb N] [--gzip]
 *
 * Writes a web archive of about N MB (default 1,000) into DIR (default
 * bench/results/import-warc, ignored by git) if it is not there yet: SaudiNewsNet and
 * BBC articles wrapped as news pages, each with a crawler's request record
 * and padded with inline script to the size of a real page (~200 KB), then
 * imports it into a fresh library through the app's services (pages parsed
 * on the worker threads, stored in batches). Prints throughput and peak RSS.
 * Goal: a 1 GB WARC imports with peak RSS <= 500 MB.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createServices } from '../main/core/services';
import { pageRecords, type WarcPage } from './warcMaker';
import { benchDir, peakRssMb, printTable, sharedData } from './support';

const PAGE_BYTES = 200_000;

function* articles(): Generator<WarcPage> {
  const bbc = execFileSync('tar', ['-xzOf', sharedData('bbc-fulltext.tar.gz'), '--wildcards', 'bbc/business/*.txt'], {
    maxBuffer: 1 << 28,
  }).toString('latin1');
  // Day files in turn, then BBC business stories: as many as the size asks for, over again if need be.
  const days = readdirSync(sharedData('saudinewsnet'))
    .filter((f) => f.endsWith('.json.gz'))
    .sort();
  for (let round = 0; ; round++) {
    for (const day of days) {
      const records = JSON.parse(gunzipSync(readFileSync(sharedData('saudinewsnet', day))).toString('utf8')) as Array<{
        title: string;
        content: string;
        url: string;
        date_extracted: string;
      }>;
      for (const [k, r] of records.entries()) {
        if (!r.title?.trim() || (r.content ?? '').length < 200) continue;
        yield {
          url: `https://news.example.sa/${day.slice(0, 10)}/${round}/${k}`,
          title: round === 0 ? r.title.trim() : `${r.title.trim()} (${round})`,
          body: round === 0 ? r.content : `${r.content}\n${round}`,
          lang: 'ar',
          date: `${day.slice(0, 10)}T08:00:00Z`,
        };
      }
    }
    for (const [k, story] of bbc.split(/\n(?=[^\n]*\n\n)/).entries()) {
      const [title, ...body] = story.split('\n');
      if (!title?.trim() || body.join('').length < 200) continue;
      yield {
        url: `https://news.example.co.uk/business/${round}/${k}`,
        title: title.trim(),
        body: body.join('\n'),
        lang: 'en',
        date: '2005-03-01T12:00:00Z',
      };
    }
  }
}

async function writeArchive(path: string, megabytes: number, gzip: boolean): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let pages = 0;
  for (const page of articles()) {
    if (bytes >= megabytes * 1e6) break;
    const padding = Math.max(0, PAGE_BYTES - page.body.length * 2);
    for (const record of await pageRecords(page, { gzip, padding })) {
      if (!out.write(record)) await new Promise<void>((r) => out.once('drain', () => r()));
      bytes += record.length;
    }
    pages++;
  }
  await new Promise<void>((r) => out.end(r));
  return pages;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const out = opt('--out');
  const dir = out ? resolve(out) : benchDir('import-warc');
  const megabytes = Number(opt('--mb') ?? 1000);
  const gzip = args.includes('--gzip');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `bench-${megabytes}mb.warc${gzip ? '.gz' : ''}`);
  if (!existsSync(path)) {
    const started = Date.now();
    const pages = await writeArchive(path, megabytes, gzip);
    console.log(`wrote ${path}: ${pages} pages in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const size = statSync(path).size;
  const dbPath = join(dir, 'bench-warc-library.db');
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
  const services = await createServices({ dbPath, host: 'cli', storiesAfterImport: false });
  let lastLog = 0;
  const started = Date.now();
  const report = await services.handlers['library.importFiles'](
    { paths: [path] },
    {
      signal: new AbortController().signal,
      progress: (done, total, label) => {
        if (Date.now() - lastLog < 30_000) return;
        lastLog = Date.now();
        console.log(`${done}/${total} MB, ${label}, RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
      },
    },
  );
  const seconds = (Date.now() - started) / 1000;
  await services.close();
  printTable(`bench:importWarc — ${(size / 1e6).toFixed(0)} MB WARC${gzip ? ' (gzipped)' : ''}`, [
    ['archive', `${(size / 1e6).toFixed(0)} MB`],
    ['articles stored', String(report.imported.length)],
    ['duplicates / near', `${report.duplicates.length} / ${report.nearDuplicates?.length ?? 0}`],
    ['errors', String(report.errors.length)],
    ['time', `${seconds.toFixed(0)} s`],
    [
      'throughput',
      `${(size / 1e6 / seconds).toFixed(1)} MB/s, ${(report.imported.length / seconds).toFixed(1)} pages/s`,
    ],
    ['peak RSS', `${peakRssMb().toFixed(0)} MB`],
    ['machine', `load average ${loadavg()[0]!.toFixed(1)} at the end`],
    ['goal', 'peak RSS <= 500 MB'],
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
