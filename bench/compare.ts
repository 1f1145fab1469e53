/**
 * npm run bench:compare — source comparison on SaudiNewsNet (31,030 records,
 * 14 outlets) through the same services the app uses (clustering in a
 * worker thread):
 *   1. import everything but 1,000 records, cluster it;
 *   2. import the 1,000 held back and place them into the existing stories
 *      (incremental);
 *   3. forget every signature and cluster all articles from scratch (full);
 *   4. re-cluster with cached signatures (what a settings change costs);
 *   5. align 500 same-story pairs (different outlets, one cluster) with
 *      their fact ledgers, and the pairs of ~1,000-word articles among them.
 * Prints times and peak RSS. Goals: full clustering <= 60 s,
 * 1,000 incremental <= 5 s, a pair of 1,000-word articles aligned <= 150 ms.
 *
 *   node dist/bench/compare.js [--reuse-import]
 * --reuse-import starts from the library imported by the previous run (the
 * import is not what is measured here and takes minutes on a busy machine).
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CallContext, ClusterRun } from '../preload/contract';
import { compareTexts } from '../main/core/compare/comparison';
import { createServices, type Services } from '../main/core/services';
import { benchDir, peakRssMb, printTable, sharedData } from './support';

const HELD_OUT = 1000;
const PAIRS = 500;

function ctx(): CallContext {
  return { signal: new AbortController().signal, progress: () => undefined };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = process.hrtime.bigint();
  const value = await work();
  return { value, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

const words = (text: string): number => text.split(/\s+/u).filter(Boolean).length;

/** The data set split in two: every file but the last 1,000 records of the last day, and those records. */
function splitData(dir: string): { main: string[]; heldOut: string } {
  const folder = sharedData('saudinewsnet');
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.json.gz'))
    .sort();
  const last = files.pop()!;
  const records = JSON.parse(gunzipSync(readFileSync(join(folder, last))).toString('utf8')) as unknown[];
  const head = join(dir, `head-${last}`);
  const tail = join(dir, `held-out-${last}`);
  writeFileSync(head, gzipSync(JSON.stringify(records.slice(0, records.length - HELD_OUT))));
  writeFileSync(tail, gzipSync(JSON.stringify(records.slice(records.length - HELD_OUT))));
  return { main: [...files.map((f) => join(folder, f)), head], heldOut: tail };
}

type TimedRun = ClusterRun & { wall: number; cpu: number; phases: string };

/** CPU seconds of this process, worker threads included: what a run costs when the machine is shared. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** A clustering run with the time each phase its progress names took (and storing, after the last). */
async function clusterRun(services: Services, mode: 'full' | 'incremental'): Promise<TimedRun> {
  const spans = new Map<string, [number, number]>();
  const t0 = process.hrtime.bigint();
  const at = (): number => Number(process.hrtime.bigint() - t0) / 1e9;
  const progress: CallContext['progress'] = (_done, _total, label) => {
    if (!label) return;
    const now = at();
    const span = spans.get(label);
    if (span) span[1] = now;
    else spans.set(label, [now, now]);
  };
  const cpu0 = cpuSeconds();
  const value = await services.handlers['compare.cluster'](
    { mode },
    { signal: new AbortController().signal, progress },
  );
  const wall = at();
  const cpu = cpuSeconds() - cpu0;
  const list = [...spans];
  const parts = list.map(
    ([label, [start]], i) => `${label.split(' ')[0]} ${((list[i + 1]?.[1][0] ?? list[i]![1][1]) - start).toFixed(1)}`,
  );
  const lastEnd = list.length > 0 ? list[list.length - 1]![1][1] : 0;
  parts.push(`storing ${(wall - lastEnd).toFixed(1)} s`);
  return { ...value, wall, cpu, phases: parts.join(', ') };
}

interface PairTiming {
  pair: [number, number];
  ms: number;
  cpuMs: number;
  words: [number, number];
}

async function main(): Promise<void> {
  const dir = benchDir('compare');
  const dbPath = join(dir, 'library.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  const { main: files, heldOut } = splitData(dir);
  const load = loadavg()[0]!.toFixed(1);

  const saved = join(dir, 'imported.db');
  const reuse = process.argv.includes('--reuse-import') && existsSync(saved);
  if (reuse) copyFileSync(saved, dbPath);
  // Clustering is what is timed here: not the run each import would start by itself.
  const services = await createServices({ dbPath, host: 'cli', storiesAfterImport: false });
  const imported = reuse
    ? {
        value: {
          imported: new Array<unknown>(
            (await services.db.get<{ n: number }>('SELECT count(*) AS n FROM articles'))?.n ?? 0,
          ),
        },
        seconds: 0,
      }
    : await timed(() => services.handlers['library.importFiles']({ paths: files }, ctx()));
  const rssAfterImport = peakRssMb();
  if (!reuse) {
    await services.db.exclusive((w) => w.exec('PRAGMA wal_checkpoint(TRUNCATE)'));
    copyFileSync(dbPath, saved);
  }
  const first = await clusterRun(services, 'full');
  const rssAfterFirst = peakRssMb();

  const added = await timed(() => services.handlers['library.importFiles']({ paths: [heldOut] }, ctx()));
  const incremental = await clusterRun(services, 'incremental');

  // From scratch: no signature, no story.
  await services.db.write(async (w) => {
    await w.run('DELETE FROM cluster_members');
    await w.run('DELETE FROM clusters');
    await w.run('DELETE FROM cluster_signatures');
    await w.run('DELETE FROM cluster_state');
  });
  const full = await clusterRun(services, 'full');
  const rssAfterFull = peakRssMb();
  const recluster = await clusterRun(services, 'full');

  // What the clusters view and "other coverage" cost on the whole library.
  const listed = await timed(() =>
    services.handlers['compare.clusters']({ offset: 0, limit: 50, sort: 'size', minSize: 2, minOutlets: 2 }, ctx()),
  );
  const anyArticle = listed.value.items[0]!.articles[0]!.id;
  const other = await timed(() => services.handlers['compare.getCluster']({ articleId: anyArticle }, ctx()));

  // Same-story pairs: two outlets in one cluster, spread over the clusters.
  const pairs: Array<[number, number]> = [];
  for (let offset = 0; pairs.length < PAIRS; offset += 500) {
    const page = await services.handlers['compare.clusters'](
      { offset, limit: 500, sort: 'size', minSize: 2, minOutlets: 2 },
      ctx(),
    );
    if (page.items.length === 0) break;
    for (const c of page.items) {
      const a = c.articles[0]!;
      const b = c.articles.find((x) => x.sourceId !== a.sourceId);
      if (b && pairs.length < PAIRS) pairs.push([a.id, b.id]);
    }
  }
  const bodies = new Map<number, { body: string; iso: string | null }>();
  for (const row of await services.db.all<{ id: number; body: string; published_iso: string | null }>(
    'SELECT id, body, published_iso FROM articles WHERE id IN (SELECT value FROM json_each(?))',
    [JSON.stringify(pairs.flat())],
  ))
    bodies.set(row.id, { body: row.body, iso: row.published_iso });
  // Warm up the analyzer and the aligner once, as an open app would be.
  const [w0, w1] = pairs[0]!;
  compareTexts([{ text: bodies.get(w0)!.body }, { text: bodies.get(w1)!.body }]);
  const timings: PairTiming[] = [];
  let conflicts = 0;
  let rows = 0;
  for (const [a, b] of pairs) {
    const A = bodies.get(a)!;
    const B = bodies.get(b)!;
    const t0 = process.hrtime.bigint();
    const c0 = cpuSeconds();
    const c = compareTexts([
      { text: A.body, reference: A.iso ?? undefined },
      { text: B.body, reference: B.iso ?? undefined },
    ]);
    timings.push({
      pair: [a, b],
      ms: Number(process.hrtime.bigint() - t0) / 1e6,
      cpuMs: (cpuSeconds() - c0) * 1000,
      words: [words(A.body), words(B.body)],
    });
    conflicts += c.conflicts.length;
    rows += c.alignment.rows.length;
  }
  const sorted = timings.map((t) => t.ms).sort((x, y) => x - y);
  const thousand = timings.filter((t) => t.words.every((n) => n >= 800 && n <= 1300));
  const thousandSorted = thousand.map((t) => t.ms).sort((x, y) => x - y);
  const thousandCpu = thousand.map((t) => t.cpuMs).sort((x, y) => x - y);
  const cpuSorted = timings.map((t) => t.cpuMs).sort((x, y) => x - y);
  const longest = [...timings].sort((x, y) => y.words[0] + y.words[1] - (x.words[0] + x.words[1]))[0]!;
  const viaContract = await timed(() => services.handlers['compare.articles']({ articleIds: [...pairs[0]!] }, ctx()));
  await services.close();
  // The longest pair again, 9 times with the services closed: the process's CPU is then the comparison's alone (the
  // library's background threads no longer count), and a median is less at the mercy of one busy moment.
  const again: Array<{ ms: number; cpuMs: number }> = [];
  for (let i = 0; i < 9; i++) {
    const [a, b] = [bodies.get(longest.pair[0])!, bodies.get(longest.pair[1])!];
    const t0 = process.hrtime.bigint();
    const c0 = cpuSeconds();
    compareTexts([
      { text: a.body, reference: a.iso ?? undefined },
      { text: b.body, reference: b.iso ?? undefined },
    ]);
    again.push({ ms: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: (cpuSeconds() - c0) * 1000 });
  }
  const againMs = again.map((t) => t.ms).sort((x, y) => x - y);
  const againCpu = again.map((t) => t.cpuMs).sort((x, y) => x - y);

  const fmtRun = (r: TimedRun): string =>
    `${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU (${r.placed} placed, ${r.analysed} analysed; ${r.stories} stories of 2+, ${r.clusters} clusters) [${r.phases}]`;
  printTable('bench:compare — SaudiNewsNet story clusters and alignment', [
    ['machine load (1 min avg) at start', `${load} on ${cpus().length} cores`],
    [
      'import (not a goal here)',
      reuse
        ? `${imported.value.imported.length} articles, reused from the previous run`
        : `${imported.value.imported.length} articles in ${imported.seconds.toFixed(1)} s`,
    ],
    ['first clustering (all but 1,000)', fmtRun(first)],
    ['import of the 1,000 held back', `${added.value.imported.length} articles in ${added.seconds.toFixed(1)} s`],
    ['incremental: 1,000 new into stories', fmtRun(incremental)],
    ['full from scratch (no signatures)', fmtRun(full)],
    ['full re-cluster (cached signatures)', fmtRun(recluster)],
    [
      'peak RSS after import / first / full clustering',
      `${rssAfterImport.toFixed(0)} MB / ${rssAfterFirst.toFixed(0)} MB / ${rssAfterFull.toFixed(0)} MB`,
    ],
    [
      `align + fact ledger, ${timings.length} same-story pairs`,
      `wall median ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms; CPU median ${percentile(cpuSorted, 0.5).toFixed(1)} ms, p95 ${percentile(cpuSorted, 0.95).toFixed(1)} ms`,
    ],
    [
      '  pairs of 800-1,300-word articles',
      thousand.length > 0
        ? `${thousand.length}: wall median ${percentile(thousandSorted, 0.5).toFixed(1)} ms, max ${thousandSorted[thousandSorted.length - 1]!.toFixed(1)} ms; CPU median ${percentile(thousandCpu, 0.5).toFixed(1)} ms, max ${thousandCpu[thousandCpu.length - 1]!.toFixed(1)} ms`
        : 'none among the pairs',
    ],
    [
      '  longest pair',
      `${longest.words[0]} + ${longest.words[1]} words: ${longest.ms.toFixed(1)} ms wall, ${longest.cpuMs.toFixed(1)} ms CPU`,
    ],
    [
      '  longest pair alone, 9 runs',
      `wall median ${percentile(againMs, 0.5).toFixed(1)} ms (min ${againMs[0]!.toFixed(1)}), CPU median ${percentile(againCpu, 0.5).toFixed(1)} ms (min ${againCpu[0]!.toFixed(1)})`,
    ],
    ['  rows / conflicts found', `${rows} rows, ${conflicts} conflicts`],
    [
      'compare.clusters (first 50 of the multi-outlet stories)',
      `${(listed.seconds * 1000).toFixed(0)} ms (${listed.value.total} stories told by 2+ outlets)`,
    ],
    ['compare.getCluster (other coverage of an article)', `${(other.seconds * 1000).toFixed(1)} ms`],
    [
      'compare.articles through the contract',
      `${(viaContract.seconds * 1000).toFixed(1)} ms (one pair, with the SQLite read)`,
    ],
    ['peak RSS', `${peakRssMb().toFixed(0)} MB`],
    ['goals', 'full <= 60 s, 1,000 incremental <= 5 s, 1,000-word pair <= 150 ms'],
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
