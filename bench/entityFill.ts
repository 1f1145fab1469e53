/**
 * The main process while the entity index fills, and after: a library whose
 * articles are all queued (a CLI import leaves them so) opened as the app
 * opens it, the background fill left to drain the queue, then the process's
 * RSS once the fill is over. Run it on a copy: the fill writes the library.
 *
 *   node bin/mizan.js import FILES --library COPY.db
 *   node --expose-gc dist/bench/entityFill.js COPY.db [--services DIR/dist/main/core/services.js]
 */
import { resolve } from 'node:path';
import type { createServices } from '../main/core/services';

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--services');
  const servicesModule = at >= 0 ? resolve(args[at + 1]!) : resolve(__dirname, '..', 'main', 'core', 'services.js');
  const dbPath = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--services');
  if (!dbPath) throw new Error('usage: node --expose-gc dist/bench/entityFill.js LIBRARY.db [--services MODULE]');
  const { createServices: open } = (await import(servicesModule)) as { createServices: typeof createServices };
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const services = await open({ dbPath, host: 'electron' });
  const queued = (await services.entities.progress()).queued;
  for (;;) {
    await pause(200);
    const progress = await services.entities.progress();
    if (progress.queued === 0 && !progress.running) break;
  }
  const filled = performance.now() - started;
  const used = process.cpuUsage(cpu);
  // What an idle app keeps: after the collector has run.
  await pause(1500);
  global.gc?.();
  await pause(500);
  clearInterval(sampler);
  process.stdout.write(
    `${servicesModule}: ${queued} articles read in ${(filled / 1000).toFixed(1)} s ` +
      `(CPU ${((used.user + used.system) / 1e6).toFixed(1)} s); main-process RSS peak ${(peak / 1e6).toFixed(0)} MB, ` +
      `after the fill ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB (goal <= 250 MB)\n`,
  );
  await services.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
