/**
 * bench:search's phases beside the timed queries, each in its own process
 * (so its RSS is its own):
 *  - answers: the ranked ids of every bench query (top 20, pass 1's request)
 *    from a given build's services, written to a file; two builds' files
 *    compared give "answers identical: N/N" (a change only for speed must
 *    keep them; a build that reads the index as stale, its analyzer being
 *    another, rebuilds it first, so each answers from its own keys).
 *  - entity fill: the main process's RSS, sampled, while the library's
 *    entity index fills in the background (a library migrated to the entity
 *    index catches up this way) and the bench queries run beside it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServices } from '../main/core/services';
import { stats } from './searchLibrary';
import { askSearch, type BenchQuery } from './searchQueries';

type Answers = Record<string, number[]>;

const keyOf = (q: BenchQuery): string => JSON.stringify([q.query, q.filter]);

function readQueries(dir: string): BenchQuery[] {
  return JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as BenchQuery[];
}

/** The ranked ids of every query in queries.json from the build whose `services.js` is given, into `out`. */
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
    for (const q of readQueries(dir)) answers[keyOf(q)] = (await askSearch(services, q)).items.map((hit) => hit.id);
  } finally {
    await services.close();
  }
  writeFileSync(out, JSON.stringify(answers));
}

/** "N/N" and the queries whose ranked ids differ. */
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
export async function entityFillPhase(dir: string, seconds: number): Promise<void> {
  const queries = readQueries(dir);
  const services = await createServices({ dbPath: join(dir, 'library.db'), host: 'electron' });
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
  await services.close();
  process.stdout.write(
    `entity index filling (${seconds} s, running ${before.running || after.running}): queue ${before.queued} -> ${after.queued} articles; ` +
      `main-process RSS peak ${(peak / 1e6).toFixed(0)} MB, at the end ${resident.toFixed(0)} MB (goal <= 250 MB); ` +
      `queries beside it ${stats(times)}\n`,
  );
}
