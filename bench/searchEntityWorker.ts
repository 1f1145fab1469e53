/**
 * The entity worker's memory and CPU under a V8 heap limit: the first 1,200
 * articles of bench:search's library (run `npm run bench:search` once first)
 * through the entity worker in chunks of 200, as the background fill sends
 * them, the process's RSS sampled every 20 ms.
 *
 *   node --expose-gc dist/bench/searchEntityWorker.js [OLD_MB] [YOUNG_MB]   (0 or none: V8's default)
 */
import { join } from 'node:path';
import { Database } from '../main/core/db/connection';
import type { ExtractRequest, ExtractResult } from '../main/core/entityIndex/extractTask';
import { createWorkerPool } from '../main/core/workers/pool';
import { benchDir } from './support';

const limit = (mb: number | undefined): string => (mb ? `${mb} MB` : "V8's default");

async function main(): Promise<void> {
  const [oldMb, youngMb] = process.argv.slice(2).map(Number);
  const db = await Database.open(join(benchDir('search'), 'library.db'));
  const rows = await db.all<ExtractRequest['articles'][number]>(
    'SELECT id, title, body, lang, published_iso AS publishedAt FROM articles ORDER BY id LIMIT 1200',
  );
  await db.close();
  global.gc?.();
  const base = process.memoryUsage().rss;
  const pool = createWorkerPool<ExtractRequest, ExtractResult>({
    script: join(__dirname, '..', 'main', 'core', 'entityIndex', 'entityWorker.js'),
    size: 1,
    resourceLimits: { maxOldGenerationSizeMb: oldMb || undefined, maxYoungGenerationSizeMb: youngMb || undefined },
  });
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += 200) await pool.run({ articles: rows.slice(i, i + 200) });
  const cpu = process.cpuUsage(c0);
  clearInterval(sampler);
  await pool.close();
  process.stdout.write(
    `old generation ${limit(oldMb)}, young ${limit(youngMb)}: ${rows.length} articles, ` +
      `RSS peak ${((peak - base) / 1e6).toFixed(0)} MB over the process's own, ` +
      `CPU ${((cpu.user + cpu.system) / 1e3).toFixed(0)} ms, wall ${(performance.now() - t0).toFixed(0)} ms\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
