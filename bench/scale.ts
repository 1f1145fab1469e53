/**
 * npm run bench:scale -- --dir FOLDER — the scale curve: libraries of 10k,
 * 100k and 1M articles (SaudiNewsNet and BBC, then the deterministic variants
 * of bench:search), built once and kept under FOLDER/<size>/ (never in the
 * repository), and for each size: import rate, file size, open time, search
 * p50/p95/p99 of bench:search's queries, story clustering (the whole library
 * once, then 1,000 new articles incrementally), peak RSS of each phase. Each
 * phase runs in a fresh process, so its RSS and open time are its own. Prints
 * the table and writes FOLDER/scale.json and FOLDER/scale.svg.
 *
 *   node dist/bench/scale.js --dir FOLDER [--sizes 10000,100000,1000000] [--only-build] [--report-only]
 *     [--skip-full-cluster-above N] [--postgres-size N]
 *
 * --report-only prints the table and the chart from the figures already in FOLDER.
 *
 * The libraries are built with the story queue and the entity index off, so
 * the import rate is the import and its search index alone (what bench:import
 * measures); clustering is timed on its own.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createServices, type Services } from '../main/core/services';
import { scaleChart } from './scaleChart';
import { postgresPhase, type PostgresResult } from './scalePostgres';
import {
  build,
  bbcSource,
  cpuMs,
  fileMb,
  loadBase,
  ms,
  percentile,
  prng,
  timed,
  variantOf,
  type RawRecord,
} from './searchLibrary';
import type { BuildInfo } from './searchLibrary';
import { askSearch, fixedQueries, type BenchQuery } from './searchQueries';
import { peakRssMb, printTable } from './support';

const ctx = { progress: () => undefined, signal: new AbortController().signal };
/** Above the real corpus (about 33,000 articles once duplicates are dropped), a size can be copied off a larger build. */
const REAL_CORPUS = 40_000;
const quiet = { storiesAfterImport: false, entityIndex: false } as const;

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
}

export interface SizeResult {
  size: number;
  build?: BuildInfo & { peakRssMb: number; cpuSeconds: number; fileMb: number };
  query?: {
    openMs: number;
    openCpuMs: number;
    firstAnswerMs: number;
    queries: number;
    wall: Latency;
    cpu: Latency;
    wallNoFacets: Latency;
    peakRssMb: number;
  };
  clusterFull?: { seconds: number; cpuSeconds: number; placed: number; stories: number; peakRssMb: number };
  /** PostgreSQL full-text over the same keys, or why it was skipped. */
  postgres?: PostgresResult | string;
  clusterIncremental?: {
    seconds: number;
    cpuSeconds: number;
    placed: number;
    importSeconds: number;
    peakRssMb: number;
  };
}

function latency(samples: readonly number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
}

function readJson<T>(path: string): T | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

// ---------------------------------------------------------------------------
// Phases, each in its own process

/**
 * Builds `size`; on the way, at each of `snapshots`, copies the library into
 * that size's folder with the build's figures so far (one build gives the
 * 100k and the 1M library).
 */
async function buildPhase(folder: string, size: number, snapshots: readonly number[]): Promise<void> {
  const dir = join(folder, String(size));
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const stepsSoFar: BuildInfo['steps'] = [];
  const info = await build(dir, size, {
    ...quiet,
    plain: false,
    filesPerImport: size >= 100_000 ? 25 : Infinity,
    dropVariants: true,
    stops: snapshots,
    onStep: async (total, services) => {
      const seconds = ms(t0) / 1000 - stepsSoFar.reduce((s, x) => s + x.seconds, 0);
      stepsSoFar.push({ total, added: total - (stepsSoFar.at(-1)?.total ?? 0), seconds });
      if (!snapshots.includes(total)) return;
      try {
        await snapshot(total, services);
      } catch (error) {
        // A failed copy costs that size, not the build of the larger one.
        process.stderr.write(`copying the library at ${total} failed: ${String(error)}\n`);
      }
    },
  });
  const out = {
    ...info,
    peakRssMb: peakRssMb(),
    cpuSeconds: cpuMs(c0) / 1000,
    fileMb: fileMb(join(dir, 'library.db')),
  };
  writeFileSync(join(dir, 'result-build.json'), JSON.stringify(out, null, 2));

  async function snapshot(total: number, services: Services): Promise<void> {
    await services.search.idle();
    await services.db.exclusive((w) => w.exec('PRAGMA wal_checkpoint(TRUNCATE)'));
    const to = join(folder, String(total));
    mkdirSync(to, { recursive: true });
    for (const f of ['library.db-wal', 'library.db-shm']) rmSync(join(to, f), { force: true });
    copyFileSync(join(dir, 'library.db'), join(to, 'library.db'));
    const [first, ...rest] = stepsSoFar;
    const figures = {
      real: first!.total,
      realSeconds: first!.seconds,
      variants: total - first!.total,
      variantSeconds: rest.reduce((s, x) => s + x.seconds, 0),
      total,
      steps: [...stepsSoFar],
      peakRssMb: peakRssMb(),
      cpuSeconds: cpuMs(c0) / 1000,
      fileMb: fileMb(join(to, 'library.db')),
      snapshotOf: size,
    };
    writeFileSync(join(to, 'result-build.json'), JSON.stringify(figures, null, 2));
    process.stdout.write(`copied the library at ${total} articles to ${to}\n`);
  }
}

async function queryPhase(dir: string): Promise<void> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const services = await createServices({ dbPath: join(dir, 'library.db'), host: 'cli', ...quiet });
  const search = (services: Services, q: BenchQuery, facets = true) => askSearch(services, q, { facets });
  const openMs = ms(t0);
  await search(services, { query: 'الأمريكي', filter: {} });
  const firstAnswerMs = ms(t0);
  const openCpuMs = cpuMs(c0);
  const failure = await services.db.checked();
  if (failure) throw failure;
  const queries = await fixedQueries(services);
  await timed(queries, async (q) => void (await search(services, q)));
  const pass = await timed(queries, async (q) => void (await search(services, q)));
  const noFacets = await timed(queries, async (q) => void (await search(services, q, false)));
  const out: SizeResult['query'] = {
    openMs,
    openCpuMs,
    firstAnswerMs,
    queries: queries.length,
    wall: latency(pass.wall),
    cpu: latency(pass.cpu),
    wallNoFacets: latency(noFacets.wall),
    peakRssMb: peakRssMb(),
  };
  await services.close();
  writeFileSync(join(dir, 'result-query.json'), JSON.stringify(out, null, 2));
}

/** Every story of the library placed once (what the app does after the first import); kept, as the library is. */
async function clusterFullPhase(dir: string): Promise<void> {
  const services = await createServices({ dbPath: join(dir, 'library.db'), host: 'cli', ...quiet });
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const run = await services.handlers['compare.cluster']({ mode: 'full' }, ctx);
  const out: SizeResult['clusterFull'] = {
    seconds: ms(t0) / 1000,
    cpuSeconds: cpuMs(c0) / 1000,
    placed: run.placed,
    stories: run.stories,
    peakRssMb: peakRssMb(),
  };
  await services.close();
  writeFileSync(join(dir, 'result-cluster-full.json'), JSON.stringify(out, null, 2));
}

/**
 * 1,000 new articles (variants no build makes) imported and placed into the
 * library's stories incrementally, then deleted again so the library stays
 * the size it was built to.
 */
async function clusterIncrementalPhase(dir: string): Promise<void> {
  const services = await createServices({ dbPath: join(dir, 'library.db'), host: 'cli', ...quiet });
  const failure = await services.db.checked();
  if (failure) throw failure;
  const base = loadBase(bbcSource(dir));
  const rnd = prng(1000);
  const batch: RawRecord[] = [];
  for (let i = 0; i < 1000; i++) {
    const r = base[Math.floor(rnd() * base.length)]!;
    batch.push(variantOf(r, 900 + (i % 7), base[Math.floor(rnd() * base.length)]!));
  }
  const file = join(dir, 'new-1k.json');
  writeFileSync(file, JSON.stringify(batch));
  const before = (await services.db.get<{ m: number }>('SELECT max(id) AS m FROM articles'))?.m ?? 0;
  const ti = process.hrtime.bigint();
  await services.handlers['library.importFiles']({ paths: [file] }, ctx);
  const importSeconds = ms(ti) / 1000;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const run = await services.handlers['compare.cluster']({ mode: 'incremental' }, ctx);
  const out: SizeResult['clusterIncremental'] = {
    seconds: ms(t0) / 1000,
    cpuSeconds: cpuMs(c0) / 1000,
    placed: run.placed,
    importSeconds,
    peakRssMb: peakRssMb(),
  };
  const added = (await services.db.all<{ id: number }>('SELECT id FROM articles WHERE id > ?', [before])).map(
    (r) => r.id,
  );
  if (added.length > 0) await services.handlers['library.deleteArticles']({ ids: added }, ctx);
  await services.handlers['compare.cluster']({ mode: 'incremental' }, ctx);
  await services.close();
  rmSync(file, { force: true });
  writeFileSync(join(dir, 'result-cluster-incremental.json'), JSON.stringify(out, null, 2));
}

/** The library's analyzer keys in PostgreSQL, with bench:search's queries of this library. */
async function postgresPhaseIn(dir: string): Promise<void> {
  const services = await createServices({ dbPath: join(dir, 'library.db'), host: 'cli', ...quiet });
  const queries = await fixedQueries(services);
  await services.close();
  const result = await postgresPhase(join(dir, 'library.db'), queries, (line) => process.stdout.write(`${line}\n`));
  writeFileSync(join(dir, 'result-postgres.json'), JSON.stringify(result, null, 2));
}

// ---------------------------------------------------------------------------
// The curve

function child(args: string[]): boolean {
  const run = spawnSync(process.execPath, ['--expose-gc', __filename, ...args], { stdio: 'inherit' });
  return run.status === 0;
}

const fmt = (n: number | undefined, digits = 0): string => (n === undefined ? '—' : n.toFixed(digits));

/** The rate of the build's last step of 1,000 articles or more (a step of a few dedup leftovers says nothing). */
function lastRate(b: NonNullable<SizeResult['build']>): string {
  const step = b.steps.filter((s) => s.added >= 1000).at(-1);
  return step ? `${fmt(step.added / step.seconds)} (at ${step.total})` : '—';
}

function postgresRows(r: SizeResult): Array<[string, string]> {
  const pg = r.postgres;
  const label = r.size.toLocaleString('en');
  if (pg === undefined) return [];
  if (typeof pg === 'string') return [[`${label}: PostgreSQL`, pg]];
  return [
    [
      `${label}: PostgreSQL load`,
      `${pg.articles} articles' keys (${fmt(pg.tsvMb)} MB, analysed in ${fmt(pg.analyseSeconds)} s): COPY ${fmt(pg.copySeconds, 1)} s = ${fmt(pg.articles / pg.copySeconds)} art/s, tsvector ${fmt(pg.tsvectorSeconds, 1)} s, GIN ${fmt(pg.ginSeconds, 1)} s; table ${fmt(pg.tableMb)} MB, GIN ${fmt(pg.indexMb)} MB`,
    ],
    [
      `${label}: PostgreSQL queries`,
      `p50 ${fmt(pg.p50, 2)} / p95 ${fmt(pg.p95, 1)} / p99 ${fmt(pg.p99, 1)} ms (${pg.queries} queries as AND of stem keys, top 20 by ts_rank_cd + facet counts; ${pg.answered} with hits; ${pg.version.split(' on ')[0]})`,
    ],
  ];
}

function report(folder: string, results: SizeResult[]): void {
  const rows: Array<[string, string]> = [];
  for (const r of results) {
    const b = r.build;
    const q = r.query;
    const label = r.size.toLocaleString('en');
    rows.push([
      `${label}: import`,
      b
        ? `${b.total} articles in ${fmt(b.realSeconds + b.variantSeconds)} s = ${fmt(b.total / (b.realSeconds + b.variantSeconds))} art/s overall, last step ${lastRate(b)} art/s; CPU ${fmt(b.cpuSeconds)} s = ${fmt(b.total / b.cpuSeconds)} art per CPU second; peak RSS ${fmt(b.peakRssMb)} MB`
        : 'not built',
    ]);
    rows.push([`${label}: file`, b ? `${fmt(b.fileMb)} MB` : '—']);
    rows.push([
      `${label}: open`,
      q
        ? `createServices ${fmt(q.openMs)} ms, first answer ${fmt(q.firstAnswerMs)} ms (CPU ${fmt(q.openCpuMs)} ms)`
        : '—',
    ]);
    rows.push([
      `${label}: search (${q?.queries ?? 0} queries)`,
      q
        ? `p50 ${fmt(q.wall.p50, 2)} / p95 ${fmt(q.wall.p95, 1)} / p99 ${fmt(q.wall.p99, 1)} ms with facets (CPU p50 ${fmt(q.cpu.p50, 2)} / p95 ${fmt(q.cpu.p95, 1)}); without facets p50 ${fmt(q.wallNoFacets.p50, 2)} / p95 ${fmt(q.wallNoFacets.p95, 1)}; peak RSS ${fmt(q.peakRssMb)} MB`
        : '—',
    ]);
    const f = r.clusterFull;
    const i = r.clusterIncremental;
    rows.push([
      `${label}: stories`,
      `${f ? `full ${fmt(f.seconds)} s (CPU ${fmt(f.cpuSeconds)} s, ${f.placed} placed, ${f.stories} stories, peak RSS ${fmt(f.peakRssMb)} MB)` : 'full: not run'}; ${i ? `1,000 new: ${fmt(i.seconds, 1)} s (CPU ${fmt(i.cpuSeconds, 1)} s, peak RSS ${fmt(i.peakRssMb)} MB)` : 'incremental: not run'}`,
    ]);
  }
  for (const r of results) rows.push(...postgresRows(r));
  rows.push([
    'machine',
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (2 cores shared with other work)`,
  ]);
  printTable('bench:scale', rows);
  writeFileSync(join(folder, 'scale.json'), JSON.stringify(results, null, 2));
  writeFileSync(join(folder, 'scale.svg'), scaleChart(results));
  process.stdout.write(`\nwrote ${join(folder, 'scale.json')} and ${join(folder, 'scale.svg')}\n`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const folderArg = value('--dir');
  if (!folderArg) throw new Error('give --dir FOLDER: the libraries (gigabytes at a million articles) are kept there');
  const folder = resolve(folderArg);
  const phase = value('--phase');
  if (phase) {
    const size = Number(value('--size'));
    const dir = join(folder, String(size));
    mkdirSync(dir, { recursive: true });
    if (phase === 'build')
      return buildPhase(folder, size, (value('--snapshots') ?? '').split(',').filter(Boolean).map(Number));
    if (phase === 'query') return queryPhase(dir);
    if (phase === 'cluster-full') return clusterFullPhase(dir);
    if (phase === 'cluster-incremental') return clusterIncrementalPhase(dir);
    if (phase === 'postgres') return postgresPhaseIn(dir);
    throw new Error(`unknown phase ${phase}`);
  }
  const sizes = (value('--sizes') ?? '10000,100000,1000000').split(',').map(Number);
  const postgresSize = Number(value('--postgres-size') ?? 100_000);
  const fullAbove = Number(value('--skip-full-cluster-above') ?? Infinity);
  const results: SizeResult[] = [];
  const at = (size: number, name: string) => join(folder, String(size), `result-${name}.json`);
  const isBuilt = (size: number) => {
    const built = readJson<SizeResult['build']>(at(size, 'build'));
    return built !== undefined && built.total >= size * 0.99 && existsSync(join(folder, String(size), 'library.db'));
  };
  // The largest missing size is built first; the smaller ones above the real corpus are copied on its way.
  for (const size of [...sizes].sort((a, b) => b - a)) {
    if (isBuilt(size) || args.includes('--report-only')) continue;
    const snapshots = sizes.filter((n) => n < size && n >= REAL_CORPUS && !isBuilt(n)).sort((a, b) => a - b);
    for (const n of [size, ...snapshots])
      for (const name of ['build', 'query', 'cluster-full', 'cluster-incremental', 'postgres'])
        rmSync(at(n, name), { force: true });
    process.stdout.write(`building ${size} in ${join(folder, String(size))}\n`);
    const ok = child(['--dir', folder, '--phase', 'build', '--size', String(size), '--snapshots', snapshots.join(',')]);
    if (!ok) throw new Error(`build ${size} failed`);
  }
  for (const size of sizes) {
    const of = (name: string) => at(size, name);
    if (!args.includes('--only-build') && !args.includes('--report-only')) {
      child(['--dir', folder, '--phase', 'query', '--size', String(size)]);
      if (!existsSync(of('cluster-full')) && size <= fullAbove)
        child(['--dir', folder, '--phase', 'cluster-full', '--size', String(size)]);
      if (existsSync(of('cluster-full')))
        child(['--dir', folder, '--phase', 'cluster-incremental', '--size', String(size)]);
      if (size === postgresSize) child(['--dir', folder, '--phase', 'postgres', '--size', String(size)]);
    }
    results.push({
      size,
      build: readJson(of('build')),
      query: readJson(of('query')),
      clusterFull: readJson(of('cluster-full')),
      clusterIncremental: readJson(of('cluster-incremental')),
      postgres: readJson(of('postgres')),
    });
  }
  report(folder, results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
