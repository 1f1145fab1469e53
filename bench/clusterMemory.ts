/**
 * One full clustering job on a library, in this process (no worker, nothing stored): wall and CPU seconds, peak RSS,
 * and optionally every story's member ids, to check that a change to how the job holds its data places every
 * article as before.
 *
 *   node dist/bench/clusterMemory.js LIBRARY.db [--build DIST] [--stories OUT.json]
 *   node dist/bench/clusterMemory.js --same A.json B.json
 *
 * --build runs the job of another build (its dist folder), for before/after figures on one library. Give it a copy
 * of the library: the job only reads, but a library is never benchmarked in place.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { ClusterJobResult, runClusterJob as RunClusterJob } from '../main/core/compare/clusterJob';
import { defaultClusterOptions } from '../main/core/compare/clusterer';
import type { Connection as DbConnection } from '../main/core/db/connection';
import { peakRssMb } from './support';

interface Modules {
  runClusterJob: typeof RunClusterJob;
  Connection: typeof DbConnection;
}

function load(dist: string | undefined): Modules {
  const root = dist ? resolve(dist) : resolve(__dirname, '..');
  /* eslint-disable @typescript-eslint/no-require-imports */
  const job = require(resolve(root, 'main/core/compare/clusterJob.js')) as Pick<Modules, 'runClusterJob'>;
  const db = require(resolve(root, 'main/core/db/connection.js')) as Pick<Modules, 'Connection'>;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { runClusterJob: job.runClusterJob, Connection: db.Connection };
}

/**
 * Every story as its headline's id, then its member ids ascending, the stories ordered by their first member: no story
 * keys. Then the threads, as the stories' first members.
 */
function storiesOf(result: ClusterJobResult): number[][] {
  const members = new Map<number, number[]>();
  for (const p of result.placements) {
    const list = members.get(p.cluster);
    if (list) list.push(p.id);
    else members.set(p.cluster, [p.id]);
  }
  const headline = new Map(result.headlines.map((h) => [h.cluster, h.articleId]));
  const first = new Map([...members].map(([c, ids]) => [c, Math.min(...ids)]));
  const threads = new Map<number, number[]>();
  for (const t of result.threads) {
    if (t.thread === null) continue;
    const list = threads.get(t.thread);
    if (list) list.push(first.get(t.cluster)!);
    else threads.set(t.thread, [first.get(t.cluster)!]);
  }
  const stories = [...members].map(([c, ids]) => [headline.get(c) ?? 0, ...ids.sort((a, b) => a - b)]);
  stories.sort((a, b) => a[1]! - b[1]!);
  const linked = [...threads.values()].map((ids) => [-1, ...ids.sort((a, b) => a - b)]).sort((a, b) => a[1]! - b[1]!);
  return [...stories, ...linked];
}

function same(a: string, b: string): void {
  const left = JSON.parse(readFileSync(a, 'utf8')) as number[][];
  const right = JSON.parse(readFileSync(b, 'utf8')) as number[][];
  const key = (ids: number[]): string => ids.join(',');
  const rightKeys = new Set(right.map(key));
  const differ = left.filter((ids) => !rightKeys.has(key(ids)));
  process.stdout.write(
    `${left.length} / ${right.length} stories and threads; ${differ.length} of ${a} not in ${b} (by headline and members)\n`,
  );
  for (const ids of differ.slice(0, 10)) process.stdout.write(`  ${key(ids)}\n`);
  process.exitCode = differ.length === 0 && left.length === right.length ? 0 : 1;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--same') return same(args[1]!, args[2]!);
  const flag = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const path = args[0];
  if (!path || path.startsWith('--'))
    throw new Error('usage: clusterMemory.js LIBRARY.db [--build DIST] [--stories OUT]');
  const { runClusterJob, Connection } = load(flag('--build'));
  const db = await Connection.open(path, 'readonly');
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  // With --phases, the memory in use when each phase starts and when its first step of placing is reported.
  let label = '';
  let steps = 0;
  const phases = args.includes('--phases');
  const result = await runClusterJob(db, { mode: 'full', options: defaultClusterOptions }, (_done, _total, now) => {
    if (!phases || (now === label && ++steps !== 2)) return;
    if (now !== label) steps = 0;
    label = now;
    const m = process.memoryUsage();
    const mb = (n: number): string => `${(n / 2 ** 20).toFixed(0)} MB`;
    process.stdout.write(`  ${now}: rss ${mb(m.rss)}, heap ${mb(m.heapUsed)}, buffers ${mb(m.arrayBuffers)}\n`);
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(c0);
  await db.close();
  const stories = storiesOf(result);
  process.stdout.write(
    `${flag('--build') ?? 'this build'}: ${result.placements.length} articles, ${result.headlines.length} stories, ` +
      `${result.analysed} analysed; ${seconds.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU, ` +
      `peak RSS ${peakRssMb().toFixed(0)} MB; load ${loadavg()[0]!.toFixed(1)}\n`,
  );
  const out = flag('--stories');
  if (out) writeFileSync(out, JSON.stringify(stories));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
