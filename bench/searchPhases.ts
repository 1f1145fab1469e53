/**
 * bench:search's phases beside the timed queries, each in its own process
 * (so its RSS is its own):
 *  - answers: every bench query's whole answers (pass 1's request, its
 *    second page, and newest first: ranked ids, scores, snippets, totals,
 *    facets) from a given build's services, written to a file; two builds'
 *    files compared give "answers identical: N/N" (a change only for speed must
 *    keep them; a build that reads the index as stale, its analyzer being
 *    another, rebuilds it first, so each answers from its own keys).
 *  - cpu: the bench queries through a given build's services, several
 *    passes after a warm one: each answer's wall and CPU time, and where the
 *    process's memory is after them (run against two builds in turn to pair
 *    them run by run).
 *  - entity fill: the main process's RSS, sampled, while the library's
 *    entity index fills in the background (a library migrated to the entity
 *    index catches up this way) and the bench queries run beside it.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../main/core/services';
import { peakRssMb } from './support';
import { stats, timed } from './searchLibrary';
import { askSearch, fixedQueries, type BenchQuery } from './searchQueries';

/** Per query: its answers, as search.query returned them. */
type Answers = Record<string, unknown[]>;

const keyOf = (q: BenchQuery): string => JSON.stringify([q.query, q.filter]);

function readQueries(dir: string): BenchQuery[] {
  return JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as BenchQuery[];
}

/** The whole answers of every query in queries.json from the build whose `services.js` is given, into `out`. */
export async function answersPhase(dir: string, servicesModule: string, out: string): Promise<void> {
  const { createServices: open } = (await import(servicesModule)) as { createServices: typeof createServices };
  const services = await open({ dbPath: join(dir, 'library.db'), host: 'cli', entityIndex: false });
  const answers: Answers = {};
  try {
    // Builds whose analyzers differ read each other's index as stale: each answers from an index of its own keys.
    const ctx = { progress: () => undefined, signal: new AbortController().signal };
    if ((await services.handlers['search.status']({}, ctx)).stale) {
      const t0 = performance.now();
      await services.handlers['search.reindex']({}, ctx);
      process.stdout.write(
        `index stale for ${servicesModule}: rebuilt in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
      );
    }
    // Whole answers: ranks, scores, snippets, totals and facets; the first page by relevance, the second page,
    // and the first page newest first.
    for (const q of readQueries(dir)) {
      answers[keyOf(q)] = [
        await askSearch(services, q),
        await askSearch(services, q, { offset: 20 }),
        await askSearch(services, q, { sort: 'newest' }),
      ];
    }
  } finally {
    await services.close();
  }
  writeFileSync(out, JSON.stringify(answers));
}

/** Fields of /proc/self/status in MB (VmRSS, RssAnon, RssFile, VmHWM) and the thread count. */
function procStatus(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of readFileSync('/proc/self/status', 'utf8').split('\n')) {
    const m = /^(VmRSS|RssAnon|RssFile|VmHWM|Threads):\s+(\d+)/.exec(line);
    if (m) out[m[1]!] = m[1] === 'Threads' ? Number(m[2]) : Number(m[2]) / 1024;
  }
  return out;
}

/** Where this process's resident memory is, in one line. */
export function memoryLine(): string {
  const p = procStatus();
  const m = process.memoryUsage();
  const mb = (n: number | undefined) => (n ?? 0).toFixed(0);
  return (
    `peak RSS ${mb(peakRssMb())} MB; resident ${mb(p.VmRSS)} MB (anonymous ${mb(p.RssAnon)}, files ${mb(p.RssFile)}): ` +
    `JS heap ${mb(m.heapUsed / 1e6)} used of ${mb(m.heapTotal / 1e6)}, buffers ${mb(m.external / 1e6)}, ` +
    `the rest native ${mb(m.rss / 1e6 - m.heapTotal / 1e6 - m.external / 1e6)} (SQLite caches, threads, code); ${p.Threads} threads`
  );
}

/** Per-answer wall and CPU over `passes` passes of queries.json (after one warm pass) through `servicesModule`. */
export async function cpuPhase(
  dir: string,
  servicesModule: string,
  passes: number,
  readerCacheKb?: number,
): Promise<void> {
  const { createServices: open } = (await import(servicesModule)) as { createServices: typeof createServices };
  const services = await open({ dbPath: join(dir, 'library.db'), host: 'test', entityIndex: false });
  const queries = readQueries(dir);
  try {
    const failure = await services.db.checked();
    if (failure) throw failure;
    // Another page cache on the readers than the build's own (set before they hold any page): to measure it.
    if (readerCacheKb !== undefined) await services.db.get(`PRAGMA cache_size = -${readerCacheKb}`);
    for (const q of queries) await askSearch(services, q);
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let pass = 0; pass < passes; pass++) {
      const t = await timed(queries, async (q) => void (await askSearch(services, q)));
      wall.push(...t.wall);
      cpu.push(...t.cpu);
    }
    const mean = cpu.reduce((s, x) => s + x, 0) / cpu.length;
    process.stdout.write(
      `${servicesModule}${readerCacheKb === undefined ? '' : ` (reader cache ${readerCacheKb} KB)`}: ${queries.length} queries × ${passes}: wall ${stats(wall)}; CPU ${stats(cpu)}, mean ${mean.toFixed(2)} ms; ` +
        `load ${loadavg()[0]!.toFixed(1)}\n  ${memoryLine()}\n`,
    );
  } finally {
    await services.close();
  }
}

/**
 * The same build's answers from the library as its import wrote it and from a copy whose index
 * `search.reindex` rebuilt (in dir/reindexed): a library must answer alike however its index was built.
 */
export async function reindexPhase(dir: string, servicesModule: string): Promise<void> {
  const { createServices: open } = (await import(servicesModule)) as { createServices: typeof createServices };
  const ctx = { progress: () => undefined, signal: new AbortController().signal };
  if (!existsSync(join(dir, 'queries.json'))) {
    const services = await open({ dbPath: join(dir, 'library.db'), host: 'cli', entityIndex: false });
    try {
      writeFileSync(join(dir, 'queries.json'), JSON.stringify(await fixedQueries(services), null, 1));
    } finally {
      await services.close();
    }
  }
  const copy = join(dir, 'reindexed');
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy);
  copyFileSync(join(dir, 'queries.json'), join(copy, 'queries.json'));
  // The writer checkpoints on close, so library.db alone is the whole library (answersPhase closed it).
  await answersPhase(dir, servicesModule, join(dir, 'answers-imported.json'));
  copyFileSync(join(dir, 'library.db'), join(copy, 'library.db'));
  const services = await open({ dbPath: join(copy, 'library.db'), host: 'cli', entityIndex: false });
  try {
    const t0 = performance.now();
    await services.handlers['search.reindex']({}, ctx);
    process.stdout.write(`reindexed the copy in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  } finally {
    await services.close();
  }
  await answersPhase(copy, servicesModule, join(dir, 'answers-reindexed.json'));
  const { line, differing } = compareAnswers(join(dir, 'answers-imported.json'), join(dir, 'answers-reindexed.json'));
  process.stdout.write(`answers identical, imported index against rebuilt: ${line}\n`);
  for (const k of differing.slice(0, 10)) process.stdout.write(`  differs: ${k}\n`);
}

/** "N/N" and the queries whose answers differ. */
export function compareAnswers(aFile: string, bFile: string): { line: string; differing: string[] } {
  const a = JSON.parse(readFileSync(aFile, 'utf8')) as Answers;
  const b = JSON.parse(readFileSync(bFile, 'utf8')) as Answers;
  const keys = Object.keys(a);
  const differing = keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  return { line: `${keys.length - differing.length}/${keys.length}`, differing };
}

/**
 * The main process's RSS (sampled every 100 ms) over `seconds` while the
 * entity index fills and the bench queries run in a loop beside it.
 */
export async function entityFillPhase(dir: string, seconds: number, servicesModule: string): Promise<void> {
  const queries = readQueries(dir);
  const { createServices: open } = (await import(servicesModule)) as { createServices: typeof createServices };
  const services = await open({ dbPath: join(dir, 'library.db'), host: 'electron' });
  const failure = await services.db.checked();
  if (failure) throw failure;
  const before = await services.entities.progress();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end; i++) {
    const t = performance.now();
    await askSearch(services, queries[i % queries.length]!);
    times.push(performance.now() - t);
  }
  const after = await services.entities.progress();
  clearInterval(sampler);
  const resident = process.memoryUsage().rss / 1e6;
  const memory = memoryLine();
  // Printed before close: a build whose close fails still gives its figures.
  process.stdout.write(
    `${servicesModule}: entity index filling (${seconds} s, running ${before.running || after.running}): queue ${before.queued} -> ${after.queued} articles; ` +
      `main-process RSS peak ${(peak / 1e6).toFixed(0)} MB, at the end ${resident.toFixed(0)} MB (goal <= 250 MB); ` +
      `queries beside it ${stats(times)}\n  at the end: ${memory}\n`,
  );
  await services.close();
}
