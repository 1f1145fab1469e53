/**
 * Where a bench:search query's time goes, on bench:search's library and
 * query set (run `npm run bench:search` once first: it writes both).
 *
 *   node --expose-gc dist/bench/searchProfile.js [--passes N]
 *
 * 1. The whole answer: wall and CPU per query, and the process's CPU split
 *    by thread: the main thread (JavaScript, and the driver turning rows into
 *    objects) against the others (SQLite's statements on libuv's pool, V8's
 *    garbage collection helpers), read from /proc.
 * 2. Each SQL statement's CPU, statements run one at a time (the page and the
 *    facets normally overlap on two threads), and the main thread's share of it.
 * 3. JavaScript by stage: a sampled CPU profile of the passes run again
 *    (inspector), inclusive time of the search module's functions; sampled by
 *    wall clock, so a loaded machine inflates it.
 * 4. The page statement taken apart on the plain-word queries: MATCH alone,
 *    ranking by bm25, the page's articles joined, their bodies left out.
 * 5. The snippets alone, and the slow tail (searchTail.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector';
import { Connection } from '../main/core/db/connection';
import { SUMMARY_COLUMNS } from '../main/core/library/articleReader';
import { ftsExpression, rankExpression } from '../main/core/search/ftsQuery';
import { planQuery } from '../main/core/search/queryPlan';
import { createServices, type Services } from '../main/core/services';
import { benchDir, printTable } from './support';
import { cpuMs, ms, percentile, stats } from './searchLibrary';
import { askSearch, type BenchQuery } from './searchQueries';
import { snippetRows, tailRows } from './searchTail';

/** CPU milliseconds per thread of this process (main, and the others summed). */
function threadCpu(): { main: number; others: number } {
  let main = 0;
  let others = 0;
  for (const tid of readdirSync('/proc/self/task')) {
    // schedstat's first field: nanoseconds on a CPU.
    const ns = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    if (Number(tid) === process.pid) main += ns / 1e6;
    else others += ns / 1e6;
  }
  return { main, others };
}

const mainCpu = (): number =>
  Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;

/** The statement's kind, by its text. */
function kindOf(sql: string): string {
  const s = sql.replace(/\s+/g, ' ');
  if (s.startsWith('SELECT p.rank')) return 'page: ranked hits + their articles';
  if (s.includes('group_concat(f.rowid)')) return 'totals + facets (ids of all hits, filtered)';
  if (s.includes('group_concat(rowid)')) return 'totals + facets (ids of all hits)';
  if (s.includes('count(*)')) return 'count';
  if (s.includes('bm25')) return 'phrase candidates (ranked)';
  if (s.startsWith('SELECT f.rowid AS id FROM')) return 'phrase candidates, exact tier';
  if (s.includes('search_terms')) return 'vocabulary (fuzzy, prefix)';
  if (s.includes('FROM articles a') || s.includes('instr(')) return 'articles / phrase text';
  return s.slice(0, 40);
}

type Timing = { cpu: number[]; main: number[] };

/** Wraps Connection#all so that statements run one at a time, each timed. */
function serializeStatements(into: Map<string, Timing>): () => void {
  const all = Connection.prototype.all;
  let chain: Promise<void> = Promise.resolve();
  Connection.prototype.all = async function <T>(this: Connection, sql: string, params?: ReadonlyArray<unknown>) {
    const before = chain;
    let release = (): void => undefined;
    chain = new Promise((r) => (release = r));
    await before;
    const c = process.cpuUsage();
    const m = mainCpu();
    try {
      return (await all.call(this, sql, params as never)) as T[];
    } finally {
      const t = into.get(kindOf(sql)) ?? { cpu: [], main: [] };
      t.cpu.push(cpuMs(c));
      t.main.push(mainCpu() - m);
      into.set(kindOf(sql), t);
      release();
    }
  } as typeof all;
  return () => void (Connection.prototype.all = all);
}

const STAGES = [
  'makeSnippet',
  'findMatches',
  'hitOf',
  'groups',
  'countIds',
  'facetsOfCounts',
  'planQuery',
  'expandTransliterations',
  'expandFuzzy',
  'readingsOf',
  'buildMatcher',
  'checkedLibrary',
  'queryLibrary',
];

async function profiled(run: () => Promise<void>): Promise<Array<[string, number]>> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (err, value) => (err ? reject(err) : resolve(value))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 250 });
  await post('Profiler.start');
  await run();
  const { profile } = (await post('Profiler.stop')) as {
    profile: {
      nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
      samples: number[];
      timeDeltas: number[];
    };
  };
  session.disconnect();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      if (!f.url.includes('/search/') || !STAGES.includes(f.functionName) || seen.has(f.functionName)) continue;
      seen.add(f.functionName);
      inclusive.set(f.functionName, (inclusive.get(f.functionName) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  return STAGES.map((s) => [s, inclusive.get(s) ?? 0]);
}

/** The summary's columns without its two subqueries (an article's tags, its near twin). */
const HEAD_COLUMNS = `a.id, a.title, a.author, a.source_id, s.name AS source_name, a.published_original,
  a.published_iso, a.published_precision, a.lang, a.dir, a.url, a.word_count, a.imported_at`;

/** Statement parts on the plain-word queries (no filter, phrase or fuzzy word). */
async function pageParts(services: Services, queries: readonly BenchQuery[]): Promise<Array<[string, string]>> {
  const rank = rankExpression('search_fts');
  const ranked = `SELECT rowid AS id, ${rank} AS rank FROM search_fts WHERE search_fts MATCH ? ORDER BY rank, rowid LIMIT 20`;
  const parts: Array<[string, string, 'exact' | 'all']> = [
    ['MATCH, count only (exact tier)', 'SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?', 'exact'],
    [
      'MATCH, ids as one string (all hits)',
      'SELECT group_concat(rowid) AS n FROM search_fts WHERE search_fts MATCH ?',
      'all',
    ],
    ['+ bm25 and top 20 (exact tier)', ranked, 'exact'],
    [
      '+ the 20 articles, no tags or near twin, no bodies',
      `SELECT p.rank, ${HEAD_COLUMNS} FROM (${ranked}) p JOIN articles a ON a.id = p.id LEFT JOIN sources s ON s.id = a.source_id`,
      'exact',
    ],
    [
      '+ the 20 articles, bodies left out',
      `SELECT p.rank, ${SUMMARY_COLUMNS} FROM (${ranked}) p JOIN articles a ON a.id = p.id LEFT JOIN sources s ON s.id = a.source_id`,
      'exact',
    ],
    [
      '+ their bodies (the page statement)',
      `SELECT p.rank, ${SUMMARY_COLUMNS}, a.body FROM (${ranked}) p JOIN articles a ON a.id = p.id LEFT JOIN sources s ON s.id = a.source_id`,
      'exact',
    ],
  ];
  const plain = queries.filter((q) => Object.keys(q.filter).length === 0 && !/["~]/.test(q.query));
  const expressions = plain
    .map((q) => planQuery(q.query, false).root)
    .filter((r) => r !== null)
    .map((r) => ({ all: ftsExpression(r, new Map(), 'all'), exact: ftsExpression(r, new Map(), 'exact') }))
    .filter((e): e is { all: string; exact: string } => e.all !== null && e.exact !== null);
  const rows: Array<[string, string]> = [];
  for (const [label, sql, tier] of parts) {
    for (const e of expressions) await services.db.all(sql, [e[tier]]);
    const cpu: number[] = [];
    for (const e of expressions) {
      const c = process.cpuUsage();
      await services.db.all(sql, [e[tier]]);
      cpu.push(cpuMs(c));
    }
    rows.push([`  ${label}`, `CPU ${stats(cpu)}`]);
  }
  return [[`page statement in parts (${expressions.length} plain-word queries)`, ''], ...rows];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const passes = args.includes('--passes') ? Number(args[args.indexOf('--passes') + 1]) : 2;
  const dir = benchDir('search');
  const queries = JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as BenchQuery[];
  const services = await createServices({ dbPath: join(dir, 'library.db'), host: 'test', entityIndex: false });
  const failure = await services.db.checked();
  if (failure) throw failure;
  for (const q of queries) await askSearch(services, q);

  const wall: number[] = [];
  const cpu: number[] = [];
  const t0 = threadCpu();
  for (let pass = 0; pass < passes; pass++) {
    for (const q of queries) {
      const c = process.cpuUsage();
      const t = process.hrtime.bigint();
      await askSearch(services, q);
      wall.push(ms(t));
      cpu.push(cpuMs(c));
    }
  }
  const t1 = threadCpu();
  const n = wall.length;
  // Profiled apart: the profiler's own thread would count among the others.
  const stages = await profiled(async () => {
    for (let pass = 0; pass < passes; pass++) for (const q of queries) await askSearch(services, q);
  });

  const statements = new Map<string, Timing>();
  const restore = serializeStatements(statements);
  for (let pass = 0; pass < passes; pass++) for (const q of queries) await askSearch(services, q);
  restore();
  const parts = await pageParts(services, queries);
  const tail = await tailRows(services, queries, Math.max(3, passes));
  const snippets = await snippetRows(services, queries);
  await services.close();

  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const rows: Array<[string, string]> = [
    ['answers', `${n} (${queries.length} queries × ${passes}), top 20 with snippets, total, facets`],
    ['  wall', stats(wall)],
    ['  CPU, whole process', stats(cpu)],
    [
      '  CPU per query by thread (mean)',
      `main ${((t1.main - t0.main) / n).toFixed(2)} ms; others ${((t1.others - t0.others) / n).toFixed(2)} ms (SQLite on libuv's pool, V8's GC helpers)`,
    ],
    ['statements, one at a time', 'CPU p50 / p95 / mean per call; of it on the main thread (p50); calls'],
    ...[...statements]
      .sort((a, b) => b[1].cpu.reduce((s, v) => s + v, 0) - a[1].cpu.reduce((s, v) => s + v, 0))
      .map(([kind, t]): [string, string] => {
        const c = sorted(t.cpu);
        const mean = c.reduce((s, v) => s + v, 0) / c.length;
        return [
          `  ${kind}`,
          `${percentile(c, 50).toFixed(2)} / ${percentile(c, 95).toFixed(2)} / ${mean.toFixed(2)} ms; main ${percentile(sorted(t.main), 50).toFixed(2)} ms; ${c.length}`,
        ];
      }),
    ['JavaScript by stage (sampled, inclusive, ms per query)', ''],
    ...stages.filter(([, t]) => t > 0).map(([s, t]): [string, string] => [`  ${s}`, (t / n).toFixed(3)]),
    ...parts,
    ...snippets,
    ...tail,
    ['machine', `load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)} (2 cores shared)`],
  ];
  printTable('search query path, profiled', rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
