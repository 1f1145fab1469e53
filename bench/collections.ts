/**
 * npm run bench:collections — a 5,000-article collection searched with Lunr.
 *
 * Uses bench:search's library (bench/results/search/library.db: SaudiNewsNet
 * and BBC, with variants up to 100,000) and its fixed queries
 * (queries.json); `npm run bench:search` builds both once. The collection is
 * bench:search's "bench 5k": 5,000 articles drawn with the same seed.
 *
 * Main phase, through the search service alone (createServices would add
 * the app's background work on a large library to the CPU time): builds the
 * collection index (buildCollectionIndex, in the worker as in the app) three
 * times after a first, wall and CPU time (every thread of the process); then
 * every query through search.query with engine lunr (top 20 with snippets
 * and facets, two passes, the second timed). Child processes, each
 * with only what it measures in memory:
 * - `--phase-memory arrays|lunr`: the stored index loaded as the app loads it
 *   now (typed arrays), or as lunr.Index.load of the same index in lunr's
 *   serialized form, gzipped (how collection indexes were stored and held
 *   before): load time, heap and RSS;
 * - `--phase-compare`: every query's plan searched in both, answers
 *   compared hit for hit (id, score, tier, matched keys), engine time of each;
 *   with `--base DIR`, also by DIR's build (a checkout built with npm run
 *   build), alternated query by query with this one: CPU time and answers.
 *
 *   node --expose-gc dist/bench/collections.js [--base DIR]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import lunr from 'lunr';
import type { ParsedInput } from '../preload/contract';
import { Database } from '../main/core/db/connection';
import { migrate } from '../main/core/db/migrate';
import { migrations } from '../main/core/db/migrations';
import { annotatePlan } from '../main/core/search/collectionIndexes';
import { decodeCompactIndex, toLunrJson } from '../main/core/search/compactLunrIndex';
import { lunrMatches } from '../main/core/search/compactLunrQuery';
import { loadIndex, searchCollection, type CollectionPlan } from '../main/core/search/lunrCollection';
import { planQuery } from '../main/core/search/queryPlan';
import { createSearchService } from '../main/core/search/searchService';
import { createServices } from '../main/core/services';
import { benchDir, printTable } from './support';
import { cpuMs, ms, stats, timed } from './searchLibrary';
import { BENCH_COLLECTION, benchCollection } from './searchQueries';

const BUILDS = 3;

interface BenchQuery {
  query: string;
  filter: ParsedInput<'search.query'>['filter'];
}

const searchDir = benchDir('search');
const dir = benchDir('collections');
const indexPath = join(dir, 'index.bin');

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function gcNow(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
}

/** How collection indexes were held before: lunr.Index.load of the gzipped JSON, one shared empty metadata object. */
function loadLunrJson(gz: Uint8Array): lunr.Index {
  const serialized = JSON.parse(gunzipSync(gz).toString('utf8')) as {
    invertedIndex: Array<[string, Record<string, Record<string, unknown> | number>]>;
  };
  const none = Object.freeze({});
  for (const [, posting] of serialized.invertedIndex) {
    for (const refs of Object.values(posting)) {
      if (typeof refs === 'object') for (const ref of Object.keys(refs)) refs[ref] = none;
    }
  }
  return lunr.Index.load(serialized);
}

function lunrJsonOf(data: Uint8Array): Buffer {
  return gzipSync(toLunrJson(decodeCompactIndex(data)), { level: 4 });
}

interface MemoryFigures {
  loadMs: number;
  heapMb: number;
  externalMb: number;
  rssMb: number;
  rssBeforeMb: number;
}

function memoryPhase(form: string): void {
  const data = readFileSync(indexPath);
  const stored = form === 'lunr' ? lunrJsonOf(data) : data;
  gcNow();
  const before = process.memoryUsage();
  const t = process.hrtime.bigint();
  const index = form === 'lunr' ? loadLunrJson(stored) : loadIndex(stored);
  const loadMs = ms(t);
  gcNow();
  const after = process.memoryUsage();
  // A query, so the index is in use when measured (and kept alive until then).
  const found = index.query((q) => q.term('سعود', { usePipeline: false })).length;
  const figures: MemoryFigures & { found: number } = {
    loadMs,
    heapMb: (after.heapUsed - before.heapUsed) / 1e6,
    externalMb: (after.external - before.external) / 1e6,
    rssMb: after.rss / 1e6,
    rssBeforeMb: before.rss / 1e6,
    found,
  };
  process.stdout.write(JSON.stringify(figures));
}

interface CompareFigures {
  compared: number;
  identical: number;
  differing: string[];
  arraysMs: number[];
  lunrMs: number[];
  /** With --base: CPU ms per query (median of the passes) of this build and DIR's, and answers equal to DIR's. */
  paired?: { thisCpu: number[]; baseCpu: number[]; identical: number };
}

type Searcher = (plan: CollectionPlan) => string;

/** This build's and DIR's engine, each query in turn, order alternated: CPU ms (median of 3) and equal answers. */
function pairedWithBase(data: Buffer, plans: ReadonlyArray<{ plan: CollectionPlan }>, base: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const baseLunr = require(join(base, 'dist', 'main', 'core', 'search', 'lunrCollection.js')) as {
    loadIndex: typeof loadIndex;
    searchCollection: typeof searchCollection;
  };
  const ours = loadIndex(data);
  const theirs = baseLunr.loadIndex(data);
  const engines: Searcher[] = [
    (plan) => JSON.stringify(searchCollection(ours, plan)),
    (plan) => JSON.stringify(baseLunr.searchCollection(theirs, plan)),
  ];
  const cpu: number[][][] = [[], []];
  let identical = 0;
  for (let pass = 0; pass < 3; pass++) {
    plans.forEach(({ plan }, q) => {
      const answers: string[] = [];
      for (const k of (q + pass) % 2 ? [0, 1] : [1, 0]) {
        const c = process.cpuUsage();
        answers[k] = engines[k]!(plan);
        (cpu[k]![q] ??= []).push(cpuMs(c));
      }
      if (pass === 0 && answers[0] === answers[1]) identical++;
    });
  }
  return { thisCpu: cpu[0]!.map(median), baseCpu: cpu[1]!.map(median), identical };
}

async function comparePhase(collectionId: number, base: string | null): Promise<void> {
  const data = readFileSync(indexPath);
  const arrays = loadIndex(data);
  const lunrForm = lunrMatches(loadLunrJson(lunrJsonOf(data)));
  const queries = JSON.parse(readFileSync(join(searchDir, 'queries.json'), 'utf8')) as BenchQuery[];
  const db = await Database.open(join(searchDir, 'library.db'));
  const plans: Array<{ query: string; plan: CollectionPlan }> = [];
  for (const { query } of queries) {
    const root = planQuery(query, true).root;
    if (root) plans.push({ query, plan: await annotatePlan(db, root, collectionId) });
  }
  await db.close();
  const out: CompareFigures = { compared: 0, identical: 0, differing: [], arraysMs: [], lunrMs: [] };
  for (let pass = 0; pass < 2; pass++) {
    out.arraysMs.length = 0;
    out.lunrMs.length = 0;
    for (const { query, plan } of plans) {
      let t = process.hrtime.bigint();
      const a = JSON.stringify(searchCollection(arrays, plan));
      out.arraysMs.push(ms(t));
      t = process.hrtime.bigint();
      const b = JSON.stringify(searchCollection(lunrForm, plan));
      out.lunrMs.push(ms(t));
      if (pass > 0) continue;
      out.compared++;
      if (a === b) out.identical++;
      else out.differing.push(query);
    }
  }
  if (base) out.paired = pairedWithBase(data, plans, base);
  process.stdout.write(JSON.stringify(out));
}

function child<T>(...args: string[]): T {
  const r = spawnSync(process.execPath, ['--expose-gc', __filename, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const phase = args.indexOf('--phase-memory');
  if (phase >= 0) return memoryPhase(args[phase + 1] ?? 'arrays');
  const base = args.includes('--base') ? args[args.indexOf('--base') + 1]! : null;
  if (args.includes('--phase-compare')) return comparePhase(Number(args[args.indexOf('--collection') + 1]), base);

  const libraryPath = join(searchDir, 'library.db');
  if (!existsSync(libraryPath) || !existsSync(join(searchDir, 'queries.json'))) {
    throw new Error(`no library at ${libraryPath}: run npm run bench:search first (it builds the library and queries)`);
  }
  const queries = JSON.parse(readFileSync(join(searchDir, 'queries.json'), 'utf8')) as BenchQuery[];
  const services = await createServices({ dbPath: libraryPath, host: 'cli' });
  const collectionId = await benchCollection(services);
  await services.close();
  // The search service alone: the app's background work on a large library (integrity check, entity
  // extraction) would be counted in the build's CPU time, which covers every thread of the process.
  const db = await Database.open(libraryPath);
  await migrate(db, migrations);
  const search = await createSearchService({ db, now: () => new Date() });

  const buildWall: number[] = [];
  const buildCpu: number[] = [];
  let built = await search.buildCollectionIndex(collectionId);
  for (let i = 0; i < BUILDS; i++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    built = await search.buildCollectionIndex(collectionId);
    buildWall.push(ms(t));
    buildCpu.push(cpuMs(c));
  }
  const blob = await db.get<{ data: Buffer }>('SELECT data FROM collection_search_index_data WHERE collection_id = ?', [
    collectionId,
  ]);
  if (!blob) throw new Error('the collection index was not stored');
  writeFileSync(indexPath, blob.data);

  const query = (bq: BenchQuery) =>
    search.query({
      query: bq.query,
      filter: { ...bq.filter, collectionId },
      offset: 0,
      limit: 20,
      facets: true,
      engine: 'lunr',
      sort: 'relevance',
      lenient: true,
    });
  let passes = { wall: [] as number[], cpu: [] as number[] };
  // Which engine answered each query: a quoted phrase is answered through the library index.
  const engines: string[] = [];
  for (let pass = 0; pass < 2; pass++) {
    passes = await timed(queries, async (bq, i) => void (engines[i] = (await query(bq)).engine));
  }
  await search.close();
  await db.close();

  const arrays = child<MemoryFigures>('--phase-memory', 'arrays');
  const lunrForm = child<MemoryFigures>('--phase-memory', 'lunr');
  const compared = child<CompareFigures>(
    '--phase-compare',
    '--collection',
    String(collectionId),
    ...(base ? ['--base', base] : []),
  );
  const paired = compared.paired;
  const memory = (m: MemoryFigures) =>
    `load ${m.loadMs.toFixed(0)} ms; heap +${m.heapMb.toFixed(1)} MB, external +${m.externalMb.toFixed(1)} MB; ` +
    `RSS ${m.rssBeforeMb.toFixed(0)} → ${m.rssMb.toFixed(0)} MB (+${(m.rssMb - m.rssBeforeMb).toFixed(0)})`;
  printTable(`bench:collections — ${built.articleCount} articles (collection "${BENCH_COLLECTION}")`, [
    [
      'build (buildCollectionIndex, worker)',
      `wall median ${median(buildWall).toFixed(0)} ms (${buildWall.map((w) => w.toFixed(0)).join(', ')}); ` +
        `CPU median ${median(buildCpu).toFixed(0)} ms (${buildCpu.map((c) => c.toFixed(0)).join(', ')}); goal <= 4 s`,
    ],
    ['stored', `${((built.bytes ?? 0) / 1e6).toFixed(1)} MB`],
    ['loaded, typed arrays (now)', `${memory(arrays)}; goal <= 100 MB`],
    ['loaded, lunr.Index.load (before)', memory(lunrForm)],
    ['search.query, engine lunr, wall', `${stats(passes.wall)} (goal p95 <= 20 ms)`],
    ['search.query, engine lunr, CPU', stats(passes.cpu)],
    [
      '  of which answered by Lunr',
      `${engines.filter((e) => e === 'lunr').length} queries: wall ${stats(passes.wall.filter((_, i) => engines[i] === 'lunr'))}; ` +
        `CPU ${stats(passes.cpu.filter((_, i) => engines[i] === 'lunr'))}`,
    ],
    [
      'answers identical',
      `${compared.identical}/${compared.compared}${compared.differing.length ? ` (differ: ${compared.differing.join(' | ')})` : ''}`,
    ],
    ['engine only, typed arrays', stats(compared.arraysMs)],
    ['engine only, lunr.Index.load', stats(compared.lunrMs)],
    ...(paired
      ? ([
          ['engine only, CPU, this build (paired)', stats(paired.thisCpu)],
          [`engine only, CPU, ${base}`, stats(paired.baseCpu)],
          ['answers identical to that build', `${paired.identical}/${paired.thisCpu.length}`],
        ] as Array<[string, string]>)
      : []),
    ['machine', `load average ${loadavg()[0]!.toFixed(1)} at the end (2 cores shared with other work)`],
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
