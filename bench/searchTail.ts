/**
 * searchProfile's last two parts: what makes the slow answers slow, and the
 * snippets' share of an answer.
 *  - Each bench query's CPU (median of its passes), by how many articles its
 *    exact tier matches (unfiltered: the doclists FTS5 walks and bm25 scores),
 *    and what the slowest 5 % have in common.
 *  - makeSnippet alone, on the (body, matcher) pairs the answers used, run
 *    again in a loop: the main thread's snippet work per answer, p50 and p95.
 */
import * as highlight from '../main/core/search/highlight';
import { ftsExpression } from '../main/core/search/ftsQuery';
import { planQuery } from '../main/core/search/queryPlan';
import type { Services } from '../main/core/services';
import { cpuMs, percentile } from './searchLibrary';
import { askSearch, type BenchQuery } from './searchQueries';

type Row = [string, string];
type SnippetCall = Parameters<typeof highlight.makeSnippet>;

const median = (xs: number[]): number =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

/** The queries' CPU by exact-tier hits, and the slowest 5 % described. */
export async function tailRows(services: Services, queries: readonly BenchQuery[], passes: number): Promise<Row[]> {
  const cpu: number[][] = queries.map(() => []);
  for (let pass = 0; pass < passes; pass++) {
    for (const [i, q] of queries.entries()) {
      const c = process.cpuUsage();
      await askSearch(services, q);
      cpu[i]!.push(cpuMs(c));
    }
  }
  const rows = await Promise.all(
    queries.map(async (q, i) => {
      const root = planQuery(q.query, false).root;
      const exact = root ? ftsExpression(root, new Map(), 'exact') : null;
      const hits = exact
        ? ((
            await services.db.all<{ n: number }>('SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?', [
              exact,
            ])
          )[0]?.n ?? 0)
        : null;
      return { q, cpu: median(cpu[i]!), hits };
    }),
  );
  const sorted = rows.map((r) => r.cpu).sort((a, b) => a - b);
  const out: Row[] = [
    [
      `answers by their exact tier's hits (CPU, median of ${passes} passes each)`,
      `all: p50 ${percentile(sorted, 50).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms`,
    ],
  ];
  const bins: Array<[string, (n: number | null) => boolean]> = [
    ['< 100 hits', (n) => n !== null && n < 100],
    ['100-999', (n) => n !== null && n >= 100 && n < 1000],
    ['1,000-4,999', (n) => n !== null && n >= 1000 && n < 5000],
    ['5,000-19,999', (n) => n !== null && n >= 5000 && n < 20000],
    ['>= 20,000', (n) => n !== null && n >= 20000],
    ['fuzzy (no exact tier)', (n) => n === null],
  ];
  for (const [label, test] of bins) {
    const xs = rows
      .filter((r) => test(r.hits))
      .map((r) => r.cpu)
      .sort((a, b) => a - b);
    if (xs.length > 0)
      out.push([
        `  ${label}`,
        `${xs.length} queries: p50 ${percentile(xs, 50).toFixed(2)} ms, p95 ${percentile(xs, 95).toFixed(2)} ms`,
      ]);
  }
  const slow = rows.filter((r) => r.cpu >= percentile(sorted, 95));
  const kinds: Array<[string, (r: (typeof rows)[number]) => boolean]> = [
    ['a quoted phrase', (r) => r.q.query.includes('"')],
    ['fuzzy or prefix', (r) => /[~*]/.test(r.q.query)],
    ['>= 5,000 exact hits', (r) => (r.hits ?? 0) >= 5000],
    ['a filter', (r) => Object.keys(r.q.filter).length > 0],
  ];
  out.push([
    `  the slowest 5 % (${slow.length})`,
    kinds.map(([label, test]) => `${slow.filter(test).length} with ${label}`).join('; '),
  ]);
  return out;
}

/** makeSnippet's CPU per answer, on the pairs one pass of the queries used. */
export async function snippetRows(services: Services, queries: readonly BenchQuery[]): Promise<Row[]> {
  const perAnswer: SnippetCall[][] = [];
  const module = highlight as { makeSnippet: typeof highlight.makeSnippet };
  const makeSnippet = module.makeSnippet;
  // searchQuery calls it through the module's exports: collected as the answers are made.
  module.makeSnippet = (...call: SnippetCall) => {
    perAnswer[perAnswer.length - 1]!.push(call);
    return makeSnippet(...call);
  };
  try {
    for (const q of queries) {
      perAnswer.push([]);
      await askSearch(services, q);
    }
  } finally {
    module.makeSnippet = makeSnippet;
  }
  const times = perAnswer.map((calls) => {
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const c = process.cpuUsage();
      for (const call of calls) makeSnippet(...call);
      runs.push(cpuMs(c));
    }
    return median(runs);
  });
  const sorted = times.sort((a, b) => a - b);
  const n = perAnswer.reduce((s, calls) => s + calls.length, 0);
  return [
    [
      'snippets alone (makeSnippet, main thread)',
      `CPU per answer p50 ${percentile(sorted, 50).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms (${n} snippets in ${perAnswer.length} answers, each run 3 times)`,
    ],
  ];
}
